"""The record that a candidate was anonymised: what makes the daily run idempotent, and the
date from which the audit trail about the person counts down (``rules.AUDIT_KEPT_MONTHS``).

It names no one: the candidate row it points to has already been anonymised.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Anonymisation(models.Model):
    candidate = models.OneToOneField(
        "candidates.Candidate", on_delete=models.PROTECT, related_name="anonymisation"
    )
    #: The day the candidate's last process ended (the period counts from it).
    last_ended_on = models.DateField(_("siste forløp avsluttet"))
    at = models.DateTimeField(_("anonymisert"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("anonymisering")
        verbose_name_plural = _("anonymiseringer")

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.at:%Y-%m-%d}"
