from datetime import date

import pytest

from samspill.lib.workdays import add_working_days, is_working_day


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 6, 1), date(2026, 6, 2)),  # Monday → Tuesday
        (date(2026, 6, 5), date(2026, 6, 8)),  # Friday → Monday
        (date(2026, 6, 6), date(2026, 6, 8)),  # Saturday → Monday
        (date(2026, 4, 1), date(2026, 4, 7)),  # Wednesday before Easter → Tuesday after
        (date(2026, 5, 13), date(2026, 5, 15)),  # Ascension Day (14 May) is off
        (date(2026, 5, 15), date(2026, 5, 18)),  # 17 May 2026 is a Sunday anyway
        (date(2026, 12, 24), date(2026, 12, 28)),  # Christmas Day and Boxing Day
    ],
)
def test_next_working_day_skips_weekends_and_norwegian_holidays(
    start: date, expected: date
) -> None:
    assert add_working_days(start, 1) == expected


def test_constitution_day_on_a_weekday_is_off() -> None:
    assert not is_working_day(date(2027, 5, 17))  # a Monday
    assert is_working_day(date(2027, 5, 18))
