"""Every rule of the measure catalogue at its boundary, with its Norwegian explanation."""

from __future__ import annotations

from datetime import date

import pytest

from samspill.agreements import measures
from samspill.agreements.measures import MEASURES, Terms, check, schedule
from samspill.candidates.models import NeedLevel

START = date(2026, 1, 15)


def _rules(terms: Terms) -> list[tuple[str, bool]]:
    return [(v.rule, v.overridable) for v in check(terms)]


def test_need_levels_are_the_candidates_need_levels() -> None:
    assert set(measures.NEED_LEVELS) == set(NeedLevel.values)


def test_every_rule_has_a_source_and_an_effective_date() -> None:
    for measure in measures.CATALOGUE:
        assert measure.source, measure.code
        assert measure.effective_from, measure.code
    assert {m.code.value for m in measures.CATALOGUE} == set(measures.MeasureCode)


@pytest.mark.parametrize(
    ("measure", "level", "months"),
    [
        ("arbeidstrening", "standard", 18),
        ("midlertidig_lonnstilskudd", "situasjonsbestemt", 12),
        ("midlertidig_lonnstilskudd", "spesielt_tilpasset", 24),
        ("midlertidig_lonnstilskudd", "varig_tilpasset", 24),
        ("mentor", "situasjonsbestemt", 6),
        ("mentor", "varig_tilpasset", 36),
        ("inkluderingstilskudd", "situasjonsbestemt", 12),
    ],
)
def test_longest_duration_and_one_day_more(measure: str, level: str, months: int) -> None:
    last = measures.last_day(START, months)
    assert check(Terms(measure, level, START, last)) == []
    broken = check(Terms(measure, level, START, date.fromordinal(last.toordinal() + 1)))
    assert [(v.field, v.overridable) for v in broken] == [("end_on", False)]
    assert f"høyst {months} måneder" in broken[0].message


def test_the_message_explains_itself() -> None:
    [violation] = check(
        Terms("midlertidig_lonnstilskudd", "spesielt_tilpasset", START, date(2028, 1, 15))
    )
    assert violation.message == (
        "Midlertidig lønnstilskudd kan vare i høyst 24 måneder for spesielt tilpasset innsats "
        "(til og med 14.01.2028)."
    )


def test_start_on_leap_day_plus_a_year_clamps() -> None:
    assert measures.last_day(date(2024, 2, 29), 12) == date(2025, 2, 27)


def test_midlertidig_is_not_for_standard_innsats() -> None:
    [violation] = check(Terms("midlertidig_lonnstilskudd", "standard", START, START))
    assert violation.message == "Midlertidig lønnstilskudd gis ikke ved standard innsats."


def test_midlertidig_percentage_follows_need_level_and_falls_by_ten_points() -> None:
    terms = Terms("midlertidig_lonnstilskudd", "spesielt_tilpasset", START, date(2027, 6, 30))
    assert schedule(terms) == [
        (START, date(2027, 1, 14), 60),
        (date(2027, 1, 15), date(2027, 6, 30), 50),
    ]
    higher = Terms("midlertidig_lonnstilskudd", "situasjonsbestemt", START, START, percentage=41)
    assert _rules(higher) == [("midlertidig_lonnstilskudd.percentage", False)]
    lower = Terms("midlertidig_lonnstilskudd", "situasjonsbestemt", START, START, percentage=30)
    assert _rules(lower) == [("midlertidig_lonnstilskudd.lower", True)]


def test_varig_lonnstilskudd() -> None:
    assert _rules(Terms("varig_lonnstilskudd", "spesielt_tilpasset", START, START)) == [
        ("varig_lonnstilskudd.need_level", False)
    ]
    ok = Terms("varig_lonnstilskudd", "varig_tilpasset", START, date(2036, 1, 1), percentage=75)
    assert check(ok) == []  # no maximum length
    assert schedule(ok)[1] == (date(2027, 1, 15), date(2036, 1, 1), 67)
    low = Terms("varig_lonnstilskudd", "varig_tilpasset", START, date(2028, 1, 1), percentage=50)
    assert len(schedule(low)) == 1  # under the cap: nothing changes
    for bad in (None, -1, 76):
        terms = Terms("varig_lonnstilskudd", "varig_tilpasset", START, START, percentage=bad)
        assert _rules(terms) == [("varig_lonnstilskudd.percentage", False)]


def test_sommerjobb() -> None:
    june = date(2026, 6, 1)
    ok = Terms("sommerjobb", "situasjonsbestemt", june, date(2026, 6, 28), percentage=75, age=29)
    assert check(ok) == []
    assert _rules(Terms("sommerjobb", "standard", june, date(2026, 6, 29), 50, age=20)) == [
        ("sommerjobb.length", False)
    ]
    assert _rules(Terms("sommerjobb", "standard", june, june, 60, age=20)) == [
        ("sommerjobb.percentage", False)
    ]
    assert _rules(Terms("sommerjobb", "standard", june, june, 50, age=30)) == [
        ("sommerjobb.age", False)
    ]
    may = date(2026, 5, 31)
    assert _rules(Terms("sommerjobb", "standard", may, june, 50, age=20)) == [
        ("sommerjobb.season", False)
    ]
    sept = Terms("sommerjobb", "standard", date(2026, 9, 3), date(2026, 9, 30), 50, age=20)
    assert check(sept) == []


def test_inkluderingstilskudd_yearly_cap() -> None:
    def terms(amount: int, year: int = 2026) -> Terms:
        return Terms(
            "inkluderingstilskudd", "standard", date(year, 2, 1), date(year, 3, 1), expenses=amount
        )

    assert check(terms(160_400)) == []
    [violation] = check(terms(160_401))
    assert violation.message == "Inkluderingstilskudd er høyst 160\xa0400 kr i 2026."
    assert _rules(terms(1_000, 2025)) == [("inkluderingstilskudd.cap_unknown", False)]
    assert MEASURES["inkluderingstilskudd"].cap_for_year(2030) == 160_400


def test_historical_arbeidspraksis_extension_is_discretion() -> None:
    start = date(2014, 3, 1)
    assert check(Terms("arbeidspraksis", "spesielt_tilpasset", start, date(2015, 2, 28))) == []
    assert _rules(Terms("arbeidspraksis", "spesielt_tilpasset", start, date(2017, 2, 28))) == [
        ("arbeidspraksis.extension", True)
    ]
    assert _rules(Terms("arbeidspraksis", "spesielt_tilpasset", start, date(2017, 3, 1))) == [
        ("arbeidspraksis.max", False)
    ]
    [violation] = check(Terms("arbeidspraksis", "standard", START, START))
    assert violation.message == "Arbeidspraksis (historisk regel) gjaldt til 31.12.2015."
    [violation] = check(Terms("arbeidstrening", "standard", start, start))
    assert violation.message == "Arbeidstrening gjelder fra 01.01.2016."


def test_referral_measures_have_no_calculation() -> None:
    for code in ("hjelpemidler", "funksjonsassistanse", "tilretteleggingstilskudd"):
        assert MEASURES[code].referral_to
        assert schedule(Terms(code, "standard", START, START)) == []
        assert not MEASURES[code].pays_money


def test_end_before_start() -> None:
    assert _rules(Terms("arbeidstrening", "standard", START, date(2026, 1, 14))) == [
        ("period", False)
    ]
