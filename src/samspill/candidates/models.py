"""The jobseeker (kandidat) and their consent to share information with employers.

There is no diagnosis field, and there never will be: candidates are described by what
they can and want, and by the accommodations they need.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.core.models import PublicModel


class NeedLevel(models.TextChoices):
    """Innsatsbehov (NAV's § 14 a decision)."""

    STANDARD = "standard", _("Standard innsats")
    SITUATIONAL = "situasjonsbestemt", _("Situasjonsbestemt innsats")
    SPECIAL = "spesielt_tilpasset", _("Spesielt tilpasset innsats")
    PERMANENT = "varig_tilpasset", _("Varig tilpasset innsats")


class Gender(models.TextChoices):
    FEMALE = "female", _("Kvinne")
    MALE = "male", _("Mann")
    OTHER = "other", _("Annet / vil ikke oppgi")


class CandidateField(models.TextChoices):
    """The items of a candidate's record that the access policy grants one by one.

    Employers see only the items the candidate has consented to share (``SHAREABLE``).
    Later capabilities add items here (interests, strengths, accommodation needs).
    """

    NAME = "name", _("Navn")
    AGE = "age", _("Alder")
    MUNICIPALITY = "municipality", _("Bostedskommune")
    CONTACT = "contact", _("Telefon og e-post")
    BIRTH_DATE = "birth_date", _("Fødselsdato")
    NEED_LEVEL = "need_level", _("Innsatsbehov")
    GENDER = "gender", _("Kjønn")


ALL_FIELDS = frozenset(CandidateField)
#: What a candidate can choose to share with an employer. Never birth date or need level
#: (NAV shows employers age, not birth date, and never the § 14 a decision).
SHAREABLE_WITH_EMPLOYER = frozenset(
    {CandidateField.NAME, CandidateField.AGE, CandidateField.MUNICIPALITY, CandidateField.CONTACT}
)


class Candidate(PublicModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidate",
        help_text=_("Innloggingen til arbeidssøkeren selv, hvis hen har en."),
    )
    first_name = models.CharField(_("fornavn"), max_length=80)
    last_name = models.CharField(_("etternavn"), max_length=80)
    birth_date = models.DateField(_("fødselsdato"))
    gender = models.CharField(_("kjønn"), max_length=10, choices=Gender.choices)
    municipality = models.CharField(_("bostedskommune"), max_length=80)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    need_level = models.CharField(_("innsatsbehov"), max_length=20, choices=NeedLevel.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("kandidat")
        verbose_name_plural = _("kandidater")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class ConsentRecord(models.Model):
    """One version of what the candidate lets employers see. Never edited: a change is a new row.

    The current consent is the newest row; withdrawing is a new row with no items.
    """

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="consents")
    items = models.JSONField(_("deles med arbeidsgiver"), default=list)
    recorded_at = models.DateTimeField(_("registrert"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["candidate", "-recorded_at"], name="consent_latest")]
        verbose_name = _("samtykke")
        verbose_name_plural = _("samtykker")

    def __str__(self) -> str:
        return f"{self.candidate_id}: {', '.join(self.items) or '-'}"
