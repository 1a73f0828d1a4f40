"""Pilot evaluation: people served per office and period, and how many had the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from samspill.insights.models import Job
from samspill.insights.selectors.base import job_last_day
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
