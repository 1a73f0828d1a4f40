"""Access functions: the only way views and the API load personal records.

Each function applies the access policy (``policy``), writes the audit trail (every read of
candidate data and every denied attempt), and returns a *view* of the record that holds only
the fields the user may see. A record the user may not see is answered with 404 (so its
existence is not revealed); one they may see but not change is answered with 403.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from samspill.accounts import policy
from samspill.accounts.models import Role, Team, User
from samspill.agreements.models import Agreement
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.services import Subject, audit_record, audit_record_many
from samspill.candidates.models import AccommodationNeed, Candidate, ConsentRecord
from samspill.candidates.presentation import (
    CandidateView,
    ProfileChanges,
    SharedWithEmployer,
    Surface,
    shared_with_employer,
    visible_changes,
)
from samspill.candidates.selectors import profile_history_since
from samspill.employers.models import Employer
from samspill.processes.models import InclusionProcess, Phase

if TYPE_CHECKING:
    from samspill.followup.worklist import Line

T = TypeVar("T")


@dataclass(frozen=True)
class ProcessAccess:
    process: InclusionProcess
    candidate: CandidateView
    can_change: bool


@dataclass(frozen=True)
class EmployerAccess:
    employer: Employer
    can_change: bool


def _subject_of_process(process: InclusionProcess, view: CandidateView | None = None) -> Subject:
    shown = view.shown if view is not None else frozenset()
    return Subject("process", process.uuid, process.candidate.uuid, shown)


def deny(
    *,
    user: User,
    subject: Subject,
    purpose: Purpose,
    action: Action,
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


def _fields_detail(fields: frozenset[str]) -> str:
    return "felt: " + (", ".join(sorted(fields)) or "ingen")


def candidate_view(
    user: User,
    candidate: Candidate,
    *,
    surface: frozenset[str],
    needs: Iterable[AccommodationNeed] | None = None,
) -> CandidateView:
    """The one consent-filtered view of ``candidate`` for ``user`` on a kind of surface."""
    fields = policy.candidate_fields_for(user, candidate)
    return CandidateView.build(candidate, fields, needs, surface=surface)


def _process_queryset(user: User) -> QuerySet[InclusionProcess]:
    queryset = policy.processes_visible_to(user).select_related(
        "candidate", "advisor", "office", "employer", "workplace"
    )
    if user.role == Role.EMPLOYER:
        consents = ConsentRecord.objects.order_by("-recorded_at", "-id")
        queryset = queryset.prefetch_related(Prefetch("candidate__consents", queryset=consents))
    return queryset


def _process_access(
    user: User, process: InclusionProcess, surface: frozenset[str] = Surface.CARD
) -> ProcessAccess:
    return ProcessAccess(
        process=process,
        candidate=candidate_view(user, process.candidate, surface=surface),
        can_change=policy.may_change_process(user, process),
    )


def process_get_for_user(
    *,
    user: User,
    process_id: UUID,
    purpose: Purpose,
    for_change: bool = False,
    surface: frozenset[str] = Surface.ROW,
) -> ProcessAccess:
    """One process; the candidate's view holds what ``surface`` renders (the process page
    and the API pass ``Surface.CARD``; pages that only name the person keep ``ROW``)."""
    process = _process_queryset(user).filter(uuid=process_id).first()
    action = Action.CHANGE if for_change else Action.VIEW
    if process is None:
        owner = (
            InclusionProcess.objects.filter(uuid=process_id)
            .values_list("candidate__uuid", flat=True)
            .first()
        )
        why = "finnes ikke" if owner is None else "forløpet er utenfor brukerens tilgang"
        deny(
            user=user,
            subject=Subject("process", process_id, owner),
            purpose=purpose,
            action=action,
            why=why,
            error=Http404(),
        )
    access = _process_access(user, process, surface)
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=_subject_of_process(process),
            purpose=purpose,
            action=action,
            why="rollen kan ikke endre forløpet",
            error=PermissionDenied(),
        )
    audit_record(
        actor=user,
        subject=_subject_of_process(process, access.candidate),
        action=Action.VIEW,
        purpose=purpose,
        detail=_fields_detail(access.candidate.shown),
    )
    return access


def process_page_for_user(
    *,
    user: User,
    purpose: Purpose,
    page_number: int | str | None = 1,
    per_page: int = 50,
    advisor: User | None = None,
    employer: Employer | None = None,
    active_only: bool = False,
    narrow: Callable[[QuerySet[InclusionProcess]], QuerySet[InclusionProcess]] | None = None,
    ordering: Sequence[str] = ("-started_on", "-id"),
    surface: frozenset[str] = Surface.ROW,
) -> Page[ProcessAccess]:
    """One page of the processes the user may see (newest first unless ``ordering`` says
    otherwise), optionally narrowed by a selector; the rows shown are logged."""
    queryset = _process_queryset(user)
    if narrow is not None:
        queryset = narrow(queryset)
    if advisor is not None:
        queryset = queryset.filter(advisor=advisor)
    if employer is not None:
        queryset = queryset.filter(employer=employer)
    if active_only:
        queryset = queryset.exclude(phase=Phase.CLOSED)
    page = Paginator(queryset.order_by(*ordering), per_page).get_page(page_number)
    rows = [_process_access(user, process, surface) for process in page.object_list]
    audit_record_many(
        actor=user,
        subjects=[_subject_of_process(row.process, row.candidate) for row in rows],
        action=Action.VIEW,
        purpose=purpose,
        detail="liste",
    )
    page.object_list = rows  # type: ignore[assignment]
    return page  # type: ignore[return-value]


def process_aggregate_for_user(
    *, user: User, aggregate: Callable[[QuerySet[InclusionProcess]], T]
) -> T:
    """A figure over the processes the user may see. Counts show no one's data: not logged."""
    return aggregate(policy.processes_visible_to(user))


def candidate_get_for_user(*, user: User, candidate_id: UUID, purpose: Purpose) -> CandidateView:
    candidate = policy.candidates_visible_to(user).filter(uuid=candidate_id).first()
    if candidate is None:
        exists = Candidate.objects.filter(uuid=candidate_id).exists()
        deny(
            user=user,
            subject=Subject("candidate", candidate_id, candidate_id),
            purpose=purpose,
            action=Action.VIEW,
            why="utenfor brukerens tilgang" if exists else "finnes ikke",
            error=Http404(),
        )
    view = candidate_view(user, candidate, surface=Surface.CARD)
    audit_record(
        actor=user,
        subject=Subject("candidate", candidate.uuid, candidate.uuid, view.shown),
        action=Action.VIEW,
        purpose=purpose,
        detail=_fields_detail(view.shown),
    )
    return view


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
            why="utenfor brukerens tilgang",
            error=Http404(),
        )
    access = EmployerAccess(employer, policy.may_change_employer(user, employer))
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=Subject("employer", employer.uuid),
            purpose=purpose,
            action=action,
            why="rollen kan ikke endre arbeidsgivere",
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


def audit_log_for_user(
    *, user: User, candidate_id: UUID, surface: frozenset[str] = Surface.NAME
) -> tuple[CandidateView, QuerySet[AuditEvent]]:
    """The Innsynslogg for one person: who looked at or changed their data."""
    candidate = Candidate.objects.filter(uuid=candidate_id).first()
    subject = Subject("audit_log", candidate_id, candidate_id)
    if candidate is None or not policy.may_read_audit_log(user, candidate):
        deny(
            user=user,
            subject=subject,
            purpose=Purpose.AUDIT_REVIEW,
            action=Action.VIEW,
            why="kan ikke lese denne innsynsloggen",
            error=Http404(),
        )
    view = candidate_view(user, candidate, surface=surface)
    subject = Subject("audit_log", candidate_id, candidate_id, view.shown)
    audit_record(actor=user, subject=subject, action=Action.VIEW, purpose=Purpose.AUDIT_REVIEW)
    events = AuditEvent.objects.filter(subject_uuid=candidate.uuid).order_by("-at", "-id")
    return view, events


def deny_audit_search(*, user: User) -> NoReturn:
    """Only managers search the Innsynslogg; anyone else is refused, and that is logged."""
    deny(
        user=user,
        subject=Subject("audit_log", None),
        purpose=Purpose.AUDIT_REVIEW,
        action=Action.VIEW,
        why="bare ledere kan søke i innsynsloggen",
        error=Http404(),
    )


def audit_candidates_for_user(*, user: User, query: str, limit: int = 20) -> list[CandidateView]:
    """Managers look a person up by name to open their Innsynslogg; shown names are logged."""
    if user.role != Role.MANAGER or len(query.strip()) < 2:
        return []
    candidates = policy.candidates_visible_to(user)
    for word in query.casefold().split():
        candidates = candidates.filter(search_name__contains=word)
    found = list(candidates.order_by("last_name", "first_name")[:limit])
    views = [candidate_view(user, c, surface=Surface.IDENTITY) for c in found]
    audit_record_many(
        actor=user,
        subjects=[Subject("candidate", v.uuid, v.uuid, v.shown) for v in views],
        action=Action.VIEW,
        purpose=Purpose.AUDIT_REVIEW,
        detail=f"søk: {query[:80]}",
    )
    return views


@dataclass(frozen=True)
class ProfileAccess:
    """A candidate's profile as the user may see it. ``candidate`` is for services only."""

    candidate: Candidate
    view: CandidateView
    can_change: bool
    changes: ProfileChanges | None = None

    @property
    def shown(self) -> frozenset[str]:
        """The items the profile page discloses: the view and the change box."""
        return self.view.shown | (self.changes.items if self.changes else frozenset())


def _profile_access(
    user: User,
    candidate: Candidate,
    *,
    changes_since: bool,
    surface: frozenset[str] = Surface.PROFILE,
) -> ProfileAccess:
    view = candidate_view(user, candidate, surface=surface, needs=candidate.needs.all())
    last_seen = None
    if changes_since:
        last_seen = (
            AuditEvent.objects.filter(
                actor=user,
                object_type="profile",
                object_uuid=candidate.uuid,
                action=Action.VIEW,
                outcome=Outcome.ALLOWED,
            )
            .order_by("-at")
            .values_list("at", flat=True)
            .first()
        )
        # The reader's own edits are no news to them: count from their latest edit too.
        own_edit = (
            candidate.versions.filter(changed_by=user)
            .order_by("-changed_at")
            .values_list("changed_at", flat=True)
            .first()
        )
        if last_seen is not None and own_edit is not None:
            last_seen = max(last_seen, own_edit)
    changes = visible_changes(
        profile_history_since(candidate=candidate, since=last_seen),
        view.fields,
        show_editors=policy.may_see_internal(user),
    )
    return ProfileAccess(
        candidate=candidate,
        view=view,
        can_change=policy.may_change_candidate(user, candidate),
        changes=changes,
    )


def candidate_profile_for_user(
    *, user: User, candidate_id: UUID, purpose: Purpose, for_change: bool = False
) -> ProfileAccess:
    """The candidate's profile, with what changed since this user last looked at it."""
    candidate = policy.candidates_visible_to(user).filter(uuid=candidate_id).first()
    subject = Subject("profile", candidate_id, candidate_id)
    action = Action.CHANGE if for_change else Action.VIEW
    if candidate is None:
        why = "utenfor brukerens tilgang"
        if not Candidate.objects.filter(uuid=candidate_id).exists():
            why = "finnes ikke"
        deny(user=user, subject=subject, purpose=purpose, action=action, why=why, error=Http404())
    access = _profile_access(user, candidate, changes_since=not for_change)
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=subject,
            purpose=purpose,
            action=action,
            why="rollen kan ikke endre profilen",
            error=PermissionDenied(),
        )
    # Opening a form to change the profile is logged as such, so that it does not count as
    # "the last time you looked" (that would hide a colleague's changes from the reader).
    audit_record(
        actor=user,
        subject=subject,
        action=action,
        purpose=purpose,
        detail="skjema åpnet" if for_change else _fields_detail(access.shown),
        fields=access.shown,
    )
    return access


def own_profile_for_user(*, user: User, surface: frozenset[str] = Surface.PROFILE) -> ProfileAccess:
    """The jobseeker's own profile ("Min profil"; ``Surface.SHARING`` for «Hva jeg deler»)."""
    candidate = Candidate.objects.filter(user=user).first() if user.role == Role.JOBSEEKER else None
    if candidate is None:
        deny(
            user=user,
            subject=Subject("profile", None),
            purpose=Purpose.OWN_DATA,
            action=Action.VIEW,
            why="brukeren har ingen kandidatprofil",
            error=Http404(),
        )
    access = _profile_access(user, candidate, changes_since=False, surface=surface)
    subject = Subject("profile", candidate.uuid, candidate.uuid, access.shown)
    audit_record(actor=user, subject=subject, action=Action.VIEW, purpose=Purpose.OWN_DATA)
    return access


@dataclass(frozen=True)
class AgreementAccess:
    """An agreement as the user may see it: ``employer_version`` hides NAV-internal details."""

    agreement: Agreement
    process: ProcessAccess
    employer_version: bool
    can_change: bool
    #: «Dette får arbeidsgiveren vite»: from the consent, as far as this viewer may see it.
    shared: SharedWithEmployer


def agreement_get_for_user(
    *, user: User, agreement_id: UUID, purpose: Purpose, for_change: bool = False
) -> AgreementAccess:
    """One agreement, through the policy on its process; every display is logged."""
    visible = _process_queryset(user)
    agreement = (
        Agreement.objects.filter(uuid=agreement_id, process__in=visible)
        .select_related(
            "process__candidate",
            "process__advisor",
            "process__office",
            "process__employer",
            "workplace",
            "employer_contact",
            "nav_contact",
        )
        .first()
    )
    action = Action.CHANGE if for_change else Action.VIEW
    if agreement is None:
        owner = (
            Agreement.objects.filter(uuid=agreement_id)
            .values_list("process__candidate__uuid", flat=True)
            .first()
        )
        deny(
            user=user,
            subject=Subject("agreement", agreement_id, owner),
            purpose=purpose,
            action=action,
            why="finnes ikke" if owner is None else "forløpet er utenfor brukerens tilgang",
            error=Http404(),
        )
    process = _process_access(user, agreement.process, Surface.NAME)
    candidate = agreement.process.candidate
    shared = shared_with_employer(
        candidate,
        consented=policy.consented_items(candidate),
        granted=policy.candidate_fields_for(user, candidate),
        needs=[need.code for need in candidate.needs.all()],
    )
    subject = Subject(
        "agreement", agreement.uuid, candidate.uuid, process.candidate.shown | shared.items
    )
    if for_change and not process.can_change:
        deny(
            user=user,
            subject=subject,
            purpose=purpose,
            action=action,
            why="rollen kan ikke endre avtalen",
            error=PermissionDenied(),
        )
    employer_version = policy.agreement_employer_version_only(user)
    detail = "arbeidsgiverversjon" if employer_version else "hele avtalen"
    audit_record(actor=user, subject=subject, action=Action.VIEW, purpose=purpose, detail=detail)
    return AgreementAccess(agreement, process, employer_version, process.can_change, shared)


def agreements_for_process(
    *, user: User, process_id: UUID, purpose: Purpose
) -> tuple[ProcessAccess, list[Agreement]]:
    """The agreements of one process (the process read is logged by its access function)."""
    access = process_get_for_user(user=user, process_id=process_id, purpose=purpose)
    agreements = list(
        Agreement.objects.filter(process=access.process).select_related("workplace", "nav_contact")
    )
    return access, agreements


def agreement_list_for_user(*, user: User, purpose: Purpose, limit: int = 20) -> list[Agreement]:
    """Agreements on the processes the user may see, newest first, not the cancelled ones.

    For the portals: shown agreements are logged like any other display.
    """
    agreements = list(
        Agreement.objects.filter(process__in=policy.processes_visible_to(user))
        .exclude(stage="cancelled")
        .select_related(
            "process__candidate", "process__employer", "employer_contact", "nav_contact"
        )
        .order_by("-created_at", "-id")[:limit]
    )
    audit_record_many(
        actor=user,
        subjects=[Subject("agreement", a.uuid, a.process.candidate.uuid) for a in agreements],
        action=Action.VIEW,
        purpose=purpose,
        detail="liste",
    )
    return agreements


@dataclass(frozen=True)
class WorklistRow:
    line: Line
    candidate: CandidateView


@dataclass(frozen=True)
class Worklist:
    rows: list[WorklistRow]
    total: int
    team: Team | None
    teams: list[Team]


#: Roles with a worklist: the advisor's own processes; the manager's office or one team.
WORKLIST_ROLES = frozenset({Role.ADVISOR, Role.MANAGER})


def worklist_for_user(*, user: User, team_id: UUID | None = None, limit: int = 200) -> Worklist:
    """«I dag»: what needs doing today on the processes the user follows up.

    An advisor gets their own processes, a manager the office's or one team's. The
    candidates named on the lines shown are logged (one bulk insert)."""
    from samspill.followup.worklist import build_worklist, worklist_processes

    if user.role not in WORKLIST_ROLES:
        deny(
            user=user,
            subject=Subject("worklist", None),
            purpose=Purpose.PORTFOLIO,
            action=Action.VIEW,
            why="rollen har ingen arbeidsliste",
            error=Http404(),
        )
    scope = policy.processes_visible_to(user)
    team, teams = None, []
    if user.role == Role.ADVISOR:
        scope = scope.filter(advisor=user)
    else:
        teams = list(Team.objects.filter(office_id=user.office_id or 0).order_by("name"))
        if team_id is not None:
            team = next((t for t in teams if t.uuid == team_id), None)
            if team is None:
                deny(
                    user=user,
                    subject=Subject("team", team_id),
                    purpose=Purpose.PORTFOLIO,
                    action=Action.VIEW,
                    why="teamet er ikke ved lederens kontor",
                    error=Http404(),
                )
            scope = scope.filter(team=team)
    today = timezone.localdate()
    lines = build_worklist(list(worklist_processes(scope, today)), today)
    views: dict[int, CandidateView] = {}
    rows = []
    for line in lines[:limit]:
        process = line.process
        if process.pk not in views:
            views[process.pk] = candidate_view(user, process.candidate, surface=Surface.ROW)
        rows.append(WorklistRow(line, views[process.pk]))
    shown = {row.line.process.pk: row.line.process for row in rows}
    audit_record_many(
        actor=user,
        subjects=[_subject_of_process(process, views[pk]) for pk, process in shown.items()],
        action=Action.VIEW,
        purpose=Purpose.PORTFOLIO,
        detail="arbeidsliste i dag",
    )
    return Worklist(rows=rows, total=len(lines), team=team, teams=teams)
