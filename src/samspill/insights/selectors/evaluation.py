"""Pilot evaluation: people served per office and period, and how many had the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.utils import timezone

from samspill.insights.models import Job
from samspill.insights.selectors.base import STAYED, job_last_day
from samspill.insights.stats import DidResult, Rate, did_regression
from samspill.processes.models import InclusionProcess, Phase, PhaseChange


def _outcome_filter(outcome: str, start: date, end: date) -> Q:
    """Which served processes had the outcome within the period (uncorrelated ``IN``)."""
    if outcome == "trial":
        rows = PhaseChange.objects.filter(to_phase=Phase.TRIAL, effective_on__range=(start, end))
        return Q(pk__in=rows.values("process_id"))
    jobs = Job.objects.filter(started_on__range=(start, end))
    if outcome == "measure":
        jobs = jobs.filter(subsidised=True)
    if outcome == "stayed":
        jobs = jobs.annotate(last=job_last_day(timezone.localdate())).filter(
            last__gte=F("started_on") + STAYED
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


def did_groups(cells: list[Cell]) -> dict[tuple[bool, bool], Rate]:
    """The share with the outcome per (pilot, after): the four means of the estimate."""
    groups: dict[tuple[bool, bool], Rate] = {}
    for pilot in (True, False):
        for after in (False, True):
            chosen = [c for c in cells if c.pilot == pilot and c.after == after]
            groups[(pilot, after)] = Rate(sum(c.k for c in chosen), sum(c.n for c in chosen))
    return groups


def did_estimate(cells: list[Cell]) -> DidResult:
    """The estimate from people's rows (one per person, rebuilt from the counts), clustered by
    office; every group and period needs at least one person (``did_groups``)."""
    y: list[float] = []
    p: list[bool] = []
    a: list[bool] = []
    o: list[int] = []
    for c in cells:
        y += [1.0] * c.k + [0.0] * (c.n - c.k)
        p += [c.pilot] * c.n
        a += [c.after] * c.n
        o += [c.office_id] * c.n
    return did_regression(y, p, a, o)
