"""The JSON API through the Django test client, authenticated with real bearer tokens."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from samspill.accounts.models import ApiToken, User
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.conftest import World


def _token_for(user: User) -> str:
    out = StringIO()
    call_command("api_token", user.username, stdout=out)
    return out.getvalue().strip()


def _bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# --- tokens ---------------------------------------------------------------------------------


def test_the_command_prints_a_token_that_is_stored_only_as_a_hash(world: World) -> None:
    token = _token_for(world.advisor)
    assert len(token) >= 40
    stored = ApiToken.objects.get(user=world.advisor)
    assert stored.key_hash != token
    assert stored.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert stored.prefix == token[:8]
    assert not ApiToken.objects.filter(key_hash=token).exists()
    assert not ApiToken.objects.filter(key_hash__contains=token[8:20]).exists()


def test_each_run_makes_a_new_token(world: World) -> None:
    assert _token_for(world.advisor) != _token_for(world.advisor)
    assert ApiToken.objects.filter(user=world.advisor).count() == 2


def test_the_command_refuses_unknown_or_inactive_users(world: World) -> None:
    with pytest.raises(CommandError, match="nobody"):
        call_command("api_token", "nobody", stdout=StringIO())
    world.partner.is_active = False
    world.partner.save()
    with pytest.raises(CommandError):
        call_command("api_token", "partner", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_me_with_a_bearer_token(world: World, client: Client) -> None:
    token = _token_for(world.advisor)
    response = client.get("/api/me", **_bearer(token))
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == "advisor"
    assert body["username"] == "advisor"
    assert body["id"] == str(world.advisor.uuid)
    assert body["office"] == "NAV Grünerløkka"
    assert ApiToken.objects.get(user=world.advisor).last_used_at is not None


def test_me_for_a_role_without_office(world: World, client: Client) -> None:
    response = client.get("/api/me", **_bearer(_token_for(world.employer)))
    assert response.status_code == 200
    assert response.json()["role"] == "employer"
    assert response.json()["office"] is None


@pytest.mark.parametrize(
    "header",
    [None, "Bearer feil-token", "Bearer ", "Token {token}", "bearer-{token}"],
)
def test_without_a_valid_token_the_answer_is_401(
    world: World, client: Client, header: str | None
) -> None:
    token = _token_for(world.advisor)
    extra = {} if header is None else {"HTTP_AUTHORIZATION": header.format(token=token)}
    response = client.get("/api/me", **extra)
    assert response.status_code == 401


def test_a_revoked_token_no_longer_works(world: World, client: Client) -> None:
    token = _token_for(world.advisor)
    assert client.get("/api/me", **_bearer(token)).status_code == 200
    ApiToken.objects.filter(user=world.advisor).update(revoked_at="2026-01-01T00:00:00Z")
    assert client.get("/api/me", **_bearer(token)).status_code == 401


def test_the_token_of_an_inactive_user_no_longer_works(world: World, client: Client) -> None:
    token = _token_for(world.advisor)
    world.advisor.is_active = False
    world.advisor.save()
    assert client.get("/api/me", **_bearer(token)).status_code == 401


def test_the_browser_session_works_too(world: World, client: Client) -> None:
    client.force_login(world.manager)
    response = client.get("/api/me")
    assert response.status_code == 200
    assert response.json()["role"] == "manager"


# --- processes ------------------------------------------------------------------------------


def test_advisor_lists_the_process_with_every_field(world: World, client: Client) -> None:
    response = client.get("/api/processes", **_bearer(_token_for(world.advisor)))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (item,) = body["items"]
    candidate = world.process.candidate
    assert item["id"] == str(world.process.uuid)
    assert item["phase"] == "trial"
    assert item["employer_id"] == str(world.employer_org.uuid)
    assert item["candidate"]["name"] == candidate.full_name
    assert item["candidate"]["phone"] == candidate.phone
    assert item["candidate"]["birth_date"] == "1998-05-17"
    event = AuditEvent.objects.exclude(object_type="api_token").get(actor=world.advisor)
    assert (event.purpose, event.subject_uuid) == (Purpose.API, candidate.uuid)


def test_employer_gets_only_consented_fields(world: World, client: Client) -> None:
    response = client.get("/api/processes", **_bearer(_token_for(world.employer)))
    assert response.status_code == 200
    (item,) = response.json()["items"]
    candidate = item["candidate"]
    assert candidate["name"] == world.process.candidate.full_name
    assert isinstance(candidate["age"], int)
    assert candidate["visible_fields"] == ["age", "name"]
    for hidden in ("phone", "email", "birth_date", "need_level", "municipality"):
        assert candidate[hidden] is None, hidden


def test_an_outsider_lists_nothing(world: World, client: Client) -> None:
    response = client.get("/api/processes", **_bearer(_token_for(world.employer_other)))
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert response.json()["items"] == []


def test_detail_for_an_insider(world: World, client: Client) -> None:
    response = client.get(
        f"/api/processes/{world.process.uuid}", **_bearer(_token_for(world.jobseeker))
    )
    assert response.status_code == 200
    assert response.json()["candidate"]["phone"] == world.process.candidate.phone


@pytest.mark.parametrize("persona", ["advisor_other_office", "employer_other", "partner"])
def test_detail_for_an_outsider_is_404_and_logged(
    world: World, client: Client, persona: str
) -> None:
    user = world.persona(persona)
    response = client.get(f"/api/processes/{world.process.uuid}", **_bearer(_token_for(user)))
    assert response.status_code == 404
    assert world.process.candidate.full_name not in response.content.decode()
    denied = AuditEvent.objects.exclude(object_type="api_token").get(actor=user)
    assert denied.outcome == Outcome.DENIED
    assert denied.action == Action.VIEW
    assert denied.purpose == Purpose.API
    assert denied.object_uuid == world.process.uuid
    assert denied.subject_uuid == world.process.candidate.uuid


def test_candidate_detail_follows_the_same_policy(world: World, client: Client) -> None:
    url = f"/api/candidates/{world.process.candidate.uuid}"
    allowed = client.get(url, **_bearer(_token_for(world.employer)))
    assert allowed.status_code == 200
    assert allowed.json()["phone"] is None
    assert client.get(url, **_bearer(_token_for(world.employer_other))).status_code == 404


# --- schema ---------------------------------------------------------------------------------


def test_openapi_schema_lists_the_tags_and_bearer_auth(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    tags = {
        tag
        for operations in schema["paths"].values()
        for operation in operations.values()
        for tag in operation.get("tags", [])
    }
    assert tags == {
        "accounts",
        "processes",
        "candidates",
        "employers",
        "openings",
        "matching",
        "agreements",
        "insights",
        "followup",
        "notifications",
    }
    assert "/api/processes/{process_id}" in schema["paths"]
    assert any(
        scheme.get("scheme") == "bearer"
        for scheme in schema["components"]["securitySchemes"].values()
    )
