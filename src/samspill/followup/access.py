"""Loading a process's follow-up records (plan items, commitments, concerns) for one user.

Everything starts from ``process_get_for_user`` (``samspill.accounts.access``), which applies
the access policy and writes the audit trail; the record asked for is then looked up *inside
that process* only, so an id from another process is a 404 with a denied audit row.
"""

from __future__ import annotations

from typing import NoReturn, TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from samspill.accounts.access import ProcessAccess, deny, process_get_for_user
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject
from samspill.candidates.presentation import Surface
from samspill.followup.models import Commitment, Concern, PlanItem

M = TypeVar("M", bound=Model)


def _deny(
    *, user: User, access: ProcessAccess, kind: str, uuid: UUID | None, why: str, error: Exception
) -> NoReturn:
    subject = Subject(kind, uuid, access.process.candidate.uuid)
    deny(
        user=user,
        subject=subject,
        purpose=Purpose.CASE_WORK,
        action=Action.CHANGE,
        why=why,
        error=error,
    )


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
        _deny(
            user=user,
            access=access,
            kind=kind,
            uuid=uuid,
            why="finnes ikke i forløpet",
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
        _deny(
            user=user,
            access=access,
            kind="concern",
            uuid=None,
            why="bare arbeidsgiveren melder fra her",
            error=PermissionDenied(),
        )
    return access


def concerns_reader_access(*, user: User, process_id: UUID, purpose: Purpose) -> ProcessAccess:
    """Who may read a process's employer concerns: NAV staff on it, and the employer."""
    access = process_get_for_user(user=user, process_id=process_id, purpose=purpose)
    if not access.can_change and user.role != Role.EMPLOYER:
        _deny(
            user=user,
            access=access,
            kind="concern",
            uuid=None,
            why="rollen ser ikke henvendelser fra arbeidsgiver",
            error=PermissionDenied(),
        )
    return access
