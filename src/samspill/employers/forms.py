"""Forms for the employer side. They only collect input; the rules are in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from samspill.accounts.models import User
from samspill.employers.models import (
    ContactKind,
    Demand,
    DemandLevel,
    EmployerSize,
    OpeningKind,
    OpeningPurpose,
    Sector,
    Task,
    Workplace,
)
from samspill.employers.services import OpeningInput
from samspill.employers.transitions import allowed_next_statuses
from samspill.lib.choices import TimeOfDay
from samspill.lib.forms import AkselFormMixin, Form

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TEXT = forms.Textarea(attrs={"rows": 3})
CHOICES_TEMPLATE = "employers/_choices.html"


def _decimal() -> forms.TextInput:
    """A text input for numbers that accepts a decimal comma (the field is ``localize``d)."""
    return forms.TextInput(attrs={"inputmode": "decimal"})


def _textarea(
    label: StrOrPromise, help_text: StrOrPromise = "", required: bool = False
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
    )


def _as_checkboxes(form: forms.Form, name: str) -> None:
    """Render a multiple-choice field as a fieldset of checkboxes (``_choices.html``)."""
    field = form.fields[name]
    field.widget.attrs["class"] = "aksel-checkbox__input"
    field.template_name = CHOICES_TEMPLATE  # type: ignore[attr-defined]


class EmployerForm(Form):
    name = forms.CharField(label=_("Navn"), max_length=160)
    sector = forms.ChoiceField(label=_("Bransje"), choices=Sector.choices)
    size = forms.ChoiceField(
        label=_("Antall ansatte"),
        choices=[("", _("Vet ikke")), *EmployerSize.choices],
        required=False,
    )
    ia_agreement = forms.BooleanField(label=_("Har IA-avtale"), required=False)
    wishes = _textarea(
        _("Hva ønsker arbeidsgiveren?"), _("F.eks. «ønsker en ung person til lett kontorarbeid».")
    )
    inclusion_notes = _textarea(
        _("Erfaring med inkludering"),
        _("Tidligere praksisplasser, lønnstilskudd, mentorordninger, hva som fungerte."),
    )


class EmployerCreateForm(EmployerForm):
    org_number = forms.CharField(
        label=_("Organisasjonsnummer"),
        max_length=20,
        help_text=_("Ni siffer fra Enhetsregisteret, f.eks. 974 760 673."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    field_order = ["org_number", "name"]


class ContactPersonForm(Form):
    name = forms.CharField(label=_("Navn"), max_length=160)
    role = forms.CharField(
        label=_("Rolle"), max_length=120, help_text=_("F.eks. «Daglig leder» eller «Butikksjef».")
    )
    phone = forms.CharField(label=_("Telefon"), max_length=30)
    email = forms.EmailField(label=_("E-post"), required=False)


class ContactLogForm(Form):
    occurred_on = forms.DateField(label=_("Dato"), widget=_DATE)
    kind = forms.ChoiceField(label=_("Type kontakt"), choices=ContactKind.choices)
    made_by: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Hvem hadde kontakten"), queryset=User.objects.none(), to_field_name="uuid"
    )
    workplace: forms.ModelChoiceField[Workplace] = forms.ModelChoiceField(
        label=_("Arbeidsplass"),
        queryset=Workplace.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("Hele virksomheten"),
    )
    summary = _textarea(_("Hva fikk dere vite?"), required=True)

    def __init__(
        self, *args: Any, staff: QuerySet[User], workplaces: QuerySet[Workplace], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        made_by = self.fields["made_by"]
        assert isinstance(made_by, forms.ModelChoiceField)
        made_by.queryset = staff
        workplace = self.fields["workplace"]
        assert isinstance(workplace, forms.ModelChoiceField)
        workplace.queryset = workplaces


class WorkplaceForm(Form):
    name = forms.CharField(label=_("Navn på arbeidsplassen"), max_length=160)
    address = forms.CharField(label=_("Adresse"), max_length=200)
    municipality = forms.CharField(label=_("Kommune"), max_length=80)
    latitude = forms.FloatField(
        label=_("Breddegrad"), help_text=_("F.eks. 59,9139"), localize=True, widget=_decimal()
    )
    longitude = forms.FloatField(
        label=_("Lengdegrad"), help_text=_("F.eks. 10,7522"), localize=True, widget=_decimal()
    )
    introduction_routine = _textarea(_("Introduksjonsrutine"), _("Hvordan tas nye imot?"))
    internal_training = _textarea(_("Internopplæring"))
    buddy_available = forms.BooleanField(label=_("Fadder eller mentor kan stilles"), required=False)
    physical_environment = _textarea(_("Fysisk arbeidsmiljø"), _("Lokaler, støy, lys, adkomst."))
    social_environment = _textarea(_("Sosialt arbeidsmiljø"), _("Kolleger, pauser, tone."))
    career_opportunities = _textarea(_("Muligheter for karriereutvikling"))
    recruitment_need = _textarea(
        _("Reelt rekrutteringsbehov"), _("Hvilke behov for arbeidskraft har de nå og fremover?")
    )


class _DemandFields(forms.Form):
    """One 0–3 choice per ``Demand``, added before ``AkselFormMixin`` styles the fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for demand in Demand:
            self.fields[demand.value] = forms.TypedChoiceField(
                label=demand.label, choices=DemandLevel.choices, coerce=int, initial=0
            )


class TaskForm(AkselFormMixin, _DemandFields):
    name = forms.CharField(label=_("Navn på oppgaven"), max_length=160)
    description = _textarea(_("Beskrivelse"), _("Hva gjøres, med hva, sammen med hvem."))
    time_of_day = forms.MultipleChoiceField(
        label=_("Når på døgnet"),
        choices=TimeOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Velg minst ett tidspunkt.")},
    )
    hours_per_week = forms.DecimalField(
        label=_("Timer per uke"),
        max_digits=3,
        decimal_places=1,
        help_text=_("Hvor mange timer i uka oppgaven typisk kan fylle."),
        localize=True,
        widget=_decimal(),
    )
    adaptable = forms.BooleanField(label=_("Oppgaven kan tilrettelegges"), required=False)
    adaptation_note = _textarea(
        _("Hvordan kan den tilrettelegges?"), _("F.eks. «kan gjøres sittende», «uten tunge løft».")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _as_checkboxes(self, "time_of_day")

    def demand_fields(self) -> list[forms.BoundField]:
        return [self[demand.value] for demand in Demand]

    def other_fields(self) -> list[forms.BoundField]:
        names = ("time_of_day", "hours_per_week", "adaptable", "adaptation_note")
        return [self[name] for name in names]

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "demands": {demand.value: data[demand.value] for demand in Demand},
            "time_of_day": data["time_of_day"],
            "hours_per_week": data["hours_per_week"],
            "adaptable": data["adaptable"],
            "adaptation_note": data["adaptation_note"],
        }


def _task_label(task: Task) -> str:
    return f"{task.name} ({task.workplace.name})"


class OpeningForm(Form):
    kind = forms.ChoiceField(label=_("Type"), choices=OpeningKind.choices)
    purpose = forms.ChoiceField(
        label=_("Formål"),
        choices=OpeningPurpose.choices,
        help_text=_("Utprøving, arbeidstrening eller ansettelse: det må være tydelig for begge."),
    )
    title = forms.CharField(label=_("Tittel"), max_length=160)
    description = _textarea(_("Beskrivelse"))
    tasks: forms.ModelMultipleChoiceField[Task] = forms.ModelMultipleChoiceField(
        label=_("Arbeidsoppgaver fra kartleggingen"),
        queryset=Task.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hours_per_week = forms.DecimalField(
        label=_("Timer per uke"), max_digits=3, decimal_places=1, localize=True, widget=_decimal()
    )
    starts_on = forms.DateField(label=_("Oppstart"), required=False, widget=_DATE)
    ends_on = forms.DateField(
        label=_("Sluttdato"),
        required=False,
        widget=_DATE,
        help_text=_("For utprøving og vikariat."),
    )
    application_deadline = forms.DateField(label=_("Søknadsfrist"), required=False, widget=_DATE)

    def __init__(self, *args: Any, tasks: QuerySet[Task], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tasks"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = tasks
        field.label_from_instance = _task_label  # type: ignore[method-assign,assignment]
        _as_checkboxes(self, "tasks")

    def opening_input(self) -> OpeningInput:
        data = {k: v for k, v in self.cleaned_data.items() if k != "workplace"}
        return OpeningInput(**data)


class OpeningCreateForm(OpeningForm):
    workplace: forms.ModelChoiceField[Workplace] = forms.ModelChoiceField(
        label=_("Arbeidsplass"), queryset=Workplace.objects.none(), to_field_name="uuid"
    )
    field_order = ["workplace"]

    def __init__(self, *args: Any, workplaces: QuerySet[Workplace], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["workplace"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = workplaces


class OpeningStatusForm(Form):
    to_status = forms.ChoiceField(label=_("Ny status"))
    reason = forms.CharField(
        label=_("Begrunnelse"),
        required=False,
        max_length=500,
        widget=_TEXT,
        help_text=_("Påkrevd når stillingen avlyses."),
    )

    def __init__(self, *args: Any, current_status: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_status"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.value, s.label) for s in allowed_next_statuses(current_status)]


class RegisterFilterForm(Form):
    q = forms.CharField(label=_("Søk på navn eller organisasjonsnummer"), required=False)
    sector = forms.ChoiceField(
        label=_("Bransje"),
        choices=[("", _("Alle bransjer")), *Sector.choices],
        required=False,
    )
    not_contacted = forms.BooleanField(label=_("Ikke kontaktet på 60 dager"), required=False)
