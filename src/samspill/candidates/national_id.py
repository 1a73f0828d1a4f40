"""The national identity number: fødselsnummer or D-nummer, checked with python-stdnum.

Stored as its eleven digits (the lookup key for duplicates), shown masked everywhere
(«010190 *****»: the birth date part only), and unmasked only on request to the staff who
follow the person up (``candidates.access.national_id_for_user``), audited.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions
from stdnum.no import fodselsnummer


def clean_national_id(value: str) -> str:
    """The eleven digits of a valid fødselsnummer or D-nummer, or a Norwegian error."""
    number = fodselsnummer.compact(value or "")
    if not number:
        raise ValidationError(_("Skriv fødselsnummeret eller D-nummeret."))
    if not number.isdigit():
        raise ValidationError(_("Fødselsnummeret kan bare ha sifre."))
    if len(number) != 11:
        raise ValidationError(
            _("Fødselsnummeret har 11 sifre; du skrev %(count)s.") % {"count": len(number)}
        )
    try:
        fodselsnummer.validate(number)
    except exceptions.InvalidChecksum:
        raise ValidationError(
            _("Kontrollsifrene stemmer ikke. Sjekk at fødselsnummeret er skrevet riktig.")
        ) from None
    except exceptions.ValidationError:
        raise ValidationError(_("Fødselsnummeret inneholder ikke en gyldig fødselsdato.")) from None
    if int(number[2:4]) > 12:  # an H-number (40 added to the month) is no one's own
        raise ValidationError(_("Skriv et fødselsnummer eller D-nummer, ikke et hjelpenummer."))
    return number


def birth_date_of(number: str) -> date:
    """The birth date in a valid number (a D-number adds 40 to the day)."""
    return fodselsnummer.get_birth_date(number)


def masked(number: str) -> str:
    """«010190 *****»: the date part, never the personal digits."""
    return f"{number[:6]} *****"
