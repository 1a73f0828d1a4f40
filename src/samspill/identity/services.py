"""Writes for sign-in: API tokens, unlocking a locked login, idle logouts (each audited)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from axes.utils import reset as axes_reset
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill import rules
from samspill.accounts.models import ApiToken, Role, TokenScope, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record

#: ``last_used_at`` is written at most this often per token, to keep each API call cheap.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token_subject(token: ApiToken) -> Subject:
    return Subject(object_type="api_token", object_uuid=token.uuid)


def api_token_issue(
    *,
    actor: User,
    user: User,
    name: str = "",
    scope: str = TokenScope.READ_WRITE,
    now: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Create a token for ``user``; return it with its secret, shown once, stored as a hash.

    It expires after ``rules.API_TOKEN_VALID_FOR``. Users make their own tokens; only an
    administrator (``manage.py api_token``) makes one for someone else.
    """
    if actor.pk != user.pk and actor.role != Role.ADMIN and not actor.is_superuser:
        raise PermissionDenied
    now = now or timezone.now()
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name.strip()[:80],
            scope=TokenScope(scope),
            key_hash=_hash(secret),
            prefix=secret[:8],
            expires_at=now + rules.API_TOKEN_VALID_FOR.value,
        )
        audit_record(
            actor=actor,
            subject=_token_subject(token),
            action=Action.CREATE,
            purpose=Purpose.OWN_DATA,
            detail=_("API-nøkkel %(prefix)s… (%(scope)s) for %(username)s, utløper %(expires)s")
            % {
                "prefix": token.prefix,
                "scope": token.get_scope_display(),
                "username": user.username,
                "expires": date_format(timezone.localdate(token.expires_at), "SHORT_DATE_FORMAT"),
            },
        )
    return token, secret


def api_token_create(*, user: User, actor: User | None = None) -> str:
    """A read-and-write token for ``user`` (the command line and tests); returns the secret."""
    return api_token_issue(actor=actor or user, user=user)[1]


def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Revoke a token: it stops working at once. Only its owner or an administrator may."""
    if actor.pk != token.user_id and actor.role != Role.ADMIN and not actor.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(
                actor=actor,
                subject=_token_subject(token),
                action=Action.CHANGE,
                purpose=Purpose.OWN_DATA,
                detail=_("trakk tilbake API-nøkkel %(prefix)s…") % {"prefix": token.prefix},
            )
    return token


def api_token_authenticate(*, token: str) -> ApiToken | None:
    """The valid token (not revoked, not expired, active user) with this secret, or None.

    Marks it used, writing at most once a minute.
    """
    now = timezone.now()
    found = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=_hash(token),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if found is None:
        return None
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lte=now - LAST_USED_RESOLUTION)
    if found.last_used_at is None or found.last_used_at <= now - LAST_USED_RESOLUTION:
        ApiToken.objects.filter(stale, pk=found.pk).update(last_used_at=now)
    return found


def user_unlock(*, actor: User, username: str) -> int:
    """Lift the lockout on ``username`` (all addresses); returns the attempts removed.

    Only an administrator may; the unlock is in the audit trail.
    """
    if actor.role != Role.ADMIN and not actor.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        removed = int(axes_reset(username=username))
        target = User.objects.filter(username=username).first()
        audit_record(
            actor=actor,
            subject=Subject(object_type="login", object_uuid=target.uuid if target else None),
            action=Action.CHANGE,
            purpose=Purpose.OWN_DATA,
            detail=_("låste opp innloggingen for «%(username)s» (%(removed)s forsøk fjernet)")
            % {"username": username[:100], "removed": removed},
        )
    return removed


def session_record_logout(*, user: User, reason: str) -> None:
    """An audit row for a logout Samspill made (idle or too old a session)."""
    audit_record(
        actor=user,
        subject=Subject(object_type="login", object_uuid=user.uuid),
        action=Action.CHANGE,
        purpose=Purpose.OWN_DATA,
        detail=_("logget ut: %(reason)s") % {"reason": reason},
    )
