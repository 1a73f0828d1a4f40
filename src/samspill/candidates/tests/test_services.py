"""Candidate services against the real database: registration and versioned consent."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from samspill import policy
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.models import Candidate, ConsentRecord, Gender, NeedLevel
from samspill.candidates.services import candidate_register, consent_record
from samspill.conftest import World


def _register(world: World, **overrides: Any) -> Candidate:
    data: dict[str, Any] = {
        "actor": world.advisor,
        "first_name": "  Kari ",
        "last_name": " Nordmann  ",
        "birth_date": datetime.date(1990, 4, 2),
        "gender": Gender.FEMALE,
        "municipality": " Oslo ",
        "need_level": NeedLevel.SPECIAL,
        "phone": " 91234567 ",
        "email": " kari@example.invalid ",
    }
    return candidate_register(**{**data, **overrides})


# --- candidate_register ---------------------------------------------------------------------


def test_register_stores_the_trimmed_values(world: World) -> None:
    candidate = _register(world)
    candidate.refresh_from_db()
    assert candidate.full_name == "Kari Nordmann"
    assert candidate.municipality == "Oslo"
    assert candidate.phone == "91234567"
    assert candidate.email == "kari@example.invalid"
    assert candidate.need_level == NeedLevel.SPECIAL


def test_register_writes_a_create_audit_row_about_the_candidate(world: World) -> None:
    candidate = _register(world)
    event = AuditEvent.objects.get(object_uuid=candidate.uuid)
    assert event.action == Action.CREATE
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.CASE_WORK
    assert event.object_type == "candidate"
    assert event.subject_uuid == candidate.uuid
    assert event.actor == world.advisor
    assert event.actor_name == world.advisor.display_name


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("gender", "unknown"),
        ("need_level", "høy"),
        ("first_name", "   "),
        ("email", "ikke-en-adresse"),
    ],
)
def test_register_refuses_bad_values_and_saves_nothing(
    world: World, field: str, value: str
) -> None:
    before = (Candidate.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        _register(world, **{field: value})
    assert field in caught.value.message_dict
    assert (Candidate.objects.count(), AuditEvent.objects.count()) == before


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
