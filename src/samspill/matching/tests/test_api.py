"""The matching API (tag ``matching``) through the Django test client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from samspill.audit.models import AuditEvent, Purpose
from samspill.candidates.tests.factories import CandidateFactory
from samspill.conftest import World
from samspill.matching.models import Match, MatchStatus, MeetingLine
from samspill.matching.services import allowed_next_statuses, match_move
from samspill.matching.tests.factories import MatchFactory
from samspill.matching.tests.scene import Scene, build_scene
from samspill.processes.tests.factories import ProcessFactory


@pytest.fixture
def scene(world: World) -> Scene:
    return build_scene(world)


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_ranked_candidates_are_explained_or_masked(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    response = client.get(
        f"/api/matching/openings/{scene.opening.uuid}/candidates?include_excluded=true"
    )
    assert response.status_code == 200
    body = response.json()
    by_name = {row["name"]: row for row in body["results"] if row["name"]}
    kari = by_name["Kari Lund"]
    interest = next(c for c in kari["explanation"]["contributions"] if c["code"] == "interest")
    assert any(t["candidate_word"] == "lager" for t in interest["terms"])
    masked = [row for row in body["results"] if row["name"] is None]
    assert masked
    # Per Dahl is the only searching candidate of his advisor: neither his initials nor
    # his age group may be shown (a row must fit at least five people).
    assert (masked[0]["initials"], masked[0]["age_group"]) == (None, None)
    assert masked[0]["explanation"] is None
    assert masked[0]["process_id"] is None
    ola = next(row for row in body["excluded"] if row["name"] == "Ola Moe")
    assert [x["code"] for x in ola["explanation"]["exclusions"]] == ["needs"]
    assert AuditEvent.objects.filter(purpose=Purpose.API, object_uuid=scene.kari.uuid).exists()


def test_propose_and_move_a_match(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    body = {"process_id": str(scene.kari.uuid), "opening_id": str(scene.opening.uuid)}
    response = _post(client, "/api/matching/matches", body)
    assert response.status_code == 201
    match_id = response.json()["id"]
    assert _post(client, "/api/matching/matches", body).status_code == 422
    response = _post(
        client, f"/api/matching/matches/{match_id}/moves", {"to_status": "presented_employer"}
    )
    assert response.status_code == 422
    assert "kan ikke gå fra" in response.json()["detail"]["to_status"][0]
    response = _post(
        client, f"/api/matching/matches/{match_id}/moves", {"to_status": "presented_candidate"}
    )
    assert response.json()["status"] == MatchStatus.PRESENTED_CANDIDATE
    assert Match.objects.get(uuid=match_id).steps.count() == 2


def test_openings_for_a_candidate_and_job_carving(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    body = client.get(f"/api/matching/processes/{scene.ola.uuid}/openings?include_excluded=true")
    assert body.json()["excluded"][0]["title"] == "Lagermedarbeider"
    carved = client.get(
        f"/api/matching/processes/{scene.ola.uuid}/carve/{scene.world.workplace.uuid}"
    ).json()
    assert str(scene.receiving.uuid) in {r["task_id"] for r in carved["rejected"]}
    assert str(scene.picking.uuid) in {t["task_id"] for t in carved["tasks"]}
    response = _post(
        client,
        f"/api/matching/processes/{scene.ola.uuid}/carve/{scene.world.workplace.uuid}",
        {"task_ids": [], "title": "Plukker", "kind": "job", "purpose": "trial"},
    )
    assert response.status_code == 422
    assert "task_ids" in response.json()["detail"]  # keyed to the request field


def test_meeting_agenda_through_the_api(scene: Scene, client: Client) -> None:
    world = scene.world
    client.force_login(world.employer_contact)
    response = _post(client, f"/api/matching/meetings/{world.meeting.uuid}/prepare", {})
    assert response.status_code == 200
    lines = response.json()["lines"]
    kari_line = MeetingLine.objects.get(meeting=world.meeting, process=scene.kari)
    kari = next(line for line in lines if line["id"] == str(kari_line.uuid))
    assert kari["candidate"]["name"] is None
    response = _post(
        client,
        f"/api/matching/meetings/{world.meeting.uuid}/lines/{kari['id']}/outcome",
        {"outcome": "later", "note": "Tas opp i januar"},
    )
    line = next(line for line in response.json()["lines"] if line["id"] == kari["id"])
    assert line["outcome"] == "later"


def test_candidates_for_a_workplaces_tasks_through_the_api(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    body = client.get(
        f"/api/matching/workplaces/{scene.world.workplace.uuid}/candidates?include_excluded=true"
    ).json()
    names = {row["name"] for row in body["results"]}
    assert "Kari Lund" in names  # hours do not exclude here: carving picks the tasks
    ola = next(row for row in body["excluded"] if row["name"] == "Ola Moe")
    assert "needs" in [x["code"] for x in ola["explanation"]["exclusions"]]


def test_a_masked_row_shows_initials_and_age_group_only_when_five_share_them(
    scene: Scene, client: Client
) -> None:
    """k-anonymity on the shown combination: advisor, age group and initials."""
    per = scene.per.candidate
    peers = [
        ProcessFactory(
            candidate=CandidateFactory(
                first_name="Pål", last_name="Dale", birth_date=per.birth_date
            ),
            advisor=scene.per.advisor,
            office=scene.per.office,
            phase=scene.per.phase,
        )
        for _ in range(3)
    ]
    client.force_login(scene.world.advisor)
    url = f"/api/matching/openings/{scene.opening.uuid}/candidates?include_excluded=true"

    def per_row() -> dict[str, Any]:
        rows = client.get(url).json()
        return next(
            row
            for row in rows["results"] + rows["excluded"]
            if row["name"] is None and row["advisor"] == scene.per.advisor.display_name
        )

    assert per_row()["initials"] is None  # four share them: still too few
    peers.append(
        ProcessFactory(
            candidate=CandidateFactory(
                first_name="Pia", last_name="Dyb", birth_date=per.birth_date
            ),
            advisor=scene.per.advisor,
            office=scene.per.office,
            phase=scene.per.phase,
        )
    )
    row = per_row()
    assert row["initials"] == "P. D."
    assert row["age_group"] is not None


def test_a_too_long_override_reason_is_refused_at_its_field(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    body = {
        "process_id": str(scene.kari.uuid),
        "opening_id": str(scene.opening.uuid),
        "override_reason": "x" * 501,
    }
    response = _post(client, "/api/matching/matches", body)
    assert response.status_code == 422
    assert "override_reason" in response.json()["detail"]


def test_reopen_documents_that_its_service_may_refuse(client: Client, world: World) -> None:
    schema = client.get("/api/openapi.json").json()
    responses = schema["paths"]["/api/processes/{process_id}/reopen"]["post"]["responses"]
    assert "422" in responses


@pytest.mark.django_db(transaction=True)
def test_a_move_runs_in_its_own_transaction_outside_a_test_transaction() -> None:
    """Under the web server there is no surrounding transaction: the service opens its own
    (it locks the match with select_for_update, which needs one)."""
    match = MatchFactory()
    target = allowed_next_statuses(match.status)[0]
    moved = match_move(actor=match.process.advisor, match=match, to_status=target)
    assert moved.status == target
