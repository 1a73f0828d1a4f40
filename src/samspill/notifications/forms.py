from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.lib.forms import Form
from samspill.notifications.models import EmailMode


class PreferenceForm(Form):
    email_mode = forms.ChoiceField(label=_("Varsler på e-post"), choices=EmailMode.choices)
