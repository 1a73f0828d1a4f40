"""The access policy: who may see and change which processes, candidates and employers.

This module only answers questions; it loads nothing on its own and logs nothing.
Views and the API never call it directly: they go through ``samspill.accounts.access``,
which loads records through these rules and writes the audit trail.

The rules (docs/access-policy.md explains why):

=================  ==========================================================  =========
role               processes visible                                          may change
=================  ==========================================================  =========
advisor            at their office, of their team, or where invited            yes
manager            at their office                                             yes
employer_contact   where invited (need to know)                                no
partner            where invited, while the invitation is open                 no
employer           placed with their own employer (until 12 weeks after the      no
                   end) or presented to it in Jobbmatch; only the fields the
                   candidate consented to share
jobseeker          their own                                                   no
admin              none (technical role: users, offices, teams)                no
=================  ==========================================================  =========
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from samspill.accounts.models import Role, User
from samspill.candidates.models import (
    ALL_FIELDS,
    SHAREABLE_WITH_EMPLOYER,
    Candidate,
    CandidateField,
)
from samspill.candidates.needs import NEED_CONSENT_PREFIX, NEED_TYPES
from samspill.employers.models import Employer
from samspill.matching.models import Match, MatchMeeting, MatchStatus
from samspill.matching.transitions import SHOWN_TO_EMPLOYER
from samspill.processes.models import InclusionProcess, ProcessMember
from samspill.rules import EMPLOYER_ACCESS_AFTER_END

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
#: Roles that work with employers as NAV staff and may see every employer.
EMPLOYER_REGISTER_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT, Role.MANAGER})
#: Roles that may register and edit employers and workplaces.
EMPLOYER_EDITOR_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT})


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


def may_read_audit_log(user: User, candidate: Candidate) -> bool:
    """Managers see the log of people served at their office; a jobseeker sees their own."""
    if user.role == Role.JOBSEEKER:
        return candidate.user_id == user.pk
    if user.role == Role.MANAGER and user.office_id is not None:
        return candidate.processes.filter(office_id=user.office_id).exists()
    return False


#: Roles that use Jobbmatch: rankings, job carving, the pipeline, match meetings.
MATCHING_ROLES = frozenset({Role.ADVISOR, Role.MANAGER, Role.EMPLOYER_CONTACT})


def may_use_matching(user: User) -> bool:
    return user.is_active and user.role in MATCHING_ROLES


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


#: Roles that see the full agreement; the others who can see the process see the
#: employer's one-page version (no need level, no NAV-internal reasons).
AGREEMENT_FULL_ROLES = frozenset({Role.ADVISOR, Role.MANAGER, Role.JOBSEEKER})


def agreement_employer_version_only(user: User) -> bool:
    """Given that ``user`` can see the process: do they see only the employer's version?"""
    return user.role not in AGREEMENT_FULL_ROLES
