"""Outcomes (jobs on a process) and IPS fidelity reviews. Every figure is computed from
these and the process history when asked for (``selectors.py``); nothing is a stored copy."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspill.lib.models import PublicModel


class JobEndReason(models.TextChoices):
    NEW_JOB = "new_job", _("Gikk over til en annen jobb")
    QUIT = "quit", _("Sa opp selv")
    EMPLOYER_ENDED = "employer_ended", _("Arbeidsgiver avsluttet")
    TEMPORARY_ENDED = "temporary_ended", _("Den midlertidige stillingen gikk ut")
    HEALTH = "health", _("Helse")
    OTHER = "other", _("Annet")


class Job(PublicModel):
    """A job on a process. A process can have several; a job ending is an event in an
    ongoing process, not its end (IPS fidelity items Sv12 and O6)."""

    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="jobs"
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("arbeidsgiver"),
    )
    kind_of_work = models.CharField(_("type arbeid"), max_length=120)
    hours_per_week = models.DecimalField(_("timer per uke"), max_digits=3, decimal_places=1)
    hourly_wage = models.DecimalField(
        _("timelønn (kr)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    permanent = models.BooleanField(_("fast ansatt"), default=False)
    #: Open to anyone, at ordinary pay, not set aside for people with disabilities (IPS).
    competitive = models.BooleanField(_("ordinær jobb (konkurranseutsatt)"), default=True)
    subsidised = models.BooleanField(_("med lønnstilskudd"), default=False)
    started_on = models.DateField(_("startet"))
    ended_on = models.DateField(_("sluttet"), null=True, blank=True)
    end_reason = models.CharField(
        _("årsak til slutt"), max_length=20, choices=JobEndReason.choices, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["process", "started_on"], name="job_process_start"),
            models.Index(fields=["started_on"], name="job_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="job_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind_of_work} fra {self.started_on}"


class FidelityReview(PublicModel):
    """An IPS fidelity review of one team (25 items scored 1–5, total 25–125)."""

    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, related_name="fidelity_reviews"
    )
    reviewed_on = models.DateField(_("dato for gjennomgangen"))
    reviewers = models.CharField(_("gjennomført av"), max_length=300)
    notes = models.TextField(_("oppsummering"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.team} {self.reviewed_on}"


class FidelityScore(models.Model):
    review = models.ForeignKey(FidelityReview, on_delete=models.CASCADE, related_name="scores")
    item = models.CharField(max_length=4)
    score = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "item"], name="fidelity_item_once"),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="fidelity_score_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.score}"
