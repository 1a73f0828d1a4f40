"""The engine's Norwegian labels repeat the Django choices (it must not import Django);
this fails when they drift apart."""

from __future__ import annotations

from samspill.candidates.needs import NEED_TYPES
from samspill.employers.models import Demand, DemandLevel, Sector
from samspill.lib.choices import TimeOfDay
from samspill.matching.engine import CONFLICTS, labels


def test_demand_labels_match() -> None:
    assert {d.value: str(d.label) for d in Demand} == labels.DEMANDS
    assert {int(v.value): str(v.label) for v in DemandLevel} == labels.DEMAND_LEVELS


def test_time_of_day_and_sector_labels_match() -> None:
    assert {t.value: str(t.label) for t in TimeOfDay} == labels.TIMES_OF_DAY
    assert {s.value: str(s.label) for s in Sector} == labels.SECTORS


def test_need_labels_match_the_taxonomy() -> None:
    assert {code: need.label for code, need in NEED_TYPES.items()} == labels.NEEDS


def test_the_conflict_table_uses_known_codes() -> None:
    for rule in CONFLICTS:
        assert rule.need in NEED_TYPES
        assert rule.demand in labels.DEMANDS or rule.demand == "hours_per_week"
        assert rule.why


def test_norwegian_number_formatting() -> None:
    assert labels.hours(37.5) == "37,5"
    assert labels.hours(20.0) == "20"
    assert labels.km(4.25) == "4,2"
    assert labels.km(42.4) == "42"
    assert labels.join(["a", "b", "c"]) == "a, b og c"
    assert labels.hours_range(None, 20) == "høyst 20 timer"
