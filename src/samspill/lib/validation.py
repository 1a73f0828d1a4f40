"""Framework-free validation helpers. Messages are Norwegian: they reach users as they are."""

from __future__ import annotations

from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.no import orgnr


class InvalidValue(ValueError):
    """A value a user typed is wrong; ``str(error)`` is the message to show them."""


def normalize_org_number(value: str) -> str:
    """Return the nine-digit organisation number, or raise with a message a user can act on.

    Spaces are allowed (``974 760 673``); the ninth digit is the mod-11 check digit.
    """
    compact = orgnr.compact(value or "")
    if not compact:
        raise InvalidValue(_("Skriv inn organisasjonsnummeret (ni siffer)."))
    if not compact.isdigit():
        raise InvalidValue(_("Organisasjonsnummeret kan bare inneholde siffer."))
    if len(compact) != 9:
        raise InvalidValue(
            _("Organisasjonsnummeret må ha ni siffer (du skrev %(compact)s).")
            % {"compact": len(compact)}
        )
    try:
        return str(orgnr.validate(compact))
    except stdnum_exceptions.InvalidChecksum:
        raise InvalidValue(
            _(
                "Organisasjonsnummeret er ikke gyldig: kontrollsifferet stemmer ikke. "
                "Sjekk at du har skrevet av riktig fra Enhetsregisteret."
            )
        ) from None
    except stdnum_exceptions.ValidationError:
        raise InvalidValue(_("Organisasjonsnummeret er ikke gyldig.")) from None


def format_org_number(value: str) -> str:
    """``974760673`` → ``974 760 673``, the way Brønnøysund writes it."""
    return str(orgnr.format(value))


_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def org_number_from_base(base: str) -> str | None:
    """Complete eight digits with the mod-11 check digit; ``None`` if no valid digit exists.

    Used to make synthetic organisation numbers for demo and test data.
    """
    if len(base) != 8 or not base.isdigit():
        raise ValueError("base must be eight digits")
    remainder = sum(int(d) * w for d, w in zip(base, _ORG_WEIGHTS, strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else f"{base}{check}"
