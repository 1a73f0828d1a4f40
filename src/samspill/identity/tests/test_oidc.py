"""Login through OpenID Connect against a real provider (oidc-provider-mock) on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import pytest
import requests
from django.test import Client
from pytest_django.fixtures import Settings
from werkzeug.serving import make_server

from samspill.accounts.models import IdentityProviderDevice, Role, User
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import AuditEvent, Outcome
from samspill.identity.oidc import Kind, Provider, providers_from_env

CLIENT_ID = "samspill-test"


@pytest.fixture(scope="module")
def idp() -> Iterator[str]:
    """The provider's base URL; any client id and secret are accepted."""
    server = make_server("127.0.0.1", 0, oidc_provider_mock.app(require_nonce=True))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(2)
        server.server_close()


def _provider(kind: Kind, base: str, **extra: str) -> Provider:
    prefix = f"OIDC_{kind.value.upper()}_"
    environ = {
        prefix + "CLIENT_ID": CLIENT_ID,
        prefix + "CLIENT_SECRET": "hemmelig",
        prefix + "ISSUER": base,
        prefix + "AUTHORIZATION_ENDPOINT": f"{base}/oauth2/authorize",
        prefix + "TOKEN_ENDPOINT": f"{base}/oauth2/token",
        prefix + "USERINFO_ENDPOINT": f"{base}/userinfo",
        prefix + "JWKS_ENDPOINT": f"{base}/jwks",
        **{prefix + k: v for k, v in extra.items()},
    }
    (provider,) = providers_from_env(environ, require_https=False)
    return provider


@pytest.fixture
def providers(idp: str, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> dict[str, Provider]:
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # the mock is plain http
    found = {k.value: _provider(k, idp) for k in (Kind.CITIZEN, Kind.STAFF)}
    settings.SAMSPILL_OIDC_PROVIDERS = tuple(found.values())
    settings.OIDC_VERIFY_KID = False  # the mock's tokens carry no key id; real ones do
    return found


def _set_identity(idp: str, sub: str, claims: dict[str, Any]) -> None:
    requests.put(f"{idp}/users/{sub}", json=claims, timeout=5).raise_for_status()


def _login(client: Client, idp: str, kind: str, sub: str, claims: dict[str, Any]) -> Any:
    """Start, authorize ``sub`` at the provider as its form does, come back."""
    _set_identity(idp, sub, claims)
    start = client.get(f"/logg-inn/oidc/{kind}/", {"next": "/"})
    assert start.status_code == 302
    location = start["Location"]
    assert location.startswith(f"{idp}/oauth2/authorize?")
    query = parse_qs(urlsplit(location).query)
    assert query["state"][0]
    assert query["nonce"][0]
    assert query["code_challenge"][0]
    assert query["redirect_uri"] == [f"http://testserver/logg-inn/oidc/{kind}/tilbake/"]
    consent = requests.post(location, data={"sub": sub}, allow_redirects=False, timeout=5)
    assert consent.status_code == 302
    back = urlsplit(consent.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def _messages(client: Client) -> str:
    return client.get("/logg-inn/").content.decode()


@pytest.mark.django_db
def test_a_staff_login_maps_by_verified_email_links_and_is_verified(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    advisor = UserFactory(role=Role.ADVISOR, email="kari@nav.test")
    response = _login(
        client,
        idp,
        "staff",
        "staff-sub-1",
        {"email": "Kari@nav.test", "email_verified": True, "amr": ["pwd", "mfa"]},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200  # no code page: the IdP did the second factor
    advisor.refresh_from_db()
    assert (advisor.oidc_issuer, advisor.oidc_subject) == (idp, "staff-sub-1")
    assert IdentityProviderDevice.objects.filter(user=advisor).exists()
    event = AuditEvent.objects.filter(actor=advisor, object_type="login").latest("at")
    assert event.outcome == Outcome.ALLOWED
    assert "andre faktor gjort hos identitetsleverandøren" in event.detail


@pytest.mark.django_db
def test_a_staff_login_without_mfa_in_amr_still_asks_for_the_code(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    UserFactory(role=Role.MANAGER, oidc_issuer=idp, oidc_subject="staff-sub-2")
    response = _login(client, idp, "staff", "staff-sub-2", {"amr": ["pwd"]})
    assert response.status_code == 302
    assert client.get("/")["Location"].startswith("/logg-inn/ny-kodeapp/")


@pytest.mark.django_db
def test_a_citizen_login_maps_on_subject_only(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    jobseeker = UserFactory(role=Role.JOBSEEKER, oidc_issuer=idp, oidc_subject="pers-1")
    response = _login(client, idp, "citizen", "pers-1", {"pid": "01010112345"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == jobseeker.pk
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(
        actor=jobseeker, object_type="login", outcome=Outcome.ALLOWED
    ).exists()


@pytest.mark.django_db
def test_an_unknown_subject_is_refused_and_no_user_is_made(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    UserFactory(role=Role.JOBSEEKER, email="ola@example.test")
    before = User.objects.count()
    response = _login(
        client, idp, "citizen", "pers-ukjent", {"email": "ola@example.test", "email_verified": True}
    )
    assert response.status_code == 302
    assert response["Location"] == "/logg-inn/"
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == before
    assert "Vi fant ingen bruker i Samspill" in _messages(client)


@pytest.mark.django_db
def test_a_staff_identity_mapped_to_a_jobseeker_is_refused(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    jobseeker = UserFactory(role=Role.JOBSEEKER, oidc_issuer=idp, oidc_subject="staff-sub-3")
    response = _login(client, idp, "staff", "staff-sub-3", {"amr": ["mfa"]})
    assert response["Location"] == "/logg-inn/"
    assert "_auth_user_id" not in client.session
    assert "er for ansatte i NAV" in _messages(client)
    assert AuditEvent.objects.filter(
        actor=jobseeker, object_type="login", outcome=Outcome.DENIED
    ).exists()


@pytest.mark.django_db
def test_an_advisor_through_the_citizen_provider_is_refused(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    UserFactory(role=Role.ADVISOR, oidc_issuer=idp, oidc_subject="pers-2")
    response = _login(client, idp, "citizen", "pers-2", {})
    assert response["Location"] == "/logg-inn/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_tampered_state_is_refused(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    jobseeker = UserFactory(role=Role.JOBSEEKER, oidc_issuer=idp, oidc_subject="pers-3")
    _set_identity(idp, "pers-3", {})
    location = client.get("/logg-inn/oidc/citizen/")["Location"]
    consent = requests.post(location, data={"sub": "pers-3"}, allow_redirects=False, timeout=5)
    back = urlsplit(consent.headers["Location"])
    query = parse_qs(back.query)
    response = client.get(back.path, {"code": query["code"][0], "state": "forfalsket"})
    assert response.status_code == 302
    assert response["Location"] == "/logg-inn/"
    assert "_auth_user_id" not in client.session
    assert not AuditEvent.objects.filter(actor=jobseeker, outcome=Outcome.ALLOWED).exists()


@pytest.mark.django_db
def test_the_callback_of_another_provider_than_the_started_one_is_refused(
    client: Client, idp: str, providers: dict[str, Provider]
) -> None:
    UserFactory(role=Role.JOBSEEKER, oidc_issuer=idp, oidc_subject="pers-4")
    location = client.get("/logg-inn/oidc/citizen/")["Location"]
    consent = requests.post(location, data={"sub": "pers-4"}, allow_redirects=False, timeout=5)
    query = urlsplit(consent.headers["Location"]).query
    response = client.get(f"/logg-inn/oidc/staff/tilbake/?{query}")
    assert response["Location"] == "/logg-inn/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_login_page_shows_a_button_per_provider_above_the_password_form(
    client: Client, providers: dict[str, Provider]
) -> None:
    page = client.get("/logg-inn/").content.decode()
    assert "Logg inn med ID-porten" in page
    assert "Logg inn som ansatt" in page
    assert 'name="password"' in page  # the password login stays


@pytest.mark.django_db
def test_without_oidc_variables_the_buttons_and_urls_are_absent(client: Client) -> None:
    page = client.get("/logg-inn/").content.decode()
    assert "Logg inn som ansatt" not in page
    assert "ID-porten" not in page
    for kind in ("staff", "citizen"):
        assert client.get(f"/logg-inn/oidc/{kind}/").status_code == 404
        assert client.get(f"/logg-inn/oidc/{kind}/tilbake/?code=x&state=y").status_code == 404


def test_reading_the_environment() -> None:
    assert providers_from_env({}) == ()
    with pytest.raises(Exception, match="OIDC_STAFF_TOKEN_ENDPOINT"):
        providers_from_env({"OIDC_STAFF_CLIENT_ID": "x"})
    provider = _provider(Kind.STAFF, "https://login.example.test", MFA_ACR_VALUES="a, b")
    assert provider.mfa_acr_values == ("a", "b")
    assert provider.origin == "https://login.example.test"
    assert provider.scopes == "openid email profile"
    with pytest.raises(Exception, match="https"):
        providers_from_env({"OIDC_CITIZEN_CLIENT_ID": "x", **_http_env("CITIZEN")})


def _http_env(kind: str) -> dict[str, str]:
    base = "http://idp.example.test"
    return {
        f"OIDC_{kind}_{name}": f"{base}/{name.lower()}"
        for name in (
            "CLIENT_SECRET",
            "ISSUER",
            "AUTHORIZATION_ENDPOINT",
            "TOKEN_ENDPOINT",
            "USERINFO_ENDPOINT",
            "JWKS_ENDPOINT",
        )
    }
