from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from samspill.accounts.models import User
from samspill.employers.models import Employer
from samspill.lib.forms import Form
from samspill.processes.models import EndReason, MemberRole, Phase, Referral
from samspill.processes.transitions import PHASES_WITH_EMPLOYER, allowed_next_phases


class PhaseChangeForm(Form):
    to_phase = forms.ChoiceField(label=_("Ny fase"))
    effective_on = forms.DateField(
        label=_("Gjelder fra"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Datoen endringen skjedde, ikke datoen du registrerer den."),
    )
    employer = forms.ModelChoiceField(
        label=_("Arbeidsgiver"),
        queryset=Employer.objects.none(),
        required=False,
    )
    reason = forms.CharField(
        label=_("Begrunnelse"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Påkrevd når forløpet avsluttes."),
    )

    def __init__(self, *args: Any, current_phase: str, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        phase_field = self.fields["to_phase"]
        assert isinstance(phase_field, forms.ChoiceField)
        # Ending has its own form with a reason («Avslutt løpet»), and so has reopening.
        phase_field.choices = [
            (p.value, p.label)
            for p in allowed_next_phases(current_phase)
            if Phase.CLOSED not in (p, current_phase)
        ]
        employer_field = self.fields["employer"]
        assert isinstance(employer_field, forms.ModelChoiceField)
        needing: list[StrOrPromise] = [
            str(p.label).lower() for p in Phase if p in PHASES_WITH_EMPLOYER
        ]
        employer_field.help_text = _("Påkrevd for %(phases)s.") % {
            "phases": get_text_list(needing, _("og"))
        }
        employer_field.queryset = employers
        employer_field.to_field_name = "uuid"


class InviteMemberForm(Form):
    user: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Hvem"), queryset=User.objects.none(), to_field_name="uuid"
    )
    role = forms.ChoiceField(label=_("Rolle i forløpet"), choices=MemberRole.choices)
    purpose = forms.CharField(
        label=_("Hva gjelder samarbeidet?"),
        max_length=300,
        help_text=_("F.eks. «Vurdering av hjelpemidler på arbeidsplassen»."),
    )

    def __init__(self, *args: Any, users: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user_field = self.fields["user"]
        assert isinstance(user_field, forms.ModelChoiceField)
        user_field.queryset = users
        user_field.label_from_instance = _user_label  # type: ignore[method-assign,assignment]


def _user_label(user: User) -> str:
    where = f", {user.organisation}" if user.organisation else ""
    return f"{user.display_name} – {user.get_role_display()}{where}"


class EndForm(Form):
    """«Avslutt løpet»: why, and when (``process_end``)."""

    reason = forms.ChoiceField(
        label=_("Hvorfor avsluttes forløpet?"),
        choices=[("", _("Velg")), *EndReason.choices],
        error_messages={"required": _("Velg hvorfor forløpet avsluttes.")},
    )
    other = forms.CharField(
        label=_("Hvis annet: skriv hvorfor"),
        required=False,
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ended_on = forms.DateField(
        label=_("Avsluttet fra"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Forløpet kan gjenåpnes senere; historikken beholdes."),
    )


class ProcessOpenForm(Form):
    """A process: where the person came from, when, whose, and what they want. No readiness
    questions: anyone who wants ordinary work may start (IPS zero exclusion)."""

    referral = forms.ChoiceField(
        label=_("Hvor kom personen fra?"),
        choices=[("", _("Velg")), *Referral.choices],
        error_messages={"required": _("Velg hvor personen kom fra.")},
    )
    started_on = forms.DateField(
        label=_("Startdato"), widget=forms.DateInput(attrs={"type": "date"})
    )
    advisor: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Veileder"), queryset=User.objects.none(), to_field_name="uuid"
    )
    wish = forms.CharField(
        label=_("Hva ønsker personen?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Med personens egne ord: hva slags arbeid, og hvorfor nå."),
    )

    def __init__(self, *args: Any, advisors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        advisor_field = self.fields["advisor"]
        assert isinstance(advisor_field, forms.ModelChoiceField)
        advisor_field.queryset = advisors
        advisor_field.label_from_instance = _display_name  # type: ignore[method-assign,assignment]


def _display_name(user: User) -> str:
    return user.display_name
