"""Reads for processes that return aggregates or staff data, never a jobseeker's details."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from samspill.accounts.models import Office, User
from samspill.employers.models import Employer
from samspill.processes.models import InclusionProcess, Phase, PhaseChange, ProcessMember


@dataclass
class AdvisorPhaseRow:
    advisor: str
    counts: list[int] = field(default_factory=list)
    active: int = 0


def phase_counts_by_advisor(*, office: Office) -> list[AdvisorPhaseRow]:
    """Processes per advisor and phase at one office: the manager's overview (one query)."""
    rows: dict[int, AdvisorPhaseRow] = {}
    grouped = (
        InclusionProcess.objects.filter(office=office)
        .values("advisor_id", "advisor__first_name", "advisor__last_name", "phase")
        .annotate(n=Count("id"))
        .order_by("advisor__first_name", "advisor__last_name")
    )
    phases = list(Phase)
    for item in grouped:
        row = rows.setdefault(
            item["advisor_id"],
            AdvisorPhaseRow(
                advisor=f"{item['advisor__first_name']} {item['advisor__last_name']}",
                counts=[0] * len(phases),
            ),
        )
        row.counts[phases.index(Phase(item["phase"]))] = item["n"]
        if item["phase"] != Phase.CLOSED:
            row.active += item["n"]
    return list(rows.values())


def phase_counts_for_advisor(*, advisor: User) -> list[tuple[Phase, int]]:
    """How many of the advisor's own processes are in each phase (one query)."""
    processes = InclusionProcess.objects.filter(advisor=advisor)
    counts = dict(processes.values_list("phase").annotate(n=Count("id")).order_by())
    return [(phase, counts.get(phase, 0)) for phase in Phase]


def phase_history(*, process: InclusionProcess) -> QuerySet[PhaseChange]:
    return process.phase_changes.select_related("recorded_by").order_by("effective_on", "id")


def active_members(*, process: InclusionProcess) -> QuerySet[ProcessMember]:
    return process.members.filter(revoked_at__isnull=True).select_related("user")


def advisors_at(*, office: Office) -> QuerySet[User]:
    return office.staff.filter(role="advisor", is_active=True)


def inclusion_history(*, employer: Employer) -> list[tuple[Phase, int]]:
    """How many inclusion processes are with this employer now, per phase (counts only)."""
    processes = InclusionProcess.objects.filter(employer=employer)
    counts = dict(processes.values_list("phase").annotate(n=Count("id")).order_by())
    return [(phase, counts.get(phase, 0)) for phase in Phase]
