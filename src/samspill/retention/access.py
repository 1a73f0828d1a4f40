"""Who sees what retention has due: the office's manager, for their own office only.

Anyone else gets 404 (the page's existence is not revealed) and a denied audit row, as in
``accounts.access`` and ``insights.access``.
"""

from __future__ import annotations

from django.http import Http404

from samspill.accounts.models import Office, Role, User
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record


def may_see_retention(user: User) -> bool:
    return user.is_active and user.role == Role.MANAGER and user.office_id is not None


def office_for_user(*, user: User) -> Office:
    """The manager's own office, or 404 with a denied audit row."""
    if not may_see_retention(user) or user.office is None:
        audit_record(
            actor=user,
            subject=Subject("retention", None),
            action=Action.VIEW,
            purpose=Purpose.RETENTION,
            outcome=Outcome.DENIED,
            detail="bare ledere ser sletting og anonymisering",
        )
        raise Http404
    return user.office
