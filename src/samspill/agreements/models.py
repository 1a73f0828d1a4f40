"""The three-party agreement (tilretteleggingsgaranti): content, approvals, concluded versions.

``Agreement`` holds the working text. Its ``stage`` moves only through the transition table
(``transitions.py``), each move an ``AgreementEvent``; what the parties see as its status is
derived from the stage and the dates (``selectors.status_of``). Every concluded version is an
``AgreementVersion``: a JSON snapshot that is never edited, chained by hash to the one before.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.agreements.measures import MAIN_CHOICES
from samspill.lib.models import PublicModel


class Purpose(models.TextChoices):
    TRIAL = "utproving", _("Utprøving")
    WORK_TRAINING = "arbeidstrening", _("Arbeidstrening")
    EMPLOYMENT = "ansettelse", _("Ansettelse")


class Stage(models.TextChoices):
    DRAFT = "draft", _("Påbegynt")
    SENT = "sent", _("Sendt til godkjenning")
    CONCLUDED = "concluded", _("Inngått")
    CANCELLED = "cancelled", _("Avbrutt")


class CancelReason(models.TextChoices):
    STARTED_WORK = "started_work", _("Fikk jobb")
    OTHER_MEASURE = "other_measure", _("Fikk et annet tiltak")
    ILL = "ill", _("Syk")
    NO_SHOW = "no_show", _("Møtte ikke opp")
    ERROR = "error", _("Registrert ved en feil")
    STALE = "stale", _("Utkastet ble ikke brukt på 12 uker")


class FollowupFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Hver uke")
    BIWEEKLY = "biweekly", _("Annenhver uke")
    MONTHLY = "monthly", _("Hver måned")


class WagePeriod(models.TextChoices):
    YEAR = "year", _("Årslønn")
    MONTH = "month", _("Månedslønn")
    WEEK = "week", _("Ukelønn")
    DAY = "day", _("Dagslønn")
    HOUR = "hour", _("Timelønn")


class Party(models.TextChoices):
    JOBSEEKER = "jobseeker", _("Arbeidssøker")
    EMPLOYER = "employer", _("Arbeidsgiver")
    ADVISOR = "advisor", _("Veileder")


def _money(label: Any) -> models.DecimalField[Any, Any]:
    return models.DecimalField(label, max_digits=5, decimal_places=4, null=True, blank=True)


class Agreement(PublicModel):
    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.PROTECT, related_name="agreements"
    )
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.DRAFT)
    #: Bumped by every save: a form posts the revision it was built from (optimistic locking).
    revision = models.PositiveIntegerField(default=1)
    #: How many concluded versions the chain has, and a keyed seal over that length and the
    #: newest hash (agreements/chain.py): a deleted version shows.
    chain_length = models.PositiveIntegerField(default=0)
    chain_seal = models.CharField(max_length=64, blank=True)

    # The parties
    workplace = models.ForeignKey(
        "employers.Workplace", on_delete=models.PROTECT, related_name="agreements", null=True
    )
    employer_contact = models.ForeignKey(
        "employers.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("kontaktperson hos arbeidsgiver"),
    )
    nav_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fast kontaktperson i NAV"),
    )
    nav_contact_phone = models.CharField(_("direkte telefon"), max_length=20, blank=True)

    # Purpose and content
    purpose = models.CharField(_("formål"), max_length=20, choices=Purpose.choices)
    goals = models.TextField(_("mål, med arbeidssøkerens egne ord"), blank=True)
    tasks = models.TextField(_("arbeidsoppgaver"), blank=True)
    trainer = models.CharField(_("hvem lærer opp"), max_length=160, blank=True)
    training = models.TextField(_("opplæring og internopplæring"), blank=True)
    buddy = models.CharField(_("fadder eller mentor"), max_length=160, blank=True)
    start_on = models.DateField(_("startdato"), null=True, blank=True)
    end_on = models.DateField(_("sluttdato"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("timer per uke"), max_digits=3, decimal_places=1, null=True, blank=True
    )
    working_hours = models.CharField(_("arbeidstid"), max_length=200, blank=True)
    accommodations = models.TextField(_("avtalt tilrettelegging"), blank=True)

    # The measure and what it pays
    measure = models.CharField(_("tiltak"), max_length=30, choices=MAIN_CHOICES, blank=True)
    percentage = models.PositiveSmallIntegerField(_("sats (%)"), null=True, blank=True)
    monthly_wage = models.PositiveIntegerField(_("månedslønn (kr)"), null=True, blank=True)
    holiday_pay_rate = _money(_("feriepengesats"))
    pension_rate = _money(_("sats for obligatorisk tjenestepensjon"))
    employer_tax_rate = _money(_("arbeidsgiveravgift"))
    mentor_name = models.CharField(_("mentorens navn"), max_length=160, blank=True)
    mentor_wage = models.PositiveIntegerField(_("mentorens lønn (kr)"), null=True, blank=True)
    mentor_wage_period = models.CharField(
        _("lønnen er"), max_length=5, choices=WagePeriod.choices, blank=True
    )
    mentor_position_percent = models.DecimalField(
        _("mentorens stillingsprosent"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    mentor_hours_per_month = models.DecimalField(
        _("mentortimer per måned"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    expenses = models.PositiveIntegerField(_("utgifter (kr)"), null=True, blank=True)
    referrals = models.JSONField(_("henvisninger"), default=list, blank=True)
    override_reason = models.TextField(_("begrunnelse for skjønn"), blank=True)
    overridden_rules = models.JSONField(default=list, blank=True)

    # Who does what, follow-up, and what if
    employer_duties = models.TextField(_("arbeidsgiverens ansvar"), blank=True)
    support_duties = models.TextField(_("støtteapparatets ansvar"), blank=True)
    jobseeker_duties = models.TextField(_("arbeidssøkerens ansvar"), blank=True)
    followup_frequency = models.CharField(
        _("hvor ofte"), max_length=10, choices=FollowupFrequency.choices, blank=True
    )
    followup_forms = models.JSONField(_("hvordan"), default=list, blank=True)
    followup_note = models.TextField(_("oppfølgingsplan"), blank=True)
    if_absent = models.TextField(_("hvis arbeidssøkeren er borte"), blank=True)
    if_conflict = models.TextField(_("hvis det oppstår en konflikt"), blank=True)
    if_not_working = models.TextField(_("hvis jobben ikke fungerer"), blank=True)
    ending = models.TextField(_("slik avslutter vi på en god måte"), blank=True)

    cancel_reason = models.CharField(max_length=20, choices=CancelReason.choices, blank=True)
    cancel_note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    stale_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["stage", "updated_at"], name="agreement_stage_updated")]
        verbose_name = _("avtale")
        verbose_name_plural = _("avtaler")

    def __str__(self) -> str:
        return f"Avtale {self.uuid}"

    @property
    def awaiting_approval(self) -> bool:
        """Sent to the parties for approval, not yet concluded."""
        return self.stage == Stage.SENT


class Commitment(PublicModel):
    """One of NAV's commitments in the agreement: what, by when, and who in NAV owns it."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="commitments")
    text = models.CharField(_("hva NAV skal gjøre"), max_length=300)
    deadline = models.DateField(_("frist"))
    owner = models.CharField(_("ansvarlig"), max_length=160)

    class Meta:
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return f"{self.text} ({self.deadline})"


class Approval(models.Model):
    """A party's approval of one revision. An edit withdraws it (with the reason shown)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="approvals")
    party = models.CharField(max_length=10, choices=Party.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revision = models.PositiveIntegerField()
    approved_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["approved_at", "id"]

    def __str__(self) -> str:
        return f"{self.party} godkjente revisjon {self.revision}"


class Event(models.Model):
    """One stage change or targeted change, with who, when and why."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="events")
    from_stage = models.CharField(max_length=10, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=10, choices=Stage.choices)
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_stage or '-'} → {self.to_stage}"


class VersionQuerySet(models.QuerySet["Version"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("Concluded agreement versions are immutable.")

    def delete(self) -> NoReturn:
        raise TypeError("Concluded agreement versions are immutable.")


class Version(models.Model):
    """A concluded version: the whole agreement as JSON, never edited, chained by hash."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    change_kind = models.CharField(max_length=20, blank=True)
    change_reason = models.CharField(max_length=500, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="version_number_once")
        ]

    def __str__(self) -> str:
        return f"Versjon {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("Concluded agreement versions are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("Concluded agreement versions are immutable.")
