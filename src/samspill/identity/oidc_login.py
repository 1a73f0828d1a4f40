"""Login through OpenID Connect: the authentication backend and the identity mapping.

mozilla-django-oidc does the protocol (state, nonce, PKCE, the token and userinfo calls,
the ID token's signature and expiry); this module adds what it leaves out (the ID token's
issuer and audience) and maps a verified identity to an existing user. It never creates a
user: someone unknown is refused.

Mapping: a user whose stored ``oidc_issuer`` + ``oidc_subject`` match the identity. For the
staff provider only, a first login may also match on the ``email`` claim when the provider
says ``email_verified`` is true and exactly one not-yet-linked user has that address; the
identity is then stored on the user. The citizen provider matches on ``sub`` only (the
national identity number in ``pid`` is not stored). A staff-provider login must belong to
a staff role, a citizen-provider login to a user who needs no second factor.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from samspill.accounts.models import SECOND_FACTOR_ROLES, User
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.identity import oidc

logger = logging.getLogger(__name__)

#: The request attribute the backend leaves its result in, for the callback view.
_RESULT_ATTR = "_samspill_oidc_result"


class Refusal(StrEnum):
    NONE = ""
    UNKNOWN = "unknown"
    STAFF_ONLY = "staff_only"
    CITIZEN_ONLY = "citizen_only"


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    refusal: Refusal = Refusal.NONE
    #: The provider showed (or did not deny) multi-factor authentication: staff only.
    second_factor_met: bool = False


def login_result(request: HttpRequest) -> LoginResult | None:
    result = getattr(request, _RESULT_ATTR, None)
    return result if isinstance(result, LoginResult) else None


def _audit(*, user: User, provider: oidc.Provider, outcome: Outcome, detail: str) -> None:
    audit_record(
        actor=user,
        subject=Subject(object_type="login", object_uuid=user.uuid),
        action=Action.CHANGE,
        purpose=Purpose.OWN_DATA,
        outcome=outcome,
        detail=_("innlogging via OIDC (%(key)s): %(detail)s")
        % {"key": provider.key, "detail": detail},
    )


def mfa_shown(provider: oidc.Provider, claims: Mapping[str, Any]) -> bool:
    """Did the staff provider do multi-factor authentication? ``amr`` (RFC 8176) must hold
    ``mfa`` when present; otherwise ``acr`` must be one of the configured values when both
    are there. Without either claim the provider's own policy is trusted."""
    amr = claims.get("amr")
    if amr is not None:
        return isinstance(amr, list) and "mfa" in amr
    acr = claims.get("acr")
    if acr is not None and provider.mfa_acr_values:
        return acr in provider.mfa_acr_values
    return True


def _by_verified_email(claims: Mapping[str, Any]) -> User | None:
    email = claims.get("email")
    if not isinstance(email, str) or not email or claims.get("email_verified") is not True:
        return None
    found = list(User.objects.filter(email__iexact=email, oidc_subject="")[:2])
    return found[0] if len(found) == 1 else None


def _role_allowed(provider: oidc.Provider, user: User) -> bool:
    if provider.is_staff:
        return user.role in SECOND_FACTOR_ROLES
    return not user.needs_second_factor


def identity_login(*, provider: oidc.Provider, claims: Mapping[str, Any]) -> LoginResult:
    """Map verified claims (``sub`` and ``iss`` checked) to a user, or refuse; audited."""
    subject = str(claims["sub"])
    user = User.objects.filter(oidc_issuer=provider.issuer, oidc_subject=subject).first()
    link = False
    if user is None and provider.is_staff:
        user = _by_verified_email(claims)
        link = user is not None
    if user is None:
        # No user, so no actor for the audit trail: the application log has it.
        logger.warning("OIDC login refused: no user for this %s identity", provider.key)
        return LoginResult(None, Refusal.UNKNOWN)
    if not user.is_active:
        _audit(
            user=user, provider=provider, outcome=Outcome.DENIED, detail=_("brukeren er sperret")
        )
        return LoginResult(None, Refusal.UNKNOWN)
    if not _role_allowed(provider, user):
        _audit(
            user=user,
            provider=provider,
            outcome=Outcome.DENIED,
            detail=_("avvist: rollen %(role)s logger ikke inn her") % {"role": user.role or "–"},
        )
        return LoginResult(None, Refusal.CITIZEN_ONLY if provider.is_staff else Refusal.STAFF_ONLY)
    met = provider.is_staff and mfa_shown(provider, claims)
    with transaction.atomic():
        if link:
            user.oidc_issuer, user.oidc_subject = provider.issuer, subject
            user.save(update_fields=["oidc_issuer", "oidc_subject"])
        detail = _("logget inn")
        if link:
            detail += _(", koblet til brukeren med bekreftet e-postadresse")
        if provider.is_staff:
            detail += (
                _(", andre faktor gjort hos identitetsleverandøren")
                if met
                else _(", uten bekreftet andre faktor (kode kreves)")
            )
        _audit(user=user, provider=provider, outcome=Outcome.ALLOWED, detail=detail)
    return LoginResult(user, second_factor_met=met)


class ProviderBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """mozilla-django-oidc's backend for the provider the login was started with.

    It acts only inside the OIDC callback (``nonce`` given, provider in the session); the
    password login never reaches it.
    """

    provider: oidc.Provider

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library's __init__ reads one provider's settings; ours come per request.
        self.UserModel = User

    def get_settings(self, attr: str, *default: Any) -> Any:
        return self.provider.library_setting(attr, *default)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or "nonce" not in kwargs:
            return None
        provider = oidc.provider_or_none(request.session.get(oidc.SESSION_PROVIDER_KEY))
        if provider is None:
            return None
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_endpoint
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = provider.sign_algo
        self.OIDC_RP_IDP_SIGN_KEY = None
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks signature, expiry and nonce; add issuer and audience."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        if payload.get("iss") != self.provider.issuer:
            raise SuspiciousOperation("OIDC token from another issuer")
        if self.provider.client_id not in audiences:
            raise SuspiciousOperation("OIDC token for another audience")
        return payload

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("OIDC userinfo is for another subject")
        # The ID token's claims (iss, sub, amr, acr) win over the userinfo's.
        result = identity_login(provider=self.provider, claims={**userinfo, **payload})
        setattr(self.request, _RESULT_ATTR, result)
        return result.user

    def get_user(self, user_id: int) -> User | None:
        # The library's get_user skips Django's is_active check; keep it.
        user: User | None = ModelBackend.get_user(self, user_id)
        return user
