"""Synthetic demo data. Every person, phone number and e-mail address here is made up."""
