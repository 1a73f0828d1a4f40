"""Which candidates, and which of their fields, a user may see; the agreement version they get."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from samspill.accounts.models import Role, User
from samspill.candidates.models import (
    ALL_FIELDS,
    SHAREABLE_WITH_EMPLOYER,
    Candidate,
    CandidateField,
)
from samspill.candidates.needs import NEED_CONSENT_PREFIX, NEED_TYPES
from samspill.policy.processes import processes_visible_to

#: Fields a partner (e.g. Hjelpemiddelsentralen) needs to work on a referral.
PARTNER_FIELDS = frozenset(
    {
        CandidateField.NAME,
        CandidateField.AGE,
        CandidateField.MUNICIPALITY,
        CandidateField.CONTACT,
        CandidateField.NEEDS,
    }
)


def may_change_candidate(user: User, candidate: Candidate) -> bool:
    """Given that ``user`` can see ``candidate``: may they change the kartlegging?"""
    return user.role in (Role.ADVISOR, Role.MANAGER)


def candidates_visible_to(user: User) -> QuerySet[Candidate]:
    """A candidate is visible through a visible process (every candidate has one)."""
    visible = processes_visible_to(user).filter(candidate_id=OuterRef("pk"))
    return Candidate.objects.filter(Exists(visible))


def consented_items(candidate: Candidate) -> frozenset[str]:
    """The newest consent; items that may never be shared are ignored even if named."""
    records = list(candidate.consents.all())  # newest first; prefetched on list pages
    if not records:
        return frozenset()
    return frozenset(
        item
        for item in records[0].items
        if item in SHAREABLE_WITH_EMPLOYER
        or (item.startswith(NEED_CONSENT_PREFIX) and item[len(NEED_CONSENT_PREFIX) :] in NEED_TYPES)
    )


def candidate_fields_for(user: User, candidate: Candidate) -> frozenset[str]:
    """Which items of ``candidate`` the user may see, given that they may see the candidate."""
    match user.role:
        case Role.ADVISOR | Role.MANAGER | Role.EMPLOYER_CONTACT | Role.JOBSEEKER:
            return ALL_FIELDS
        case Role.PARTNER:
            return PARTNER_FIELDS
        case Role.EMPLOYER:
            return consented_items(candidate)
    return frozenset()


def may_read_audit_log(user: User, candidate: Candidate) -> bool:
    """Managers see the log of people served at their office; a jobseeker sees their own."""
    if user.role == Role.JOBSEEKER:
        return candidate.user_id == user.pk
    if user.role == Role.MANAGER and user.office_id is not None:
        return candidate.processes.filter(office_id=user.office_id).exists()
    return False


#: Roles that see the full agreement; the others who can see the process see the
#: employer's one-page version (no need level, no NAV-internal reasons).
AGREEMENT_FULL_ROLES = frozenset({Role.ADVISOR, Role.MANAGER, Role.JOBSEEKER})


def agreement_employer_version_only(user: User) -> bool:
    """Given that ``user`` can see the process: do they see only the employer's version?"""
    return user.role not in AGREEMENT_FULL_ROLES
