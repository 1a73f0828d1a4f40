from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import User
from samspill.employers.models import Employer
from samspill.followup.models import (
    ConcernKind,
    EndReason,
    Party,
    Place,
    PlanItem,
    PlanParty,
)
from samspill.followup.models import Form as ContactForm_
from samspill.followup.plan_templates import TEMPLATE_CHOICES
from samspill.followup.services.plans import SYSTEM_REASONS
from samspill.lib.forms import Form

DATE = forms.DateInput(attrs={"type": "date"})


class PlanItemChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.label} ({obj.get_party_display().lower()})"


class ContactForm(Form):
    plan_item = PlanItemChoiceField(
        label=_("Planlagt kontakt"),
        queryset=PlanItem.objects.none(),
        required=False,
        to_field_name="uuid",
        empty_label=_("Ingen (utenom planen)"),
        help_text=_("Velg den planlagte kontakten dette var, så regnes neste gang ut fra den."),
    )
    party = forms.ChoiceField(label=_("Med hvem"), choices=Party.choices)
    form = forms.ChoiceField(label=_("Form"), choices=ContactForm_.choices)
    place = forms.ChoiceField(label=_("Hvor"), choices=Place.choices)
    on = forms.DateField(label=_("Dato"), widget=DATE)
    employer = forms.ModelChoiceField(
        label=_("Arbeidsgiver"),
        queryset=Employer.objects.none(),
        required=False,
        to_field_name="uuid",
        help_text=_("Når kontakten var med en arbeidsgiver."),
    )
    note = forms.CharField(
        label=_("Kort notat"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    outside_work = forms.BooleanField(
        label=_("Gjaldt utenomting (forhold utenfor jobben)"), required=False
    )
    outside_work_owner = forms.CharField(
        label=_("Hvem følger opp utenomtinget"),
        required=False,
        max_length=160,
        help_text=_("For eksempel «Kommunens boligkontor» eller «fastlegen»."),
    )

    def __init__(self, *args: Any, employers: Any, plan_items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        employer_field = self.fields["employer"]
        item_field = self.fields["plan_item"]
        assert isinstance(employer_field, forms.ModelChoiceField)
        assert isinstance(item_field, forms.ModelChoiceField)
        employer_field.queryset = employers
        item_field.queryset = plan_items


class PlanStartForm(Form):
    template = forms.ChoiceField(label=_("Mal"), choices=TEMPLATE_CHOICES)
    starts_on = forms.DateField(
        label=_("Oppstart"),
        widget=DATE,
        help_text=_("Første dag i jobb eller utprøving. Datoene i planen regnes fra den."),
    )


class PlanItemForm(Form):
    label = forms.CharField(label=_("Hva"), max_length=120)
    party = forms.ChoiceField(label=_("Med hvem"), choices=PlanParty.choices)
    form = forms.ChoiceField(label=_("Form"), choices=ContactForm_.choices)
    first_due_on = forms.DateField(label=_("Første gang"), widget=DATE)
    interval_days = forms.IntegerField(
        label=_("Hvor ofte (dager)"),
        required=False,
        min_value=1,
        max_value=366,
        help_text=_("7 er ukentlig, 30 månedlig. Tomt: én gang."),
    )
    ends_on = forms.DateField(label=_("Til og med"), required=False, widget=DATE)


class PlanEndForm(Form):
    reason = forms.ChoiceField(
        label=_("Hvorfor avsluttes oppfølgingen"),
        choices=[(v, label) for v, label in EndReason.choices if v not in SYSTEM_REASONS],
    )
    note = forms.CharField(
        label=_("Begrunnelse"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommitmentForm(Form):
    title = forms.CharField(
        label=_("Hva NAV skal gjøre"),
        max_length=200,
        help_text=_("For eksempel «Vedtak om lønnstilskudd» eller «Hev-senk-pult levert»."),
    )
    deadline = forms.DateField(label=_("Frist"), widget=DATE)
    owner = forms.ModelChoiceField(
        label=_("Ansvarlig"), queryset=User.objects.none(), to_field_name="uuid"
    )

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = owners


class ConcernForm(Form):
    kind = forms.ChoiceField(label=_("Hva gjelder det"), choices=ConcernKind.choices)
    text = forms.CharField(
        label=_("Fortell kort hva som har skjedd"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConcernAnswerForm(Form):
    response = forms.CharField(
        label=_("Svar til arbeidsgiveren"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Arbeidsgiveren ser svaret og når det ble gitt."),
    )


class TeamForm(Form):
    team = forms.ChoiceField(label=_("Team"), required=False)

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Hele kontoret")), *[(str(t.uuid), t.name) for t in teams]]
