"""The wage-subsidy calculation, exactly as specified (issue 5, «The wage-subsidy calculation»).

Framework-free and in ``Decimal`` throughout; floats never touch money. With monthly wage M
(whole kroner) and rates as decimals:

- holiday pay = fp × M; pension = otp × (M + holiday pay);
  employer tax = aga × (M + holiday pay + pension)
- monthly cost = M + (holiday pay + pension + employer tax), the three rounded half-up as one sum
- monthly subsidy = cost × percentage / 100, rounded half-up
- the period is split at every date where the percentage changes, then into calendar months;
  each part pays whole months × the monthly amount + remaining days × monthly / 30.4375
  (rounded half-up), counted from the part's start to the day after its end.

Missing inputs give no figure (``None``) rather than a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from samspill.lib import bounds
from samspill.lib.dates import add_months
from samspill.lib.validation import InvalidValue

#: Average days in a month (365.25 / 12), for the remaining days of a part-month.
DAYS_PER_MONTH = Decimal("30.4375")
#: Working hours in a year, for turning a mentor's wage into an hourly rate.
HOURS_PER_YEAR = Decimal(1950)
#: Hours per wage period: 1950 a year, 1950/12 a month, 1950/52 a week, 1950/260 a day.
HOURS_PER_PERIOD: dict[str, Decimal] = {
    "year": HOURS_PER_YEAR,
    "month": HOURS_PER_YEAR / 12,
    "week": HOURS_PER_YEAR / 52,
    "day": HOURS_PER_YEAR / 260,
    "hour": Decimal(1),
}


#: The sane range of every number an agreement's calculation takes (``lib/bounds.py``).
INPUT_RANGES: dict[str, bounds.Range] = {
    "monthly_wage": bounds.MONTHLY_WAGE,
    "holiday_pay_rate": bounds.RATE,
    "pension_rate": bounds.RATE,
    "employer_tax_rate": bounds.RATE,
    "percentage": bounds.PERCENT,
    "hours_per_week": bounds.HOURS_PER_WEEK,
    "mentor_wage": bounds.AMOUNT,
    "mentor_position_percent": bounds.PERCENT,
    "mentor_hours_per_month": bounds.HOURS_PER_MONTH,
    "expenses": bounds.AMOUNT,
    "participant_age": bounds.AGE,
}


def check_inputs(values: dict[str, object]) -> dict[str, str]:
    """Numbers outside their range and dates outside sane years, by field, with the message."""
    return bounds.errors_of(values, INPUT_RANGES)


def round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Rates:
    holiday_pay: Decimal
    pension: Decimal
    employer_tax: Decimal


@dataclass(frozen=True)
class Step:
    """A tilskuddstrinn: a stretch of time with one percentage."""

    start: date
    end: date
    percentage: int
    monthly_subsidy: int


@dataclass(frozen=True)
class Period:
    """One calendar month (or part of one) within a step, and what it pays."""

    start: date
    end: date
    percentage: int
    amount: int


@dataclass(frozen=True)
class Calculation:
    monthly_cost: int
    steps: tuple[Step, ...]
    periods: tuple[Period, ...]

    @property
    def total(self) -> int:
        return sum(period.amount for period in self.periods)


def monthly_cost(monthly_wage: int, rates: Rates) -> int:
    wage = Decimal(monthly_wage)
    holiday = rates.holiday_pay * wage
    pension = rates.pension * (wage + holiday)
    tax = rates.employer_tax * (wage + holiday + pension)
    return monthly_wage + round_half_up(holiday + pension + tax)


def monthly_subsidy(cost: int, percentage: int) -> int:
    return round_half_up(Decimal(cost) * Decimal(percentage) / 100)


def months_and_days(start: date, end: date) -> tuple[int, int]:
    """Whole months and remaining days from ``start`` to the day after ``end``."""
    stop = end + timedelta(days=1)
    months = 0
    while add_months(start, months + 1) <= stop:
        months += 1
    return months, (stop - add_months(start, months)).days


def period_amount(monthly: int, start: date, end: date) -> int:
    months, days = months_and_days(start, end)
    return months * monthly + round_half_up(Decimal(days) * Decimal(monthly) / DAYS_PER_MONTH)


def _calendar_parts(start: date, end: date) -> list[tuple[date, date]]:
    parts = []
    while start <= end:
        month_end = add_months(start.replace(day=1), 1) - timedelta(days=1)
        parts.append((start, min(end, month_end)))
        start = min(end, month_end) + timedelta(days=1)
    return parts


def calculate(
    *, monthly_wage: int | None, rates: Rates | None, schedule: list[tuple[date, date, int]]
) -> Calculation | None:
    """The subsidy for a percentage ``schedule`` of (start, end, percentage), or ``None``."""
    if monthly_wage is None or rates is None or not schedule:
        return None
    errors = check_inputs(
        {
            "monthly_wage": monthly_wage,
            "holiday_pay_rate": rates.holiday_pay,
            "pension_rate": rates.pension,
            "employer_tax_rate": rates.employer_tax,
        }
        | {f"step_{i}": day for i, step in enumerate(schedule) for day in step[:2]}
    )
    if errors:  # the callers check first; this keeps a wrong figure from ever being made
        raise InvalidValue(" ".join(sorted(set(errors.values()))))
    cost = monthly_cost(monthly_wage, rates)
    steps = tuple(Step(s, e, p, monthly_subsidy(cost, p)) for s, e, p in schedule)
    periods = tuple(
        Period(part_start, part_end, step.percentage, period_amount(step.monthly_subsidy, *part))
        for step in steps
        for part in _calendar_parts(step.start, step.end)
        for part_start, part_end in [part]
    )
    return Calculation(monthly_cost=cost, steps=steps, periods=periods)


def mentor_hourly_pay(wage: int, per: str, position_percent: Decimal) -> int | None:
    """The mentor's hourly pay: wage over the period's hours, scaled to a full position."""
    if per not in HOURS_PER_PERIOD or not position_percent or position_percent <= 0:
        return None
    return round_half_up(Decimal(wage) / HOURS_PER_PERIOD[per] * 100 / position_percent)


def mentor_monthly_base(
    wage: int | None, per: str, position_percent: Decimal | None, hours_per_month: Decimal | None
) -> int | None:
    """What the mentor's hours cost in wages a month (whole kroner), the M of the cost chain."""
    if wage is None or position_percent is None or hours_per_month is None:
        return None
    hourly = mentor_hourly_pay(wage, per, position_percent)
    return None if hourly is None else round_half_up(hourly * hours_per_month)
