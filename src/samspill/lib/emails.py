"""E-mail addresses made from names (for synthetic data): ASCII only, so they validate."""

from __future__ import annotations

import re
import unicodedata

_NORWEGIAN = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa"})


def email_local_part(*parts: str) -> str:
    """``("Åse Marie", "Sæther-Øien")`` → ``aasemarie.saetheroien``: æ/ø/å transliterated,
    other accents dropped, anything but letters and digits removed, parts joined by dots."""
    words = []
    for part in parts:
        text = unicodedata.normalize("NFKD", part.translate(_NORWEGIAN))
        text = text.encode("ascii", "ignore").decode().lower()
        text = re.sub(r"[^a-z0-9]", "", text)
        if text:
            words.append(text)
    return ".".join(words) or "person"
