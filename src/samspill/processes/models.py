"""The inclusion process (inkluderingsforløp): one candidate's journey, owned by an advisor."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samspill.lib.models import PublicModel


class Phase(models.TextChoices):
    MAPPING = "mapping", _("Kartlegging")
    JOB_SEARCH = "job_search", _("Jobbsøk og jobbutvikling")
    TRIAL = "trial", _("Utprøving")
    EMPLOYMENT = "employment", _("Ansettelse")
    RETENTION = "retention", _("Jobbfastholdelse")
    CLOSED = "closed", _("Avsluttet")


class Referral(models.TextChoices):
    """Where the person came from. IPS zero exclusion: anyone who wants ordinary work may
    start, whoever sent them (or nobody)."""

    SELF = "self", _("Tok kontakt selv")
    NAV_FOLLOW_UP = "nav", _("Oppfølging i NAV")
    HEALTH = "health", _("Helsetjenesten")
    SCHOOL = "school", _("Skole eller utdanning")
    MUNICIPALITY = "municipality", _("Kommunen")
    OTHER = "other", _("Annet")


class EndReason(models.TextChoices):
    """Why a process ended (``process_end``); the history keeps it in words."""

    JOB_KEPT = "job_kept", _("Har jobb og trenger ikke mer oppfølging")
    MOVED = "moved", _("Har flyttet")
    WANTS_TO_STOP = "wants_to_stop", _("Vil ikke fortsette")
    OTHER = "other", _("Annet")


class InclusionProcess(PublicModel):
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.PROTECT, related_name="processes"
    )
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="processes"
    )
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="processes"
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_processes",
        verbose_name=_("veileder"),
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processes",
        verbose_name=_("arbeidsgiver"),
        help_text=_("Arbeidsgiveren kandidaten er i utprøving eller jobb hos nå."),
    )
    workplace = models.ForeignKey(
        "employers.Workplace",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processes",
    )
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, default=Phase.MAPPING)
    phase_since = models.DateField(_("i fasen siden"))
    started_on = models.DateField(_("startet"))
    ended_on = models.DateField(_("avsluttet"), null=True, blank=True)
    referral = models.CharField(
        _("hvor personen kom fra"), max_length=20, choices=Referral.choices, blank=True
    )
    #: What the person wants, in their own words, as told at the start (NAV-internal).
    wish = models.TextField(_("hva personen ønsker"), blank=True)
    end_reason = models.CharField(
        _("hvorfor forløpet ble avsluttet"), max_length=20, choices=EndReason.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["office", "phase"], name="process_office_phase"),
            models.Index(fields=["advisor", "phase"], name="process_advisor_phase"),
            models.Index(fields=["team", "phase"], name="process_team_phase"),
        ]
        constraints = [
            # One open process per person at a time: reopen or end the one there is.
            models.UniqueConstraint(
                fields=["candidate"],
                condition=~Q(phase=Phase.CLOSED),
                name="one_open_process_per_candidate",
            )
        ]
        verbose_name = _("inkluderingsforløp")
        verbose_name_plural = _("inkluderingsforløp")

    def __str__(self) -> str:
        return gettext("Forløp %(uuid)s") % {"uuid": self.uuid}


class PhaseChange(models.Model):
    """A dated phase change. The first row of a process has no ``from_phase``."""

    process = models.ForeignKey(
        InclusionProcess, on_delete=models.CASCADE, related_name="phase_changes"
    )
    from_phase = models.CharField(max_length=20, choices=Phase.choices, blank=True)
    to_phase = models.CharField(max_length=20, choices=Phase.choices)
    effective_on = models.DateField(_("gjelder fra"))
    reason = models.CharField(_("begrunnelse"), max_length=500, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["effective_on", "id"]
        indexes = [models.Index(fields=["process", "effective_on"], name="phasechange_process")]

    def __str__(self) -> str:
        return f"{self.from_phase or '-'} → {self.to_phase} ({self.effective_on})"


class MemberRole(models.TextChoices):
    CO_ADVISOR = "co_advisor", _("Medveileder")
    EMPLOYER_CONTACT = "employer_contact", _("Markedskontakt")
    PARTNER = "partner", _("Samarbeidspartner")


class ProcessMember(models.Model):
    """Someone explicitly invited into one process (partners, employer contacts, co-advisors)."""

    process = models.ForeignKey(InclusionProcess, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rolle i forløpet"), max_length=20, choices=MemberRole.choices)
    purpose = models.CharField(_("formål"), max_length=300)
    invited_at = models.DateTimeField(auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "user"],
                condition=Q(revoked_at__isnull=True),
                name="member_once_per_process",
            )
        ]
        indexes = [models.Index(fields=["user", "process"], name="member_user_process")]

    def __str__(self) -> str:
        return f"{self.user_id} i {self.process_id} ({self.role})"
