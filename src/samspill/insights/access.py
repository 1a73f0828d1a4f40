"""Who sees Innsikt, and over which processes.

Managers see the figures of their office, narrowed to a team or an advisor there. The
pages show counts, rates and advisors' names, never a person: the processes are read
through ``accounts.access.process_aggregate_for_user`` (aggregates are not audit-logged),
and small cells are suppressed (``stats.py``). Anyone else is refused with 404 and a
denied audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from samspill.accounts.access import process_aggregate_for_user
from samspill.accounts.models import Office, Role, Team, User
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.processes.models import InclusionProcess


@dataclass(frozen=True)
class Scope:
    office: Office
    processes: QuerySet[InclusionProcess]
    teams: QuerySet[Team]
    advisors: QuerySet[User]
    team: Team | None = None
    advisor: User | None = None

    @property
    def label(self) -> str:
        if self.advisor is not None:
            return f"{self.advisor.display_name}, {self.office.name}"
        if self.team is not None:
            return f"{self.team.name}, {self.office.name}"
        return self.office.name


def may_see_insights(user: User) -> bool:
    return user.is_active and user.role == Role.MANAGER and user.office_id is not None


def scope_for_user(
    *,
    user: User,
    purpose: Purpose,
    team_id: UUID | None = None,
    advisor_id: UUID | None = None,
) -> Scope:
    if not may_see_insights(user):
        audit_record(
            actor=user,
            subject=Subject("insights", None),
            action=Action.VIEW,
            purpose=purpose,
            outcome=Outcome.DENIED,
            detail="bare ledere ser innsikt",
        )
        raise Http404
    office = user.office
    assert office is not None
    teams = Team.objects.filter(office=office).order_by("name")
    advisors = User.objects.filter(office=office, role=Role.ADVISOR, is_active=True).order_by(
        "last_name", "first_name"
    )
    team = teams.filter(uuid=team_id).first() if team_id else None
    advisor = advisors.filter(uuid=advisor_id).first() if advisor_id else None

    def narrow(processes: QuerySet[InclusionProcess]) -> QuerySet[InclusionProcess]:
        if team is not None:
            processes = processes.filter(team=team)
        if advisor is not None:
            processes = processes.filter(advisor=advisor)
        return processes

    processes = process_aggregate_for_user(user=user, aggregate=narrow)
    return Scope(office, processes, teams, advisors, team, advisor)


def offices_for_evaluation(*, user: User) -> QuerySet[Office]:
    """A pilot evaluation compares offices: a manager may choose any office, since only
    group means per office and period are shown (and small cells suppressed)."""
    return Office.objects.order_by("name")
