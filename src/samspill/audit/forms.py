from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.lib.forms import Form


class PersonSearchForm(Form):
    q = forms.CharField(
        label=_("Navn på personen"),
        min_length=2,
        max_length=80,
        help_text=_("Skriv minst to bokstaver av fornavn eller etternavn."),
    )
