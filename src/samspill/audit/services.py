"""Writing the audit trail. Called by the access functions and by every service that writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from samspill.accounts.models import User
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose


@dataclass(frozen=True)
class Subject:
    """What an audit row is about: an object, and the person whose data it holds."""

    object_type: str
    object_uuid: UUID | None
    subject_uuid: UUID | None = None


def _event(
    *,
    actor: User,
    subject: Subject,
    action: Action,
    outcome: Outcome,
    purpose: Purpose,
    detail: str,
    fields: Iterable[str] = (),
) -> AuditEvent:
    return AuditEvent(
        actor=actor,
        actor_name=actor.display_name[:160],
        actor_role=actor.role,
        action=action,
        outcome=outcome,
        purpose=purpose,
        object_type=subject.object_type,
        object_uuid=subject.object_uuid,
        subject_uuid=subject.subject_uuid,
        detail=detail[:300],
        fields=sorted(fields),
    )


def audit_record(
    *,
    actor: User,
    subject: Subject,
    action: Action,
    purpose: Purpose,
    outcome: Outcome = Outcome.ALLOWED,
    detail: str = "",
    fields: Iterable[str] = (),
) -> AuditEvent:
    event = _event(
        actor=actor,
        subject=subject,
        action=action,
        outcome=outcome,
        purpose=purpose,
        detail=detail,
        fields=fields,
    )
    event.save()
    return event


def audit_record_many(
    *,
    actor: User,
    subjects: Iterable[Subject],
    action: Action,
    purpose: Purpose,
    detail: str = "",
    fields: Iterable[str] = (),
) -> int:
    """Record one allowed row per subject in a single query (list pages)."""
    events = [
        _event(
            actor=actor,
            subject=subject,
            action=action,
            outcome=Outcome.ALLOWED,
            purpose=purpose,
            detail=detail,
            fields=fields,
        )
        for subject in subjects
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)
