"""Who uses Jobbmatch, and which matches and match meetings they see."""

from __future__ import annotations

from django.db.models import QuerySet

from samspill.accounts.models import Role, User
from samspill.matching.models import Match, MatchMeeting, MatchStatus
from samspill.matching.transitions import SHOWN_TO_EMPLOYER
from samspill.policy.employers import EMPLOYER_EDITOR_ROLES
from samspill.policy.processes import may_change_process, processes_visible_to
from samspill.processes.models import InclusionProcess

#: Roles that use Jobbmatch: rankings, job carving, the pipeline, match meetings.
MATCHING_ROLES = frozenset({Role.ADVISOR, Role.MANAGER, Role.EMPLOYER_CONTACT})


def may_use_matching(user: User) -> bool:
    return user.is_active and user.role in MATCHING_ROLES


def may_carve_job(user: User, process: InclusionProcess) -> bool:
    """Given that ``user`` sees ``process``: may they carve a job for the person? Carving
    makes a draft opening at an employer and proposes it, so those who change the process
    may, and so do the staff who register and edit employers (the markedskontakt)."""
    return may_use_matching(user) and (
        may_change_process(user, process) or user.role in EMPLOYER_EDITOR_ROLES
    )


def may_change_match(user: User, status: str) -> bool:
    """Staff move matches; the jobseeker answers a suggestion presented to them (yes or
    no), the employer a presentation (meeting or no)."""
    if user.role in (Role.ADVISOR, Role.MANAGER):
        return True
    if user.role == Role.JOBSEEKER:
        return status == MatchStatus.PRESENTED_CANDIDATE
    return user.role == Role.EMPLOYER and status == MatchStatus.PRESENTED_EMPLOYER


def matches_visible_to(user: User) -> QuerySet[Match]:
    """Staff: matches of the processes they see. An employer: candidates presented to it,
    nothing about other employers. A jobseeker: their own, once presented to them."""
    if not user.is_active:
        return Match.objects.none()
    if user.role == Role.EMPLOYER:
        return Match.objects.filter(
            opening__workplace__employer_id=user.employer_id or 0, status__in=SHOWN_TO_EMPLOYER
        )
    matches = Match.objects.filter(process__in=processes_visible_to(user))
    if user.role == Role.JOBSEEKER:
        return matches.exclude(status=MatchStatus.SUGGESTED)
    return matches


def meetings_visible_to(user: User) -> QuerySet[MatchMeeting]:
    """The organiser's own meetings; advisors and managers: meetings for their office."""
    if not user.is_active:
        return MatchMeeting.objects.none()
    if user.role == Role.EMPLOYER_CONTACT:
        return MatchMeeting.objects.filter(organiser=user)
    if user.role in (Role.ADVISOR, Role.MANAGER) and user.office_id:
        return MatchMeeting.objects.filter(offices=user.office_id).distinct()
    return MatchMeeting.objects.none()
