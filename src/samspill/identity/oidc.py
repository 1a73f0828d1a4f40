"""Login through OpenID Connect: which providers are configured, read from the environment.

Two providers at most, each switched on by its client id: ``staff`` (the organisation's
identity provider, e.g. Entra ID) and ``citizen`` (jobseekers, employers and partners
through an ID-porten-style provider). Without any ``OIDC_*`` variable the feature is off
and the login page offers the password login only. See docs/production.md, «Login and
sessions», for every variable and how an identity is mapped to a user.

Settings read this module (``SAMSPILL_OIDC_PROVIDERS``), so it imports no models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

#: Session key: the provider a login was started with, checked on the way back.
SESSION_PROVIDER_KEY = "samspill_oidc_provider"


class Kind(StrEnum):
    STAFF = "staff"
    CITIZEN = "citizen"


_LABELS: dict[Kind, Promise] = {
    Kind.CITIZEN: _("Logg inn med ID-porten"),
    Kind.STAFF: _("Logg inn som ansatt"),
}
_DEFAULT_SCOPES = {Kind.STAFF: "openid email profile", Kind.CITIZEN: "openid profile"}
_REQUIRED = (
    "CLIENT_SECRET",
    "ISSUER",
    "AUTHORIZATION_ENDPOINT",
    "TOKEN_ENDPOINT",
    "USERINFO_ENDPOINT",
    "JWKS_ENDPOINT",
)
_ENDPOINTS = ("AUTHORIZATION_ENDPOINT", "TOKEN_ENDPOINT", "USERINFO_ENDPOINT", "JWKS_ENDPOINT")


@dataclass(frozen=True)
class Provider:
    """One configured OpenID Connect provider."""

    kind: Kind
    client_id: str
    client_secret: str
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_endpoint: str
    sign_algo: str = "RS256"
    scopes: str = "openid"
    #: ``acr`` values that show multi-factor authentication (staff only; empty: not checked).
    mfa_acr_values: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.kind.value

    @property
    def label(self) -> Promise:
        return _LABELS[self.kind]

    @property
    def is_staff(self) -> bool:
        return self.kind is Kind.STAFF

    @property
    def origin(self) -> str:
        """Where the browser is sent to log in (for the CSP's ``form-action``)."""
        parts = urlsplit(self.authorization_endpoint)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def start_url(self) -> str:
        return reverse(f"identity:oidc_start_{self.key}")

    def library_setting(self, name: str, *default: Any) -> Any:
        """mozilla-django-oidc's setting ``name`` for this provider (else Django's)."""
        own: dict[str, Any] = {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.authorization_endpoint,
            "OIDC_OP_TOKEN_ENDPOINT": self.token_endpoint,
            "OIDC_OP_USER_ENDPOINT": self.userinfo_endpoint,
            "OIDC_OP_JWKS_ENDPOINT": self.jwks_endpoint,
            "OIDC_RP_SIGN_ALGO": self.sign_algo,
            "OIDC_RP_IDP_SIGN_KEY": None,
            "OIDC_RP_SCOPES": self.scopes,
            "OIDC_AUTHENTICATION_CALLBACK_URL": f"identity:oidc_callback_{self.key}",
            "OIDC_USE_NONCE": True,
            "OIDC_USE_PKCE": True,
            "OIDC_ALLOW_UNSECURED_JWT": False,
            "OIDC_VERIFY_SSL": True,
            "OIDC_TIMEOUT": 10,
            "OIDC_CREATE_USER": False,
            "OIDC_STORE_ACCESS_TOKEN": False,
            "OIDC_STORE_ID_TOKEN": False,
        }
        if name in own:
            return own[name]
        if default:
            return getattr(settings, name, default[0])
        return getattr(settings, name)


def providers_from_env(
    environ: Mapping[str, str], *, require_https: bool = True
) -> tuple[Provider, ...]:
    """The providers configured in ``environ``: one per ``OIDC_<KIND>_CLIENT_ID`` set."""
    found = []
    for kind in (Kind.CITIZEN, Kind.STAFF):
        prefix = f"OIDC_{kind.value.upper()}_"

        def get(name: str, default: str = "", prefix: str = prefix) -> str:
            return environ.get(prefix + name, "").strip() or default

        client_id = get("CLIENT_ID")
        if not client_id:
            continue
        missing = [prefix + name for name in _REQUIRED if not get(name)]
        if missing:
            raise ImproperlyConfigured(
                f"{prefix}CLIENT_ID is set, so these must be too: {', '.join(missing)}"
            )
        for name in _ENDPOINTS:
            scheme = urlsplit(get(name)).scheme
            if scheme != "https" and (require_https or scheme != "http"):
                raise ImproperlyConfigured(f"{prefix}{name} must be an https URL")
        scopes = get("SCOPES", _DEFAULT_SCOPES[kind])
        if "openid" not in scopes.split():
            raise ImproperlyConfigured(f"{prefix}SCOPES must include openid")
        found.append(
            Provider(
                kind=kind,
                client_id=client_id,
                client_secret=get("CLIENT_SECRET"),
                issuer=get("ISSUER"),
                authorization_endpoint=get("AUTHORIZATION_ENDPOINT"),
                token_endpoint=get("TOKEN_ENDPOINT"),
                userinfo_endpoint=get("USERINFO_ENDPOINT"),
                jwks_endpoint=get("JWKS_ENDPOINT"),
                sign_algo=get("SIGN_ALGO", "RS256"),
                scopes=scopes,
                mfa_acr_values=tuple(
                    v.strip() for v in get("MFA_ACR_VALUES").split(",") if v.strip()
                ),
            )
        )
    return tuple(found)


def configured_providers() -> list[Provider]:
    """The login page's buttons, ID-porten first."""
    return list(getattr(settings, "SAMSPILL_OIDC_PROVIDERS", ()))


def provider_or_none(key: object) -> Provider | None:
    return next((p for p in configured_providers() if p.key == key), None)


def provider_or_404(key: str) -> Provider:
    provider = provider_or_none(key)
    if provider is None:
        raise Http404
    return provider
