"""The shared form base: Django's «---------» empty choice reads «Velg …» in every form."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.auth.models import Group

from samspill.lib.forms import Form


class _Sample(Form):
    group = forms.ModelChoiceField(queryset=Group.objects.all(), required=False)
    chosen_label = forms.ModelChoiceField(queryset=Group.objects.all(), empty_label="Alle")
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])


@pytest.mark.django_db
def test_the_empty_choice_is_named_in_bokmal() -> None:
    html = str(_Sample())
    assert "---------" not in html
    assert html.count(">Velg …</option>") == 2
    assert ">Alle</option>" in html  # a label the form chose itself is kept
