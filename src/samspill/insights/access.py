"""Who sees Innsikt, and over which processes.

Managers see the figures of their office, narrowed to a team or an advisor there. The
pages show counts, rates and advisors' names, never a person: the processes are read
through ``processes.access.process_aggregate_for_user`` (aggregates are not audit-logged),
and small cells are suppressed (``stats.py``). Anyone else is refused with 404 and a
denied audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from samspill.accounts.models import Office, Role, Team, User
from samspill.audit.models import Purpose
from samspill.audit.services import Subject
from samspill.insights.models import FidelityReview, Job
from samspill.policy.audit import deny
from samspill.processes.access import (
    ProcessAccess,
    process_aggregate_for_user,
    process_get_for_user,
)
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
        deny(
            user=user,
            subject=Subject("insights", None),
            purpose=purpose,
            why=_("bare ledere ser innsikt"),
        )
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


def reviews_for_user(*, user: User) -> QuerySet[FidelityReview]:
    """The fidelity reviews of the manager's office's teams, newest first."""
    if not may_see_insights(user):
        return FidelityReview.objects.none()
    return (
        FidelityReview.objects.filter(team__office_id=user.office_id or 0)
        .select_related("team")
        .prefetch_related("scores")
    )


def review_get_for_user(*, user: User, review_id: UUID) -> FidelityReview:
    review = reviews_for_user(user=user).filter(uuid=review_id).first()
    if review is None:
        deny(
            user=user,
            subject=Subject("fidelity_review", review_id),
            purpose=Purpose.CASE_WORK,
            why=_("utenfor brukerens tilgang"),
            error=Http404(),
        )
    return review


def team_for_review(*, user: User, team_id: UUID) -> Team:
    team = (
        Team.objects.filter(office_id=user.office_id or 0, uuid=team_id).first()
        if may_see_insights(user)
        else None
    )
    if team is None:
        deny(
            user=user,
            subject=Subject("team", team_id),
            purpose=Purpose.CASE_WORK,
            why=_("bare ledere ved kontoret"),
            error=Http404(),
        )
    return team


def team_processes(*, user: User, team: Team) -> QuerySet[InclusionProcess]:
    return process_aggregate_for_user(user=user, aggregate=lambda qs: qs.filter(team=team))


@dataclass(frozen=True)
class JobAccess:
    job: Job
    process: ProcessAccess


def job_get_for_user(*, user: User, job_id: UUID, for_change: bool = False) -> JobAccess:
    """A job through its process: the process's access rules and audit trail apply."""
    process_uuid = Job.objects.filter(uuid=job_id).values_list("process__uuid", flat=True).first()
    if process_uuid is None:
        deny(
            user=user,
            subject=Subject("job", job_id),
            purpose=Purpose.CASE_WORK,
            why=_("finnes ikke"),
            error=Http404(),
        )
    process = process_get_for_user(
        user=user, process_id=process_uuid, purpose=Purpose.CASE_WORK, for_change=for_change
    )
    job = Job.objects.select_related("process__candidate").get(uuid=job_id)
    return JobAccess(job, process)


def offices_for_evaluation(*, user: User) -> QuerySet[Office]:
    """A pilot evaluation compares offices: a manager may choose any office, since only
    group means per office and period are shown (and small cells suppressed)."""
    return Office.objects.order_by("name")
