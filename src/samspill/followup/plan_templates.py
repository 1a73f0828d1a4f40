"""Follow-up plan templates as data, built on the timings in ``samspill.rules``.

A plan starts from one of these and the advisor adjusts it with the parties. Offsets are
counted from the plan's start (the first day at work or in the work trial).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.followup.models import Form, PlanParty
from samspill.processes.models import Phase
from samspill.rules import (
    AFTER_HIRE_FOLLOWUP_MONTHS,
    CONTACT_AFTER_START,
    CONTACT_BEFORE_START,
    MONTHLY_CONTACT_INTERVAL,
    WEEKLY_CONTACT_PERIOD,
)

WEEK = timedelta(days=7)
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class ItemTemplate:
    label: str
    party: PlanParty
    form: Form
    first_due: timedelta  # from the start; negative means before it
    interval: timedelta | None = None  # None: once
    until: timedelta | None = None  # from the start; None: as long as the plan runs


@dataclass(frozen=True)
class PlanTemplate:
    code: str
    label: StrOrPromise
    phase: Phase
    description: str
    items: tuple[ItemTemplate, ...]
    minimum_months: int | None = None


def _core_items(*, before_start: bool) -> tuple[ItemTemplate, ...]:
    """IPS Sv12 for the jobseeker, and the monthly conversations of seed 003."""
    before = (
        (
            ItemTemplate(
                _("Samtale før oppstart"),
                PlanParty.JOBSEEKER,
                Form.MEETING,
                first_due=-ONE_DAY,
            ),
        )
        if before_start
        else ()
    )
    return (
        *before,
        ItemTemplate(
            _("Ukentlig kontakt første måned"),
            PlanParty.JOBSEEKER,
            Form.PHONE,
            first_due=CONTACT_AFTER_START.value,
            interval=WEEK,
            until=WEEKLY_CONTACT_PERIOD.value,
        ),
        ItemTemplate(
            _("Samtale med arbeidssøkeren"),
            PlanParty.JOBSEEKER,
            Form.MEETING,
            first_due=WEEKLY_CONTACT_PERIOD.value,
            interval=MONTHLY_CONTACT_INTERVAL.value,
        ),
        ItemTemplate(
            _("Oppfølging av arbeidsgiveren"),
            PlanParty.EMPLOYER,
            Form.VISIT,
            first_due=2 * WEEK,
            interval=MONTHLY_CONTACT_INTERVAL.value,
        ),
        ItemTemplate(
            _("Trekantsamtale på arbeidsplassen"),
            PlanParty.BOTH,
            Form.VISIT,
            first_due=WEEKLY_CONTACT_PERIOD.value,
            interval=MONTHLY_CONTACT_INTERVAL.value,
        ),
    )


TEMPLATES: dict[str, PlanTemplate] = {
    template.code: template
    for template in (
        PlanTemplate(
            code="work_trial",
            label=gettext_lazy("Arbeidspraksis / utprøving"),
            phase=Phase.TRIAL,
            description="Kontakt uka før oppstart og innen tre dager etter, ukentlig første "
            "måned og så månedlig med arbeidssøkeren, arbeidsgiveren og alle tre sammen.",
            items=_core_items(before_start=True),
        ),
        PlanTemplate(
            code="wage_subsidy",
            label=gettext_lazy("Ansettelse med lønnstilskudd"),
            phase=Phase.EMPLOYMENT,
            description="Som for utprøving, og oppfølgingen varer minst seks måneder.",
            items=_core_items(before_start=True),
            minimum_months=AFTER_HIRE_FOLLOWUP_MONTHS.value,
        ),
        PlanTemplate(
            code="after_hire",
            label=gettext_lazy("Oppfølging etter ansettelse"),
            phase=Phase.RETENTION,
            description="Jobbfastholdelse: ukentlig første måned, så månedlig så lenge "
            "personen ønsker det, minst seks måneder. Avsluttes bare med en begrunnelse.",
            items=_core_items(before_start=False),
            minimum_months=AFTER_HIRE_FOLLOWUP_MONTHS.value,
        ),
    )
}

TEMPLATE_CHOICES = [(t.code, t.label) for t in TEMPLATES.values()]

#: A single planned contact is done by a matching contact from this long before its date.
ONCE_WINDOW = CONTACT_BEFORE_START.value
