"""The equity monitor: rates per group for the four steps, each tested against the rest
of the office."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Case, CharField, Count, F, Q, Value, When
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.candidates.models import (
    AccommodationNeed,
    Benefit,
    Gender,
    NeedLevel,
    TimeOutsideWork,
)
from samspill.candidates.needs import TAXONOMY
from samspill.insights.models import Job
from samspill.insights.selectors.base import STAYED, STAYED_LABEL, Processes, job_last_day
from samspill.insights.stats import FLAG_ALPHA, Rate, adjusted, below, shown
from samspill.lib.dates import add_months
from samspill.matching.models import MatchStatus, MatchStep
from samspill.processes.models import Phase, PhaseChange
from samspill.rules import STAYED_IN_WORK_MONTHS, YOUNG_AGE_LIMIT

#: The four steps the monitor follows, in the order a process takes them. "Presented" counts
#: Jobbmatch presentations and anyone who got a trial or a job (they were presented too,
#: if outside Samspill).
STEPS = (
    ("presented", gettext_lazy("Presentert for arbeidsgiver")),
    ("trial", gettext_lazy("Fått arbeidsutprøving")),
    ("job", gettext_lazy("Fått jobb")),
    ("stayed", STAYED_LABEL),
)


@dataclass
class GroupRow:
    dimension: str
    group: str
    n: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    #: Denominator of "stayed": people whose first job started at least
    #: ``STAYED_IN_WORK_MONTHS`` ago.
    exposed: int = 0
    rates: dict[str, Rate] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    p_values: dict[str, float | None] = field(default_factory=dict)

    @property
    def people(self) -> str:
        """How many people, suppressed when small."""
        return shown(self.n)


@dataclass(frozen=True)
class Equity:
    office: GroupRow
    rows: list[GroupRow]


def _age_band(today: date) -> Case:
    def born_after(years: int) -> date:
        return add_months(today, -12 * years)

    young = YOUNG_AGE_LIMIT.value
    return Case(
        When(
            candidate__birth_date__gt=born_after(young),
            then=Value(gettext("under %(young)s år") % {"young": young}),
        ),
        When(
            candidate__birth_date__gt=born_after(40),
            then=Value(gettext("%(young)s–39 år") % {"young": young}),
        ),
        When(candidate__birth_date__gt=born_after(50), then=Value(gettext("40–49 år"))),
        default=Value(gettext("50 år eller eldre")),
        output_field=CharField(),
    )


_DIMENSIONS: dict[str, tuple[StrOrPromise, dict[str, str]]] = {
    "gender": (gettext_lazy("Kjønn"), {g.value: str(g.label) for g in Gender}),
    "need_level": (gettext_lazy("Innsatsbehov"), {n.value: str(n.label) for n in NeedLevel}),
    "benefit": (gettext_lazy("Ytelse"), {b.value: str(b.label) for b in Benefit}),
    "time_outside_work": (
        gettext_lazy("Tid utenfor arbeidslivet"),
        {t.value: str(t.label) for t in TimeOutsideWork},
    ),
}


def _age_labels() -> list[str]:
    young = YOUNG_AGE_LIMIT.value
    return [
        gettext("under %(young)s år") % {"young": young},
        gettext("%(young)s–39 år") % {"young": young},
        gettext("40–49 år"),
        gettext("50 år eller eldre"),
    ]


def _group_order() -> dict[tuple[str, str], tuple[int, int]]:
    """Dimensions in a fixed order, and groups in their own order (not alphabetical)."""
    dimensions: list[tuple[str, list[str]]] = [(gettext("Alder"), _age_labels())]
    dimensions += [
        (str(label), [*labels.values(), gettext("Ukjent")])
        for label, labels in _DIMENSIONS.values()
    ]
    dimensions.append((gettext("Behov for tilrettelegging"), [str(c.label) for c in TAXONOMY]))
    return {
        (dimension, group): (i, j)
        for i, (dimension, groups) in enumerate(dimensions)
        for j, group in enumerate(groups)
    }


def equity(processes: Processes, today: date) -> Equity:
    """Rates per group (age band, gender, need level, need category, benefit, time outside
    work) for the four steps, each tested against the rest of the office.

    One grouped query over every combination of the dimensions; the groups are its margins.
    The step flags are uncorrelated ``IN`` subqueries, which the database runs once.
    """
    stayed_from = add_months(today, -STAYED_IN_WORK_MONTHS.value)
    presented = MatchStep.objects.filter(to_status=MatchStatus.PRESENTED_EMPLOYER).values(
        "match__process_id"
    )
    trial = PhaseChange.objects.filter(to_phase=Phase.TRIAL).values("process_id")
    jobs = Job.objects.values("process_id")
    exposed = Job.objects.filter(started_on__lte=stayed_from).values("process_id")
    stayed = (
        Job.objects.filter(started_on__lte=stayed_from)
        .annotate(last=job_last_day(today))
        .filter(Q(last__gte=F("started_on") + STAYED))
        .values("process_id")
    )
    categories = {c.code: c for c in TAXONOMY}
    category_flags = {
        f"cat_{code}": Case(
            When(
                candidate_id__in=AccommodationNeed.objects.filter(
                    code__in=[n.code for n in category.needs]
                ).values("candidate_id"),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
        for code, category in categories.items()
    }
    keys = ["age", *[f"candidate__{d}" for d in _DIMENSIONS], *category_flags]
    cells = (
        processes.annotate(age=_age_band(today), **category_flags)
        .values(*keys)
        .annotate(
            n=Count("id"),
            presented=Count("id", filter=Q(pk__in=presented) | Q(pk__in=trial) | Q(pk__in=jobs)),
            trial=Count("id", filter=Q(pk__in=trial)),
            job=Count("id", filter=Q(pk__in=jobs)),
            exposed=Count("id", filter=Q(pk__in=exposed)),
            stayed=Count("id", filter=Q(pk__in=stayed)),
        )
        .order_by()
    )
    office = GroupRow(gettext("Alle"), gettext("Hele kontoret"))
    groups: dict[tuple[str, str], GroupRow] = {}

    def add(row: GroupRow, cell: dict[str, int]) -> None:
        row.n += cell["n"]
        row.exposed += cell["exposed"]
        for step, _ in STEPS:
            row.counts[step] = row.counts.get(step, 0) + cell[step]

    for cell in cells:
        add(office, cell)
        members = [(gettext("Alder"), cell["age"])]
        for name, (label, labels) in _DIMENSIONS.items():
            members.append((str(label), labels.get(cell[f"candidate__{name}"], gettext("Ukjent"))))
        for code, category in categories.items():
            if cell[f"cat_{code}"]:
                members.append((gettext("Behov for tilrettelegging"), category.label))
        for dimension, group in members:
            add(groups.setdefault((dimension, group), GroupRow(dimension, group)), cell)
    order = _group_order()
    rows = sorted(groups.values(), key=lambda r: order.get((r.dimension, r.group), (99, 99)))
    _rates_and_flags(office, rows)
    return Equity(office, rows)


def _denominator(row: GroupRow, step: str) -> int:
    return row.exposed if step == "stayed" else row.n


def _rates_and_flags(office: GroupRow, rows: list[GroupRow]) -> None:
    for row in [office, *rows]:
        row.rates = {
            step: Rate(row.counts.get(step, 0), _denominator(row, step)) for step, _ in STEPS
        }
    for step, _ in STEPS:
        p_values = []
        for row in rows:
            rest = Rate(
                office.counts.get(step, 0) - row.counts.get(step, 0),
                _denominator(office, step) - _denominator(row, step),
            )
            p_values.append(below(row.rates[step], rest))
        for row, p in zip(rows, adjusted(p_values), strict=True):
            row.p_values[step] = p
            row.flags[step] = p is not None and p < FLAG_ALPHA
