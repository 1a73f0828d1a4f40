from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.candidates.models import (
    FIELD_WORDS_FOR_PERSON,
    Benefit,
    Candidate,
    CandidateField,
    Gender,
    MainGoal,
    NeedLevel,
    TimeOutsideWork,
)
from samspill.candidates.needs import NEED_TYPES, TAXONOMY, need_consent_item
from samspill.employers.models import Sector
from samspill.lib.choices import TimeOfDay
from samspill.lib.forms import Form
from samspill.processes.forms import ProcessOpenForm

_TEXT = forms.Textarea(attrs={"rows": 3})


class ProfileForm(Form):
    """The advisor's kartlegging, written together with the candidate."""

    interests = forms.CharField(
        label=_("Interesser og hva hen vil jobbe med"),
        required=False,
        widget=_TEXT,
        help_text=_("Slik kandidaten selv forteller det. Hva hen skriver selv vises for seg."),
    )
    resources = forms.CharField(label=_("Ressurser og styrker"), required=False, widget=_TEXT)
    experience = forms.CharField(label=_("Arbeidserfaring"), required=False, widget=_TEXT)
    education = forms.CharField(label=_("Utdanning og kurs"), required=False, widget=_TEXT)
    hours_min = forms.IntegerField(label=_("Timer per uke, minst"), required=False, min_value=1)
    hours_max = forms.IntegerField(label=_("Timer per uke, mest"), required=False, min_value=1)
    times_of_day = forms.MultipleChoiceField(
        label=_("Kan jobbe"),
        choices=TimeOfDay.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.MultipleChoiceField(
        label=_("Ønskede bransjer"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    places = forms.CharField(
        label=_("Ønskede kommuner"),
        required=False,
        max_length=300,
        help_text=_("Skill med komma, f.eks. «Oslo, Bærum»."),
    )
    max_commute_km = forms.IntegerField(
        label=_("Lengste reisevei (km)"), required=False, min_value=0, max_value=300
    )
    avoid = forms.CharField(label=_("Vil helst unngå"), required=False, widget=_TEXT)
    need_level = forms.ChoiceField(label=_("Innsatsbehov"), choices=NeedLevel.choices)
    main_goal = forms.ChoiceField(label=_("Hovedmål"), choices=MainGoal.choices)
    benefit = forms.ChoiceField(label=_("Ytelse"), choices=Benefit.choices)
    time_outside_work = forms.ChoiceField(
        label=_("Tid utenfor arbeidslivet"), choices=TimeOutsideWork.choices, required=False
    )

    @classmethod
    def initial_for(cls, candidate: Candidate) -> dict[str, Any]:
        initial = {name: getattr(candidate, name) for name in cls.base_fields}
        initial["places"] = ", ".join(candidate.places)
        return initial

    def clean_places(self) -> list[str]:
        raw: str = self.cleaned_data["places"]
        return [place.strip() for place in raw.split(",") if place.strip()]


class OwnWordsForm(Form):
    """The jobseeker's own part, in their own words."""

    own_interests = forms.CharField(
        label=_("Hva liker du å gjøre?"), required=False, widget=_TEXT, max_length=2000
    )
    own_strengths = forms.CharField(
        label=_("Hva er du god til?"), required=False, widget=_TEXT, max_length=2000
    )
    own_motivation = forms.CharField(
        label=_("Hvorfor vil du jobbe?"), required=False, widget=_TEXT, max_length=2000
    )
    own_wishes = forms.CharField(
        label=_("Hva slags jobb og arbeidsplass ønsker du deg?"),
        required=False,
        widget=_TEXT,
        max_length=2000,
    )


class NeedsForm(Form):
    """Every need in the taxonomy: a checkbox and a free-text description (fields below)."""

    @staticmethod
    def initial_for(current: dict[str, str]) -> dict[str, Any]:
        return {f"need_{code}": True for code in current} | {
            f"detail_{code}": detail for code, detail in current.items()
        }

    def grouped(self) -> list[tuple[str, list[tuple[Any, Any]]]]:
        return [
            (
                str(cat.label),
                [(self[f"need_{n.code}"], self[f"detail_{n.code}"]) for n in cat.needs],
            )
            for cat in TAXONOMY
        ]

    def chosen(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[f"detail_{code}"]
            for code in NEED_TYPES
            if self.cleaned_data[f"need_{code}"]
        }

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        for code in NEED_TYPES:
            if self.cleaned_data.get(f"detail_{code}") and not self.cleaned_data.get(
                f"need_{code}"
            ):
                self.add_error(f"need_{code}", _("Kryss av for behovet, eller fjern beskrivelsen."))
        return cleaned


for _code, _need in NEED_TYPES.items():
    NeedsForm.base_fields[f"need_{_code}"] = forms.BooleanField(label=_need.label, required=False)
    NeedsForm.base_fields[f"detail_{_code}"] = forms.CharField(
        label=_("Beskrivelse"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


CONSENT_LABELS = {
    CandidateField.NAME: _("Navnet mitt"),
    CandidateField.AGE: _("Alderen min (ikke fødselsdato)"),
    CandidateField.MUNICIPALITY: _("Hvilken kommune jeg bor i"),
    CandidateField.CONTACT: _("Telefonnummer og e-post"),
    CandidateField.INTERESTS: _("Hva jeg liker og hva jeg vil jobbe med"),
    CandidateField.STRENGTHS: _("Hva jeg er god til"),
    CandidateField.EXPERIENCE: _("Arbeidserfaring og utdanning"),
    CandidateField.WISHES: _("Hvor mye og når på døgnet jeg kan jobbe"),
}


class ConsentForm(Form):
    items = forms.MultipleChoiceField(
        label=_("Dette kan arbeidsgivere se"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Du bestemmer selv. Helseopplysninger og diagnoser deles aldri, "
            "og du kan endre eller trekke samtykket når som helst."
        ),
    )

    def __init__(self, *args: Any, need_codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["items"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(k), v) for k, v in CONSENT_LABELS.items()] + [
            (
                need_consent_item(code),
                _("Behov: «%(text)s»") % {"text": NEED_TYPES[code].employer_text},
            )
            for code in need_codes
        ]


class CorrectionRequestForm(Form):
    """«Be om retting»: the person picks what is wrong and says what it should be."""

    field = forms.ChoiceField(
        label=_("Hva er feil?"),
        error_messages={
            "required": _("Velg hvilke opplysninger som er feil."),
            "invalid_choice": _("Velg hvilke opplysninger som er feil."),
        },
    )
    text = forms.CharField(
        label=_("Hva står det nå, og hva skal det være?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Skriv med dine egne ord. Veilederen din ser på det og retter det som er feil."
        ),
        error_messages={"required": _("Skriv hva som er feil, og hva det skal være.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["field"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Velg")), *field_choices_for_person()]


def field_choices_for_person() -> list[tuple[str, str]]:
    """The profile's items as the person reads them, capitalised, for a select list."""
    return [
        (str(code), str(words)[:1].upper() + str(words)[1:])
        for code, words in FIELD_WORDS_FOR_PERSON.items()
    ]


class CorrectionResolveForm(Form):
    note = forms.CharField(
        label=_("Hva ble gjort?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Arbeidssøkeren ser det du skriver her."),
        error_messages={"required": _("Skriv kort hva som ble gjort med ønsket.")},
    )


class RegisterForm(ProcessOpenForm):
    """Intake: the person and their first process (``processes.intake.intake_register``).
    The identity number and everything else are checked by the services, at the field."""

    field_order = [
        *("first_name", "last_name", "national_id", "gender", "municipality"),
        *("phone", "email", "need_level"),
    ]

    first_name = forms.CharField(
        label=_("Fornavn"), max_length=80, error_messages={"required": _("Skriv fornavnet.")}
    )
    last_name = forms.CharField(
        label=_("Etternavn"), max_length=80, error_messages={"required": _("Skriv etternavnet.")}
    )
    national_id = forms.CharField(
        label=_("Fødselsnummer eller D-nummer"),
        max_length=20,
        required=False,
        help_text=_("11 sifre. Fødselsdatoen hentes fra nummeret."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    gender = forms.ChoiceField(label=_("Kjønn"), choices=Gender.choices)
    municipality = forms.CharField(
        label=_("Bostedskommune"),
        max_length=80,
        error_messages={"required": _("Skriv bostedskommunen.")},
    )
    phone = forms.CharField(label=_("Telefon"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-post"), required=False)
    need_level = forms.ChoiceField(label=_("Innsatsbehov"), choices=NeedLevel.choices)
