"""The engine's texts in the user's language, without importing Django.

The engine is pure Python (``tests/test_engine_purity.py``), so it cannot call Django's
gettext itself. Its texts are bokmål msgids like everywhere else, marked for
``make messages`` with ``gettext()`` (translated when called) and ``gettext_noop()`` (a
table's label, translated where it is shown, through ``gettext()``): Django's names, so
the tools know them, but these functions. The Django side installs its gettext when the
app starts (``matching/apps.py``); without it, as in the engine's own tests, a text stays
as written.
"""

from __future__ import annotations

from collections.abc import Callable


def _unchanged(message: str) -> str:
    return message


_translate: Callable[[str], str] = _unchanged


def install(translate: Callable[[str], str]) -> None:
    """Use ``translate`` (Django's ``gettext``) for every text the engine shows."""
    global _translate
    _translate = translate


def gettext(message: str) -> str:
    # "" stays "": gettext("") would be the catalogue's header.
    return _translate(message) if message else message


def gettext_noop(message: str) -> str:
    return message
