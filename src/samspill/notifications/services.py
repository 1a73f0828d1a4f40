"""Writes for notifications: create a notice once per key, mark read, save the preference.

A feature app's service calls ``notification_create`` in the same transaction as the action
the notice is about, and passes the words: this app knows nothing of processes or plans.
Delivery outside Samspill (e-mail now, SMS later) is in ``delivery.py``.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samspill.accounts.models import User
from samspill.notifications.models import EmailMode, Notification, NotificationPreference


def notification_create(
    *, recipient: User, key: str, title: str, body: str = "", url: str = "", urgent: bool = False
) -> Notification | None:
    """Create the notice ``key`` for ``recipient`` unless it exists; ``None`` if it did."""
    notification, created = Notification.objects.get_or_create(
        key=key[:200],
        defaults={
            "recipient": recipient,
            "title": title[:200],
            "body": body,
            "url": url,
            "urgent": urgent,
        },
    )
    return notification if created else None


def notifications_mark_read(*, user: User, now: datetime | None = None) -> int:
    """Mark all of ``user``'s unread notices read; returns how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


@transaction.atomic
def notification_preference_set(*, user: User, email_mode: str) -> NotificationPreference:
    """How ``user`` wants notices by e-mail (``EmailMode``)."""
    EmailMode(email_mode)  # an unknown mode is a programming error, not user input
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_mode": email_mode}
    )
    return preference


def notifications_delete_about(*, recipient: User | None, url_parts: list[str]) -> int:
    """Delete the notices to ``recipient`` and those whose link contains any of
    ``url_parts`` (e.g. a process's UUID); for retention. Returns how many went."""
    about = Q(recipient=recipient) if recipient is not None else Q(pk__in=[])
    for part in url_parts:
        about |= Q(url__contains=part)
    deleted, _ = Notification.objects.filter(about).delete()
    return deleted
