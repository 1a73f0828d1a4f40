"""Employer pages, split by subject. Every view is thin: access → form → service → redirect."""
