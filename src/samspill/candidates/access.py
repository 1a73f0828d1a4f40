"""Access functions for what the person is owed: their own access log, the export of
everything Samspill holds about them (GDPR art. 15 and 20) and correction requests
(art. 16).

Written like ``samspill.accounts.access``: each function applies the policy, writes an
audit row for every display or export, and answers someone without access with 404 and a
denied audit row. The jobseeker reaches their own data; the staff who may change the
candidate (``policy.may_change_candidate``) reach the export and the correction requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import QuerySet

from samspill.accounts import policy
from samspill.accounts.access import audit_log_for_user, candidate_view, deny
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, AuditEvent, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates import export
from samspill.candidates.models import Candidate, CorrectionRequest
from samspill.candidates.presentation import Surface

EXPORT = "export"
CORRECTION = "correction_request"


def own_candidate(*, user: User, object_type: str, action: Action = Action.VIEW) -> Candidate:
    """The jobseeker's own candidate record; anyone else gets 404 and a denied row.

    Not logged when allowed: the caller logs what it shows."""
    candidate = Candidate.objects.filter(user=user).first() if user.role == Role.JOBSEEKER else None
    if candidate is None:
        deny(
            user=user,
            subject=Subject(object_type, None),
            purpose=Purpose.OWN_DATA,
            action=action,
            why="brukeren har ingen kandidatprofil",
        )
    return candidate


def _candidate_for_staff(
    *, user: User, candidate_id: UUID, object_type: str, action: Action
) -> Candidate:
    """A candidate the user may change (advisor or manager who follows them up)."""
    candidate = policy.candidates_visible_to(user).filter(uuid=candidate_id).first()
    if candidate is None or not policy.may_change_candidate(user, candidate):
        exists = candidate is not None or Candidate.objects.filter(uuid=candidate_id).exists()
        deny(
            user=user,
            subject=Subject(object_type, candidate_id, candidate_id if exists else None),
            purpose=Purpose.CASE_WORK,
            action=action,
            why="utenfor brukerens tilgang" if exists else "finnes ikke",
        )
    return candidate


# -- «Hvem har sett mine opplysninger» ---------------------------------------------------------


def own_access_log_for_user(*, user: User) -> QuerySet[AuditEvent]:
    """The jobseeker's own log, newest first, without their own reads of their own data.

    Opening it is logged (by ``audit_log_for_user``), like the manager's Innsynslogg."""
    candidate = own_candidate(user=user, object_type="audit_log")
    _, events = audit_log_for_user(user=user, candidate_id=candidate.uuid, surface=Surface.NONE)
    return events.exclude(actor=user).select_related("actor__employer")


# -- «Last ned mine opplysninger» -------------------------------------------------------------


@dataclass(frozen=True)
class ExportAccess:
    candidate: Candidate
    data: dict[str, Any]
    own: bool


def export_for_user(*, user: User, candidate_id: UUID | None, fmt: str) -> ExportAccess:
    """Everything Samspill holds about the person, for them (``candidate_id`` ``None``) or
    for the staff who may change the candidate. Every export is an ``EXPORT`` audit row."""
    if candidate_id is None:
        candidate = own_candidate(user=user, object_type=EXPORT, action=Action.EXPORT)
        purpose = Purpose.OWN_DATA
    else:
        candidate = _candidate_for_staff(
            user=user, candidate_id=candidate_id, object_type=EXPORT, action=Action.EXPORT
        )
        purpose = Purpose.CASE_WORK
    view = candidate_view(user, candidate, surface=Surface.PROFILE, needs=candidate.needs.all())
    data = export.collect(candidate=candidate, view=view)
    audit_record(
        actor=user,
        subject=Subject(EXPORT, candidate.uuid, candidate.uuid),
        action=Action.EXPORT,
        purpose=purpose,
        detail=f"alle opplysninger ({fmt})",
        fields=view.shown,
    )
    return ExportAccess(candidate=candidate, data=data, own=candidate_id is None)


# -- «Be om retting» ---------------------------------------------------------------------------


def own_corrections_for_user(*, user: User) -> tuple[Candidate, list[CorrectionRequest]]:
    """The jobseeker's own correction requests, newest first (the display is logged)."""
    candidate = own_candidate(user=user, object_type=CORRECTION)
    requests = list(candidate.correction_requests.select_related("resolved_by"))
    audit_record(
        actor=user,
        subject=Subject(CORRECTION, None, candidate.uuid),
        action=Action.VIEW,
        purpose=Purpose.OWN_DATA,
        detail="egne ønsker om retting",
    )
    return candidate, requests


@dataclass(frozen=True)
class CorrectionAccess:
    candidate: Candidate
    request: CorrectionRequest


def correction_get_for_user(
    *, user: User, candidate_id: UUID, correction_id: UUID
) -> CorrectionAccess:
    """One correction request of one candidate, for the staff who handle it."""
    candidate = _candidate_for_staff(
        user=user, candidate_id=candidate_id, object_type=CORRECTION, action=Action.CHANGE
    )
    request = (
        candidate.correction_requests.filter(uuid=correction_id)
        .select_related("created_by", "resolved_by")
        .first()
    )
    if request is None:
        deny(
            user=user,
            subject=Subject(CORRECTION, correction_id, candidate.uuid),
            purpose=Purpose.CASE_WORK,
            action=Action.CHANGE,
            why="finnes ikke for kandidaten",
        )
    audit_record(
        actor=user,
        subject=Subject(CORRECTION, request.uuid, candidate.uuid),
        action=Action.VIEW,
        purpose=Purpose.CASE_WORK,
        detail=f"ønske om retting: {request.field}",
        fields=[request.field],
    )
    return CorrectionAccess(candidate=candidate, request=request)
