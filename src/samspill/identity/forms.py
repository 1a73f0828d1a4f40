from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import TokenScope
from samspill.lib.forms import AkselFormMixin, Form


class LoginForm(AkselFormMixin, AuthenticationForm):
    pass


class CodeForm(Form):
    code = forms.CharField(
        label=_("Engangskode"),
        max_length=20,
        help_text=_(
            "Sekssifret kode fra autentiseringsappen. Har du ikke telefonen, kan du skrive "
            "inn en av reservekodene dine."
        ),
        error_messages={"required": _("Skriv inn koden fra appen.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class EnrolForm(Form):
    code = forms.CharField(
        label=_("Kode fra appen"),
        max_length=10,
        help_text=_("Skriv inn de seks sifrene appen viser nå."),
        error_messages={"required": _("Skriv inn koden appen viser.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TokenForm(Form):
    name = forms.CharField(
        label=_("Navn på nøkkelen"),
        max_length=80,
        help_text=_("Hva nøkkelen skal brukes til, f.eks. «Rapport til fylket»."),
        error_messages={"required": _("Gi nøkkelen et navn, så du kjenner den igjen.")},
    )
    scope = forms.ChoiceField(
        label=_("Tilgang"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        help_text=_("Velg «Bare lese» hvis nøkkelen ikke skal endre noe."),
    )
