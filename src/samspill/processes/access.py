"""Loading inclusion processes for one user: one process, a page of them, or a figure over them.

Each function applies the access policy (``samspill.policy``), writes the audit trail and
returns the process with a consent-filtered view of its candidate. A process the user may
not see is a 404 with a denied audit row; one they may see but not change is a 403.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record, audit_record_many
from samspill.candidates.access import candidate_view
from samspill.candidates.models import ConsentRecord
from samspill.candidates.presentation import CandidateView, Surface
from samspill.employers.models import Employer
from samspill.policy.audit import deny, fields_detail
from samspill.processes.models import InclusionProcess, Phase
from samspill.processes.portfolio import PORTFOLIO_ROLES

T = TypeVar("T")


@dataclass(frozen=True)
class ProcessAccess:
    process: InclusionProcess
    candidate: CandidateView
    can_change: bool


def process_subject(process: InclusionProcess, view: CandidateView | None = None) -> Subject:
    shown = view.shown if view is not None else frozenset()
    return Subject("process", process.uuid, process.candidate.uuid, shown)


def process_queryset(user: User) -> QuerySet[InclusionProcess]:
    """The processes ``user`` may see, with what every process page shows pre-joined."""
    queryset = policy.processes_visible_to(user).select_related(
        "candidate", "advisor", "office", "employer", "workplace"
    )
    if user.role == Role.EMPLOYER:
        consents = ConsentRecord.objects.order_by("-recorded_at", "-id")
        queryset = queryset.prefetch_related(Prefetch("candidate__consents", queryset=consents))
    return queryset


def process_access(
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
    process = process_queryset(user).filter(uuid=process_id).first()
    action = Action.CHANGE if for_change else Action.VIEW
    if process is None:
        owner = (
            InclusionProcess.objects.filter(uuid=process_id)
            .values_list("candidate__uuid", flat=True)
            .first()
        )
        why = _("finnes ikke") if owner is None else _("forløpet er utenfor brukerens tilgang")
        deny(
            user=user,
            subject=Subject("process", process_id, owner),
            purpose=purpose,
            action=action,
            why=why,
            error=Http404(),
        )
    access = process_access(user, process, surface)
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=process_subject(process),
            purpose=purpose,
            action=action,
            why=_("rollen kan ikke endre forløpet"),
            error=PermissionDenied(),
        )
    audit_record(
        actor=user,
        subject=process_subject(process, access.candidate),
        action=Action.VIEW,
        purpose=purpose,
        detail=fields_detail(access.candidate.shown),
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
    queryset = process_queryset(user)
    if narrow is not None:
        queryset = narrow(queryset)
    if advisor is not None:
        queryset = queryset.filter(advisor=advisor)
    if employer is not None:
        queryset = queryset.filter(employer=employer)
    if active_only:
        queryset = queryset.exclude(phase=Phase.CLOSED)
    page = Paginator(queryset.order_by(*ordering), per_page).get_page(page_number)
    rows = [process_access(user, process, surface) for process in page.object_list]
    audit_record_many(
        actor=user,
        subjects=[process_subject(row.process, row.candidate) for row in rows],
        action=Action.VIEW,
        purpose=purpose,
        detail=_("liste"),
    )
    page.object_list = rows  # type: ignore[assignment]
    return page  # type: ignore[return-value]


def process_aggregate_for_user(
    *, user: User, aggregate: Callable[[QuerySet[InclusionProcess]], T]
) -> T:
    """A figure over the processes the user may see. Counts show no one's data: not logged."""
    return aggregate(policy.processes_visible_to(user))


def require_portfolio(*, user: User) -> None:
    """«Min portefølje» is for advisors and managers; anyone else gets 404 and a denied row."""
    if user.role not in PORTFOLIO_ROLES:
        deny(
            user=user,
            subject=Subject("portfolio", None),
            purpose=Purpose.PORTFOLIO,
            why=_("rollen har ingen portefølje"),
        )
