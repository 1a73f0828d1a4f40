from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import Office, Team, User
from samspill.employers.models import Employer
from samspill.insights.fidelity import ITEMS
from samspill.insights.models import JobEndReason
from samspill.insights.selectors.base import STAYED_LABEL
from samspill.lib.forms import Form

_DATE = forms.DateInput(attrs={"type": "date"})


class ScopeForm(Form):
    """Narrow the office's figures to a team or an advisor (GET)."""

    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        required=False,
        to_field_name="uuid",
        empty_label=_("Hele kontoret"),
    )
    advisor = forms.ModelChoiceField(
        label=_("Veileder"),
        queryset=User.objects.none(),
        required=False,
        to_field_name="uuid",
        empty_label=_("Alle veiledere"),
    )

    def __init__(
        self, *args: Any, teams: QuerySet[Team], advisors: QuerySet[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("team", teams), ("advisor", advisors)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset


class JobForm(Form):
    # Not required here: the service checks all of them at once, with clearer messages.
    kind_of_work = forms.CharField(label=_("Type arbeid"), max_length=120, required=False)
    employer = forms.ModelChoiceField(
        label=_("Arbeidsgiver"),
        queryset=Employer.objects.none(),
        required=False,
        to_field_name="uuid",
    )
    started_on = forms.DateField(label=_("Startet"), widget=_DATE, required=False)
    hours_per_week = forms.DecimalField(
        label=_("Timer per uke"), max_digits=3, decimal_places=1, required=False
    )
    hourly_wage = forms.DecimalField(
        label=_("Timelønn (kr)"), max_digits=7, decimal_places=2, required=False
    )
    permanent = forms.BooleanField(label=_("Fast ansatt"), required=False)
    competitive = forms.BooleanField(
        label=_("Ordinær jobb: åpen for alle, med vanlig lønn"), required=False, initial=True
    )
    subsidised = forms.BooleanField(label=_("Med lønnstilskudd"), required=False)

    def __init__(self, *args: Any, employers: QuerySet[Employer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["employer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = employers


class JobEndForm(Form):
    ended_on = forms.DateField(label=_("Sluttet"), widget=_DATE)
    end_reason = forms.ChoiceField(label=_("Hvorfor"), choices=JobEndReason.choices)


class FidelityReviewForm(Form):
    reviewed_on = forms.DateField(label=_("Dato for gjennomgangen"), widget=_DATE)
    reviewers = forms.CharField(label=_("Gjennomført av"), max_length=300)
    notes = forms.CharField(
        label=_("Oppsummering"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scores = [("", "–")] + [(str(n), str(n)) for n in range(1, 6)]
        for item in ITEMS:
            self.fields[f"score_{item.code}"] = forms.TypedChoiceField(
                label=f"{item.code} {item.label}",
                choices=scores,
                coerce=int,
                required=False,
                empty_value=None,
                help_text=f"5: {item.five}",
            )
            self.fields[f"notes_{item.code}"] = forms.CharField(
                label=_("Merknad"), required=False, max_length=2000
            )
            self.fields[f"evidence_{item.code}"] = forms.CharField(
                label=_("Grunnlag (dokumentasjon)"), required=False, max_length=2000
            )
        self.style_fields()

    def item_fields(self) -> list[tuple[Any, Any, Any, Any]]:
        return [
            (
                item,
                self[f"score_{item.code}"],
                self[f"notes_{item.code}"],
                self[f"evidence_{item.code}"],
            )
            for item in ITEMS
        ]


OUTCOMES = (
    ("job", _("Overgang til jobb")),
    ("trial", _("Fått arbeidsutprøving")),
    ("measure", _("Fått lønnstilskudd")),
    ("stayed", STAYED_LABEL),
)


class EvaluationForm(Form):
    pilot = forms.ModelMultipleChoiceField(
        label=_("Pilotkontorer"),
        queryset=Office.objects.none(),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
    )
    control = forms.ModelMultipleChoiceField(
        label=_("Kontrollkontorer"),
        queryset=Office.objects.none(),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
    )
    before_from = forms.DateField(label=_("Før: fra"), widget=_DATE)
    before_to = forms.DateField(label=_("Før: til"), widget=_DATE)
    after_from = forms.DateField(label=_("Etter: fra"), widget=_DATE)
    after_to = forms.DateField(label=_("Etter: til"), widget=_DATE)
    outcome = forms.ChoiceField(label=_("Utfall"), choices=OUTCOMES)

    def __init__(self, *args: Any, offices: QuerySet[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("pilot", "control"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = offices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if set(data.get("pilot", ())) & set(data.get("control", ())):
            self.add_error("control", _("Et kontor kan ikke være både pilot og kontroll."))
        for start, end, message in (
            ("before_from", "before_to", _("Før-perioden må slutte etter at den starter.")),
            ("after_from", "after_to", _("Etter-perioden må slutte etter at den starter.")),
        ):
            if start in data and end in data and data[start] > data[end]:
                self.add_error(end, message)
        if not self.errors and data["after_from"] <= data["before_to"]:
            self.add_error(
                "after_from", _("Etter-perioden må starte etter at før-perioden er slutt.")
            )
        return data
