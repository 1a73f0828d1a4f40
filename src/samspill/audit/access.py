"""The Innsynslogg: who has looked at or changed a person's data, for the manager who checks
it, and the jobseeker's own log («Hvem har sett mine opplysninger»).

These are page-level functions of the audit app: they show the person's name through the
candidate's consent-filtered view, so they sit above the candidates app (the import
contract treats ``audit.access`` like a view).
"""

from __future__ import annotations

from typing import NoReturn
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext

from samspill import policy
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, AuditEvent, Purpose
from samspill.audit.services import Subject, audit_record, audit_record_many
from samspill.candidates.access import candidate_view, own_candidate
from samspill.candidates.models import Candidate
from samspill.candidates.presentation import CandidateView, Surface
from samspill.policy.audit import deny


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
            why=gettext("kan ikke lese denne innsynsloggen"),
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
        why=gettext("bare ledere kan søke i innsynsloggen"),
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
        detail=gettext("søk: %(query)s") % {"query": query[:80]},
    )
    return views


# -- «Hvem har sett mine opplysninger» ---------------------------------------------------------


def own_access_log_for_user(*, user: User) -> QuerySet[AuditEvent]:
    """The jobseeker's own log, newest first, without their own reads of their own data.

    Opening it is logged (by ``audit_log_for_user``), like the manager's Innsynslogg."""
    candidate = own_candidate(user=user, object_type="audit_log")
    _, events = audit_log_for_user(user=user, candidate_id=candidate.uuid, surface=Surface.NONE)
    return events.exclude(actor=user).select_related("actor__employer")
