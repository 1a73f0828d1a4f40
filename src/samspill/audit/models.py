"""The audit trail: who read or changed whose data, when, why, and with what outcome.

Rows are append-only. They refer to people and objects by UUID, not by foreign key,
so that the trail outlives the records it describes (deletion must not erase the log).
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    VIEW = "view", _("Så på")
    CHANGE = "change", _("Endret")
    CREATE = "create", _("Opprettet")
    EXPORT = "export", _("Eksporterte")


class Outcome(models.TextChoices):
    ALLOWED = "allowed", _("Tillatt")
    DENIED = "denied", _("Avvist")


class Purpose(models.TextChoices):
    """Why data was accessed: every access function is called with one of these."""

    CASE_WORK = "case_work", _("Oppfølging av forløpet")
    PORTFOLIO = "portfolio", _("Oversikt over forløp")
    EMPLOYER_PORTAL = "employer_portal", _("Arbeidsgiverens egen side")
    OWN_DATA = "own_data", _("Egne opplysninger")
    PARTNER_WORK = "partner_work", _("Samarbeid i forløpet")
    AUDIT_REVIEW = "audit_review", _("Kontroll av innsynslogg")
    API = "api", _("Tilgang via API")
    RETENTION = "retention", _("Sletting etter oppbevaringstiden")
    ADMINISTRATION = "administration", _("Administrasjon av brukere og tilganger")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("The audit trail is append-only.")

    def delete(self) -> NoReturn:
        raise TypeError("The audit trail is append-only.")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("utført av"),
    )
    actor_name = models.CharField(_("navn"), max_length=160)
    actor_role = models.CharField(_("rolle"), max_length=20)
    action = models.CharField(_("handling"), max_length=10, choices=Action.choices)
    outcome = models.CharField(_("utfall"), max_length=10, choices=Outcome.choices)
    purpose = models.CharField(_("formål"), max_length=20, choices=Purpose.choices)
    object_type = models.CharField(_("type"), max_length=40)
    object_uuid = models.UUIDField(_("objekt"), null=True)
    subject_uuid = models.UUIDField(
        _("person"), null=True, help_text=_("Kandidaten hvis opplysninger det gjelder.")
    )
    detail = models.CharField(_("detaljer"), max_length=300, blank=True)
    #: Exactly which items of the person's record were shown (``CandidateField`` codes and
    #: ``need:<code>``); empty when none were, or for rows that are not displays.
    fields = models.JSONField(_("opplysninger vist"), default=list, blank=True)
    #: A keyed hash of the row (audit/integrity.py): an edit shows, and seals chain the rows.
    row_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["subject_uuid", "-at"], name="audit_subject_at"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
        ]
        verbose_name = _("logghendelse")
        verbose_name_plural = _("innsynslogg")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("The audit trail is append-only.")


class AuditSealQuerySet(models.QuerySet["AuditSeal"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("Audit seals are never edited.")


class AuditSeal(models.Model):
    """One batch of the audit trail, sealed: the rows ``first_id``..``last_id`` (``count`` of
    them), chained to the seal before by a keyed hash (audit/integrity.py). A row edited,
    deleted or slipped in afterwards breaks the seal, and every seal after it."""

    number = models.PositiveIntegerField(unique=True)
    first_id = models.BigIntegerField()
    last_id = models.BigIntegerField()
    count = models.PositiveIntegerField()
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)
    sealed_at = models.DateTimeField(default=timezone.now)

    objects = AuditSealQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("forsegling av innsynsloggen")
        verbose_name_plural = _("forseglinger av innsynsloggen")

    def __str__(self) -> str:
        return f"Forsegling {self.number}: {self.first_id}–{self.last_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("Audit seals are never edited.")
        super().save(*args, **kwargs)
