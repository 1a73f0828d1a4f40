"""Job carving: a set of a workplace's tasks within the candidate's hours and demands,
best interest fit first."""

from __future__ import annotations

import itertools
import math
import random

from samspill.matching.engine import CandidateRecord, MatchIndex, TaskRecord
from samspill.matching.tests.test_engine_constraints import OSLO, candidate, task, workplace


def carve(cand: CandidateRecord, tasks: list[TaskRecord], **kw: object):  # type: ignore[no-untyped-def]
    index = MatchIndex.build([cand], [])
    return index.carve_job(cand.id, workplace(tasks, **kw))


def test_the_carved_set_fills_the_wished_hours() -> None:
    tasks = [
        task(1, "Plukking", hours_per_week=10),
        task(2, "Pakking", hours_per_week=7.5),
        task(3, "Varemottak", hours_per_week=15),
        task(4, "Sortering", hours_per_week=5),
    ]
    job = carve(candidate(hours_min=20, hours_max=25, interests_own=""), tasks)
    assert 20 <= job.total_hours <= 25
    assert job.within_target
    assert (job.target_min, job.target_max) == (20, 25)
    assert job.total_hours == sum(t.hours for t in job.tasks)
    assert job.reasoning[0] == "Mål: 20–25 timer i uka (kandidatens ønske)."
    assert job.reasoning[-1] == f"Til sammen {job.total_hours:g} timer i uka, innenfor målet."


def test_interest_fit_decides_between_sets_that_fill_the_hours() -> None:
    tasks = [
        task(1, "Kasse", description="Betjene kassen", hours_per_week=10),
        task(2, "Truckkjøring", description="Kjøre truck på lageret", hours_per_week=10),
        task(3, "Renhold", description="Vaske gulv", hours_per_week=10),
    ]
    job = carve(candidate(hours_min=8, hours_max=12, interests_own="Jeg vil kjøre truck"), tasks)
    assert job.task_ids == (2,)
    (chosen,) = job.tasks
    assert chosen.interest_points > 0
    assert {m.candidate_word for m in chosen.terms} >= {"truck"}
    assert any("«Truckkjøring»" in line and "«truck»" in line for line in job.reasoning)
    assert any("«Kasse» er ikke tatt med" in line for line in job.reasoning)


def test_a_conflicting_task_is_left_out_unless_it_can_be_adapted() -> None:
    tasks = [
        task(1, "Varemottak", hours_per_week=10, demands={"heavy_lifting": 3}),
        task(2, "Paller", hours_per_week=10, demands={"heavy_lifting": 3}, adaptable=True),
        task(3, "Sortering", hours_per_week=10),
    ]
    job = carve(candidate(hours_min=15, hours_max=20, needs=("avoid_heavy_lifting",)), tasks)
    assert set(job.task_ids) == {2, 3}
    (rejected,) = job.rejected
    assert rejected.task_id == 1
    assert rejected.exclusions[0].code == "needs"
    assert "«Unngå tunge løft»" in rejected.exclusions[0].detail
    adapted = next(t for t in job.tasks if t.task_id == 2)
    assert adapted.adaptations[0].need == "avoid_heavy_lifting"
    assert any("«Varemottak» er utelatt" in line for line in job.reasoning)


def test_a_task_at_a_time_the_candidate_cannot_work_is_left_out() -> None:
    tasks = [
        task(1, "Kveldsrenhold", hours_per_week=10, times_of_day=("evening",)),
        task(2, "Sortering", hours_per_week=10),
    ]
    job = carve(candidate(hours_min=10, hours_max=20, times_of_day=("day",)), tasks)
    assert job.task_ids == (2,)
    assert job.rejected[0].exclusions[0].code == "time_of_day"
    assert "kveld" in job.rejected[0].exclusions[0].detail


def test_not_full_days_caps_the_hours_at_30() -> None:
    tasks = [task(i, f"Oppgave {i}", hours_per_week=10) for i in range(1, 5)]
    cand = candidate(hours_min=None, hours_max=None, needs=("not_full_days",))
    job = carve(cand, tasks)
    assert job.target_max == 30
    assert job.total_hours == 30
    assert "høyst 30" in job.reasoning[0]


def test_unknown_hours_aim_at_full_time() -> None:
    tasks = [task(i, f"Oppgave {i}", hours_per_week=7.5) for i in range(1, 8)]
    job = carve(candidate(hours_min=None, hours_max=None), tasks)
    assert job.total_hours == 37.5
    assert "fulltid" in job.reasoning[0]


def test_when_nothing_reaches_the_minimum_the_closest_is_proposed() -> None:
    tasks = [task(1, "Sortering", hours_per_week=5), task(2, "Pakking", hours_per_week=40)]
    job = carve(candidate(hours_min=15, hours_max=25), tasks)
    assert job.task_ids == (1,)
    assert not job.within_target
    assert "kommer nærmere" in job.reasoning[-1]
    assert any("«Pakking» er ikke tatt med: har flere timer enn målet" in r for r in job.reasoning)


def test_a_workplace_out_of_reach_gives_no_tasks_and_says_why() -> None:
    far = candidate(lat=OSLO[0] + 1, max_commute_km=10)
    job = carve(far, [task(1, "Sortering", hours_per_week=10)])
    assert job.tasks == ()
    assert [e.code for e in job.exclusions] == ["commute"]
    assert job.reasoning[-1].startswith("Ingen oppgaver kan foreslås")
    excluded = carve(candidate(), [task(1, "Sortering", hours_per_week=10)], excluded=[1])
    assert [e.code for e in excluded.exclusions] == ["employer_excluded"]


def test_the_carving_is_exact() -> None:
    """Against brute force: no subset is closer to the target or, as close, a better fit."""
    rng = random.Random(5)
    words = ["lager", "truck", "kasse", "kunder", "baking", "kaffe", "renhold", "data", "post"]
    for round_ in range(40):
        tasks = [
            task(
                i,
                f"Oppgave {i}",
                description=" ".join(rng.sample(words, 2)),
                hours_per_week=rng.choice([2.5, 4, 5, 7.5, 10, 12.5]),
            )
            for i in range(1, rng.randrange(2, 9))
        ]
        low = rng.choice([5.0, 10.0, 15.0, 20.0])
        cand = candidate(
            hours_min=low,
            hours_max=low + rng.choice([0, 2.5, 5, 10]),
            interests_own=" ".join(rng.sample(words, 3)),
        )
        job = carve(cand, tasks)
        by_id = {t.task_id: t for t in job.tasks}
        fits = {}
        index = MatchIndex.build([cand], [])
        weight, half = index.config.weights.interest, index.config.interest_half
        for t in tasks:
            single = index.carve_job(cand.id, workplace([t]))
            points = next((c.interest_points for c in single.tasks), 0.0)
            fits[t.id] = half * points / (weight - points)  # the task's raw BM25 sum

        def key(
            subset: tuple[TaskRecord, ...], low: float = job.target_min, fits: dict = fits
        ) -> tuple[float, float]:
            hours = sum(t.hours_per_week for t in subset)
            return max(0.0, low - hours), -sum(fits[t.id] for t in subset)

        feasible = [
            s
            for k in range(len(tasks) + 1)
            for s in itertools.combinations(tasks, k)
            if sum(t.hours_per_week for t in s) <= job.target_max
        ]
        best = min(key(s) for s in feasible)
        got = key(tuple(t for t in tasks if t.id in by_id))
        assert got[0] == best[0], round_
        assert math.isclose(got[1], best[1], abs_tol=1e-6) or got[1] <= best[1], round_
