"""Which employers a user may see and change."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from samspill.accounts.models import Role, User
from samspill.employers.models import Employer
from samspill.policy.processes import processes_visible_to

#: Roles that work with employers as NAV staff and may see every employer.
EMPLOYER_REGISTER_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT, Role.MANAGER})
#: Roles that may register and edit employers and workplaces.
EMPLOYER_EDITOR_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT})


def employers_visible_to(user: User) -> QuerySet[Employer]:
    if not user.is_active:
        return Employer.objects.none()
    if user.role in EMPLOYER_REGISTER_ROLES:
        return Employer.objects.all()
    if user.role == Role.EMPLOYER:
        return Employer.objects.filter(pk=user.employer_id or 0)
    linked = processes_visible_to(user).filter(employer_id=OuterRef("pk"))
    return Employer.objects.filter(Exists(linked))


def may_change_employer(user: User, employer: Employer) -> bool:
    return user.role in EMPLOYER_EDITOR_ROLES
