"""The jobseeker (kandidat) and their consent to share information with employers.

There is no diagnosis field, and there never will be: candidates are described by what
they can and want, and by the accommodations they need.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspill.candidates.needs import NEED_CHOICES
from samspill.lib.dates import age_on
from samspill.lib.models import PublicModel


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


def search_key(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".casefold()


class MainGoal(models.TextChoices):
    """Hovedmål, as in NAV's portfolio."""

    GET_WORK = "get_work", _("Skaffe arbeid")
    KEEP_WORK = "keep_work", _("Beholde arbeid")
    PARTICIPATE = "participate", _("Øke deltakelse")


class Benefit(models.TextChoices):
    """The person's main benefit (ytelse) while in the process."""

    AAP = "aap", _("Arbeidsavklaringspenger (AAP)")
    DISABILITY = "uforetrygd", _("Uføretrygd")
    SOCIAL = "sosialhjelp", _("Sosialhjelp")
    KVP = "kvp", _("Kvalifiseringsprogrammet (KVP)")
    UNEMPLOYMENT = "dagpenger", _("Dagpenger")
    NONE = "none", _("Ingen ytelse")


class TimeOutsideWork(models.TextChoices):
    """How long the person has been outside paid work (the equity monitor groups by it)."""

    UNKNOWN = "", _("Ikke kartlagt")
    UNDER_1 = "under_1", _("Under 1 år")
    YEARS_1_2 = "1_2", _("1–2 år")
    YEARS_2_5 = "2_5", _("2–5 år")
    OVER_5 = "over_5", _("Mer enn 5 år")
    NEVER = "never", _("Aldri hatt lønnet arbeid")


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
    SITUATION = "situation", _("Hovedmål og ytelse")
    INTERESTS = "interests", _("Interesser og hva hen ønsker å jobbe med")
    STRENGTHS = "strengths", _("Ressurser og styrker")
    EXPERIENCE = "experience", _("Arbeidserfaring og utdanning")
    WISHES = "wishes", _("Ønsket arbeidstid og tid på døgnet")
    PLACES = "places", _("Ønskede bransjer, steder og reisevei")
    NEEDS = "needs", _("Behov for tilrettelegging, med beskrivelse")
    #: Internal to NAV: never shareable, shown masked, unmasked only on request.
    NATIONAL_ID = "national_id", _("Fødselsnummer eller D-nummer")


ALL_FIELDS = frozenset(CandidateField)
#: What a candidate can choose to share with an employer, beside single accommodation
#: needs (``need:<code>``, shown by their employer text only). Never birth date, gender,
#: need level, benefit or the free text about needs: NAV shows employers age, not birth
#: date, and never the § 14 a decision.
SHAREABLE_WITH_EMPLOYER = frozenset(
    {
        CandidateField.NAME,
        CandidateField.AGE,
        CandidateField.MUNICIPALITY,
        CandidateField.CONTACT,
        CandidateField.INTERESTS,
        CandidateField.STRENGTHS,
        CandidateField.EXPERIENCE,
        CandidateField.WISHES,
    }
)


#: Which item of the record grants each field of ``Candidate``: the one table that
#: ``presentation`` (every surface) and the change box filter by. ``None`` marks what is
#: never shown as the person's data (keys, timestamps, the login). A field missing here
#: fails the consent-matrix test, so a new field cannot reach a page unconsidered.
ITEM_OF_FIELD: dict[str, CandidateField | None] = {
    "id": None,
    "uuid": None,
    "user": None,
    "created_at": None,
    "search_name": None,
    "profile_version": None,
    "own_updated_at": None,
    "first_name": CandidateField.NAME,
    "last_name": CandidateField.NAME,
    "birth_date": CandidateField.BIRTH_DATE,
    "national_id": CandidateField.NATIONAL_ID,
    "gender": CandidateField.GENDER,
    "municipality": CandidateField.MUNICIPALITY,
    "phone": CandidateField.CONTACT,
    "email": CandidateField.CONTACT,
    "need_level": CandidateField.NEED_LEVEL,
    "main_goal": CandidateField.SITUATION,
    "benefit": CandidateField.SITUATION,
    "time_outside_work": CandidateField.SITUATION,
    "interests": CandidateField.INTERESTS,
    "own_interests": CandidateField.INTERESTS,
    "own_motivation": CandidateField.INTERESTS,
    "own_wishes": CandidateField.INTERESTS,
    "resources": CandidateField.STRENGTHS,
    "own_strengths": CandidateField.STRENGTHS,
    "experience": CandidateField.EXPERIENCE,
    "education": CandidateField.EXPERIENCE,
    "hours_min": CandidateField.WISHES,
    "hours_max": CandidateField.WISHES,
    "times_of_day": CandidateField.WISHES,
    "sectors": CandidateField.PLACES,
    "places": CandidateField.PLACES,
    "max_commute_km": CandidateField.PLACES,
    "avoid": CandidateField.PLACES,
}


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
    #: The eleven digits of the fødselsnummer or D-nummer (``candidates.national_id``);
    #: empty only for people registered before it was asked for.
    national_id = models.CharField(
        _("fødselsnummer eller D-nummer"), max_length=11, unique=True, null=True, blank=True
    )
    gender = models.CharField(_("kjønn"), max_length=10, choices=Gender.choices)
    municipality = models.CharField(_("bostedskommune"), max_length=80)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    need_level = models.CharField(_("innsatsbehov"), max_length=20, choices=NeedLevel.choices)
    main_goal = models.CharField(
        _("hovedmål"), max_length=20, choices=MainGoal.choices, default=MainGoal.GET_WORK
    )
    benefit = models.CharField(
        _("ytelse"), max_length=20, choices=Benefit.choices, default=Benefit.NONE
    )
    time_outside_work = models.CharField(
        _("tid utenfor arbeidslivet"),
        max_length=10,
        choices=TimeOutsideWork.choices,
        default=TimeOutsideWork.UNKNOWN,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Kartlegging, written by the advisor together with the candidate.
    interests = models.TextField(_("interesser og hva hen vil jobbe med"), blank=True)
    resources = models.TextField(_("ressurser og styrker"), blank=True)
    experience = models.TextField(_("arbeidserfaring"), blank=True)
    education = models.TextField(_("utdanning og kurs"), blank=True)
    hours_min = models.PositiveSmallIntegerField(_("timer per uke, minst"), null=True, blank=True)
    hours_max = models.PositiveSmallIntegerField(_("timer per uke, mest"), null=True, blank=True)
    times_of_day = models.JSONField(_("tid på døgnet"), default=list, blank=True)
    sectors = models.JSONField(_("ønskede bransjer"), default=list, blank=True)
    places = models.JSONField(_("ønskede kommuner"), default=list, blank=True)
    max_commute_km = models.PositiveSmallIntegerField(
        _("lengste reisevei (km)"), null=True, blank=True
    )
    avoid = models.TextField(_("vil helst unngå"), blank=True)

    # The jobseeker's own words. Only the jobseeker writes these; nobody overwrites them.
    own_interests = models.TextField(_("hva jeg liker å gjøre"), blank=True)
    own_strengths = models.TextField(_("hva jeg er god til"), blank=True)
    own_motivation = models.TextField(_("hvorfor jeg vil jobbe"), blank=True)
    own_wishes = models.TextField(_("hva slags jobb og arbeidsplass jeg ønsker meg"), blank=True)
    own_updated_at = models.DateTimeField(null=True, blank=True)

    #: The full name casefolded, for searches that ignore case in æ, ø and å on every database.
    search_name = models.CharField(max_length=170, editable=False, db_index=True, default="")

    #: Bumped by every profile change; ``ProfileVersion`` keeps each version.
    profile_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("kandidat")
        verbose_name_plural = _("kandidater")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_key(self.first_name, self.last_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)


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


class AccommodationNeed(models.Model):
    """One need from the taxonomy, with free text and the date it was last confirmed."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="needs")
    code = models.CharField(_("behov"), max_length=40, choices=NEED_CHOICES)
    detail = models.TextField(_("beskrivelse"), blank=True)
    last_confirmed = models.DateField(_("sist bekreftet"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "code"], name="need_once_per_candidate")
        ]
        indexes = [models.Index(fields=["last_confirmed"], name="need_last_confirmed")]
        verbose_name = _("behov for tilrettelegging")
        verbose_name_plural = _("behov for tilrettelegging")

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.code}"


class ProfileVersion(models.Model):
    """A snapshot of the whole profile after each change, so changes can be shown and traced."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    changed_fields = models.JSONField(default=list)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "number"], name="profile_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} v{self.number}"


#: ``CandidateField`` items as the person reads them about themself (lower case, second
#: person): the access log («Hvem har sett mine opplysninger») and «Be om retting» use these.
FIELD_WORDS_FOR_PERSON: dict[str, Any] = {
    CandidateField.NAME: _("navn"),
    CandidateField.AGE: _("alder"),
    CandidateField.MUNICIPALITY: _("bostedskommune"),
    CandidateField.CONTACT: _("telefon og e-post"),
    CandidateField.BIRTH_DATE: _("fødselsdato"),
    CandidateField.NEED_LEVEL: _("innsatsbehov"),
    CandidateField.GENDER: _("kjønn"),
    CandidateField.SITUATION: _("hovedmål og ytelse"),
    CandidateField.INTERESTS: _("interesser og hva du vil jobbe med"),
    CandidateField.STRENGTHS: _("ressurser og styrker"),
    CandidateField.EXPERIENCE: _("arbeidserfaring og utdanning"),
    CandidateField.WISHES: _("hvor mye og når på døgnet du kan jobbe"),
    CandidateField.PLACES: _("ønskede bransjer, steder og reisevei"),
    CandidateField.NEEDS: _("behov for tilrettelegging"),
    CandidateField.NATIONAL_ID: _("fødselsnummer eller D-nummer"),
}


class CorrectionRequest(PublicModel):
    """The person asks for an item of their profile to be corrected (GDPR art. 16).

    The advisor handles it and writes what was done; the person sees the status.
    """

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="correction_requests"
    )
    field = models.CharField(_("hva gjelder det"), max_length=20, choices=CandidateField.choices)
    text = models.TextField(_("hva er feil, og hva skal det være"))
    created_at = models.DateTimeField(_("sendt"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    resolved_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    resolution_note = models.TextField(_("hva ble gjort"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["candidate", "resolved_at"], name="correction_candidate_open")
        ]
        verbose_name = _("ønske om retting")
        verbose_name_plural = _("ønsker om retting")

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.field}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def field_words(self) -> str:
        return str(FIELD_WORDS_FOR_PERSON.get(self.field, self.field))
