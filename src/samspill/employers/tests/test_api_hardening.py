"""The API's answers to hostile input: bounded numbers, Norwegian errors keyed to the request
field, JSON 404 and 413, and an exact OpenAPI schema (enums, distinct names, every status)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from samspill.accounts.models import User
from samspill.conftest import World
from samspill.identity.services import api_token_create


def _auth(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_create(user=user)}"}


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=True)


def test_a_huge_offset_is_refused_in_norwegian_not_a_500(world: World, client: Client) -> None:
    response = client.get("/api/employers?offset=9223372036854775808", headers=_auth(world.advisor))
    assert response.status_code == 422
    assert response.json() == {"detail": {"offset": ["Skriv et tall som er høyst 1000000."]}}
    page = client.get("/api/processes?page=99999999999999999999", headers=_auth(world.advisor))
    assert page.status_code == 422
    assert list(page.json()["detail"]) == ["page"]


def test_type_errors_are_norwegian_and_keyed_to_the_field(world: World, client: Client) -> None:
    url = f"/api/employers/{world.employer_org.uuid}/openings"
    body = {"workplace_id": str(world.workplace.uuid), "kind": "x", "purpose": "trial"}
    body |= {"title": "Lager", "hours_per_week": "mange", "starts_on": "9999-01-01"}
    response = client.post(
        url, json.dumps(body), content_type="application/json", headers=_auth(world.advisor)
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["hours_per_week"] == ["Skriv et tall."]
    assert detail["kind"][0].startswith("Velg en av: ")
    assert detail["starts_on"] == ["Skriv en dato mellom år 1900 og 2100."]


def test_unreadable_and_oversized_bodies(world: World, client: Client) -> None:
    url = f"/api/employers/{world.employer_org.uuid}/contact-persons"
    broken = client.post(url, "{", content_type="application/json", headers=_auth(world.advisor))
    assert broken.status_code == 400
    assert broken.json() == {"detail": "Forespørselen kunne ikke leses."}
    huge = json.dumps({"name": "x" * (2 * 1024 * 1024)})
    too_big = client.post(url, huge, content_type="application/json", headers=_auth(world.advisor))
    assert too_big.status_code == 413
    assert too_big.json() == {"detail": "Forespørselen er for stor."}


def test_an_id_that_is_not_a_uuid_is_a_json_404(world: World, client: Client) -> None:
    response = client.get("/api/employers/null,null", headers=_auth(world.advisor))
    assert response.status_code == 404
    assert response.json() == {"detail": "Fant ikke det du ba om."}


def test_the_schema_lists_choices_names_and_statuses(world: World, client: Client) -> None:
    schema = client.get("/api/openapi.json", headers=_auth(world.advisor)).json()
    components = schema["components"]["schemas"]
    assert {"EmployerContactIn", "EmployerContactOut", "FollowupContactIn"} <= set(components)
    assert {"ContactIn", "ContactOut"}.isdisjoint(components)
    assert "visit" in components["EmployerContactIn"]["properties"]["kind"]["enum"]
    assert "warehouse" in components["EmployerIn"]["properties"]["sector"]["enum"]
    create = schema["paths"]["/api/employers/{employer_id}/openings"]["post"]["responses"]
    assert {"201", "400", "401", "403", "404", "413", "422"} <= set(create)
    error = create["422"]["content"]["application/json"]["schema"]["$ref"]
    assert error.endswith("/ValidationErrorOut")


def test_a_nul_character_is_refused_at_its_field(world: World, client: Client) -> None:
    url = f"/api/employers/{world.employer_org.uuid}/contact-persons"
    body = {"name": "Kari\u0000", "role": "Leder", "phone": "45459827"}
    response = client.post(
        url, json.dumps(body), content_type="application/json", headers=_auth(world.advisor)
    )
    assert response.status_code == 422
    assert response.json()["detail"] == {"name": ["Teksten har et ugyldig tegn (NUL)."]}


def test_every_schema_name_is_used_once(world: World, client: Client) -> None:
    schema = client.get("/api/openapi.json", headers=_auth(world.advisor)).json()
    components = schema["components"]["schemas"]
    assert {"AgreementCommitmentOut", "FollowupCommitmentOut"} <= set(components)
    assert "CommitmentOut" not in components
