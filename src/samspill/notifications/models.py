"""Notifications: notices to one user, shown in Samspill and delivered by e-mail.

This app sits just above ``accounts``: it knows users, nothing of the feature apps. A
service that does something worth a notice calls ``services.notification_create`` with the
words and the link; the notice itself never points at a process or a candidate.

The tables were created by the ``followup`` app and keep their names (``db_table``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Med en gang")
    DAILY = "daily", _("Samlet én gang om dagen")
    NONE = "none", _("Ikke på e-post (bare i Samspill)")


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_mode = models.CharField(
        _("varsler på e-post"),
        max_length=10,
        choices=EmailMode.choices,
        default=EmailMode.IMMEDIATE,
    )

    class Meta:
        db_table = "followup_notificationpreference"

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_mode}"


class Notification(models.Model):
    """One notice to one user, shown in Samspill and delivered by the reminder command.

    ``key`` is unique: the same reminder (e.g. «contact X due on day D») can be created
    only once, however often the command runs. ``delivered_at`` is set in the same
    transaction as the delivery, so a crash halfway leaves the rest for the next run.
    """

    key = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    title = models.CharField(_("varsel"), max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    delivered_by = models.CharField(max_length=20, blank=True)

    class Meta:
        db_table = "followup_notification"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["delivered_at"], name="notification_undelivered"),
        ]

    def __str__(self) -> str:
        return self.title


class DigestRun(models.Model):
    """One daily digest per user and day: the unique row is the claim that makes it once."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "followup_digestrun"
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="digest_once_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.day}"
