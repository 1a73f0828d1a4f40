"""The contact log of a process: every conversation with the jobseeker or the employer.

This is the start of proactive follow-up (plans, the worklist and reminders build on it).
The first contact with an employer marks the start of the job search in IPS terms.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.core.models import PublicModel


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
