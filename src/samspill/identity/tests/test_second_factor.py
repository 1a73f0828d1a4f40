"""The second factor for staff: after the password, nothing but the code page."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings

from samspill.accounts.models import User
from samspill.audit.models import Action, AuditEvent, Outcome
from samspill.conftest import World
from samspill.identity.oidc import Kind
from samspill.identity.second_factor import DEMO_TOTP_KEY, totp_code
from samspill.identity.tests.helpers import app_for, password_login

STAFF = ("advisor", "employer_contact", "manager", "admin")
CITIZENS = ("partner", "employer", "jobseeker")
CODE_PAGE = "/logg-inn/kode/"
ENROL_PAGE = "/logg-inn/ny-kodeapp/"
#: Views a password-only session may reach: the steps of the login itself.
OPEN = {"identity:login", "identity:second_factor", "identity:enrol", "core:healthz"}
#: Login through OpenID Connect: open to anyone, and 404 while no provider is configured.
OPEN |= {f"identity:oidc_{step}_{kind}" for step in ("start", "callback") for kind in Kind}


def _pages(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> list[tuple[str, str]]:
    """Every page without an id in its URL: (name, path)."""
    found: list[tuple[str, str]] = []
    for p in patterns:
        route = str(p.pattern)
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            if p.namespace in ("api", "admin"):
                continue
            found += _pages(p.url_patterns, prefix + route, ns)
        elif "<" not in route and not route.startswith("^"):
            found.append((f"{namespace}{p.name}", "/" + prefix + route))
    return found


def _audit(user: User) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(actor=user, object_type="login").order_by("at", "pk"))


@pytest.mark.parametrize("persona", STAFF)
def test_staff_with_only_a_password_reach_no_page(
    client: Client, world: World, persona: str
) -> None:
    user = world.persona(persona)
    app_for(user)
    assert password_login(client, user.username) == 302
    pages = [(name, path) for name, path in _pages(get_resolver().url_patterns) if name not in OPEN]
    assert len(pages) > 15
    for name, path in pages:
        response = client.get(path)
        if response.status_code == 405:  # POST-only (logout, keep-alive): nothing to see
            continue
        assert response.status_code == 302, name
        assert response["Location"].startswith(f"{CODE_PAGE}?next="), name
    for path in (f"/forlop/{world.process.uuid}/", "/admin/", "/admin/accounts/user/"):
        assert client.get(path)["Location"].startswith(CODE_PAGE), path


@pytest.mark.parametrize("persona", STAFF)
def test_staff_with_only_a_password_get_401_from_the_session_api(
    client: Client, world: World, persona: str
) -> None:
    user = world.persona(persona)
    app_for(user)
    password_login(client, user.username)
    assert client.get("/api/me").status_code == 401
    assert client.get("/api/processes").status_code == 401
    assert client.post("/api/agreements/wage-subsidy", {}, "application/json").status_code == 401


@pytest.mark.parametrize("persona", CITIZENS)
def test_citizens_are_not_asked_for_a_code(client: Client, world: World, persona: str) -> None:
    password_login(client, world.persona(persona).username)
    assert client.get("/").status_code == 200
    assert client.get("/api/me").status_code == 200


def test_the_right_code_lets_the_user_in_and_is_audited(client: Client, world: World) -> None:
    device = app_for(world.advisor)
    password_login(client, "advisor")
    page = client.get(f"{CODE_PAGE}?next=/i-dag/")
    assert "Skriv inn engangskoden" in page.content.decode()
    response = client.post(CODE_PAGE, {"code": totp_code(device), "next": "/i-dag/"})
    assert response.status_code == 302
    assert response["Location"] == "/i-dag/"
    assert client.get("/").status_code == 200
    assert client.get("/api/me").status_code == 200
    [event] = _audit(world.advisor)
    assert event.outcome == Outcome.ALLOWED
    assert event.action == Action.CHANGE
    assert "riktig kode" in event.detail


def test_a_wrong_code_is_refused_and_audited(client: Client, world: World) -> None:
    device = app_for(world.manager)
    password_login(client, "manager")
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(CODE_PAGE, {"code": wrong})
    assert response.status_code == 200
    assert "Koden stemmer ikke" in response.content.decode()
    assert client.get("/")["Location"].startswith(CODE_PAGE)
    assert client.get("/api/me").status_code == 401
    [event] = _audit(world.manager)
    assert event.outcome == Outcome.DENIED
    assert event.detail == "andre faktor: feil kode"


def test_an_open_redirect_is_not_followed(client: Client, world: World) -> None:
    device = app_for(world.advisor)
    password_login(client, "advisor")
    response = client.post(CODE_PAGE, {"code": totp_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_recovery_code_works_once_and_is_audited(client: Client, world: World) -> None:
    app_for(world.advisor)
    static = StaticDevice.objects.create(user=world.advisor, name="Reservekoder")
    StaticToken.objects.create(device=static, token="abcd2345")
    StaticToken.objects.create(device=static, token="efgh6789")
    password_login(client, "advisor")
    response = client.post(CODE_PAGE, {"code": "ABCD 2345"}, follow=True)
    assert response.redirect_chain[0][0] == "/"
    assert "Du brukte en reservekode. Du har 1 igjen." in response.content.decode()
    assert "reservekode (1 igjen)" in _audit(world.advisor)[-1].detail

    other = Client()
    password_login(other, "advisor")
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        assert "Koden stemmer ikke" in other.post(CODE_PAGE, {"code": "abcd2345"}).content.decode()
    assert _audit(world.advisor)[-1].outcome == Outcome.DENIED


def test_a_staff_user_without_an_app_enrols_and_gets_ten_recovery_codes(
    client: Client, world: World
) -> None:
    password_login(client, "employer_contact")
    assert client.get("/")["Location"].startswith(ENROL_PAGE)
    page = client.get(ENROL_PAGE).content.decode()
    assert '<svg width="' in page
    assert "QR-kode for autentiseringsappen" in page
    assert "otpauth://totp/Samspill%3Aemployer_contact?" in page
    assert "issuer=Samspill" in page
    device = TOTPDevice.objects.get(user=world.employer_contact, confirmed=False)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page)
    assert secret is not None
    assert len(secret.group(1).replace(" ", "")) == 32

    assert "Koden stemmer ikke" in client.post(ENROL_PAGE, {"code": "000000"}).content.decode()
    assert client.get("/")["Location"].startswith(ENROL_PAGE)
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        response = client.post(ENROL_PAGE, {"code": totp_code(device), "next": "/"})
    assert response.status_code == 200
    codes = re.findall(
        r"<li class=\"aksel-body-long\"><code>([a-z2-7]{8})</code></li>", response.content.decode()
    )
    assert (
        len(codes) == 10 == StaticToken.objects.filter(device__user=world.employer_contact).count()
    )
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200
    assert [(e.action, e.outcome) for e in _audit(world.employer_contact)] == [
        (Action.CREATE, Outcome.DENIED),
        (Action.CREATE, Outcome.ALLOWED),
    ]
    # Enrolled: the enrolment page now leads to the code page, not to a second secret.
    assert client.get(ENROL_PAGE)["Location"].startswith(CODE_PAGE)


def test_a_bearer_token_is_unaffected(client: Client, world: World) -> None:
    out = StringIO()
    call_command("api_token", "advisor", stdout=out)
    token = out.getvalue().strip()
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_the_demo_code_is_shown_only_for_the_demo_secret_and_only_with_debug(
    client: Client, world: World, settings: Settings
) -> None:
    demo = TOTPDevice.objects.create(user=world.advisor, key=DEMO_TOTP_KEY, confirmed=True)
    password_login(client, "advisor")
    assert "Bare i demo" not in client.get(CODE_PAGE).content.decode()
    settings.DEBUG = True
    page = client.get(CODE_PAGE).content.decode()
    assert "Bare i demo" in page
    assert totp_code(demo) in page

    other = Client()
    app_for(world.manager)
    password_login(other, "manager")
    assert "Bare i demo" not in other.get(CODE_PAGE).content.decode()
