"""The one refusal and the one purpose: how every access function logs a read it refuses,
and under which purpose a user's reads are logged."""

from __future__ import annotations

from typing import NoReturn

from django.http import Http404

from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record

#: The purpose of a read by role; NAV's advisors and managers (and anyone else) do case work.
#: The employer contact works with the employer side of a process they are invited into,
#: like a partner.
_PURPOSE_BY_ROLE: dict[str, Purpose] = {
    Role.EMPLOYER: Purpose.EMPLOYER_PORTAL,
    Role.JOBSEEKER: Purpose.OWN_DATA,
    Role.PARTNER: Purpose.PARTNER_WORK,
    Role.EMPLOYER_CONTACT: Purpose.PARTNER_WORK,
}


def purpose_for(user: User) -> Purpose:
    """Why ``user`` reads personal data on a page: the same person, the same purpose everywhere."""
    return _PURPOSE_BY_ROLE.get(user.role, Purpose.CASE_WORK)


def deny(
    *,
    user: User,
    subject: Subject,
    purpose: Purpose,
    action: Action = Action.VIEW,
    why: str,
    error: Exception | None = None,
) -> NoReturn:
    """Write the denied audit row, then refuse (404 unless ``error`` says otherwise)."""
    audit_record(
        actor=user,
        subject=subject,
        action=action,
        purpose=purpose,
        outcome=Outcome.DENIED,
        detail=why,
    )
    raise error if error is not None else Http404()


def fields_detail(fields: frozenset[str]) -> str:
    """The audit row's detail for a read: which fields were shown."""
    return "felt: " + (", ".join(sorted(fields)) or "ingen")
