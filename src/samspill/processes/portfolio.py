"""Min portefølje: the advisor's processes with filters, counts and sorting.

Filters narrow the queryset in the database; the counts for every filter come from one
aggregate query; so a page costs the same number of queries at 20 or 200 processes.

Whether a process has had any contact with an employer is follow-up's fact (its contact
log), and ``processes`` imports no feature app: the page that shows the portfolio passes
the expression in (``followup.selectors.has_employer_contact``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import Role
from samspill.candidates.models import AccommodationNeed, Benefit, NeedLevel
from samspill.candidates.presentation import review_cutoff
from samspill.lib.dates import add_months
from samspill.lib.forms import Form
from samspill.processes.models import InclusionProcess, Phase
from samspill.rules import YOUNG_AGE_LIMIT

#: The portfolio filters on need level, benefit, age and needs: only for roles that may see
#: all of those for every process in scope (others could learn unshared facts by filtering).
PORTFOLIO_ROLES = frozenset({Role.ADVISOR, Role.MANAGER})
ACTIVE = "aktive"
DAYS = {"90": 90, "180": 180, "365": 365}
SORTS = {
    "start": ("-started_on", "-id"),
    "eldst": ("started_on", "id"),
    "fase": ("phase_since", "id"),
    "navn": ("candidate__last_name", "candidate__first_name", "id"),
}


class PortfolioFilterForm(Form):
    fase = forms.ChoiceField(
        label=_("Fase"),
        required=False,
        choices=[(ACTIVE, _("Alle aktive")), *Phase.choices, ("alle", _("Alle, også avsluttede"))],
    )
    innsats = forms.ChoiceField(
        label=_("Innsatsbehov"), required=False, choices=[("", _("Alle")), *NeedLevel.choices]
    )
    ytelse = forms.ChoiceField(
        label=_("Ytelse"), required=False, choices=[("", _("Alle")), *Benefit.choices]
    )
    dager = forms.ChoiceField(
        label=_("Tid siden start"),
        required=False,
        choices=[
            ("", _("Uansett")),
            ("90", _("Mer enn 90 dager")),
            ("180", _("Mer enn 180 dager")),
            ("365", _("Mer enn ett år")),
        ],
    )
    unge = forms.BooleanField(label=_("Under 30 år"), required=False)
    behov = forms.BooleanField(label=_("Behov som bør gjennomgås"), required=False)
    uten_kontakt = forms.BooleanField(label=_("Ingen arbeidsgiverkontakt ennå"), required=False)
    sorter = forms.ChoiceField(
        label=_("Sorter etter"),
        required=False,
        choices=[
            ("start", _("Nyeste først")),
            ("eldst", _("Eldste først")),
            ("fase", _("Lengst i fasen")),
            ("navn", _("Etternavn")),
        ],
    )

    def filters(self) -> dict[str, Any]:
        """The valid filters; an invalid one falls back to its default, the rest still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return dict(self.cleaned_data)


@dataclass(frozen=True)
class Counts:
    phases: list[tuple[str, str, int]]
    active: int
    young: int
    needs_due: int
    long_running: int
    no_employer_contact: int


def _needs_due(today: date) -> Exists:
    return Exists(
        AccommodationNeed.objects.filter(
            candidate_id=OuterRef("candidate_id"), last_confirmed__lt=review_cutoff(today)
        )
    )


def _young(today: date) -> Q:
    return Q(candidate__birth_date__gt=add_months(today, -12 * YOUNG_AGE_LIMIT.value))


#: Builds a fresh ``Exists`` over a process (``OuterRef("pk")``): any employer contact?
EmployerContact = Callable[[], Exists]


def narrow(
    queryset: QuerySet[InclusionProcess],
    filters: dict[str, Any],
    today: date,
    *,
    employer_contact: EmployerContact,
) -> QuerySet[InclusionProcess]:
    phase = filters.get("fase") or ACTIVE
    if phase == ACTIVE:
        queryset = queryset.exclude(phase=Phase.CLOSED)
    elif phase in Phase.values:
        queryset = queryset.filter(phase=phase)
    if filters.get("innsats"):
        queryset = queryset.filter(candidate__need_level=filters["innsats"])
    if filters.get("ytelse"):
        queryset = queryset.filter(candidate__benefit=filters["ytelse"])
    if filters.get("dager") in DAYS:
        queryset = queryset.filter(started_on__lt=today - timedelta(days=DAYS[filters["dager"]]))
    if filters.get("unge"):
        queryset = queryset.filter(_young(today))
    if filters.get("behov"):
        queryset = queryset.filter(_needs_due(today))
    if filters.get("uten_kontakt"):
        queryset = queryset.filter(~employer_contact())
    return queryset.annotate(needs_due=_needs_due(today), employer_contact=employer_contact())


def ordering(filters: dict[str, Any]) -> tuple[str, ...]:
    return SORTS.get(filters.get("sorter") or "start", SORTS["start"])


def counts(
    queryset: QuerySet[InclusionProcess], today: date, *, employer_contact: EmployerContact
) -> Counts:
    """Counts for every filter over the given processes, in one query."""
    active = ~Q(phase=Phase.CLOSED)
    result = queryset.aggregate(
        **{f"phase_{phase}": Count("id", filter=Q(phase=phase)) for phase in Phase.values},
        active=Count("id", filter=active),
        young=Count("id", filter=active & _young(today)),
        needs_due=Count("id", filter=active & Q(_needs_due(today))),
        long_running=Count("id", filter=active & Q(started_on__lt=today - timedelta(days=180))),
        no_employer_contact=Count("id", filter=active & ~Q(employer_contact())),
    )
    return Counts(
        phases=[(phase.value, str(phase.label), result[f"phase_{phase}"]) for phase in Phase],
        active=result["active"],
        young=result["young"],
        needs_due=result["needs_due"],
        long_running=result["long_running"],
        no_employer_contact=result["no_employer_contact"],
    )
