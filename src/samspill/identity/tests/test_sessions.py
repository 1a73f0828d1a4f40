"""Sessions end after 30 idle minutes (and after SESSION_COOKIE_AGE whatever happens)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.test import Client
from pytest_django.fixtures import Settings

from samspill.audit.models import AuditEvent
from samspill.conftest import World

T0 = datetime(2026, 3, 2, 9, 0).astimezone()


def _at(minutes: float) -> time_machine.travel:
    return time_machine.travel(T0 + timedelta(minutes=minutes), tick=False)


@pytest.mark.parametrize("persona", ["advisor", "jobseeker"])
def test_after_29_idle_minutes_the_user_is_still_logged_in(
    client: Client, world: World, persona: str
) -> None:
    with _at(0):
        client.force_login(world.persona(persona))
        assert client.get("/").status_code == 200
    with _at(29):
        assert client.get("/").status_code == 200
    assert not AuditEvent.objects.filter(object_type="login").exists()


@pytest.mark.parametrize("persona", ["advisor", "jobseeker"])
def test_after_31_idle_minutes_the_user_is_logged_out_and_told_why(
    client: Client, world: World, persona: str
) -> None:
    user = world.persona(persona)
    with _at(0):
        client.force_login(user)
        assert client.get("/").status_code == 200
    with _at(31):
        response = client.get("/i-dag/")
        assert response.status_code == 302
        assert response["Location"].startswith("/logg-inn/?next=")
        page = client.get(response["Location"]).content.decode()
        assert "Du ble logget ut fordi du ikke hadde vært aktiv på 30 minutter." in page
        assert client.get("/api/me").status_code == 401
    event = AuditEvent.objects.get(object_type="login")
    assert event.actor == user
    assert event.detail == "logget ut: 30 minutter uten aktivitet"


def test_activity_keeps_the_session_and_the_button_counts_as_activity(
    client: Client, world: World
) -> None:
    with _at(0):
        client.force_login(world.advisor)
        client.get("/")
    with _at(26):
        response = client.post("/okt/forleng/", HTTP_X_REQUESTED_WITH="fetch")
        assert response.status_code == 204
    with _at(52):
        assert client.get("/").status_code == 200
    with _at(70):  # no JavaScript: the form posts and comes back to the page
        response = client.post("/okt/forleng/", {"next": "/i-dag/"})
        assert response["Location"] == "/i-dag/"
    with _at(102):
        assert client.get("/").status_code == 302


def test_the_idle_timeout_is_configurable(client: Client, world: World, settings: Settings) -> None:
    settings.SAMSPILL_IDLE_TIMEOUT_MINUTES = 10
    with _at(0):
        client.force_login(world.advisor)
        client.get("/")
    with _at(11):
        assert client.get("/").status_code == 302


def test_an_active_session_still_ends_at_its_absolute_age(
    client: Client, world: World, settings: Settings
) -> None:
    settings.SESSION_COOKIE_AGE = 60 * 60
    with _at(0):
        client.force_login(world.advisor)
    for minutes in (20, 40, 59):
        with _at(minutes):
            assert client.get("/").status_code == 200
    with _at(61):
        response = client.get("/")
        assert response.status_code == 302
        assert "økten din var for gammel" in client.get(response["Location"]).content.decode()


def test_every_page_warns_before_the_end_without_inline_script(
    client: Client, world: World
) -> None:
    client.force_login(world.advisor)
    page = client.get("/").content.decode()
    assert 'class="idle-notice' in page
    assert "hidden" in page
    assert 'data-idle-seconds="1800"' in page
    assert 'data-warning-seconds="300"' in page
    assert "Forbli innlogget" in page
    assert '<script src="/static/samspill/idle-timeout.js" defer></script>' in page
    assert "<script>" not in page
    assert " onclick=" not in page
    assert "API-nøkler" in page
