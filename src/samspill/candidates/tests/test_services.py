"""Candidate services against the real database: versioned consent (registration:
test_intake.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samspill import policy
from samspill.audit.models import Action, AuditEvent, Purpose
from samspill.candidates.models import ConsentRecord
from samspill.candidates.services import consent_record
from samspill.conftest import World

# --- consent_record -------------------------------------------------------------------------


def test_each_consent_is_a_new_row_and_the_newest_wins(world: World) -> None:
    candidate = world.process.candidate
    before = ConsentRecord.objects.filter(candidate=candidate).count()

    first = consent_record(actor=world.jobseeker, candidate=candidate, items=["name"])
    second = consent_record(
        actor=world.advisor, candidate=candidate, items=["contact", "name", "municipality", "name"]
    )

    assert ConsentRecord.objects.filter(candidate=candidate).count() == before + 2
    first.refresh_from_db()
    assert first.items == ["name"]  # the earlier version is kept as it was
    assert second.items == ["contact", "municipality", "name"]  # sorted, without duplicates
    assert second.recorded_by == world.advisor
    assert policy.consented_items(candidate) == {"contact", "municipality", "name"}


def test_withdrawing_is_a_new_row_with_no_items(world: World) -> None:
    candidate = world.process.candidate
    assert policy.consented_items(candidate) == {"name", "age"}
    before = ConsentRecord.objects.filter(candidate=candidate).count()

    record = consent_record(actor=world.jobseeker, candidate=candidate, items=[])

    assert record.items == []
    assert ConsentRecord.objects.filter(candidate=candidate).count() == before + 1
    assert policy.consented_items(candidate) == frozenset()
    assert policy.candidate_fields_for(world.employer, candidate) == frozenset()
    event = AuditEvent.objects.get(object_type="consent", subject_uuid=candidate.uuid)
    assert event.detail == "deler: ingenting"


@pytest.mark.parametrize("item", ["birth_date", "need_level", "gender", "diagnosis"])
def test_items_that_cannot_be_shared_are_refused(world: World, item: str) -> None:
    candidate = world.process.candidate
    before = (ConsentRecord.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        consent_record(actor=world.jobseeker, candidate=candidate, items=["name", item])
    message = caught.value.message_dict["items"][0]
    assert "kan ikke deles med arbeidsgiver" in message
    assert item in message
    assert (ConsentRecord.objects.count(), AuditEvent.objects.count()) == before
    assert policy.consented_items(candidate) == {"name", "age"}


@pytest.mark.parametrize(
    ("actor", "purpose"), [("jobseeker", Purpose.OWN_DATA), ("advisor", Purpose.CASE_WORK)]
)
def test_consent_writes_an_audit_row_with_the_right_purpose(
    world: World, actor: str, purpose: Purpose
) -> None:
    candidate = world.process.candidate
    consent_record(actor=world.persona(actor), candidate=candidate, items=["age", "name"])
    event = AuditEvent.objects.get(object_type="consent", subject_uuid=candidate.uuid)
    assert event.action == Action.CHANGE
    assert event.actor == world.persona(actor)
    assert event.purpose == purpose
    assert event.detail == "deler: age, name"


@pytest.mark.parametrize("actor", ["manager", "employer", "employer_contact", "partner", "admin"])
def test_only_the_jobseeker_or_an_advisor_may_record_consent(world: World, actor: str) -> None:
    candidate = world.process.candidate
    before = (ConsentRecord.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        consent_record(actor=world.persona(actor), candidate=candidate, items=["name"])
    assert "Bare arbeidssøkeren selv eller veilederen" in caught.value.messages[0]
    assert (ConsentRecord.objects.count(), AuditEvent.objects.count()) == before
