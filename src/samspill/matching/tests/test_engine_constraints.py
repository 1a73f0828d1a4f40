"""Hard constraints: each excludes on its own, with its reason code and a Norwegian text."""

from __future__ import annotations

from collections.abc import Collection

import pytest

from samspill.matching.engine import (
    CONFLICTS,
    HOURS_PER_WEEK,
    CandidateRecord,
    EngineConfig,
    MatchIndex,
    OpeningRecord,
    TaskRecord,
    WorkplaceRecord,
    opening_from_tasks,
)
from samspill.matching.engine.geo import haversine_km

OSLO = (59.9139, 10.7522)


def workplace(
    tasks: Collection[TaskRecord] = (), excluded: Collection[int] = (), **kw: object
) -> WorkplaceRecord:
    fields: dict[str, object] = {
        "id": 1,
        "employer_id": 7,
        "region": 1,
        "lat": OSLO[0],
        "lon": OSLO[1],
        "name": "Lageret",
        "sector": "warehouse",
        "tasks": tuple(tasks),
        "excluded_candidates": tuple(excluded),
        "inclusion_experience": 0.5,
    }
    fields.update(kw)
    return WorkplaceRecord(**fields)  # type: ignore[arg-type]


def task(id_: int = 1, name: str = "Varemottak", **kw: object) -> TaskRecord:
    fields: dict[str, object] = {
        "id": id_,
        "name": name,
        "description": "Ta imot varer på lageret",
        "hours_per_week": 20.0,
        "times_of_day": ("day",),
    }
    fields.update(kw)
    return TaskRecord(**fields)  # type: ignore[arg-type]


def opening(wp: WorkplaceRecord, hours: float = 20.0, **kw: object) -> OpeningRecord:
    fields: dict[str, object] = {
        "id": 100,
        "workplace": wp,
        "hours_per_week": hours,
        "title": "Lagermedarbeider",
        "tasks": tuple(wp.tasks),
    }
    fields.update(kw)
    return OpeningRecord(**fields)  # type: ignore[arg-type]


def candidate(id_: int = 1, **kw: object) -> CandidateRecord:
    """A candidate 1 km from the workplace who fits everything unless told otherwise."""
    fields: dict[str, object] = {
        "id": id_,
        "region": 1,
        "lat": OSLO[0] + 0.009,
        "lon": OSLO[1],
        "max_commute_km": 20.0,
        "hours_min": 15.0,
        "hours_max": 25.0,
        "times_of_day": ("day",),
        "interests_own": "Jeg liker lager og varer",
    }
    fields.update(kw)
    return CandidateRecord(**fields)  # type: ignore[arg-type]


def verdict(cand: CandidateRecord, op: OpeningRecord) -> tuple[str, ...]:
    """Reason codes, checked three ways: ranking, excluded list and single-pair explain."""
    index = MatchIndex.build([cand], [op])
    ranking = index.rank_candidates(op.id, include_excluded=True)
    pair = index.explain(cand.id, op.id)
    if pair.excluded:
        assert not ranking.results
        assert [r.candidate_id for r in ranking.excluded] == [cand.id]
        assert ranking.excluded[0].reason_codes == pair.reason_codes
        assert ranking.excluded_count == 1
        for code in pair.reason_codes:
            assert ranking.excluded_by_reason[code] == 1
        for exclusion in pair.exclusions:
            assert exclusion.label
            assert exclusion.detail.endswith(".")
        assert index.rank_openings(cand.id).results == ()
    else:
        assert [r.candidate_id for r in ranking.results] == [cand.id]
        assert [r.opening_id for r in index.rank_openings(cand.id).results] == [op.id]
        assert ranking.results[0].score == pair.score
    return pair.reason_codes


def test_a_fitting_candidate_is_not_excluded() -> None:
    assert verdict(candidate(), opening(workplace([task()]))) == ()


@pytest.mark.parametrize(
    ("hours_min", "hours_max", "opening_hours", "excluded"),
    [
        (15, 25, 20, False),
        (15, 25, 27, False),  # within the 2 h tolerance
        (15, 25, 27.5, True),
        (15, 25, 13, False),
        (15, 25, 12.5, True),
        (None, 10, 37.5, True),
        (30, None, 20, True),
        (None, None, 37.5, False),  # unknown never excludes
    ],
)
def test_hours_outside_the_wished_range_exclude(
    hours_min: float | None, hours_max: float | None, opening_hours: float, excluded: bool
) -> None:
    cand = candidate(hours_min=hours_min, hours_max=hours_max)
    op = opening(workplace([task(hours_per_week=opening_hours)]), hours=opening_hours)
    assert verdict(cand, op) == (("hours",) if excluded else ())


def test_hours_reason_text_names_both_sides() -> None:
    op = opening(workplace([task()]), hours=37.5)
    index = MatchIndex.build([candidate(hours_min=10, hours_max=20)], [op])
    (exclusion,) = index.explain(1, 100).exclusions
    assert exclusion.code == "hours"
    assert exclusion.label == "Arbeidstid"
    assert "37,5 timer" in exclusion.detail
    assert "10–20 timer" in exclusion.detail


def test_hours_tolerance_is_configurable() -> None:
    op = opening(workplace([task()]), hours=26)
    cand = candidate(hours_min=15, hours_max=25)
    strict = MatchIndex.build([cand], [op], config=EngineConfig(hours_tolerance=0))
    assert strict.explain(1, 100).reason_codes == ("hours",)
    assert MatchIndex.build([cand], [op]).explain(1, 100).reason_codes == ()


@pytest.mark.parametrize(("max_km", "excluded"), [(9.0, True), (11.0, False), (None, False)])
def test_commute_beyond_the_maximum_excludes(max_km: float | None, excluded: bool) -> None:
    cand = candidate(lat=OSLO[0] + 0.09, max_commute_km=max_km)  # 10.0 km north
    assert 9.9 < haversine_km(cand.lat, cand.lon, *OSLO) < 10.1
    assert verdict(cand, opening(workplace([task()]))) == (("commute",) if excluded else ())


def test_commute_reason_text_gives_the_distance() -> None:
    op = opening(workplace([task()]))
    index = MatchIndex.build([candidate(lat=OSLO[0] + 0.45, max_commute_km=30)], [op])
    (exclusion,) = index.explain(1, 100).exclusions
    assert exclusion.code == "commute"
    assert "50 km i luftlinje" in exclusion.detail
    assert "30 km" in exclusion.detail


def test_the_commute_test_is_the_haversine_distance() -> None:
    # Distances just inside and outside the limit, across the country.
    far = [(58.15, 8.0), (69.65, 18.96), (62.47, 6.15), (59.2, 10.9)]
    for lat, lon in far:
        km = haversine_km(lat, lon, *OSLO)
        for limit, excluded in ((km * 0.999, True), (km * 1.001, False)):
            cand = candidate(lat=lat, lon=lon, max_commute_km=limit)
            index = MatchIndex.build([cand], [opening(workplace([task()]))])
            assert index.explain(1, 100).reason_codes == (("commute",) if excluded else ())


def test_time_of_day_the_candidate_cannot_work_excludes() -> None:
    evening = task(times_of_day=("day", "evening"))
    op = opening(workplace([evening]))
    assert verdict(candidate(times_of_day=("day",)), op) == ("time_of_day",)
    assert verdict(candidate(times_of_day=("day", "evening", "weekend")), op) == ()
    assert verdict(candidate(times_of_day=()), op) == ()  # unknown never excludes
    weekend = opening(workplace([task()]), times_of_day=("weekend",))
    index = MatchIndex.build([candidate(times_of_day=("day",))], [weekend])
    (exclusion,) = index.explain(1, 100).exclusions
    assert exclusion.code == "time_of_day"
    assert "helg" in exclusion.detail


def test_the_employers_explicit_exclusion_excludes() -> None:
    op = opening(workplace([task()], excluded=[1]))
    assert verdict(candidate(1), op) == ("employer_excluded",)
    assert verdict(candidate(2), op) == ()


@pytest.mark.parametrize("rule", [r for r in CONFLICTS if r.demand != HOURS_PER_WEEK])
def test_each_conflict_row_excludes_at_its_threshold(rule: object) -> None:
    from samspill.matching.engine import ConflictRule

    assert isinstance(rule, ConflictRule)
    level = int(rule.threshold)
    cand = candidate(needs=(rule.need,))
    at = opening(workplace([task(demands={rule.demand: level})]))
    below = opening(workplace([task(demands={rule.demand: level - 1})]))
    assert verdict(cand, at) == ("needs",)
    assert verdict(cand, below) == ()
    assert verdict(candidate(needs=()), at) == ()


def test_needs_reason_text_names_the_task_the_demand_and_the_need() -> None:
    op = opening(workplace([task(name="Varemottak", demands={"heavy_lifting": 3})]))
    index = MatchIndex.build([candidate(needs=("avoid_heavy_lifting",))], [op])
    (exclusion,) = index.explain(1, 100).exclusions
    assert exclusion.code == "needs"
    assert "«Varemottak»" in exclusion.detail
    assert "tunge løft (mye)" in exclusion.detail
    assert "«Unngå tunge løft»" in exclusion.detail


def test_an_adaptable_task_does_not_exclude_and_is_explained_as_adapted() -> None:
    lifting = task(
        name="Varemottak",
        demands={"heavy_lifting": 3},
        adaptable=True,
        adaptation_note="Bruker løftehjelp",
    )
    op = opening(workplace([lifting]))
    cand = candidate(needs=("avoid_heavy_lifting",))
    assert verdict(cand, op) == ()
    result = MatchIndex.build([cand], [op]).rank_candidates(100).results[0]
    (adaptation,) = result.explanation.adaptations
    assert adaptation.task_name == "Varemottak"
    assert adaptation.need == "avoid_heavy_lifting"
    assert adaptation.note == "Bruker løftehjelp"
    assert "kan tilrettelegges" in adaptation.detail
    part = result.explanation.part("adaptation")
    assert part.points == 0.0  # an adaptation never lowers the score (creaming)
    assert "«Varemottak»" in part.detail
    assert "tilrettelegging" in result.explanation.summary


def test_one_non_adaptable_task_excludes_even_if_another_is_adaptable() -> None:
    tasks = [
        task(1, "Varemottak", demands={"heavy_lifting": 3}, adaptable=True),
        task(2, "Pakking", demands={"heavy_lifting": 2}),
    ]
    assert verdict(candidate(needs=("avoid_heavy_lifting",)), opening(workplace(tasks))) == (
        "needs",
    )


def test_not_full_days_excludes_more_than_30_hours() -> None:
    cand = candidate(needs=("not_full_days",), hours_min=None, hours_max=None)
    assert verdict(cand, opening(workplace([task()]), hours=30)) == ()
    assert verdict(cand, opening(workplace([task()]), hours=30.5)) == ("needs",)
    index = MatchIndex.build([cand], [opening(workplace([task()]), hours=37.5)])
    assert "høyst 30" in index.explain(1, 100).exclusions[0].detail


def test_every_failing_constraint_is_reported() -> None:
    op = opening(
        workplace([task(demands={"noise": 3}, times_of_day=("night",))], excluded=[1]),
        hours=37.5,
    )
    cand = candidate(
        lat=OSLO[0] + 1, max_commute_km=10, needs=("quiet_environment",), times_of_day=("day",)
    )
    assert verdict(cand, op) == ("hours", "commute", "needs", "time_of_day", "employer_excluded")


def test_excluded_results_come_on_request_with_counts() -> None:
    op = opening(workplace([task()], excluded=[4]), hours=20)
    cands = [
        candidate(1),
        candidate(2, hours_max=10, hours_min=None),
        candidate(3, lat=OSLO[0] + 1, max_commute_km=5, hours_max=10, hours_min=None),
        candidate(4),
    ]
    index = MatchIndex.build(cands, [op])
    plain = index.rank_candidates(100)
    assert [r.candidate_id for r in plain.results] == [1]
    assert plain.excluded == ()
    assert plain.excluded_count == 3
    full = index.rank_candidates(100, include_excluded=True)
    # Fewest reasons first: the near misses.
    assert [r.candidate_id for r in full.excluded][-1] == 3
    assert {r.candidate_id for r in full.excluded} == {2, 3, 4}
    assert all(r.excluded for r in full.excluded)
    assert full.excluded_by_reason == {
        "hours": 2,
        "commute": 1,
        "needs": 0,
        "time_of_day": 0,
        "employer_excluded": 1,
    }
    assert full.considered == 4
    assert index.rank_candidates(100, include_excluded=True, excluded_limit=1).excluded[
        0
    ].reason_codes in (("hours",), ("employer_excluded",))


def test_an_excluded_pair_can_still_be_explained() -> None:
    op = opening(workplace([task()]), hours=37.5)
    index = MatchIndex.build([candidate(hours_max=10, hours_min=None)], [op])
    result = index.explain(1, 100)
    assert result.excluded
    assert result.score > 0  # the soft score it would have had
    assert "utelatt" in result.explanation.summary


def test_ad_hoc_opening_from_a_set_of_tasks() -> None:
    tasks = [task(1, "Varemottak", hours_per_week=10), task(2, "Truck", hours_per_week=30)]
    wp = workplace(tasks)
    index = MatchIndex.build([candidate()], [])
    small = opening_from_tasks(wp, [1], opening_id=-1)
    assert small.hours_per_week == 10
    assert index.rank_candidates(small).excluded_count == 1  # 10 h < 15 - 2
    both = opening_from_tasks(wp)
    assert both.hours_per_week == 40
    assert index.explain(1, both).reason_codes == ("hours",)
