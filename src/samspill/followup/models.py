"""Proactive follow-up: the contact log, follow-up plans, NAV commitments and employer
concerns (notices to users live in ``samspill.notifications``).

Due dates are never stored: they are computed from a plan's items and the logged contacts
(``followup/schedule.py``), so they cannot drift from what actually happened.
The first contact with an employer marks the start of the job search in IPS terms.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.lib.models import PublicModel


class Party(models.TextChoices):
    JOBSEEKER = "jobseeker", _("Arbeidssøkeren")
    EMPLOYER = "employer", _("Arbeidsgiveren")
    BOTH = "both", _("Begge (trekantsamtale)")
    PARTNER = "partner", _("Samarbeidspartner")


#: Parties whose contact counts as contact with an employer.
EMPLOYER_PARTIES = (Party.EMPLOYER, Party.BOTH)


class Form(models.TextChoices):
    PHONE = "phone", _("Telefon")
    VIDEO = "video", _("Video")
    MEETING = "meeting", _("Møte")
    VISIT = "visit", _("Besøk på arbeidsplassen")
    MESSAGE = "message", _("Melding eller e-post")


class Place(models.TextChoices):
    OFFICE = "office", _("NAV-kontoret")
    WORKPLACE = "workplace", _("Arbeidsplassen")
    HOME = "home", _("Hjemme")
    COMMUNITY = "community", _("Andre steder ute")
    REMOTE = "remote", _("Ikke fysisk (telefon, video, melding)")


#: Forms of contact that are face to face.
IN_PERSON_FORMS = (Form.MEETING, Form.VISIT)


class Contact(PublicModel):
    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="contacts"
    )
    party = models.CharField(_("med hvem"), max_length=20, choices=Party.choices)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    place = models.CharField(_("hvor"), max_length=20, choices=Place.choices)
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_contacts",
        verbose_name=_("arbeidsgiver"),
    )
    on = models.DateField(_("dato"))
    note = models.TextField(_("kort notat"), blank=True)
    #: The same contact in the employer's contact log (``employers.EmployerContact``): a
    #: contact with the employer is recorded there once, and the process points to it.
    employer_contact = models.OneToOneField(
        "employers.EmployerContact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_contact",
        verbose_name=_("i arbeidsgiverens kontaktlogg"),
    )
    plan_item = models.ForeignKey(
        "followup.PlanItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("planlagt kontakt"),
    )
    outside_work = models.BooleanField(_("gjaldt utenomting"), default=False)
    outside_work_owner = models.CharField(
        _("hvem følger opp utenomtinget"), max_length=160, blank=True
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    logged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["process", "party", "on"], name="contact_process_party")]
        verbose_name = _("kontakt")
        verbose_name_plural = _("kontakter")

    def __str__(self) -> str:
        return f"{self.on} {self.party} {self.form}"


# -- Follow-up plans --------------------------------------------------------------------------


class EndReason(models.TextChoices):
    NO_LONGER_WANTED = "no_longer_wanted", _("Personen ønsker ikke mer oppfølging")
    STEPPED_DOWN = "stepped_down", _("Trappet ned til en annen tjeneste")
    JOB_ENDED = "job_ended", _("Jobben eller utprøvingen tok slutt")
    REPLACED = "replaced", _("Erstattet av en ny plan")
    OTHER = "other", _("Annet")


class FollowupPlan(PublicModel):
    """The follow-up agreed for one process (later: for one agreement). One active at a time."""

    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="followup_plans"
    )
    # An optional link to the three-party agreement is added with the agreements app.
    template = models.CharField(_("mal"), max_length=30)
    title = models.CharField(_("navn"), max_length=120)
    starts_on = models.DateField(_("oppstart"), help_text=_("Oppstart i jobb eller utprøving."))
    minimum_until = models.DateField(
        _("varer minst til"),
        null=True,
        blank=True,
        help_text=_("Oppfølging etter ansettelse varer minst seks måneder."),
    )
    ended_on = models.DateField(_("avsluttet"), null=True, blank=True)
    end_reason = models.CharField(
        _("hvorfor avsluttet"), max_length=20, choices=EndReason.choices, blank=True
    )
    end_note = models.TextField(_("begrunnelse"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["process"],
                condition=models.Q(ended_on__isnull=True),
                name="followup_one_active_plan",
            )
        ]
        verbose_name = _("oppfølgingsplan")
        verbose_name_plural = _("oppfølgingsplaner")

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on})"


class PlanParty(models.TextChoices):
    JOBSEEKER = "jobseeker", _("Arbeidssøkeren")
    EMPLOYER = "employer", _("Arbeidsgiveren")
    BOTH = "both", _("Trekantsamtale")


class PlanItem(PublicModel):
    """A planned contact: with whom, how, how often, and for which phase.

    ``first_due_on`` is when the first contact is due; after that the next one is due
    ``interval_days`` after the latest matching contact, until ``ends_on``. An item without
    an interval is a single contact.
    """

    plan = models.ForeignKey(FollowupPlan, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(_("hva"), max_length=120)
    party = models.CharField(_("med hvem"), max_length=20, choices=PlanParty.choices)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    phase = models.CharField(_("gjelder fasen"), max_length=20, blank=True)
    first_due_on = models.DateField(_("første gang"))
    interval_days = models.PositiveSmallIntegerField(
        _("hvor ofte (dager)"), null=True, blank=True, help_text=_("Tomt: én gang.")
    )
    ends_on = models.DateField(_("til og med"), null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["first_due_on", "id"]
        verbose_name = _("planlagt kontakt")
        verbose_name_plural = _("planlagte kontakter")

    def __str__(self) -> str:
        return self.label


class PlanChange(models.Model):
    """What changed in a plan, when and by whom (the plan's history)."""

    plan = models.ForeignKey(FollowupPlan, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    description = models.CharField(_("endring"), max_length=500)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.description


# -- NAV commitments --------------------------------------------------------------------------


class Commitment(PublicModel):
    """Something NAV has promised (subsidy decided by, aid delivered by, visit by)."""

    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="commitments"
    )
    # An optional link to the agreement it comes from is added with the agreements app.
    title = models.CharField(_("hva NAV skal gjøre"), max_length=200)
    deadline = models.DateField(_("frist"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("ansvarlig"),
    )
    done_on = models.DateField(_("utført"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["process", "done_on"], name="commitment_process_open")]
        verbose_name = _("forpliktelse")
        verbose_name_plural = _("forpliktelser")

    def __str__(self) -> str:
        return f"{self.title} ({self.deadline})"


# -- Employer concerns ------------------------------------------------------------------------


class ConcernKind(models.TextChoices):
    NO_SHOW = "no_show", _("Har ikke møtt på jobb")
    TRAINING = "training", _("Trenger mer opplæring")
    CONFLICT = "conflict", _("Konflikt")
    OUTSIDE_WORK = "outside_work", _("Forhold utenfor jobben")
    TASKS_CHANGED = "tasks_changed", _("Endring i arbeidsoppgaver")
    OTHER = "other", _("Annet")


class Concern(PublicModel):
    """An employer tells NAV something is wrong; NAV answers by the next working day."""

    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="concerns"
    )
    employer = models.ForeignKey(
        "employers.Employer", on_delete=models.CASCADE, related_name="concerns"
    )
    kind = models.CharField(_("hva gjelder det"), max_length=20, choices=ConcernKind.choices)
    text = models.TextField(_("fortell kort"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_at = models.DateTimeField(_("mottatt"))
    respond_by = models.DateField(_("svarfrist"))
    responded_at = models.DateTimeField(_("besvart"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    response = models.TextField(_("svar"), blank=True)

    class Meta:
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["process", "responded_at"], name="concern_process_open")]
        verbose_name = _("henvendelse fra arbeidsgiver")
        verbose_name_plural = _("henvendelser fra arbeidsgivere")

    def __str__(self) -> str:
        return f"{self.kind} ({self.reported_at:%Y-%m-%d})"
