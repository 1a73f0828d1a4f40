"""Employers (virksomheter), their workplaces (arbeidsplasser) and the workplace mapping.

The mapping (arbeidsplasskartlegging) is what the support team must know about a workplace
before anyone is placed there (seed 003, table 2): the tasks and what they demand, the
environment, the introduction routine and training, whether a buddy or mentor is
available, career opportunities and whether there is a real recruitment need. Visits and
other contacts are logged; openings (jobs, work-trial places, apprenticeships, recruitment
assignments) move through one transition table (``transitions.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspill.lib.choices import TimeOfDay
from samspill.lib.models import PublicModel
from samspill.lib.validation import InvalidValue, format_org_number, normalize_org_number


def validate_org_number(value: str) -> None:
    try:
        normalize_org_number(value)
    except InvalidValue as error:
        raise ValidationError(str(error), code="invalid_org_number") from None


class Sector(models.TextChoices):
    RETAIL = "retail", _("Butikk og handel")
    GROCERY = "grocery", _("Dagligvare")
    WAREHOUSE = "warehouse", _("Lager og logistikk")
    KINDERGARTEN = "kindergarten", _("Barnehage")
    CANTEEN = "canteen", _("Kantine og storkjøkken")
    OFFICE = "office", _("Kontor og administrasjon")
    CARETAKING = "caretaking", _("Vaktmester og drift")
    CLEANING = "cleaning", _("Renhold")
    CARE = "care", _("Helse og omsorg")
    INDUSTRY = "industry", _("Industri og produksjon")
    OTHER = "other", _("Annet")


class EmployerSize(models.TextChoices):
    """Number of employees, on the coarse scale an employer can answer without looking it up."""

    MICRO = "1-4", _("1–4 ansatte")
    SMALL = "5-19", _("5–19 ansatte")
    MEDIUM = "20-99", _("20–99 ansatte")
    LARGE = "100-249", _("100–249 ansatte")
    VERY_LARGE = "250+", _("250 eller flere ansatte")


class Employer(PublicModel):
    org_number = models.CharField(
        _("organisasjonsnummer"), max_length=9, unique=True, validators=[validate_org_number]
    )
    name = models.CharField(_("navn"), max_length=160)
    sector = models.CharField(_("bransje"), max_length=20, choices=Sector.choices)
    ia_agreement = models.BooleanField(_("IA-avtale"), default=False)
    size = models.CharField(
        _("antall ansatte"), max_length=10, choices=EmployerSize.choices, blank=True
    )
    wishes = models.TextField(
        _("hva arbeidsgiveren ønsker"),
        blank=True,
        help_text=_("F.eks. «ønsker en ung person til lett kontorarbeid»."),
    )
    inclusion_notes = models.TextField(
        _("erfaring med inkludering"),
        blank=True,
        help_text=_("Tidligere erfaringer med praksisplasser, lønnstilskudd, mentorer o.l."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("arbeidsgiver")
        verbose_name_plural = _("arbeidsgivere")

    def __str__(self) -> str:
        return self.name

    @property
    def org_number_display(self) -> str:
        return format_org_number(self.org_number)


class ContactPerson(PublicModel):
    """Someone at the employer whom the support team calls: a name, a role, a number."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="contact_persons")
    name = models.CharField(_("navn"), max_length=160)
    role = models.CharField(
        _("rolle"), max_length=120, help_text=_("F.eks. «Daglig leder» eller «Avdelingsleder»")
    )
    phone = models.CharField(_("telefon"), max_length=20)
    email = models.EmailField(_("e-post"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class Workplace(PublicModel):
    """A site where people work: the unit that is mapped (arbeidsplasskartlegging)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="workplaces")
    name = models.CharField(_("navn"), max_length=160)
    address = models.CharField(_("adresse"), max_length=200)
    municipality = models.CharField(_("kommune"), max_length=80)
    latitude = models.FloatField(_("breddegrad"))
    longitude = models.FloatField(_("lengdegrad"))
    # The environment (seed 003, table 2: what the support team must know).
    introduction_routine = models.TextField(_("introduksjonsrutine"), blank=True)
    internal_training = models.TextField(_("internopplæring"), blank=True)
    buddy_available = models.BooleanField(_("fadder eller mentor tilgjengelig"), default=False)
    physical_environment = models.TextField(_("fysisk arbeidsmiljø"), blank=True)
    social_environment = models.TextField(_("sosialt arbeidsmiljø"), blank=True)
    career_opportunities = models.TextField(_("muligheter for karriereutvikling"), blank=True)
    recruitment_need = models.TextField(_("reelt rekrutteringsbehov"), blank=True)

    class Meta:
        ordering = ["employer__name", "name"]
        verbose_name = _("arbeidsplass")
        verbose_name_plural = _("arbeidsplasser")

    def __str__(self) -> str:
        return f"{self.employer.name}, {self.name}"


class Demand(models.TextChoices):
    """What a task demands. Each value is also the name of a field on ``Task``.

    Matching iterates over this list: a task's level for one demand is
    ``getattr(task, demand.value)`` (see ``Task.demand_levels``).
    """

    PHYSICAL_LOAD = "physical_load", _("Fysisk belastning")
    HEAVY_LIFTING = "heavy_lifting", _("Tunge løft")
    STANDING = "standing", _("Stående arbeid")
    CUSTOMER_CONTACT = "customer_contact", _("Kundekontakt")
    HYGIENE = "hygiene", _("Hygiene og mathåndtering")
    READING_WRITING = "reading_writing", _("Lesing og skriving")
    NUMERACY = "numeracy", _("Regning og tall")
    PACE = "pace", _("Tempo")
    SOCIAL_INTERACTION = "social_interaction", _("Samarbeid med andre")
    WORKING_ALONE = "working_alone", _("Arbeid alene")
    NOISE = "noise", _("Støy")


class DemandLevel(models.IntegerChoices):
    NONE = 0, _("Ingen")
    LITTLE = 1, _("Litt")
    MEDIUM = 2, _("Middels")
    HIGH = 3, _("Mye")


def _demand(demand: Demand) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(
        demand.label, choices=DemandLevel.choices, default=DemandLevel.NONE
    )


class Task(PublicModel):
    """A mapped task at one workplace. «Lagerarbeid er ikke lik lagerarbeid»: two warehouses
    have different tasks with different demands, so tasks belong to a workplace, not a sector."""

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="tasks")
    name = models.CharField(_("navn på oppgaven"), max_length=160)
    description = models.TextField(_("beskrivelse"), blank=True)
    physical_load = _demand(Demand.PHYSICAL_LOAD)
    heavy_lifting = _demand(Demand.HEAVY_LIFTING)
    standing = _demand(Demand.STANDING)
    customer_contact = _demand(Demand.CUSTOMER_CONTACT)
    hygiene = _demand(Demand.HYGIENE)
    reading_writing = _demand(Demand.READING_WRITING)
    numeracy = _demand(Demand.NUMERACY)
    pace = _demand(Demand.PACE)
    social_interaction = _demand(Demand.SOCIAL_INTERACTION)
    working_alone = _demand(Demand.WORKING_ALONE)
    noise = _demand(Demand.NOISE)
    time_of_day = models.JSONField(
        _("når på døgnet"), default=list, help_text=_("Verdier fra TimeOfDay.")
    )
    hours_per_week = models.DecimalField(
        _("timer per uke"), max_digits=3, decimal_places=1, help_text=_("Typisk antall timer.")
    )
    adaptable = models.BooleanField(_("kan tilrettelegges"), default=False)
    adaptation_note = models.TextField(_("hvordan oppgaven kan tilrettelegges"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(**{f"{d.value}__lte": 3}), name=f"task_{d.value}")
            for d in Demand
        ]
        verbose_name = _("arbeidsoppgave")
        verbose_name_plural = _("arbeidsoppgaver")

    def __str__(self) -> str:
        return self.name

    def demand_levels(self) -> dict[Demand, int]:
        return {demand: int(getattr(self, demand.value)) for demand in Demand}

    def time_of_day_display(self) -> str:
        return ", ".join(str(TimeOfDay(value).label) for value in self.time_of_day)


class ContactKind(models.TextChoices):
    VISIT = "visit", _("Besøk på arbeidsplassen")
    PHONE = "phone", _("Telefon")
    MESSAGE = "message", _("E-post eller melding")
    MEETING = "meeting", _("Møte")


class EmployerContact(PublicModel):
    """One contact with an employer: who, when, how, and what was learned."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="contacts")
    workplace = models.ForeignKey(
        Workplace,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("arbeidsplass"),
    )
    occurred_on = models.DateField(_("dato"))
    kind = models.CharField(_("type kontakt"), max_length=10, choices=ContactKind.choices)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="employer_contacts",
        verbose_name=_("hvem"),
    )
    summary = models.TextField(_("hva vi fikk vite"))
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["employer", "occurred_on"], name="contact_employer_date"),
            models.Index(fields=["employer", "kind", "occurred_on"], name="contact_employer_kind"),
        ]
        verbose_name = _("kontakt med arbeidsgiver")
        verbose_name_plural = _("kontakter med arbeidsgivere")

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind} {self.employer_id}"


class OpeningKind(models.TextChoices):
    JOB = "job", _("Stilling")
    TRIAL_PLACE = "trial_place", _("Praksisplass")
    APPRENTICESHIP = "apprenticeship", _("Læreplass")
    RECRUITMENT = "recruitment", _("Rekrutteringsoppdrag")


class OpeningPurpose(models.TextChoices):
    """Why the place exists (seed 003: purpose must be clear to both sides)."""

    TRIAL = "trial", _("Utprøving")
    TRAINING = "training", _("Arbeidstrening")
    EMPLOYMENT = "employment", _("Ansettelse")


class OpeningStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    OPEN = "open", _("Åpen")
    PAUSED = "paused", _("På vent")
    FILLED = "filled", _("Besatt")
    CANCELLED = "cancelled", _("Avlyst")


class Opening(PublicModel):
    """A job, work-trial place, apprenticeship or recruitment assignment at one workplace."""

    workplace = models.ForeignKey(
        Workplace, on_delete=models.PROTECT, related_name="openings", verbose_name=_("arbeidsplass")
    )
    kind = models.CharField(_("type"), max_length=20, choices=OpeningKind.choices)
    purpose = models.CharField(_("formål"), max_length=20, choices=OpeningPurpose.choices)
    title = models.CharField(_("tittel"), max_length=160)
    description = models.TextField(_("beskrivelse"), blank=True)
    tasks = models.ManyToManyField(
        Task, blank=True, related_name="openings", verbose_name=_("arbeidsoppgaver")
    )
    hours_per_week = models.DecimalField(_("timer per uke"), max_digits=3, decimal_places=1)
    starts_on = models.DateField(_("oppstart"), null=True, blank=True)
    ends_on = models.DateField(_("sluttdato"), null=True, blank=True)
    application_deadline = models.DateField(_("søknadsfrist"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OpeningStatus.choices, default=OpeningStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["workplace", "status"], name="opening_workplace_status")]
        verbose_name = _("stilling eller praksisplass")
        verbose_name_plural = _("stillinger og praksisplasser")

    def __str__(self) -> str:
        return self.title


class OpeningStatusChange(models.Model):
    """A status change of an opening. The first row of an opening has no ``from_status``."""

    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=10, choices=OpeningStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=OpeningStatus.choices)
    reason = models.CharField(_("begrunnelse"), max_length=500, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"
