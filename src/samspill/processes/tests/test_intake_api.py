"""Intake in the JSON API through the client: register a jobseeker, open, end and reopen a
process, with the pages' access rules, audit rows and Norwegian errors at the field."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client

from samspill.audit.models import AuditEvent, Outcome
from samspill.candidates.models import Candidate
from samspill.candidates.tests.factories import synthetic_national_id
from samspill.conftest import World
from samspill.processes.models import InclusionProcess, Phase

NUMBER = synthetic_national_id(datetime.date(1979, 7, 14))


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    response = client.post(url, json.dumps(body or {}), content_type="application/json")
    return response.status_code, response.json()


def _person(**overrides: Any) -> dict[str, Any]:
    return {
        "first_name": "Kari",
        "last_name": "Nordmann",
        "national_id": NUMBER,
        "gender": "female",
        "municipality": "Oslo",
        "need_level": "standard",
        "referral": "nav",
        "wish": "Kontorarbeid",
    } | overrides


def test_an_advisor_registers_a_jobseeker_and_their_process(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    status, body = _post(client, "/api/candidates", _person())
    assert status == 201
    process = InclusionProcess.objects.get(uuid=body["process_id"])
    assert str(process.candidate.uuid) == body["candidate_id"]
    assert (process.advisor, process.referral, process.phase) == (
        world.advisor,
        "nav",
        Phase.MAPPING,
    )
    assert process.candidate.birth_date == datetime.date(1979, 7, 14)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("national_id", NUMBER[:10], "Fødselsnummeret har 11 sifre; du skrev 10."),
        ("national_id", NUMBER[:10] + "x", "Fødselsnummeret kan bare ha sifre."),
        ("first_name", " ", "Skriv fornavnet."),
        ("advisor_id", "00000000-0000-4000-8000-000000000000", "Velg en veileder ved ditt"),
    ],
)
def test_bad_input_is_refused_at_the_field(
    world: World, client: Client, field: str, value: str, message: str
) -> None:
    client.force_login(world.advisor)
    before = Candidate.objects.count()
    status, body = _post(client, "/api/candidates", _person(**{field: value}))
    assert status == 422
    assert body["detail"][field][0].startswith(message)
    assert Candidate.objects.count() == before


def test_a_duplicate_names_the_person_only_to_who_may_see_them(
    world: World, client: Client
) -> None:
    existing = world.process.candidate
    existing.national_id = NUMBER
    existing.save(update_fields=["national_id"])
    client.force_login(world.advisor)
    status, body = _post(client, "/api/candidates", _person())
    assert status == 422
    assert body["detail"] == {
        "national_id": ["Denne personen er allerede registrert."],
        "existing_candidate_id": [str(existing.uuid)],
    }
    other = world.advisor_other_office
    client.force_login(other)
    status, body = _post(client, "/api/candidates", _person())
    assert (status, body["detail"]) == (
        422,
        {"national_id": ["Denne personen er allerede registrert."]},
    )
    assert AuditEvent.objects.filter(actor=other, outcome=Outcome.DENIED).exists()
    assert Candidate.objects.filter(national_id=NUMBER).count() == 1


@pytest.mark.parametrize("persona", ["employer", "partner", "jobseeker", "employer_contact"])
def test_others_may_not_register(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    status, _ = _post(client, "/api/candidates", _person())
    assert status == 403
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).exists()
    assert not Candidate.objects.filter(national_id=NUMBER).exists()


def test_end_reopen_and_open_again(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    url = f"/api/processes/{world.process.uuid}"
    status, body = _post(client, f"{url}/end", {"reason": "other"})
    assert (status, body["detail"]) == (422, {"other": ["Skriv hvorfor forløpet avsluttes."]})
    status, body = _post(client, f"{url}/end", {"reason": "moved"})
    assert (status, body["phase"]) == (200, "closed")
    status, body = _post(client, f"{url}/end", {"reason": "moved"})
    assert (status, body["detail"]) == (422, {"__all__": ["Forløpet er allerede avsluttet."]})
    status, body = _post(client, f"{url}/reopen")
    assert (status, body["phase"]) == (200, "mapping")
    status, body = _post(
        client,
        "/api/processes",
        {"candidate_id": str(world.process.candidate.uuid), "referral": "self"},
    )
    assert status == 422
    assert "allerede et åpent forløp" in body["detail"]["__all__"][0]
    _post(client, f"{url}/end", {"reason": "wants_to_stop"})
    status, body = _post(
        client,
        "/api/processes",
        {"candidate_id": str(world.process.candidate.uuid), "referral": "self"},
    )
    assert (status, body["phase"], body["candidate"]["id"]) == (
        201,
        "mapping",
        str(world.process.candidate.uuid),
    )


@pytest.mark.parametrize("persona", ["employer", "jobseeker", "advisor_other_office"])
def test_outsiders_cannot_end_reopen_or_open(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    url = f"/api/processes/{world.process.uuid}"
    assert _post(client, f"{url}/end", {"reason": "moved"})[0] in (403, 404)
    assert _post(client, f"{url}/reopen")[0] in (403, 404)
    body = {"candidate_id": str(world.process.candidate.uuid), "referral": "self"}
    assert _post(client, "/api/processes", body)[0] in (403, 404)
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).count() == 3
    world.process.refresh_from_db()
    assert world.process.phase == Phase.TRIAL


def test_ending_without_a_reason_is_refused_at_the_reason(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    status, body = _post(client, f"/api/processes/{world.process.uuid}/end", {})
    assert (status, body["detail"]) == (422, {"reason": ["Velg hvorfor forløpet avsluttes."]})
