"""Reads for notifications: a user's own notices and e-mail preference."""

from __future__ import annotations

from samspill.accounts.models import User
from samspill.notifications.models import EmailMode, Notification, NotificationPreference


def unread_for(*, user: User, limit: int = 20) -> list[Notification]:
    """The newest unread notices, newest first."""
    return list(Notification.objects.filter(recipient=user, read_at__isnull=True)[:limit])


def read_for(*, user: User, limit: int = 20) -> list[Notification]:
    """The newest notices already read, newest first."""
    return list(Notification.objects.filter(recipient=user, read_at__isnull=False)[:limit])


def email_mode_of(*, user: User) -> str:
    """How ``user`` gets notices by e-mail; immediately unless they chose otherwise."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email_mode if preference is not None else EmailMode.IMMEDIATE
