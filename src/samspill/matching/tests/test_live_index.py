"""The adapter and the live index: rankings from the database, kept current by the feed."""

from __future__ import annotations

import pytest

from samspill.candidates import services as candidate_services
from samspill.changefeed.models import IndexChange
from samspill.conftest import World
from samspill.employers import services as employer_services
from samspill.matching import selectors
from samspill.matching.live import LIVE
from samspill.matching.tests.scene import Scene, build_scene
from samspill.processes import services as process_services


@pytest.fixture
def scene(world: World) -> Scene:
    return build_scene(world)


def _ids(ranking: object) -> list[int]:
    return [r.candidate_id for r in ranking.results]  # type: ignore[attr-defined]


def test_ranking_explains_the_matched_interest_and_the_task(scene: Scene) -> None:
    ranking = selectors.candidates_for_opening(scene.opening)
    kari = next(r for r in ranking.results if r.candidate_id == scene.kari.candidate_id)
    interest = kari.explanation.part("interest")
    assert interest.points > 0
    words = {t.candidate_word for t in interest.terms}
    assert "lager" in words
    places = {source for t in interest.terms for source in t.opening_sources}
    assert any("Varemottak" in p or "Plukking" in p or "beskrivelsen" in p for p in places)


def test_heavy_lifting_excludes_with_a_reason_unless_the_task_can_be_adapted(
    scene: Scene,
) -> None:
    ranking = selectors.candidates_for_opening(scene.opening, include_excluded=True)
    assert scene.ola.candidate_id not in _ids(ranking)
    ola = next(r for r in ranking.excluded if r.candidate_id == scene.ola.candidate_id)
    assert ola.reason_codes == ("needs",)
    assert "Varemottak" in ola.exclusions[0].detail

    task = scene.receiving
    employer_services.task_update(
        actor=scene.world.advisor,
        task=task,
        name=task.name,
        description=task.description,
        demands=task.demand_levels(),
        time_of_day=task.time_of_day,
        hours_per_week=task.hours_per_week,
        adaptable=True,
        adaptation_note="Truck og løftehjelp på varemottaket.",
    )
    builds = LIVE.builds
    ranking = selectors.candidates_for_opening(scene.opening)
    assert LIVE.builds == builds, "a task change is an upsert, not a rebuild"
    ola = next(r for r in ranking.results if r.candidate_id == scene.ola.candidate_id)
    assert [a.task_name for a in ola.explanation.adaptations] == ["Varemottak"]


def test_a_profile_change_reaches_the_index_through_the_feed(scene: Scene) -> None:
    assert scene.kari.candidate_id in _ids(selectors.candidates_for_opening(scene.opening))
    builds = LIVE.builds
    candidate_services.profile_update(
        actor=scene.world.advisor, candidate=scene.kari.candidate, hours_min=4, hours_max=6
    )
    assert IndexChange.objects.filter(object_id=scene.kari.candidate_id).exists()
    ranking = selectors.candidates_for_opening(scene.opening, include_excluded=True)
    assert LIVE.builds == builds
    kari = next(r for r in ranking.excluded if r.candidate_id == scene.kari.candidate_id)
    assert kari.reason_codes == ("hours",)


def test_a_closed_process_leaves_the_index(scene: Scene) -> None:
    assert scene.kari.candidate_id in _ids(selectors.candidates_for_opening(scene.opening))
    process_services.process_change_phase(
        actor=scene.world.advisor,
        process=scene.kari,
        to_phase="closed",
        effective_on=scene.kari.phase_since,
        reason="Flyttet",
    )
    ranking = selectors.candidates_for_opening(scene.opening, include_excluded=True)
    everyone = {r.candidate_id for r in (*ranking.results, *ranking.excluded)}
    assert scene.kari.candidate_id not in everyone


def test_a_closed_opening_leaves_the_ranking_of_openings(scene: Scene) -> None:
    ranking = selectors.openings_for_process(scene.kari)
    assert [r.opening_id for r in ranking.results] == [scene.opening.pk]
    employer_services.opening_change_status(
        actor=scene.world.advisor, opening=scene.opening, to_status="paused"
    )
    assert selectors.openings_for_process(scene.kari).results == ()


def test_openings_for_a_candidate_respect_the_commute(scene: Scene) -> None:
    assert selectors.openings_for_process(scene.kari).results  # the index is built
    workplace = scene.world.workplace
    workplace.latitude, workplace.longitude = 63.43, 10.39  # Trondheim, far from Oslo
    workplace.save()
    ranking = selectors.openings_for_process(scene.kari, include_excluded=True)
    # Saved without the service: no feed row, so the index still has the old place ...
    assert ranking.results
    employer_services.workplace_update(
        actor=scene.world.advisor,
        workplace=workplace,
        name=workplace.name,
        address=workplace.address,
        municipality="Trondheim",
        latitude=63.43,
        longitude=10.39,
    )
    # ... and through the service the change arrives.
    ranking = selectors.openings_for_process(scene.kari, include_excluded=True)
    assert ranking.results == ()
    assert ranking.excluded[0].reason_codes == ("commute",)


def test_job_carving_respects_hours_and_demands(scene: Scene) -> None:
    candidate_services.profile_update(
        actor=scene.world.advisor, candidate=scene.ola.candidate, hours_min=8, hours_max=12
    )
    scene.ola.candidate.refresh_from_db()
    carved = selectors.carve(scene.ola, scene.world.workplace)
    assert scene.receiving.pk not in carved.task_ids
    assert scene.picking.pk in carved.task_ids
    assert carved.total_hours <= 12
    rejected = {r.task_id: r for r in carved.rejected}
    assert rejected[scene.receiving.pk].exclusions[0].code == "needs"
    assert carved.reasoning
