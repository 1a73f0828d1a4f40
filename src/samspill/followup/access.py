"""Loading a process's follow-up records (plan items, commitments, concerns) for one user.

Everything starts from ``process_get_for_user`` (``samspill.processes.access``), which applies
the access policy and writes the audit trail; the record asked for is then looked up *inside
that process* only, so an id from another process is a 404 with a denied audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import Role, Team, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record_many
from samspill.candidates.access import candidate_view
from samspill.candidates.presentation import CandidateView, Surface
from samspill.followup.models import Commitment, Concern, PlanItem
from samspill.followup.worklist import Line, build_worklist, worklist_processes
from samspill.policy.audit import deny
from samspill.processes.access import ProcessAccess, process_get_for_user, process_subject

M = TypeVar("M", bound=Model)


def followup_process_for_user(
    *, user: User, process_id: UUID, surface: frozenset[str] = Surface.ROW
) -> ProcessAccess:
    """The process, for NAV staff who follow it up (advisors and managers)."""
    return process_get_for_user(
        user=user,
        process_id=process_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
        surface=surface,
    )


def _one(queryset: QuerySet[M], *, user: User, access: ProcessAccess, kind: str, uuid: UUID) -> M:
    found = queryset.filter(uuid=uuid).first()
    if found is None:
        deny(
            user=user,
            subject=Subject(kind, uuid, access.process.candidate.uuid),
            purpose=Purpose.CASE_WORK,
            action=Action.CHANGE,
            why=_("finnes ikke i forløpet"),
            error=Http404(),
        )
    return found


def plan_item_for_user(
    *, user: User, process_id: UUID, item_id: UUID
) -> tuple[ProcessAccess, PlanItem]:
    access = followup_process_for_user(user=user, process_id=process_id)
    items = PlanItem.objects.filter(
        plan__process=access.process, removed_at__isnull=True
    ).select_related("plan")
    return access, _one(items, user=user, access=access, kind="plan_item", uuid=item_id)


def commitment_for_user(
    *, user: User, process_id: UUID, commitment_id: UUID
) -> tuple[ProcessAccess, Commitment]:
    access = followup_process_for_user(user=user, process_id=process_id)
    commitments = Commitment.objects.filter(process=access.process)
    return access, _one(
        commitments, user=user, access=access, kind="commitment", uuid=commitment_id
    )


def concern_for_user(
    *, user: User, process_id: UUID, concern_id: UUID
) -> tuple[ProcessAccess, Concern]:
    access = followup_process_for_user(user=user, process_id=process_id)
    concerns = Concern.objects.filter(process=access.process).select_related(
        "employer", "reported_by", "responded_by"
    )
    return access, _one(concerns, user=user, access=access, kind="concern", uuid=concern_id)


def concern_reporter_access(*, user: User, process_id: UUID) -> ProcessAccess:
    """The employer's own view of a process placed with them, to report a concern."""
    access = process_get_for_user(user=user, process_id=process_id, purpose=Purpose.EMPLOYER_PORTAL)
    if user.role != Role.EMPLOYER:
        deny(
            user=user,
            subject=Subject("concern", None, access.process.candidate.uuid),
            purpose=Purpose.CASE_WORK,
            action=Action.CHANGE,
            why=_("bare arbeidsgiveren melder fra her"),
            error=PermissionDenied(),
        )
    return access


def concerns_reader_access(*, user: User, process_id: UUID, purpose: Purpose) -> ProcessAccess:
    """Who may read a process's employer concerns: NAV staff on it, and the employer."""
    access = process_get_for_user(user=user, process_id=process_id, purpose=purpose)
    if not access.can_change and user.role != Role.EMPLOYER:
        deny(
            user=user,
            subject=Subject("concern", None, access.process.candidate.uuid),
            purpose=Purpose.CASE_WORK,
            action=Action.CHANGE,
            why=_("rollen ser ikke henvendelser fra arbeidsgiver"),
            error=PermissionDenied(),
        )
    return access


# -- «I dag»: the worklist ------------------------------------------------------------


@dataclass(frozen=True)
class WorklistRow:
    line: Line
    candidate: CandidateView


@dataclass(frozen=True)
class Worklist:
    rows: list[WorklistRow]
    total: int
    team: Team | None
    teams: list[Team]


#: Roles with a worklist: the advisor's own processes; the manager's office or one team.
WORKLIST_ROLES = frozenset({Role.ADVISOR, Role.MANAGER})


def worklist_for_user(*, user: User, team_id: UUID | None = None, limit: int = 200) -> Worklist:
    """«I dag»: what needs doing today on the processes the user follows up.

    An advisor gets their own processes, a manager the office's or one team's. The
    candidates named on the lines shown are logged (one bulk insert)."""
    if user.role not in WORKLIST_ROLES:
        deny(
            user=user,
            subject=Subject("worklist", None),
            purpose=Purpose.PORTFOLIO,
            action=Action.VIEW,
            why=_("rollen har ingen arbeidsliste"),
            error=Http404(),
        )
    scope = policy.processes_visible_to(user)
    team, teams = None, []
    if user.role == Role.ADVISOR:
        scope = scope.filter(advisor=user)
    else:
        teams = list(Team.objects.filter(office_id=user.office_id or 0).order_by("name"))
        if team_id is not None:
            team = next((t for t in teams if t.uuid == team_id), None)
            if team is None:
                deny(
                    user=user,
                    subject=Subject("team", team_id),
                    purpose=Purpose.PORTFOLIO,
                    action=Action.VIEW,
                    why=_("teamet er ikke ved lederens kontor"),
                    error=Http404(),
                )
            scope = scope.filter(team=team)
    today = timezone.localdate()
    lines = build_worklist(list(worklist_processes(scope, today)), today)
    views: dict[int, CandidateView] = {}
    rows = []
    for line in lines[:limit]:
        process = line.process
        if process.pk not in views:
            views[process.pk] = candidate_view(user, process.candidate, surface=Surface.ROW)
        rows.append(WorklistRow(line, views[process.pk]))
    shown = {row.line.process.pk: row.line.process for row in rows}
    audit_record_many(
        actor=user,
        subjects=[process_subject(process, views[pk]) for pk, process in shown.items()],
        action=Action.VIEW,
        purpose=Purpose.PORTFOLIO,
        detail=_("arbeidsliste i dag"),
    )
    return Worklist(rows=rows, total=len(lines), team=team, teams=teams)
