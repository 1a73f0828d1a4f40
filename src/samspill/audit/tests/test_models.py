"""The audit trail is append-only: rows can be added, never changed or removed."""

from __future__ import annotations

import pytest

from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.services import Subject, audit_record, audit_record_many
from samspill.candidates.tests.factories import CandidateFactory


@pytest.fixture
def event(db: None) -> AuditEvent:
    candidate = CandidateFactory()
    return audit_record(
        actor=UserFactory(),
        subject=Subject("candidate", candidate.uuid, candidate.uuid),
        action=Action.VIEW,
        purpose=Purpose.CASE_WORK,
        detail="felt: name",
    )


def test_a_new_row_can_be_written(event: AuditEvent) -> None:
    assert event.pk is not None
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_save_on_an_existing_row_raises_and_changes_nothing(event: AuditEvent) -> None:
    event.outcome = Outcome.DENIED
    event.detail = "skjult"
    with pytest.raises(TypeError, match="append-only"):
        event.save()
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.outcome, stored.detail) == (Outcome.ALLOWED, "felt: name")


def test_save_with_update_fields_raises_too(event: AuditEvent) -> None:
    event.detail = "skjult"
    with pytest.raises(TypeError, match="append-only"):
        event.save(update_fields=["detail"])
    assert AuditEvent.objects.get(pk=event.pk).detail == "felt: name"


def test_delete_on_a_row_raises(event: AuditEvent) -> None:
    with pytest.raises(TypeError, match="append-only"):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_queryset_update_raises(event: AuditEvent) -> None:
    with pytest.raises(TypeError, match="append-only"):
        AuditEvent.objects.filter(pk=event.pk).update(detail="skjult")
    with pytest.raises(TypeError, match="append-only"):
        AuditEvent.objects.update(detail="skjult")
    assert AuditEvent.objects.get(pk=event.pk).detail == "felt: name"


def test_queryset_delete_raises(event: AuditEvent) -> None:
    with pytest.raises(TypeError, match="append-only"):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(TypeError, match="append-only"):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_bulk_writes_add_rows(db: None) -> None:
    actor = UserFactory()
    candidates = CandidateFactory.create_batch(3)
    written = audit_record_many(
        actor=actor,
        subjects=[Subject("candidate", c.uuid, c.uuid) for c in candidates],
        action=Action.VIEW,
        purpose=Purpose.PORTFOLIO,
        detail="liste",
    )
    assert written == 3
    assert set(AuditEvent.objects.filter(actor=actor).values_list("subject_uuid", flat=True)) == {
        c.uuid for c in candidates
    }


def test_the_trail_outlives_the_actor(event: AuditEvent) -> None:
    actor = event.actor
    assert actor is not None
    name = actor.display_name
    actor.delete()
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor is None
    assert stored.actor_name == name
