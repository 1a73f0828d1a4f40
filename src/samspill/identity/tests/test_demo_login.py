"""`make demo` still lets a newcomer in: password «demo», then the demo code."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings

from samspill.conftest import seed_for_module
from samspill.demo.generator import DEMO_PASSWORD, DemoBuilder
from samspill.identity.second_factor import DEMO_TOTP_KEY, totp_code
from samspill.identity.tests.helpers import password_login

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Seeded once for the module (the tests only read it; each one's writes roll back)."""
    builder = DemoBuilder(
        seed=7, size=150, today=datetime.date(2026, 6, 1), progress=lambda *_: None
    )
    yield from seed_for_module(django_db_blocker, lambda: builder.run(lambda *_: None))


@pytest.mark.usefixtures("demo")
def test_demo_staff_log_in_with_the_documented_password_and_demo_code(
    client: Client, settings: Settings
) -> None:
    settings.DEBUG = True
    assert password_login(client, "advisor", DEMO_PASSWORD) == 302
    page = client.get("/logg-inn/kode/").content.decode()
    device = TOTPDevice.objects.get(user__username="advisor")
    assert device.key == DEMO_TOTP_KEY
    assert f"koden nå er <strong>{totp_code(device)}</strong>" in page
    assert client.post("/logg-inn/kode/", {"code": totp_code(device)}).status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.usefixtures("demo")
def test_only_the_demo_staff_logins_get_the_demo_app() -> None:
    owners = set(TOTPDevice.objects.values_list("user__username", flat=True))
    assert owners == {"advisor", "manager", "employer_contact", "admin"}
