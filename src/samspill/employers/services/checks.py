"""Shared input checks for the employer services. Messages are Norwegian and keyed to fields."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill.lib import bounds
from samspill.lib.validation import InvalidValue

#: The most hours a week an opening or task can fill: the ordinary working week
#: (arbeidsmiljøloven § 10-4 (1): alminnelig arbeidstid skal ikke overstige 40 timer i uken).
MAX_HOURS_PER_WEEK = Decimal(40)
MIN_HOURS_PER_WEEK = Decimal("0.5")
#: Mainland Norway, Svalbard and Jan Mayen, generously boxed.
LATITUDE_RANGE = (57.0, 81.0)
LONGITUDE_RANGE = (-10.0, 35.0)


class Errors:
    """Collect every problem in the input, then raise them together, each at its field."""

    def __init__(self) -> None:
        self.messages: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.messages.setdefault(field, []).append(message)

    def __contains__(self, field: str) -> bool:
        return field in self.messages

    def raise_if_any(self) -> None:
        if self.messages:
            raise ValidationError(self.messages)


def required_text(errors: Errors, field: str, value: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        errors.add(field, message)
    return text


_PHONE_PUNCTUATION = re.compile(r"[\s().-]")


def normalize_phone(errors: Errors, field: str, value: str) -> str:
    """Eight digits for a Norwegian number (``+47`` is dropped); ``+`` and a country code for
    a foreign one."""
    compact = _PHONE_PUNCTUATION.sub("", value or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+47"):
        compact = compact[3:]
    if not compact:
        errors.add(field, _("Skriv inn telefonnummeret."))
    elif compact.startswith("+") and compact[1:].isdigit() and 8 <= len(compact) - 1 <= 15:
        return compact
    elif not (compact.isdigit() and len(compact) == 8):
        errors.add(
            field,
            _(
                "Telefonnummeret må ha åtte siffer, eller starte med + og landskode "
                "(f.eks. 912 34 567 eller +46 70 123 45 67)."
            ),
        )
    return compact


def check_hours(errors: Errors, field: str, hours: Decimal | float | int | None) -> Decimal:
    value = Decimal(str(hours)) if hours is not None else Decimal(0)
    if hours is None:
        errors.add(field, _("Skriv inn antall timer per uke."))
    elif not MIN_HOURS_PER_WEEK <= value <= MAX_HOURS_PER_WEEK:
        errors.add(field, _("Timer per uke må være mellom 0,5 og 40."))
    elif value != value.quantize(Decimal("0.1")):
        errors.add(field, _("Timer per uke kan ha høyst én desimal (f.eks. 7,5)."))
    return value


def check_coordinates(errors: Errors, latitude: float | None, longitude: float | None) -> None:
    if latitude is None:
        errors.add("latitude", _("Skriv inn breddegrad (f.eks. 59,91)."))
    elif not LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]:
        errors.add("latitude", _("Breddegraden må ligge i Norge (mellom 57 og 81)."))
    if longitude is None:
        errors.add("longitude", _("Skriv inn lengdegrad (f.eks. 10,75)."))
    elif not LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]:
        errors.add("longitude", _("Lengdegraden må ligge i Norge (mellom −10 og 35)."))


def check_choice(errors: Errors, field: str, value: str, choices: Iterable[str], label: str) -> str:
    if value not in set(choices):
        errors.add(field, _("Velg %(label)s fra listen.") % {"label": label})
    return value


def nb_date(day: date) -> str:
    """The day in the active language's short date format («08.03.2027» in bokmål)."""
    return date_format(day, "SHORT_DATE_FORMAT")


def check_dates(errors: Errors, **dates: date | None) -> None:
    """Each date of a real event within sane years (``lib/bounds.py``), at its field."""
    for field, day in dates.items():
        try:
            bounds.check_date(day)
        except InvalidValue as error:
            errors.add(field, str(error))
