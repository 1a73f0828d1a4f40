"""Loading an employer's workplaces, tasks, contact persons and openings for one user.

Everything starts from ``employer_get_for_user``, which applies the access policy and logs
a denied attempt; the record asked for is then looked up
*inside that employer* only. One that is not there is a 404 with a denied audit row, so a
workplace of another employer cannot be reached by putting its id under a visible one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject
from samspill.employers import selectors
from samspill.employers.models import ContactPerson, Employer, Opening, Task, Workplace
from samspill.policy.audit import deny
from samspill.policy.employers import EMPLOYER_EDITOR_ROLES, EMPLOYER_REGISTER_ROLES

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class EmployerAccess:
    employer: Employer
    can_change: bool


def employer_get_for_user(
    *, user: User, employer_id: UUID, purpose: Purpose, for_change: bool = False
) -> EmployerAccess:
    employer = policy.employers_visible_to(user).filter(uuid=employer_id).first()
    action = Action.CHANGE if for_change else Action.VIEW
    if employer is None:
        deny(
            user=user,
            subject=Subject("employer", employer_id),
            purpose=purpose,
            action=action,
            why=_("utenfor brukerens tilgang"),
            error=Http404(),
        )
    access = EmployerAccess(employer, policy.may_change_employer(user, employer))
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=Subject("employer", employer.uuid),
            purpose=purpose,
            action=action,
            why=_("rollen kan ikke endre arbeidsgivere"),
            error=PermissionDenied(),
        )
    return access


def employer_list_for_user(*, user: User) -> QuerySet[Employer]:
    """Employers are organisations, not people: listing them is not logged."""
    return (
        policy.employers_visible_to(user)
        .annotate(workplace_count=Count("workplaces", distinct=True))
        .order_by("name")
    )


def _one(
    queryset: QuerySet[M], *, uuid: UUID, kind: str, user: User, purpose: Purpose, for_change: bool
) -> M:
    found = queryset.filter(uuid=uuid).first()
    if found is None:
        deny(
            user=user,
            subject=Subject(kind, uuid),
            purpose=purpose,
            action=Action.CHANGE if for_change else Action.VIEW,
            why=_("finnes ikke hos arbeidsgiveren"),
            error=Http404(),
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
        deny(
            user=user,
            subject=Subject("opening", opening_id),
            purpose=purpose,
            action=Action.CHANGE if for_change else Action.VIEW,
            why=_("finnes ikke hos arbeidsgiveren"),
            error=Http404(),
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
        deny(
            user=user,
            subject=Subject("employer_contacts", access.employer.uuid),
            purpose=purpose,
            action=Action.CHANGE if for_change else Action.VIEW,
            why=_("bare NAV-ansatte ser kontaktloggen"),
            error=PermissionDenied(),
        )
    return access


def require_editor(*, user: User, purpose: Purpose, what: str) -> None:
    """Registering employers and importing are for advisors and employer contacts."""
    if user.role not in EMPLOYER_EDITOR_ROLES:
        deny(
            user=user,
            subject=Subject(what, None),
            purpose=purpose,
            action=Action.CHANGE,
            why=_("rollen kan ikke registrere arbeidsgivere"),
            error=PermissionDenied(),
        )
