"""Delivering notices outside Samspill, through channels (e-mail now, SMS later).

``deliver_pending`` hands undelivered notices to the recipient's channel, each in its own
transaction: the row is claimed (``delivered_at`` set) and sent in the same transaction, so a
failed send is rolled back and retried on the next run, and a notice already delivered is
never sent again. The only window for a double send is a crash after the mail server
accepted a message and before the commit. People who chose a daily digest get one e-mail per
day instead (``send_digests``). ``manage.py send_reminders`` runs both.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samspill.accounts.models import User
from samspill.notifications.models import DigestRun, EmailMode, Notification

logger = logging.getLogger(__name__)

#: The daily digest goes out on the first run at or after this hour (local time).
DIGEST_HOUR = 7


class Channel(Protocol):
    """A way to reach a person outside Samspill. An SMS channel implements the same."""

    name: str

    def deliver(self, *, recipient: User, subject: str, body: str) -> None: ...


class EmailChannel:
    name = "email"

    def deliver(self, *, recipient: User, subject: str, body: str) -> None:
        send_mail(
            subject=f"Samspill: {subject}",
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[recipient.email],
            fail_silently=False,
        )


EMAIL = EmailChannel()


def _mode(user: User) -> str:
    preference = getattr(user, "notification_preference", None)
    return preference.email_mode if preference is not None else EmailMode.IMMEDIATE


def _title(notification: Notification) -> str:
    """The title, marked «Haster:» when urgent (as the pages mark it; titles never say it)."""
    if notification.urgent:
        return _("Haster: %(title)s") % {"title": notification.title}
    return notification.title


def _text(notification: Notification) -> str:
    link = f"\n\n{settings.SITE_URL}{notification.url}" if notification.url else ""
    return f"{notification.body}{link}".strip()


def channel_for(user: User) -> Channel | None:
    """Where a user's notices go outside Samspill (``None``: only in Samspill)."""
    if _mode(user) == EmailMode.NONE or not user.email:
        return None
    return EMAIL


def _deliver_one(pk: int, now: datetime) -> bool:
    """Claim and send one notice in one transaction; ``True`` if it went to a channel."""
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=pk, delivered_at__isnull=True).update(
            delivered_at=now
        )
        if not claimed:  # another run took it
            return False
        notification = Notification.objects.select_related(
            "recipient__notification_preference"
        ).get(pk=pk)
        channel = channel_for(notification.recipient)
        if channel is not None:
            channel.deliver(
                recipient=notification.recipient,
                subject=_title(notification),
                body=_text(notification),
            )
        notification.delivered_by = channel.name if channel else "app"
        notification.save(update_fields=["delivered_by"])
        return channel is not None


def deliver_pending(*, now: datetime) -> int:
    """Deliver every undelivered notice of people who want them at once; returns the count."""
    pending = list(
        Notification.objects.filter(delivered_at__isnull=True)
        .exclude(recipient__notification_preference__email_mode=EmailMode.DAILY)
        .values_list("pk", flat=True)
        .order_by("pk")
    )
    sent = 0
    for pk in pending:
        try:
            sent += _deliver_one(pk, now)
        except Exception:  # one bad address must not stop the others; retried next run
            logger.exception("Could not deliver notification %s", pk)
    return sent


def _send_digest(user: User, now: datetime) -> bool:
    local = timezone.localtime(now)
    with transaction.atomic():
        _, created = DigestRun.objects.get_or_create(recipient=user, day=local.date())
        if not created:
            return False
        notices = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, delivered_at__isnull=True)
            .order_by("created_at")
        )
        if user.email:
            body = "\n\n".join(f"• {_title(n)}\n{_text(n)}" for n in notices)
            subject = ngettext("%(count)d nytt varsel", "%(count)d nye varsler", len(notices))
            EMAIL.deliver(recipient=user, subject=subject % {"count": len(notices)}, body=body)
        Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
            delivered_at=now, delivered_by="digest"
        )
        return True


def send_digests(*, now: datetime) -> int:
    """One e-mail per day to each person with a daily digest and something new."""
    if timezone.localtime(now).hour < DIGEST_HOUR:
        return 0
    recipients = User.objects.filter(
        notification_preference__email_mode=EmailMode.DAILY,
        notifications__delivered_at__isnull=True,
    ).distinct()
    sent = 0
    for user in recipients:
        try:
            sent += _send_digest(user, now)
        except Exception:
            logger.exception("Could not send the digest to user %s", user.pk)
    return sent
