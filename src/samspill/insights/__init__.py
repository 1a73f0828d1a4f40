"""Innsikt: outcomes and retention, caseload and follow-up figures, the equity monitor,
IPS fidelity reviews and pilot evaluation by difference-in-differences."""
