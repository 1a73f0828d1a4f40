"""Writing the audit trail. Called by the access functions and by every service that writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from samspill.accounts.models import User
from samspill.audit.integrity import purge_mode, reseal_from, row_hash
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose


@dataclass(frozen=True)
class Subject:
    """What an audit row is about: an object, and the person whose data it holds."""

    object_type: str
    object_uuid: UUID | None
    subject_uuid: UUID | None = None
    #: Which items of the person's record the display showed (``CandidateView.shown``).
    fields: frozenset[str] = frozenset()


#: Who the trail names for what Samspill does by itself (the daily retention command).
SYSTEM_ACTOR_NAME = "Samspill (automatisk sletting)"
SYSTEM_ROLE = "system"


def _event(
    *,
    actor: User | None,
    subject: Subject,
    action: Action,
    outcome: Outcome,
    purpose: Purpose,
    detail: str,
    fields: Iterable[str] = (),
) -> AuditEvent:
    event = AuditEvent(
        actor=actor,
        actor_name=actor.display_name[:160] if actor else SYSTEM_ACTOR_NAME,
        actor_role=actor.role if actor else SYSTEM_ROLE,
        action=action,
        outcome=outcome,
        purpose=purpose,
        object_type=subject.object_type,
        object_uuid=subject.object_uuid,
        subject_uuid=subject.subject_uuid,
        detail=detail[:300],
        fields=sorted({*subject.fields, *fields}),
    )
    event.row_hash = row_hash(event)
    return event


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


def audit_record_system(
    *, subject: Subject, action: Action, purpose: Purpose, detail: str = ""
) -> AuditEvent:
    """An allowed row written by Samspill itself, with no user behind it."""
    event = _event(
        actor=None,
        subject=subject,
        action=action,
        outcome=Outcome.ALLOWED,
        purpose=purpose,
        detail=detail,
    )
    event.save()
    return event


def _expired(older_than: datetime, keep_subjects: QuerySet[Any]) -> Q:
    return Q(at__lt=older_than) & (
        Q(subject_uuid__isnull=True) | ~Q(subject_uuid__in=keep_subjects)
    )


def audit_expired(*, older_than: datetime, keep_subjects: QuerySet[Any]) -> QuerySet[AuditEvent]:
    """Rows older than ``older_than`` that describe no person, or a person whose UUID is not
    in ``keep_subjects`` (the caller's subquery of people whose record still exists)."""
    return AuditEvent.objects.filter(_expired(older_than, keep_subjects))


@transaction.atomic
def audit_purge(*, older_than: datetime, keep_subjects: QuerySet[Any]) -> int:
    """The one way rows leave the append-only trail: those ``audit_expired`` names, past the
    retention period of the trail (``rules.AUDIT_KEPT_MONTHS``, docs/rules.md). The model
    and its queryset still refuse every other delete; the purge itself is logged."""
    expired = AuditEvent._base_manager.filter(_expired(older_than, keep_subjects))
    first = expired.order_by("pk").values_list("pk", flat=True).first()
    purge_mode()
    count, _ = expired.delete()
    if first is not None:
        reseal_from(first)
    if count:
        audit_record_system(
            subject=Subject("audit_trail", None),
            action=Action.CHANGE,
            purpose=Purpose.RETENTION,
            detail=gettext("slettet %(count)s logghendelser eldre enn %(date)s")
            % {"count": count, "date": older_than.isoformat()},
        )
    return count
