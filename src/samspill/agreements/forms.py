from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.agreements import subsidy
from samspill.agreements.measures import REFERRAL_CHOICES, fields_hidden_for
from samspill.agreements.models import Agreement, CancelReason
from samspill.agreements.services import CHANGE_KINDS
from samspill.lib import bounds
from samspill.lib.forms import AkselFormMixin, Form
from samspill.lib.validation import InvalidValue

FOLLOWUP_FORMS = [
    ("phone", _("Telefon")),
    ("visit", _("Besøk på arbeidsplassen")),
    ("three_way", _("Trekantsamtale på arbeidsplassen")),
]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})

#: The edit form's sections, in the order of the agreement.
SECTIONS: list[tuple[Any, list[str]]] = [
    (_("Partene"), ["employer_contact", "nav_contact_phone"]),
    (_("Formål"), ["purpose", "goals"]),
    (_("Innhold og opplæring"), ["tasks", "trainer", "training", "buddy"]),
    (_("Periode og arbeidstid"), ["start_on", "end_on", "hours_per_week", "working_hours"]),
    (_("Tilrettelegging"), ["accommodations"]),
    (
        _("Tiltak og tilskudd"),
        [
            "measure",
            "percentage",
            "monthly_wage",
            "holiday_pay_rate",
            "pension_rate",
            "employer_tax_rate",
            "mentor_name",
            "mentor_wage",
            "mentor_wage_period",
            "mentor_position_percent",
            "mentor_hours_per_month",
            "expenses",
            "referrals",
            "override_reason",
        ],
    ),
    (_("Hvem gjør hva"), ["employer_duties", "support_duties", "jobseeker_duties"]),
    (_("Oppfølging"), ["followup_frequency", "followup_forms", "followup_note"]),
    (_("Hva gjør vi hvis …"), ["if_absent", "if_conflict", "if_not_working"]),
    (_("Avslutning"), ["ending"]),
]
FIELDS = [name for _, names in SECTIONS for name in names]
TEXT_FIELDS = (
    "goals",
    "tasks",
    "training",
    "accommodations",
    "override_reason",
    "employer_duties",
    "support_duties",
    "jobseeker_duties",
    "followup_note",
    "if_absent",
    "if_conflict",
    "if_not_working",
    "ending",
)


def _sane_date(value: date) -> None:
    try:
        bounds.check_date(value)
    except InvalidValue as error:
        raise forms.ValidationError(str(error)) from None


class _BoundedMixin(forms.BaseForm):
    """Numbers and dates outside their sane range get the message at their field."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, message in subsidy.check_inputs(data).items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
        return data


class AgreementForm(_BoundedMixin, AkselFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    revision = forms.IntegerField(widget=forms.HiddenInput)
    referrals = forms.MultipleChoiceField(
        label=_("Henvisninger"),
        choices=REFERRAL_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tiltak som avgjøres av en annen enhet; avtalen viser henvisningen."),
    )
    followup_forms = forms.MultipleChoiceField(
        label=_("Hvordan"),
        choices=FOLLOWUP_FORMS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = FIELDS
        widgets = {
            "start_on": DATE,
            "end_on": DATE,
            **dict.fromkeys(TEXT_FIELDS, TEXT),
        }
        help_texts = {
            "nav_contact_phone": _("Påkrevd før avtalen sendes til godkjenning."),
            "measure": _("Bytter du tiltak, viser skjemaet feltene for det nye når du lagrer."),
            "percentage": _(
                "Midlertidig lønnstilskudd: tom gir satsen innsatsbehovet gir. "
                "Varig lønnstilskudd: 0–75. Sommerjobb: 50 eller 75."
            ),
            "holiday_pay_rate": _("Som desimaltall, f.eks. 0,12"),
            "pension_rate": _("Som desimaltall, f.eks. 0,02"),
            "employer_tax_rate": _("Som desimaltall, f.eks. 0,141"),
            "override_reason": _("Bare der regelverket gir rom for skjønn."),
        }

    def __init__(self, *args: Any, contacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_by_uuid(self, "employer_contact", contacts)
        self.fields["purpose"].required = False
        # The draft's measure decides which of the measure's own fields are on the form;
        # the hidden ones keep their saved values.
        for name in fields_hidden_for(self.instance.measure):
            del self.fields[name]

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in FIELDS if name in self.fields}


def _choose_by_uuid(form: forms.ModelForm, name: str, queryset: Any) -> None:  # type: ignore[type-arg]
    """A choice of related records by their UUID, with the saved one selected (the initial
    value a model form takes from its instance is the integer id, which no option has)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset, field.to_field_name = queryset, "uuid"
    if not form.is_bound:
        form.initial[name] = getattr(form.instance, name)


class CommitmentForm(Form):
    text = forms.CharField(label=_("Hva NAV skal gjøre"), max_length=300)
    deadline = forms.DateField(label=_("Frist"), widget=DATE, validators=[_sane_date])
    owner = forms.CharField(label=_("Ansvarlig i NAV"), max_length=160)
    revision = forms.IntegerField(widget=forms.HiddenInput)


class RevisionForm(Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class CancelForm(Form):
    reason = forms.ChoiceField(
        label=_("Hvorfor avbrytes avtalen?"),
        choices=[c for c in CancelReason.choices if c[0] != CancelReason.STALE],
    )
    note = forms.CharField(label=_("Utdyping"), required=False, max_length=500, widget=TEXT)
    revision = forms.IntegerField(widget=forms.HiddenInput)


class ChangeForm(_BoundedMixin, AkselFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A targeted change after conclusion: the kind, a reason, and the fields it touches."""

    kind = forms.ChoiceField(
        label=_("Hva endres?"), choices=[(k, label) for k, (label, _f) in CHANGE_KINDS.items()]
    )
    reason = forms.CharField(
        label=_("Begrunnelse"),
        required=False,
        max_length=500,
        widget=TEXT,
        help_text=_("Påkrevd når avtalen forkortes. Partene ser begrunnelsen."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)
    followup_forms = forms.MultipleChoiceField(
        label=_("Hvordan"),
        choices=FOLLOWUP_FORMS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = sorted({name for _label, names in CHANGE_KINDS.values() for name in names})
        widgets = {
            "end_on": DATE,
            "accommodations": TEXT,
            "followup_note": TEXT,
            "override_reason": TEXT,
        }

    def __init__(self, *args: Any, contacts: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_by_uuid(self, "employer_contact", contacts)
        _choose_by_uuid(self, "nav_contact", staff)
        self.order_fields(["kind", "reason"])

    def values(self) -> dict[str, Any]:
        names = CHANGE_KINDS[self.cleaned_data["kind"]][1]
        return {name: self.cleaned_data[name] for name in names}
