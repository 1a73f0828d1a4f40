from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import Office
from samspill.employers.models import OpeningKind, OpeningPurpose, Task
from samspill.lib.forms import Form
from samspill.matching.models import DeclineReason, LineOutcome, MatchStatus


class ProposeForm(Form):
    override_reason = forms.CharField(
        label=_("Hvorfor foreslår du likevel?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bare nødvendig når kandidaten er utelukket av et krav."),
    )


class MoveForm(Form):
    to_status = forms.ChoiceField(label=_("Neste steg"), choices=())
    on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.ChoiceField(
        label=_("Årsak (når matchen avsluttes)"),
        choices=[("", "–"), *DeclineReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Merknad"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, statuses: list[MatchStatus], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_status"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.value, s.label) for s in statuses]


class AnswerForm(Form):
    """The jobseeker's or the employer's answer: one button per step, a note with the no."""

    to_status = forms.ChoiceField(choices=())
    note = forms.CharField(required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(
        self, *args: Any, statuses: list[MatchStatus], reason_required: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_status"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.value, s.label) for s in statuses]
        self.reason_required = reason_required
        label = _("Hvorfor ikke nå?") if reason_required else _("Vil du si hvorfor? (valgfritt)")
        self.fields["note"].label = self["note"].label = label  # styling bound it already

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        declined = data.get("to_status") == MatchStatus.DECLINED
        if declined and self.reason_required and not data.get("note", "").strip():
            self.add_error("note", _("Skriv kort hvorfor, så veilederen vet det."))
        return data


class TaskChoiceField(forms.ModelMultipleChoiceField[Task]):
    def label_from_instance(self, obj: Task) -> str:
        return gettext("%(name)s (%(number_format)s t/uke)") % {
            "name": obj.name,
            "number_format": number_format(obj.hours_per_week, 1),
        }


class CarveForm(Form):
    tasks = TaskChoiceField(
        label=_("Oppgaver i jobben"),
        queryset=Task.objects.none(),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
    )
    title = forms.CharField(label=_("Tittel på stillingen"), max_length=160)
    kind = forms.ChoiceField(label=_("Type"), choices=OpeningKind.choices)
    purpose = forms.ChoiceField(label=_("Formål"), choices=OpeningPurpose.choices)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, tasks: QuerySet[Task], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tasks"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = tasks


class MeetingForm(Form):
    title = forms.CharField(label=_("Tittel"), max_length=160)
    held_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    offices = forms.ModelMultipleChoiceField(
        label=_("Kontorer (området møtet gjelder)"),
        queryset=Office.objects.order_by("name"),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
    )
    candidates_per_opening = forms.IntegerField(
        label=_("Kandidater per stilling"), min_value=1, max_value=10, initial=3
    )


class OutcomeForm(Form):
    outcome = forms.ChoiceField(label=_("Utfall"), choices=LineOutcome.choices[1:])
    note = forms.CharField(label=_("Merknad"), required=False, max_length=500)
