"""Who sees what retention has due: the office's manager, for their own office only.

Anyone else gets 404 (the page's existence is not revealed) and a denied audit row, as in
``processes.access`` and ``insights.access`` (one ``policy.audit.deny``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from samspill.accounts.models import Office, Role, User
from samspill.audit.models import Purpose
from samspill.audit.services import Subject
from samspill.policy.audit import deny


def may_see_retention(user: User) -> bool:
    return user.is_active and user.role == Role.MANAGER and user.office_id is not None


def office_for_user(*, user: User) -> Office:
    """The manager's own office, or 404 with a denied audit row."""
    if not may_see_retention(user) or user.office is None:
        deny(
            user=user,
            subject=Subject("retention", None),
            purpose=Purpose.RETENTION,
            why=_("bare ledere ser sletting og anonymisering"),
        )
    return user.office
