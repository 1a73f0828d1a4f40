"""Throttling on username + address (django-axes), and the audited unlock."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from pytest_django.fixtures import Settings

from samspill.accounts.lockout import client_ip
from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.identity.services import user_unlock
from samspill.identity.tests.helpers import password_login


def _lock(client: Client, username: str, attempts: int = 30) -> None:
    for _ in range(attempts):
        password_login(client, username, "feil-passord-igjen")


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(
    client: Client, world: World
) -> None:
    _lock(client, "jobseeker")
    response = client.post("/logg-inn/", {"username": "jobseeker", "password": "test-passord-123"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Innloggingen er sperret etter for mange feil passord" in page
    assert "Prøv igjen om 15 minutter" in page
    assert 'name="username"' in page  # the login page, not a bare error page
    assert client.get("/")["Location"].startswith("/logg-inn/")


def test_the_lock_is_on_username_and_address(client: Client, world: World) -> None:
    _lock(client, "jobseeker", 5)
    elsewhere = Client(REMOTE_ADDR="10.9.8.7")
    assert password_login(elsewhere, "jobseeker") == 302
    assert password_login(client, "partner") == 302  # another user from the same address


def test_an_administrator_unlocks_and_it_is_audited(client: Client, world: World) -> None:
    _lock(client, "jobseeker", 6)
    assert user_unlock(actor=world.admin, username="jobseeker") >= 1
    event = AuditEvent.objects.get(actor=world.admin, object_type="login")
    assert event.object_uuid == world.jobseeker.uuid
    assert "låste opp innloggingen for «jobseeker»" in event.detail
    assert password_login(client, "jobseeker") == 302


def test_only_an_administrator_may_unlock(world: World) -> None:
    with pytest.raises(PermissionDenied):
        user_unlock(actor=world.manager, username="jobseeker")
    assert not AuditEvent.objects.exists()


def test_the_unlock_command_names_the_administrator(client: Client, world: World) -> None:
    _lock(client, "jobseeker", 6)
    out = StringIO()
    call_command("unlock_login", "jobseeker", "--by", "admin", stdout=out)
    assert "Unlocked 'jobseeker'" in out.getvalue()
    assert AuditEvent.objects.filter(actor=world.admin, object_type="login").count() == 1
    with pytest.raises(CommandError, match="not an administrator"):
        call_command("unlock_login", "jobseeker", "--by", "advisor", stdout=out)
    assert password_login(client, "jobseeker") == 302


def test_the_address_is_never_one_the_client_wrote(settings: Settings) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "10.0.0.1"
    settings.SAMSPILL_PROXY_COUNT = 1
    spoofed = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    assert client_ip(spoofed) == "203.0.113.9"  # what our proxy saw
