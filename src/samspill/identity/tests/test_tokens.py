"""API tokens: expiry, scope, revocation, last use, and the «API-nøkler» page."""

from __future__ import annotations

import re
from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from samspill import rules
from samspill.accounts.models import ApiToken, TokenScope
from samspill.audit.models import Action, AuditEvent
from samspill.conftest import World
from samspill.identity.services import api_token_issue

SUBSIDY = {"monthly_wage": 30000, "percentage": 40, "start": "2026-01-01", "months": 6}


def _bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_expires_after_the_rule(client: Client, world: World) -> None:
    token, secret = api_token_issue(actor=world.advisor, user=world.advisor, name="Rapport")
    assert token.expires_at - token.created_at >= rules.API_TOKEN_VALID_FOR.value - timedelta(
        seconds=1
    )
    assert client.get("/api/me", **_bearer(secret)).status_code == 200
    with time_machine.travel(token.expires_at + timedelta(seconds=1)):
        assert client.get("/api/me", **_bearer(secret)).status_code == 401


def test_a_revoked_token_is_refused_at_once(client: Client, world: World) -> None:
    token, secret = api_token_issue(actor=world.advisor, user=world.advisor, name="Rapport")
    client.force_login(world.advisor)
    response = client.post("/api-nokler/", {"revoke": str(token.uuid)}, follow=True)
    assert "virker ikke lenger" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client().get("/api/me", **_bearer(secret)).status_code == 401
    event = AuditEvent.objects.get(object_type="api_token", action=Action.CHANGE)
    assert event.actor == world.advisor
    assert event.object_uuid == token.uuid


def test_a_read_token_may_only_read(client: Client, world: World) -> None:
    _token, secret = api_token_issue(
        actor=world.advisor, user=world.advisor, name="Les", scope=TokenScope.READ
    )
    assert client.get("/api/me", **_bearer(secret)).status_code == 200
    response = client.post(
        "/api/agreements/wage-subsidy", SUBSIDY, "application/json", **_bearer(secret)
    )
    assert response.status_code == 403
    assert "Denne API-nøkkelen kan bare lese" in response.json()["detail"]
    _token, writer = api_token_issue(actor=world.advisor, user=world.advisor, name="Skriv")
    response = client.post(
        "/api/agreements/wage-subsidy", SUBSIDY, "application/json", **_bearer(writer)
    )
    assert response.status_code != 403


def test_last_use_is_recorded_at_most_once_a_minute(client: Client, world: World) -> None:
    token, secret = api_token_issue(actor=world.advisor, user=world.advisor, name="Rapport")
    assert token.last_used_at is None
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/api/me", **_bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        client.get("/api/me", **_bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        client.get("/api/me", **_bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at == start + timedelta(seconds=61)


def test_the_page_makes_a_token_shown_once_and_lists_it_without_the_secret(
    client: Client, world: World
) -> None:
    client.force_login(world.employer)
    response = client.post("/api-nokler/", {"name": "Lønnssystem", "scope": "read"})
    page = response.content.decode()
    secret = re.search(r'<code id="new-token">([^<]+)</code>', page)
    assert secret is not None
    assert "den vises ikke igjen" in page
    assert client.get("/api/me", **_bearer(secret.group(1))).status_code == 200
    listing = client.get("/api-nokler/").content.decode()
    assert "Lønnssystem" in listing
    assert "Bare lese" in listing
    assert secret.group(1) not in listing
    assert secret.group(1)[:8] in listing  # the prefix, to tell tokens apart
    event = AuditEvent.objects.get(object_type="api_token", action=Action.CREATE)
    assert event.actor == world.employer
    assert secret.group(1) not in event.detail


def test_a_name_is_required(client: Client, world: World) -> None:
    client.force_login(world.advisor)
    page = client.post("/api-nokler/", {"name": "", "scope": "read"}).content.decode()
    assert "Gi nøkkelen et navn" in page
    assert not ApiToken.objects.exists()


def test_nobody_revokes_someone_elses_token(client: Client, world: World) -> None:
    token, _secret = api_token_issue(actor=world.advisor, user=world.advisor, name="Rapport")
    client.force_login(world.manager)
    assert client.post("/api-nokler/", {"revoke": str(token.uuid)}).status_code == 404
    assert client.post("/api-nokler/", {"revoke": "ikke-en-id"}).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
