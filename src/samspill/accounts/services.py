"""Writes for accounts: API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from samspill.accounts.models import ApiToken, User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def api_token_create(*, user: User) -> str:
    """Create a token for ``user`` and return it. It is shown once and stored only as a hash."""
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, key_hash=_hash(token), prefix=token[:8])
    return token


def api_token_authenticate(*, token: str) -> User | None:
    found = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user
