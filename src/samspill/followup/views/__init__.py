"""Follow-up pages: thin views (access function → form → service → redirect)."""
