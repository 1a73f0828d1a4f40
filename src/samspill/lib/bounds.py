"""Sane ranges for numbers and dates that people type, in one place.

Forms, services and API schemas all ask these, so a negative wage or a start in year 9999
is refused with the same Norwegian message everywhere, before it reaches a calculation
(where it gave negative subsidies) or the calendar (where it gave a server error).
No models or forms: a bad value raises ``InvalidValue``, whose text is the message to show
(numbers in it written the active language's way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.lib.validation import InvalidValue

#: Dates of real events (a start, an end, a deadline, a contact): far enough back for any
#: history, far enough ahead for any plan, and well inside what date arithmetic can handle.
FIRST_YEAR = 1900
LAST_YEAR = 2100

Number = int | Decimal | float


@dataclass(frozen=True)
class Range:
    low: Number
    high: Number
    #: What the number is, for the message ("timer per uke").
    what: StrOrPromise

    def message(self) -> str:
        return _("Skriv et tall fra %(low)s til %(high)s (%(what)s).") % {
            "low": _show(self.low),
            "high": _show(self.high),
            "what": self.what,
        }

    def check(self, value: Number | None) -> None:
        if value is None:
            return
        if isinstance(value, float | Decimal) and not _finite(value):
            raise InvalidValue(self.message())
        if not self.low <= value <= self.high:
            raise InvalidValue(self.message())


def _finite(value: float | Decimal) -> bool:
    return (
        value.is_finite()
        if isinstance(value, Decimal)
        else value == value and abs(value) != float("inf")
    )


def _show(number: Number) -> str:
    """«1 000 000», «0,5»: the active language's separators."""
    return number_format(number, force_grouping=True)


MONTHLY_WAGE = Range(1, 1_000_000, gettext_lazy("kroner i måneden"))
#: Holiday pay, pension and employer's tax as decimals (0.12 is 12 %).
RATE = Range(Decimal(0), Decimal("0.5"), gettext_lazy("som desimaltall, f.eks. 0,12"))
PERCENT = Range(0, 100, gettext_lazy("prosent"))
HOURS_PER_WEEK = Range(Decimal(0), Decimal(60), gettext_lazy("timer per uke"))
HOURS_PER_MONTH = Range(Decimal(0), Decimal(250), gettext_lazy("timer per måned"))
AMOUNT = Range(0, 10_000_000, gettext_lazy("kroner"))
KILOMETRES = Range(0, 1000, gettext_lazy("kilometer"))
AGE = Range(0, 120, gettext_lazy("år"))
#: Counts typed by people (group sizes in an estimate, a number of days).
COUNT = Range(0, 10_000_000, gettext_lazy("antall"))
DAYS = Range(0, 3660, "dager")


def date_message() -> str:
    return _("Skriv en dato mellom år %(FIRST_YEAR)s og %(LAST_YEAR)s.") % {
        "FIRST_YEAR": FIRST_YEAR,
        "LAST_YEAR": LAST_YEAR,
    }


def check_date(value: date | None) -> None:
    """A date of a real event lies within the years ``FIRST_YEAR``–``LAST_YEAR``."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InvalidValue(date_message())


def errors_of(values: dict[str, object], ranges: dict[str, Range]) -> dict[str, str]:
    """Every field out of its range (numbers) or its years (dates), with the message."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            if isinstance(value, date):
                check_date(value)
            elif name in ranges and isinstance(value, int | Decimal | float):
                ranges[name].check(value)
        except InvalidValue as error:
            errors[name] = str(error)
    return errors
