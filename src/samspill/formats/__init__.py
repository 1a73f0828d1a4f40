"""Samspill's own date and number formats per language (settings.FORMAT_MODULE_PATH).

Only what differs from Django's formats for the language is here; the rest (decimal comma,
thousands separator, input formats) is Django's.
"""
