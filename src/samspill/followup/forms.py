from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.core.forms import Form
from samspill.employers.models import Employer
from samspill.followup.models import Form as ContactForm_
from samspill.followup.models import Party, Place


class ContactForm(Form):
    party = forms.ChoiceField(label=_("Med hvem"), choices=Party.choices)
    form = forms.ChoiceField(label=_("Form"), choices=ContactForm_.choices)
    place = forms.ChoiceField(label=_("Hvor"), choices=Place.choices)
    on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
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

    def __init__(self, *args: Any, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["employer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = employers
