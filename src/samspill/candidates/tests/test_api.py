"""The candidate operations in the JSON API, through the real client and bearer tokens."""

from __future__ import annotations

import pytest
from django.test import Client

from samspill.audit.models import AuditEvent, Outcome
from samspill.candidates.models import AccommodationNeed, ConsentRecord
from samspill.conftest import World
from samspill.identity.services import api_token_create


def _auth(user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"Authorization": f"Bearer {api_token_create(user=user)}"}


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=True)


def test_profile_as_advisor_and_as_employer(world: World, client: Client) -> None:
    candidate = world.process.candidate
    AccommodationNeed.objects.create(
        candidate=candidate,
        code="quiet_environment",
        detail="Sliten av støy",
        last_confirmed="2026-10-01",
    )
    ConsentRecord.objects.create(candidate=candidate, items=["name", "need:quiet_environment"])
    url = f"/api/candidates/{candidate.uuid}"
    staff = client.get(url, headers=_auth(world.advisor)).json()
    assert staff["profile"]["needs"][0]["detail"] == "Sliten av støy"
    shared = client.get(url, headers=_auth(world.employer)).json()
    assert shared["name"] == candidate.full_name
    assert shared["age"] is None
    assert shared["profile"]["needs"] == [
        {
            "code": "quiet_environment",
            "category": "Arbeidshverdagen",
            "label": "Kan trenge et stille og rolig miljø",
            "detail": None,
            "last_confirmed": None,
            "due_for_review": False,
        }
    ]
    assert "Sliten av støy" not in str(shared)


def test_patch_profile_validates_in_norwegian_and_saves_nothing(
    world: World, client: Client
) -> None:
    candidate = world.process.candidate
    url = f"/api/candidates/{candidate.uuid}/profile"
    response = client.patch(
        url,
        {"hours_min": 30, "hours_max": 10, "interests": "Lager"},
        content_type="application/json",
        headers=_auth(world.advisor),
    )
    assert response.status_code == 422
    assert "lavere enn det laveste" in response.json()["detail"]["hours_max"][0]
    candidate.refresh_from_db()
    assert candidate.interests == ""
    response = client.patch(
        url,
        {"hours_min": 10, "hours_max": 20, "interests": "Lager"},
        content_type="application/json",
        headers=_auth(world.advisor),
    )
    assert response.status_code == 200
    assert set(response.json()["changed"]) == {"hours_min", "hours_max", "interests"}


def test_employer_cannot_patch_and_is_logged(world: World, client: Client) -> None:
    url = f"/api/candidates/{world.process.candidate.uuid}/profile"
    response = client.patch(
        url, {"interests": "x"}, content_type="application/json", headers=_auth(world.employer)
    )
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=world.employer, outcome=Outcome.DENIED).exists()


def test_needs_put(world: World, client: Client) -> None:
    candidate = world.process.candidate
    url = f"/api/candidates/{candidate.uuid}/needs"
    body = [{"code": "avoid_heavy_lifting", "detail": "Maks 10 kg"}, {"code": "reading"}]
    response = client.put(url, body, content_type="application/json", headers=_auth(world.advisor))
    assert response.status_code == 200
    assert set(candidate.needs.values_list("code", flat=True)) == {"avoid_heavy_lifting", "reading"}
    bad = client.put(
        url, [{"code": "diagnose"}], content_type="application/json", headers=_auth(world.advisor)
    )
    assert bad.status_code == 422


def test_jobseeker_writes_own_words_and_consent(world: World, client: Client) -> None:
    headers = _auth(world.jobseeker)
    response = client.put(
        "/api/candidates/me/profile",
        {"interests": "Jeg liker å lage mat"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["changed"] == ["own_interests"]
    own = client.get("/api/candidates/me/profile", headers=headers).json()
    assert own["profile"]["own_words"]["interests"] == "Jeg liker å lage mat"
    consent = client.put(
        "/api/candidates/me/consent",
        {"items": ["name", "strengths"]},
        content_type="application/json",
        headers=headers,
    ).json()
    assert consent["items"] == ["name", "strengths"]
    assert len(consent["history"]) == 2
    refused = client.put(
        "/api/candidates/me/consent",
        {"items": ["birth_date"]},
        content_type="application/json",
        headers=headers,
    )
    assert refused.status_code == 422


def test_advisor_has_no_own_profile(world: World, client: Client) -> None:
    assert client.get("/api/candidates/me/profile", headers=_auth(world.advisor)).status_code == 404


def test_portfolio_counts_and_filters(world: World, client: Client) -> None:
    headers = _auth(world.advisor)
    data = client.get("/api/candidates/portfolio", headers=headers).json()
    assert data["count"] == 1
    assert data["counts"]["trial"] == 1
    assert data["items"][0]["process_id"] == str(world.process.uuid)
    none = client.get("/api/candidates/portfolio?fase=mapping", headers=headers).json()
    assert none["count"] == 0
