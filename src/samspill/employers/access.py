"""Loading an employer's workplaces, tasks, contact persons and openings for one user.

Everything starts from ``employer_get_for_user`` (``samspill.accounts.access``), which
applies the access policy and logs a denied attempt; the record asked for is then looked up
*inside that employer* only. One that is not there is a 404 with a denied audit row, so a
workplace of another employer cannot be reached by putting its id under a visible one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn, TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from samspill.accounts.access import EmployerAccess, employer_get_for_user
from samspill.accounts.models import User
from samspill.accounts.policy import EMPLOYER_EDITOR_ROLES, EMPLOYER_REGISTER_ROLES
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.employers import selectors
from samspill.employers.models import ContactPerson, Employer, Opening, Task, Workplace

M = TypeVar("M", bound=Model)


def _deny(
    user: User, subject: Subject, purpose: Purpose, for_change: bool, why: str, error: Exception
) -> NoReturn:
    audit_record(
        actor=user,
        subject=subject,
        action=Action.CHANGE if for_change else Action.VIEW,
        purpose=purpose,
        outcome=Outcome.DENIED,
        detail=why,
    )
    raise error


def _one(
    queryset: QuerySet[M], *, uuid: UUID, kind: str, user: User, purpose: Purpose, for_change: bool
) -> M:
    found = queryset.filter(uuid=uuid).first()
    if found is None:
        _deny(
            user,
            Subject(kind, uuid),
            purpose,
            for_change,
            "finnes ikke hos arbeidsgiveren",
            Http404(),
        )
    return found


@dataclass(frozen=True)
class WorkplaceAccess:
    employer: Employer
    workplace: Workplace
    can_change: bool


def workplace_get_for_user(
    *,
    user: User,
    employer_id: UUID,
    workplace_id: UUID,
    purpose: Purpose,
    for_change: bool = False,
) -> WorkplaceAccess:
    access = employer_get_for_user(
        user=user, employer_id=employer_id, purpose=purpose, for_change=for_change
    )
    workplace = _one(
        access.employer.workplaces.all(),
        uuid=workplace_id,
        kind="workplace",
        user=user,
        purpose=purpose,
        for_change=for_change,
    )
    return WorkplaceAccess(access.employer, workplace, access.can_change)


def task_get_for_user(
    *, user: User, access: WorkplaceAccess, task_id: UUID, purpose: Purpose, for_change: bool
) -> Task:
    return _one(
        access.workplace.tasks.all(),
        uuid=task_id,
        kind="task",
        user=user,
        purpose=purpose,
        for_change=for_change,
    )


def contact_person_get_for_user(
    *,
    user: User,
    access: EmployerAccess,
    contact_person_id: UUID,
    purpose: Purpose,
    for_change: bool,
) -> ContactPerson:
    return _one(
        access.employer.contact_persons.all(),
        uuid=contact_person_id,
        kind="contact_person",
        user=user,
        purpose=purpose,
        for_change=for_change,
    )


@dataclass(frozen=True)
class OpeningAccess:
    employer: Employer
    opening: Opening
    can_change: bool


def opening_get_for_user(
    *,
    user: User,
    employer_id: UUID,
    opening_id: UUID,
    purpose: Purpose,
    for_change: bool = False,
) -> OpeningAccess:
    access = employer_get_for_user(
        user=user, employer_id=employer_id, purpose=purpose, for_change=for_change
    )
    opening = selectors.opening_detail(employer=access.employer, opening_id=opening_id)
    if opening is None:
        _deny(
            user,
            Subject("opening", opening_id),
            purpose,
            for_change,
            "finnes ikke hos arbeidsgiveren",
            Http404(),
        )
    return OpeningAccess(access.employer, opening, access.can_change)


def sees_contact_log(user: User) -> bool:
    """The log of visits and calls holds NAV's own notes: staff who work with employers only."""
    return user.role in EMPLOYER_REGISTER_ROLES


def sees_inclusion_history(user: User, employer: Employer) -> bool:
    """Counts of processes at the employer: NAV staff, and the employer's own users."""
    return sees_contact_log(user) or (
        user.employer_id is not None and user.employer_id == employer.pk
    )


def contact_log_access(
    *, user: User, employer_id: UUID, purpose: Purpose, for_change: bool = False
) -> EmployerAccess:
    """The employer, for reading or adding to its contact log; others get 403, logged."""
    access = employer_get_for_user(
        user=user, employer_id=employer_id, purpose=purpose, for_change=for_change
    )
    if not sees_contact_log(user):
        _deny(
            user,
            Subject("employer_contacts", access.employer.uuid),
            purpose,
            for_change,
            "bare NAV-ansatte ser kontaktloggen",
            PermissionDenied(),
        )
    return access


def require_editor(*, user: User, purpose: Purpose, what: str) -> None:
    """Registering employers and importing are for advisors and employer contacts."""
    if user.role not in EMPLOYER_EDITOR_ROLES:
        _deny(
            user,
            Subject(what, None),
            purpose,
            True,
            "rollen kan ikke registrere arbeidsgivere",
            PermissionDenied(),
        )
