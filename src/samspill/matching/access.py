"""Loading Jobbmatch records for one user: rankings, matches and match meetings.

Built on the access policy (``samspill.policy``) and written like ``processes.access``:
every display of a person is audit-logged, every refusal is logged and answered with 404
(not visible) or 403 (visible, not changeable). A ranked candidate the user may not see
appears only by initials, age group and their advisor, so the participant knows whom to
ask ("until their advisor shares them").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from samspill import policy
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record, audit_record_many
from samspill.candidates.access import candidate_view
from samspill.candidates.models import CandidateField, ConsentRecord
from samspill.candidates.presentation import CandidateView, Surface, may_explain
from samspill.employers.models import Opening, Workplace
from samspill.lib.dates import age_on
from samspill.matching.adapter import searching_processes
from samspill.matching.models import Match, MatchMeeting, MeetingLine
from samspill.policy.audit import deny
from samspill.processes.access import ProcessAccess, process_get_for_user
from samspill.processes.models import InclusionProcess
from samspill.rules import SMALL_NUMBER_LIMIT, YOUNG_AGE_LIMIT


def require_matching(user: User, subject: Subject, purpose: Purpose) -> None:
    if not policy.may_use_matching(user):
        deny(
            user=user,
            subject=subject,
            purpose=purpose,
            why=gettext("rollen bruker ikke jobbmatch"),
            error=Http404(),
        )


def opening_for_matching(*, user: User, opening_id: UUID, purpose: Purpose) -> Opening:
    """An opening to rank candidates for (openings are the employer's, not a person's)."""
    require_matching(user, Subject("opening", opening_id), purpose)
    opening = (
        Opening.objects.select_related("workplace__employer")
        .prefetch_related("tasks")
        .filter(uuid=opening_id)
        .first()
    )
    if opening is None:
        deny(
            user=user,
            subject=Subject("opening", opening_id),
            purpose=purpose,
            why=gettext("finnes ikke"),
            error=Http404(),
        )
    return opening


def workplace_for_matching(*, user: User, workplace_id: UUID, purpose: Purpose) -> Workplace:
    require_matching(user, Subject("workplace", workplace_id), purpose)
    workplace = (
        Workplace.objects.filter(employer__in=policy.employers_visible_to(user), uuid=workplace_id)
        .select_related("employer")
        .first()
    )
    if workplace is None:
        deny(
            user=user,
            subject=Subject("workplace", workplace_id),
            purpose=purpose,
            why=gettext("finnes ikke"),
            error=Http404(),
        )
    return workplace


def process_for_matching(
    *, user: User, process_id: UUID, purpose: Purpose, for_change: bool = False
) -> ProcessAccess:
    require_matching(user, Subject("process", process_id), purpose)
    return process_get_for_user(
        user=user, process_id=process_id, purpose=purpose, for_change=for_change
    )


def process_for_carving(*, user: User, process_id: UUID, purpose: Purpose) -> ProcessAccess:
    """A process to carve a job for: seen by the user, who may carve (``may_carve_job``)."""
    process_access = process_for_matching(user=user, process_id=process_id, purpose=purpose)
    if not policy.may_carve_job(user, process_access.process):
        deny(
            user=user,
            subject=Subject("process", process_id),
            purpose=purpose,
            action=Action.CHANGE,
            why=gettext("rollen kan ikke snekre jobber"),
            error=PermissionDenied(),
        )
    return process_access


def age_group(age: int) -> str:
    if age < YOUNG_AGE_LIMIT.value:
        return gettext("under %(value)s år") % {"value": YOUNG_AGE_LIMIT.value}
    if age >= 60:
        return gettext("60 år eller eldre")
    low = age // 10 * 10
    return gettext("%(low)s–%(high)s år") % {"low": low, "high": low + 9}


@dataclass(frozen=True)
class MaskedCandidate:
    """Someone outside the viewer's access: only what cannot single them out.

    Initials and age group are shown only when at least ``SMALL_NUMBER_LIMIT`` searching
    candidates of the same advisor share them (so the row fits five people or more); the
    advisor is named so the viewer knows whom to ask."""

    initials: str | None
    age_group: str | None
    advisor_name: str
    office_name: str

    @property
    def label(self) -> str:
        parts = [
            self.initials or gettext("Kandidat"),
            f"({self.age_group})" if self.age_group else "",
        ]
        return " ".join(part for part in parts if part)

    @property
    def shown(self) -> frozenset[str]:
        items = {CandidateField.NAME} if self.initials else set()
        return frozenset(items | ({CandidateField.AGE} if self.age_group else set()))


@dataclass(frozen=True)
class RankedCandidate:
    """One ranked candidate as this user may see them: in full, or masked."""

    candidate_id: int
    access: ProcessAccess | None
    masked: MaskedCandidate | None
    #: The explanation draws on the whole profile: only for a viewer granted all of it.
    explained: bool = False

    @property
    def shown(self) -> frozenset[str]:
        if self.access is not None:
            explanation = Surface.EXPLANATION if self.explained else frozenset()
            return self.access.candidate.shown | explanation
        return self.masked.shown if self.masked is not None else frozenset()


def _initials(first_name: str, last_name: str) -> str:
    return f"{first_name[:1]}. {last_name[:1]}."


def _masks(processes: Iterable[InclusionProcess]) -> dict[int, MaskedCandidate]:
    """Masked rows for these processes, each keyed by candidate id (one query)."""
    processes = list(processes)
    if not processes:
        return {}
    today, limit = timezone.localdate(), SMALL_NUMBER_LIMIT.value
    groups: Counter[tuple[int, str]] = Counter()
    named: Counter[tuple[int, str, str]] = Counter()
    peers = searching_processes().filter(advisor_id__in={p.advisor_id for p in processes})
    for advisor_id, born, first, last in peers.values_list(
        "advisor_id", "candidate__birth_date", "candidate__first_name", "candidate__last_name"
    ):
        group = age_group(age_on(born, today))
        groups[advisor_id, group] += 1
        named[advisor_id, group, _initials(first, last)] += 1
    masks = {}
    for process in processes:
        candidate = process.candidate
        group = age_group(candidate.age_on(today))
        initials = _initials(candidate.first_name, candidate.last_name)
        masks[process.candidate_id] = MaskedCandidate(
            initials=initials if named[process.advisor_id, group, initials] >= limit else None,
            age_group=group if groups[process.advisor_id, group] >= limit else None,
            advisor_name=process.advisor.display_name,
            office_name=process.office.name,
        )
    return masks


def _newest_by_candidate(processes: Iterable[InclusionProcess]) -> dict[int, InclusionProcess]:
    found: dict[int, InclusionProcess] = {}
    for process in processes:
        found.setdefault(process.candidate_id, process)
    return found


def ranked_candidates_for_user(
    *, user: User, candidate_ids: Sequence[int], purpose: Purpose, explained: bool = True
) -> dict[int, RankedCandidate]:
    """The candidates of a ranking; the shown ones are logged, masked ones as such.

    ``explained``: the surface shows each score's explanation (rankings do, a meeting's
    agenda does not), to those granted everything it draws on."""
    ids = list(dict.fromkeys(candidate_ids))
    visible = _newest_by_candidate(
        policy.processes_visible_to(user)
        .filter(candidate_id__in=ids)
        .exclude(phase="closed")
        .select_related("candidate", "advisor", "office")
        .prefetch_related("candidate__consents")
        .order_by("-started_on", "-id")
    )
    others = _newest_by_candidate(
        searching_processes()
        .filter(candidate_id__in=[i for i in ids if i not in visible])
        .select_related("candidate", "advisor", "office")
        .order_by("-started_on", "-id")
    )
    rows: dict[int, RankedCandidate] = {}
    masks = _masks(others.values())
    for candidate_id in ids:
        if process := visible.get(candidate_id):
            view = candidate_view(user, process.candidate, surface=Surface.ROW)
            can_change = policy.may_change_process(user, process)
            granted = policy.candidate_fields_for(user, process.candidate)
            rows[candidate_id] = RankedCandidate(
                candidate_id,
                ProcessAccess(process, view, can_change),
                None,
                explained and may_explain(granted),
            )
        elif process := others.get(candidate_id):
            rows[candidate_id] = RankedCandidate(candidate_id, None, masks[candidate_id])
    for shown, detail in (
        (visible, "jobbmatch"),
        (
            others,
            gettext("jobbmatch: maskert (initialer og aldersgruppe bare når minst fem deler dem)"),
        ),
    ):
        audit_record_many(
            actor=user,
            subjects=[
                Subject("process", p.uuid, p.candidate.uuid, rows[p.candidate_id].shown)
                for p in shown.values()
            ],
            action=Action.VIEW,
            purpose=purpose,
            detail=detail,
        )
    return rows


@dataclass(frozen=True)
class MatchAccess:
    match: Match
    candidate: CandidateView
    can_change: bool
    #: NAV staff see the override reason and the notes on each step; no one else does.
    internal: bool


def _matches_visible_to(user: User) -> QuerySet[Match]:
    return policy.matches_visible_to(user).select_related(
        "process__candidate", "process__advisor", "opening__workplace__employer"
    )


def _match_access(user: User, match: Match, *, profile: bool = False) -> MatchAccess:
    candidate = match.process.candidate
    view = (
        candidate_view(user, candidate, surface=Surface.PRESENTATION, needs=candidate.needs.all())
        if profile
        else candidate_view(user, candidate, surface=Surface.ROW)
    )
    return MatchAccess(
        match, view, policy.may_change_match(user, match.status), policy.may_see_internal(user)
    )


def match_access_for_user(*, user: User, match: Match) -> MatchAccess:
    """A match the user has just written (its read was logged by the load before)."""
    return _match_access(user, match)


def _match_subject(match: Match, view: CandidateView | None = None) -> Subject:
    shown = view.shown if view is not None else frozenset()
    return Subject("match", match.uuid, match.process.candidate.uuid, shown)


def match_get_for_user(
    *, user: User, match_id: UUID, purpose: Purpose, for_change: bool = False
) -> MatchAccess:
    match = (
        _matches_visible_to(user)
        .prefetch_related("process__candidate__consents")
        .filter(uuid=match_id)
        .first()
    )
    if match is None:
        deny(
            user=user,
            subject=Subject("match", match_id),
            purpose=purpose,
            why=gettext("utenfor brukerens tilgang"),
            error=Http404(),
        )
    # The candidate presentation is for the others; the jobseeker sees the opening.
    access = _match_access(user, match, profile=user.role != Role.JOBSEEKER)
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=_match_subject(match),
            purpose=purpose,
            why=gettext("kan ikke endre matchen"),
            error=PermissionDenied(),
        )
    audit_record(
        actor=user,
        subject=_match_subject(match, access.candidate),
        action=Action.CHANGE if for_change else Action.VIEW,
        purpose=purpose,
        detail=gettext("felt: ") + (", ".join(sorted(access.candidate.shown)) or gettext("ingen")),
    )
    return access


def matches_for_user(
    *, user: User, purpose: Purpose, statuses: Iterable[str] | None = None, limit: int = 200
) -> list[MatchAccess]:
    """The pipeline as the user may see it (employers: who was presented to them)."""
    queryset = _matches_visible_to(user)
    if statuses is not None:
        queryset = queryset.filter(status__in=list(statuses))
    consents = ConsentRecord.objects.order_by("-recorded_at", "-id")
    rows = [
        _match_access(user, match)
        for match in queryset.prefetch_related(
            Prefetch("process__candidate__consents", queryset=consents)
        ).order_by("-status_since", "-id")[:limit]
    ]
    audit_record_many(
        actor=user,
        subjects=[_match_subject(row.match, row.candidate) for row in rows],
        action=Action.VIEW,
        purpose=purpose,
        detail=gettext("liste"),
    )
    return rows


@dataclass(frozen=True)
class MeetingAccess:
    meeting: MatchMeeting
    can_change: bool


def meeting_get_for_user(
    *, user: User, meeting_id: UUID, purpose: Purpose, for_change: bool = False
) -> MeetingAccess:
    meeting = policy.meetings_visible_to(user).filter(uuid=meeting_id).first()
    if meeting is None:
        deny(
            user=user,
            subject=Subject("meeting", meeting_id),
            purpose=purpose,
            why=gettext("utenfor brukerens tilgang"),
            error=Http404(),
        )
    access = MeetingAccess(meeting, can_change=meeting.organiser_id == user.pk)
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=Subject("meeting", meeting.uuid),
            purpose=purpose,
            why=gettext("bare den som kalte inn kan føre utfallet"),
            error=PermissionDenied(),
        )
    return access


def meetings_for_user(*, user: User) -> QuerySet[MatchMeeting]:
    """Meetings are about openings; their lines are loaded (and logged) on the agenda page."""
    return policy.meetings_visible_to(user).select_related("organiser").prefetch_related("offices")


def line_get_for_user(
    *, user: User, meeting: MatchMeeting, line_id: UUID, purpose: Purpose
) -> MeetingLine:
    line = (
        meeting.lines.select_related("process__candidate", "opening").filter(uuid=line_id).first()
    )
    if line is None:
        deny(
            user=user,
            subject=Subject("meeting_line", line_id),
            purpose=purpose,
            why=gettext("finnes ikke i møtet"),
            error=Http404(),
        )
    return line
