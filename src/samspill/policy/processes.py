"""Who may see and change which inclusion processes (the table in ``samspill.policy``)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from samspill.accounts.models import Role, User
from samspill.matching.models import Match
from samspill.matching.transitions import SHOWN_TO_EMPLOYER
from samspill.processes.models import InclusionProcess, ProcessMember
from samspill.rules import EMPLOYER_ACCESS_AFTER_END


def _is_member(user: User) -> Exists:
    return Exists(
        ProcessMember.objects.filter(process=OuterRef("pk"), user=user, revoked_at__isnull=True)
    )


def _presented_to(employer_id: int) -> Exists:
    """A candidate who said yes and was presented to this employer (Jobbmatch)."""
    return Exists(
        Match.objects.filter(
            process=OuterRef("pk"),
            opening__workplace__employer_id=employer_id,
            status__in=SHOWN_TO_EMPLOYER,
        )
    )


def process_visibility(user: User) -> Q | None:
    """The filter on ``InclusionProcess`` for what ``user`` may see; ``None`` means nothing."""
    match user.role:
        case Role.ADVISOR:
            rule = Q(office_id=user.office_id) | Q(_is_member(user))
            return rule | Q(team_id=user.team_id) if user.team_id else rule
        case Role.MANAGER:
            return Q(office_id=user.office_id)
        case Role.EMPLOYER_CONTACT | Role.PARTNER:
            return Q(_is_member(user))
        case Role.EMPLOYER:
            if not user.employer_id:
                return None
            cutoff = timezone.localdate() - EMPLOYER_ACCESS_AFTER_END.value
            placed = Q(employer_id=user.employer_id) & (
                Q(ended_on__isnull=True) | Q(ended_on__gte=cutoff)
            )
            return placed | Q(_presented_to(user.employer_id))
        case Role.JOBSEEKER:
            return Q(candidate__user_id=user.pk)
    return None


def processes_visible_to(user: User) -> QuerySet[InclusionProcess]:
    if not user.is_active:
        return InclusionProcess.objects.none()
    rule = process_visibility(user)
    return (
        InclusionProcess.objects.none() if rule is None else InclusionProcess.objects.filter(rule)
    )


#: NAV's own staff: they see internal fields (override reasons, internal notes, who
#: edited a profile). Employers, partners and the jobseeker never do.
INTERNAL_ROLES = frozenset({Role.ADVISOR, Role.MANAGER, Role.EMPLOYER_CONTACT})


def may_see_internal(user: User) -> bool:
    return user.role in INTERNAL_ROLES


def may_change_process(user: User, process: InclusionProcess) -> bool:
    """Given that ``user`` can see ``process``: may they change it?"""
    return user.role in (Role.ADVISOR, Role.MANAGER)
