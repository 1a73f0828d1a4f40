"""Outcomes: people served and jobs started, time in work (Kaplan–Meier), the IPS quarterly
employment rate, and how soon people meet an employer and start a job."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from samspill.followup.models import EMPLOYER_PARTIES, Contact
from samspill.insights.models import Job
from samspill.insights.selectors.base import Processes, job_last_day
from samspill.insights.stats import Rate, Survival, kaplan_meier
from samspill.lib.dates import add_months
from samspill.processes.models import Phase, PhaseChange
from samspill.rules import FIRST_EMPLOYER_CONTACT_WITHIN


def retention(processes: Processes, today: date) -> Survival:
    """Kaplan–Meier time in work over the jobs of these processes (censored when still
    working or when the process ended with the person in work)."""
    duration = ExpressionWrapper(
        job_last_day(today) - F("started_on"), output_field=DurationField()
    )
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


#: The quarterly employment rate goes this many quarters back.
QUARTERS = 12


def outcomes_last_year(processes: Processes, today: date) -> Outcomes:
    """«Resultater siste 12 måneder»: the year up to and including today."""
    return outcomes(processes, today - timedelta(days=365), today)


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

    @property
    def rapid_days(self) -> int:
        """The limit of ``rapid``, from its rule."""
        return FIRST_EMPLOYER_CONTACT_WITHIN.value.days


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
