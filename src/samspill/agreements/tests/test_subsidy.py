"""The wage-subsidy calculation, pinned to worked examples computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from samspill.agreements import measures, subsidy
from samspill.agreements.measures import Terms

RATES = subsidy.Rates(Decimal("0.12"), Decimal("0.02"), Decimal("0.141"))


def test_monthly_cost_rounds_the_three_additions_as_one_sum() -> None:
    # holiday 3600; pension 0.02 × 33 600 = 672; tax 0.141 × 34 272 = 4832.352
    # 3600 + 672 + 4832.352 = 9104.352 → 9104
    assert subsidy.monthly_cost(30_000, RATES) == 39_104


def test_one_sum_is_not_three_roundings() -> None:
    # M = 1: holiday 0.5, pension 0.4 × 1.5 = 0.6, tax 0: one sum 1.1 → 1 (separately 1 + 1)
    rates = subsidy.Rates(Decimal("0.5"), Decimal("0.4"), Decimal("0"))
    assert subsidy.monthly_cost(1, rates) == 2


def test_monthly_subsidy_rounds_half_up() -> None:
    assert subsidy.monthly_subsidy(39_104, 40) == 15_642  # 15 641.6
    assert subsidy.monthly_subsidy(39_104, 30) == 11_731  # 11 731.2
    assert subsidy.monthly_subsidy(5, 50) == 3  # 2.5 → 3, never banker's 2


def test_worked_example_midlertidig_situasjonsbestemt_with_step_down() -> None:
    terms = Terms(
        "midlertidig_lonnstilskudd", "situasjonsbestemt", date(2025, 1, 15), date(2026, 1, 14)
    )
    assert measures.check(terms) == []
    result = subsidy.calculate(monthly_wage=30_000, rates=RATES, schedule=measures.schedule(terms))
    assert result is not None
    assert result.monthly_cost == 39_104
    assert [(s.start, s.end, s.percentage, s.monthly_subsidy) for s in result.steps] == [
        (date(2025, 1, 15), date(2025, 7, 14), 40, 15_642),
        (date(2025, 7, 15), date(2026, 1, 14), 30, 11_731),
    ]
    amounts = [(p.start, p.end, p.percentage, p.amount) for p in result.periods]
    assert amounts[0] == (date(2025, 1, 15), date(2025, 1, 31), 40, 8_736)  # 17 d × 15642 / 30.4375
    assert amounts[1] == (date(2025, 2, 1), date(2025, 2, 28), 40, 15_642)
    # the percentage changes inside July: two parts of the same month
    assert amounts[6] == (date(2025, 7, 1), date(2025, 7, 14), 40, 7_195)  # 7194.7
    assert amounts[7] == (date(2025, 7, 15), date(2025, 7, 31), 30, 6_552)  # 6552.0
    assert amounts[-1] == (date(2026, 1, 1), date(2026, 1, 14), 30, 5_396)  # 5395.7
    assert len(amounts) == 14
    assert result.total == 8_736 + 5 * 15_642 + 7_195 + 6_552 + 5 * 11_731 + 5_396


def test_leap_year_february() -> None:
    # 2024-02-10 to 2024-02-29: the day after the end is 1 March, 20 days
    assert subsidy.months_and_days(date(2024, 2, 10), date(2024, 2, 29)) == (0, 20)
    assert subsidy.months_and_days(date(2024, 2, 1), date(2024, 2, 29)) == (1, 0)
    assert subsidy.period_amount(10_000, date(2024, 2, 10), date(2024, 2, 29)) == 6_571  # 6570.8


def test_month_arithmetic_clamps_to_the_month_end() -> None:
    assert measures.last_day(date(2024, 2, 29), 12) == date(2025, 2, 27)
    assert subsidy.months_and_days(date(2024, 2, 29), date(2025, 2, 27)) == (12, 0)
    assert subsidy.months_and_days(date(2024, 1, 31), date(2024, 3, 30)) == (2, 0)


def test_missing_inputs_give_no_figure() -> None:
    schedule = [(date(2025, 1, 1), date(2025, 1, 31), 40)]
    assert subsidy.calculate(monthly_wage=None, rates=RATES, schedule=schedule) is None
    assert subsidy.calculate(monthly_wage=30_000, rates=None, schedule=schedule) is None
    assert subsidy.calculate(monthly_wage=30_000, rates=RATES, schedule=[]) is None


@pytest.mark.parametrize(
    ("wage", "per", "position", "hourly"),
    [
        (600_000, "year", 100, 308),  # 600 000 / 1950 = 307.69
        (45_000, "month", 80, 346),  # 45 000 / 162.5 × 100 / 80 = 346.15
        (15_000, "week", 100, 400),  # 15 000 / 37.5
        (3_000, "day", 50, 800),  # 3000 / 7.5 × 2
        (250, "hour", 100, 250),
    ],
)
def test_mentor_hourly_pay(wage: int, per: str, position: int, hourly: int) -> None:
    assert subsidy.mentor_hourly_pay(wage, per, Decimal(position)) == hourly


def test_mentor_cost_goes_through_the_same_chain_at_100_percent() -> None:
    base = subsidy.mentor_monthly_base(600_000, "year", Decimal(100), Decimal(10))
    assert base == 3_080
    terms = Terms("mentor", "spesielt_tilpasset", date(2026, 3, 1), date(2026, 3, 31))
    result = subsidy.calculate(monthly_wage=base, rates=RATES, schedule=measures.schedule(terms))
    assert result is not None
    # 3080: holiday 369.6, pension 68.992, tax 0.141 × 3518.592 = 496.121… → 935 → 4015
    assert result.monthly_cost == 4_015
    assert [p.amount for p in result.periods] == [4_015]
