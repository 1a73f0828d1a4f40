"""The figures of Innsikt, counted in the database over a set of processes.

Every function takes the processes a manager may see (``access.scope_for_user``) and returns
counts; the statistics are in ``stats.py``. Nothing loops over people in Python: rows are
grouped and counted by the database, so the pages answer quickly at a million processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from samspill.candidates.models import (
    AccommodationNeed,
    Benefit,
    Gender,
    NeedLevel,
    TimeOutsideWork,
)
from samspill.candidates.needs import TAXONOMY
from samspill.employers.models import ContactKind, EmployerContact
from samspill.followup.models import EMPLOYER_PARTIES, Concern, Contact, PlanItem
from samspill.followup.schedule import ContactFact, next_due
from samspill.insights.models import Job
from samspill.insights.stats import FLAG_ALPHA, Rate, Survival, adjusted, below, kaplan_meier
from samspill.lib.dates import add_months
from samspill.matching.models import MatchStatus, MatchStep
from samspill.processes.models import InclusionProcess, Phase, PhaseChange
from samspill.rules import FIRST_EMPLOYER_CONTACT_WITHIN, YOUNG_AGE_LIMIT

Processes = QuerySet[InclusionProcess]
ACTIVE = ~Q(phase=Phase.CLOSED)


def jobs_of(process: InclusionProcess) -> QuerySet[Job]:
    """A process's jobs, newest first, for its page."""
    return Job.objects.filter(process=process).select_related("employer")


# -- outcomes --------------------------------------------------------------------------------


def _job_end(today: date) -> Greatest:
    """When a job was last known to go on: its end, else the process's end, else today."""
    end = Coalesce("ended_on", "process__ended_on", Value(today), output_field=DateField())
    return Greatest(end, F("started_on"), output_field=DateField())


def retention(processes: Processes, today: date) -> Survival:
    """Kaplan–Meier time in work over the jobs of these processes (censored when still
    working or when the process ended with the person in work)."""
    duration = ExpressionWrapper(_job_end(today) - F("started_on"), output_field=DurationField())
    ended = Case(
        When(ended_on__isnull=False, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    rows = (
        Job.objects.filter(process__in=processes)
        .annotate(duration=duration, ended=ended)
        .values("duration", "ended")
        .annotate(n=Count("id"))
        .order_by()
    )
    data = [(row["duration"], row["ended"], row["n"]) for row in rows]
    return kaplan_meier(
        [d.days for d, _, _ in data], [bool(e) for _, e, _ in data], [n for _, _, n in data]
    )


@dataclass(frozen=True)
class Outcomes:
    served: int
    with_job: int
    job_starts: int
    competitive_starts: int
    subsidised_starts: int
    #: Completed work trials: shown, never counted as an outcome.
    completed_trials: int


def outcomes(processes: Processes, start: date, end: date) -> Outcomes:
    """People served in the period and what came of it; jobs started in the period."""
    served = processes.filter(started_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )
    jobs = Job.objects.filter(process__in=processes, started_on__range=(start, end)).aggregate(
        starts=Count("id"),
        competitive=Count("id", filter=Q(competitive=True)),
        subsidised=Count("id", filter=Q(subsidised=True)),
        people=Count("process", distinct=True),
    )
    trials = PhaseChange.objects.filter(
        process__in=processes, from_phase=Phase.TRIAL, effective_on__range=(start, end)
    ).count()
    return Outcomes(
        served=served.count(),
        with_job=jobs["people"],
        job_starts=jobs["starts"],
        competitive_starts=jobs["competitive"],
        subsidised_starts=jobs["subsidised"],
        completed_trials=trials,
    )


@dataclass(frozen=True)
class Quarter:
    label: str
    start: date
    end: date
    served: int = 0
    working: int = 0

    @property
    def rate(self) -> Rate:
        return Rate(self.working, self.served)


def quarters_back(today: date, count: int) -> list[Quarter]:
    """The last ``count`` whole or current quarters, oldest first."""
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    out = []
    for back in range(count - 1, -1, -1):
        start = add_months(first, -3 * back)
        end = add_months(start, 3) - timedelta(days=1)
        out.append(Quarter(f"{start.year} K{(start.month - 1) // 3 + 1}", start, end))
    return out


def employment_rate(processes: Processes, quarters: list[Quarter]) -> list[Quarter]:
    """The IPS quarterly employment rate: people who worked in a competitive job during the
    quarter, among those served in it who were out of work at entry (not "keep work")."""
    out_of_work = processes.exclude(candidate__main_goal="keep_work")
    served = out_of_work.aggregate(
        **{
            f"q{i}": Count(
                "id",
                filter=Q(started_on__lte=q.end)
                & (Q(ended_on__isnull=True) | Q(ended_on__gte=q.start)),
            )
            for i, q in enumerate(quarters)
        }
    )
    working = Job.objects.filter(process__in=out_of_work, competitive=True).aggregate(
        **{
            f"q{i}": Count(
                "process",
                distinct=True,
                filter=Q(started_on__lte=q.end)
                & (Q(ended_on__isnull=True) | Q(ended_on__gte=q.start)),
            )
            for i, q in enumerate(quarters)
        }
    )
    return [
        Quarter(q.label, q.start, q.end, served[f"q{i}"], working[f"q{i}"])
        for i, q in enumerate(quarters)
    ]


def _median_days(rows: Iterable[tuple[timedelta, int]]) -> float | None:
    """The median of a (days, how many) frequency table."""
    table = sorted((d.days, n) for d, n in rows if d is not None)
    total = sum(n for _, n in table)
    if not total:
        return None
    seen, half = 0, total / 2
    for days, n in table:
        seen += n
        if seen >= half:
            return float(days)
    return None


def _days_after_start(processes: Processes, first: Subquery) -> list[tuple[timedelta, int]]:
    delta = ExpressionWrapper(F("first") - F("started_on"), output_field=DurationField())
    rows = (
        processes.annotate(first=first)
        .filter(first__isnull=False)
        .annotate(days=delta)
        .values("days")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [(row["days"], row["n"]) for row in rows]


def _first_employer_contact(*, in_person: bool = False) -> Subquery:
    contacts = Contact.objects.filter(process=OuterRef("pk"), party__in=EMPLOYER_PARTIES)
    if in_person:
        contacts = contacts.filter(form__in=("meeting", "visit"))
    return Subquery(
        contacts.order_by().values("process").annotate(first=Min("on")).values("first")[:1]
    )


def _first_job() -> Subquery:
    jobs = Job.objects.filter(process=OuterRef("pk")).order_by().values("process")
    return Subquery(jobs.annotate(first=Min("started_on")).values("first")[:1])


@dataclass(frozen=True)
class Timings:
    days_to_employer_contact: float | None
    days_to_first_job: float | None
    #: IPS Sv4: first face-to-face employer contact within 30 days, among processes at least
    #: 30 days old.
    rapid: Rate


def timings(processes: Processes, today: date) -> Timings:
    limit = FIRST_EMPLOYER_CONTACT_WITHIN.value.days
    old_enough = processes.filter(started_on__lte=today - timedelta(days=limit))
    rapid = old_enough.annotate(first=_first_employer_contact(in_person=True)).aggregate(
        n=Count("id"),
        k=Count("id", filter=Q(first__lte=F("started_on") + timedelta(days=limit))),
    )
    return Timings(
        days_to_employer_contact=_median_days(
            _days_after_start(processes, _first_employer_contact())
        ),
        days_to_first_job=_median_days(_days_after_start(processes, _first_job())),
        rapid=Rate(rapid["k"], rapid["n"]),
    )


# -- caseload --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdvisorRow:
    advisor_id: int
    name: str
    active: int
    searching: int
    in_work: int
    employer_contacts_per_week: float
    job_starts: int


def caseload(processes: Processes, today: date, weeks: int = 8) -> list[AdvisorRow]:
    """Per advisor: active processes, face-to-face employer contacts per week (the last
    ``weeks`` weeks, from the employer contact log and the process contact log), job starts
    in the last year."""
    since = today - timedelta(weeks=weeks)
    rows = (
        processes.filter(ACTIVE)
        .values("advisor", "advisor__first_name", "advisor__last_name")
        .annotate(
            active=Count("id"),
            searching=Count("id", filter=Q(phase__in=(Phase.MAPPING, Phase.JOB_SEARCH))),
            in_work=Count("id", filter=Q(phase__in=(Phase.EMPLOYMENT, Phase.RETENTION))),
        )
        .order_by("advisor__last_name", "advisor__first_name")
    )
    advisors = [row["advisor"] for row in rows]
    visits = dict(
        EmployerContact.objects.filter(
            made_by__in=advisors,
            occurred_on__gt=since,
            kind__in=(ContactKind.VISIT, ContactKind.MEETING),
        )
        .values("made_by")
        .annotate(n=Count("id"))
        .values_list("made_by", "n")
    )
    in_person = dict(
        Contact.objects.filter(
            process__in=processes,
            logged_by__in=advisors,
            on__gt=since,
            party__in=EMPLOYER_PARTIES,
            form__in=("meeting", "visit"),
        )
        .values("logged_by")
        .annotate(n=Count("id"))
        .values_list("logged_by", "n")
    )
    starts = dict(
        Job.objects.filter(process__in=processes, started_on__gt=today - timedelta(days=365))
        .values("process__advisor")
        .annotate(n=Count("id"))
        .values_list("process__advisor", "n")
    )
    return [
        AdvisorRow(
            advisor_id=row["advisor"],
            name=f"{row['advisor__first_name']} {row['advisor__last_name']}",
            active=row["active"],
            searching=row["searching"],
            in_work=row["in_work"],
            employer_contacts_per_week=(
                visits.get(row["advisor"], 0) + in_person.get(row["advisor"], 0)
            )
            / weeks,
            job_starts=starts.get(row["advisor"], 0),
        )
        for row in rows
    ]


# -- follow-up as planned -------------------------------------------------------------------


@dataclass
class FollowupFigures:
    """Planned contacts on schedule today, per party, and concerns answered in time."""

    #: Plan party → (on schedule, all items still running).
    on_schedule: dict[str, Rate]
    #: Advisor → plan party → rate.
    by_advisor: dict[int, dict[str, Rate]]
    concerns_in_time: Rate
    concerns_open_late: int


def followup_figures(processes: Processes, today: date) -> FollowupFigures:
    """Every running item of the active follow-up plans is either on schedule (its next
    contact is due today or later) or overdue; the due dates come from the same schedule
    the worklist uses (``followup.schedule``), so the two always agree. Concerns count as
    in time when answered by their response deadline; unanswered ones past it count
    against."""
    items = PlanItem.objects.filter(
        plan__process__in=processes, plan__ended_on__isnull=True, removed_at__isnull=True
    ).values_list(
        "pk",
        "party",
        "form",
        "first_due_on",
        "interval_days",
        "ends_on",
        "plan__starts_on",
        "plan__process_id",
        "plan__process__advisor_id",
    )
    facts: dict[int, list[ContactFact]] = {}
    latest = (
        Contact.objects.filter(process__in=processes, process__followup_plans__ended_on=None)
        .values("process_id", "party", "form", "plan_item_id")
        .annotate(last=Max("on"))
        .order_by()
    )
    for row in latest:
        facts.setdefault(row["process_id"], []).append(
            ContactFact(row["party"], row["form"], row["last"], row["plan_item_id"])
        )
    counts: dict[tuple[int, str], list[int]] = {}
    for pk, party, form, first, interval, ends, starts, process_id, advisor_id in items:
        item = _Item(pk, party, form, first, interval, ends)
        due = next_due(item, plan_starts_on=starts, contacts=facts.get(process_id, []))
        if due is None:  # finished
            continue
        cell = counts.setdefault((advisor_id, party), [0, 0])
        cell[0] += due >= today
        cell[1] += 1
    totals: dict[str, list[int]] = {}
    by_advisor: dict[int, dict[str, Rate]] = {}
    for (advisor_id, party), (ok, n) in counts.items():
        by_advisor.setdefault(advisor_id, {})[party] = Rate(ok, n)
        total = totals.setdefault(party, [0, 0])
        total[0] += ok
        total[1] += n
    concerns = Concern.objects.filter(process__in=processes).aggregate(
        in_time=Count("id", filter=Q(responded_at__date__lte=F("respond_by"))),
        answered=Count("id", filter=Q(responded_at__isnull=False)),
        open_late=Count("id", filter=Q(responded_at__isnull=True, respond_by__lt=today)),
    )
    return FollowupFigures(
        on_schedule={party: Rate(ok, n) for party, (ok, n) in totals.items()},
        by_advisor=by_advisor,
        concerns_in_time=Rate(concerns["in_time"], concerns["answered"] + concerns["open_late"]),
        concerns_open_late=concerns["open_late"],
    )


@dataclass
class _Item:
    pk: int
    party: str
    form: str
    first_due_on: date
    interval_days: int | None
    ends_on: date | None


# -- the equity monitor ----------------------------------------------------------------------

#: The four steps the monitor follows, in the order a process takes them. "Presented" counts
#: Jobbmatch presentations and anyone who got a trial or a job (they were presented too,
#: if outside Samspill).
STEPS = (
    ("presented", "Presentert for arbeidsgiver"),
    ("trial", "Fått arbeidsutprøving"),
    ("job", "Fått jobb"),
    ("stayed", "I jobb etter 6 måneder"),
)


@dataclass
class GroupRow:
    dimension: str
    group: str
    n: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    #: Denominator of "stayed": people whose first job started at least 6 months ago.
    exposed: int = 0
    rates: dict[str, Rate] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    p_values: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Equity:
    office: GroupRow
    rows: list[GroupRow]


def _age_band(today: date) -> Case:
    def born_after(years: int) -> date:
        return add_months(today, -12 * years)

    young = YOUNG_AGE_LIMIT.value
    return Case(
        When(candidate__birth_date__gt=born_after(young), then=Value(f"under {young} år")),
        When(candidate__birth_date__gt=born_after(40), then=Value(f"{young}–39 år")),
        When(candidate__birth_date__gt=born_after(50), then=Value("40–49 år")),
        default=Value("50 år eller eldre"),
        output_field=CharField(),
    )


_DIMENSIONS: dict[str, tuple[str, dict[str, str]]] = {
    "gender": ("Kjønn", {g.value: str(g.label) for g in Gender}),
    "need_level": ("Innsatsbehov", {n.value: str(n.label) for n in NeedLevel}),
    "benefit": ("Ytelse", {b.value: str(b.label) for b in Benefit}),
    "time_outside_work": (
        "Tid utenfor arbeidslivet",
        {t.value: str(t.label) for t in TimeOutsideWork},
    ),
}


def _age_labels() -> list[str]:
    young = YOUNG_AGE_LIMIT.value
    return [f"under {young} år", f"{young}–39 år", "40–49 år", "50 år eller eldre"]


def _group_order() -> dict[tuple[str, str], tuple[int, int]]:
    """Dimensions in a fixed order, and groups in their own order (not alphabetical)."""
    dimensions: list[tuple[str, list[str]]] = [("Alder", _age_labels())]
    dimensions += [(label, [*labels.values(), "Ukjent"]) for label, labels in _DIMENSIONS.values()]
    dimensions.append(("Behov for tilrettelegging", [c.label for c in TAXONOMY]))
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
    six_months_ago = add_months(today, -6)
    presented = MatchStep.objects.filter(to_status=MatchStatus.PRESENTED_EMPLOYER).values(
        "match__process_id"
    )
    trial = PhaseChange.objects.filter(to_phase=Phase.TRIAL).values("process_id")
    jobs = Job.objects.values("process_id")
    exposed = Job.objects.filter(started_on__lte=six_months_ago).values("process_id")
    stayed = (
        Job.objects.filter(started_on__lte=six_months_ago)
        .annotate(last=_job_end(today))
        .filter(Q(last__gte=F("started_on") + timedelta(days=182)))
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
    office = GroupRow("Alle", "Hele kontoret")
    groups: dict[tuple[str, str], GroupRow] = {}

    def add(row: GroupRow, cell: dict[str, int]) -> None:
        row.n += cell["n"]
        row.exposed += cell["exposed"]
        for step, _ in STEPS:
            row.counts[step] = row.counts.get(step, 0) + cell[step]

    for cell in cells:
        add(office, cell)
        members = [("Alder", cell["age"])]
        for name, (label, labels) in _DIMENSIONS.items():
            members.append((label, labels.get(cell[f"candidate__{name}"], "Ukjent")))
        for code, category in categories.items():
            if cell[f"cat_{code}"]:
                members.append(("Behov for tilrettelegging", category.label))
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


# -- pilot evaluation ------------------------------------------------------------------------


def _outcome_filter(outcome: str, start: date, end: date) -> Q:
    """Which served processes had the outcome within the period (uncorrelated ``IN``)."""
    if outcome == "trial":
        rows = PhaseChange.objects.filter(to_phase=Phase.TRIAL, effective_on__range=(start, end))
        return Q(pk__in=rows.values("process_id"))
    jobs = Job.objects.filter(started_on__range=(start, end))
    if outcome == "measure":
        jobs = jobs.filter(subsidised=True)
    if outcome == "stayed":
        jobs = jobs.annotate(last=_job_end(timezone.localdate())).filter(
            last__gte=F("started_on") + timedelta(days=182)
        )
    return Q(pk__in=jobs.values("process_id"))


@dataclass(frozen=True)
class Cell:
    office_id: int
    pilot: bool
    after: bool
    n: int
    k: int


def did_cells(
    offices: dict[int, bool], periods: dict[bool, tuple[date, date]], outcome: str
) -> list[Cell]:
    """People served per office and period, and how many had the outcome in that period."""
    cells = []
    for after, (start, end) in periods.items():
        served = InclusionProcess.objects.filter(
            office_id__in=list(offices), started_on__lte=end
        ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        rows = (
            served.values("office_id")
            .annotate(n=Count("id"), k=Count("id", filter=_outcome_filter(outcome, start, end)))
            .order_by("office_id")
        )
        cells += [
            Cell(row["office_id"], offices[row["office_id"]], after, row["n"], row["k"])
            for row in rows
        ]
    return cells
