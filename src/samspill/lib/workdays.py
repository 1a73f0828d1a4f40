"""Working days in Norway: weekends and public holidays (the ``holidays`` package) are off."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _norwegian_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NO", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _norwegian_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
