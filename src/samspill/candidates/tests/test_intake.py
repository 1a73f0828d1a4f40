"""Intake against the real database: registering a jobseeker with their identity number,
and their first process in the same step. Identity numbers are synthetic (valid check
digits for made-up people), never real."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from stdnum.no import fodselsnummer

from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.intake import DuplicateCandidate, candidate_register, may_register
from samspill.candidates.models import Candidate, Gender, NeedLevel
from samspill.candidates.national_id import clean_national_id, masked
from samspill.candidates.tests.factories import CandidateFactory, synthetic_national_id
from samspill.conftest import World
from samspill.processes.intake import intake_register
from samspill.processes.models import InclusionProcess, Phase, PhaseChange, Referral

BORN = datetime.date(1990, 4, 2)
NUMBER = synthetic_national_id(BORN)


def _numbered(date_part: str) -> str:
    """Six date digits with an individual number and check digits that work out."""
    for individual in range(100, 500):
        base = f"{date_part}{individual:03d}"
        first = fodselsnummer.calc_check_digit1(base)
        second = fodselsnummer.calc_check_digit2(base + first)
        if len(first) == len(second) == 1:
            return base + first + second
    raise AssertionError(date_part)


#: The D-number of someone born 2 April 1990: 40 added to the day.
D_NUMBER = _numbered("420490")


def _register(world: World, **overrides: Any) -> Candidate:
    data: dict[str, Any] = {
        "actor": world.advisor,
        "first_name": "  Kari ",
        "last_name": " Nordmann  ",
        "national_id": f" {NUMBER[:6]} {NUMBER[6:]} ",
        "gender": Gender.FEMALE,
        "municipality": " Oslo ",
        "need_level": NeedLevel.SPECIAL,
        "phone": " 91234567 ",
        "email": " kari@example.invalid ",
    }
    return candidate_register(**{**data, **overrides})


def _intake(world: World, **overrides: Any) -> InclusionProcess:
    data: dict[str, Any] = {
        "actor": world.advisor,
        "first_name": "Kari",
        "last_name": "Nordmann",
        "national_id": NUMBER,
        "gender": Gender.FEMALE,
        "municipality": "Oslo",
        "need_level": NeedLevel.STANDARD,
        "advisor": world.advisor,
        "referral": Referral.HEALTH,
        "wish": " Jobbe med dyr, helst deltid. ",
    }
    return intake_register(**{**data, **overrides})


def _counts() -> tuple[int, int, int, int]:
    return (
        Candidate.objects.count(),
        InclusionProcess.objects.count(),
        PhaseChange.objects.count(),
        AuditEvent.objects.count(),
    )


# --- the identity number --------------------------------------------------------------------


def test_a_valid_number_is_kept_as_its_eleven_digits() -> None:
    assert clean_national_id(f"{NUMBER[:6]}-{NUMBER[6:]}") == NUMBER
    assert masked(NUMBER) == f"{NUMBER[:6]} *****"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Skriv fødselsnummeret eller D-nummeret."),
        (NUMBER[:10], "Fødselsnummeret har 11 sifre; du skrev 10."),
        (NUMBER[:9] + "ab", "Fødselsnummeret kan bare ha sifre."),
        (NUMBER[:10] + str((int(NUMBER[10]) + 1) % 10), "Kontrollsifrene stemmer ikke."),
        (_numbered("310290"), "Fødselsnummeret inneholder ikke en gyldig fødselsdato."),
    ],
)
def test_bad_numbers_are_refused_in_plain_norwegian(value: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_national_id(value)
    assert caught.value.messages[0].startswith(message)


def test_an_h_number_is_no_ones_own() -> None:
    with pytest.raises(ValidationError, match="hjelpenummer"):
        clean_national_id(_numbered("024490"))  # 40 added to the month


# --- candidate_register ---------------------------------------------------------------------


def test_register_stores_the_trimmed_values_and_the_birth_date_from_the_number(
    world: World,
) -> None:
    candidate = _register(world)
    candidate.refresh_from_db()
    assert candidate.full_name == "Kari Nordmann"
    assert candidate.national_id == NUMBER
    assert candidate.birth_date == BORN
    assert (candidate.municipality, candidate.phone) == ("Oslo", "91234567")
    assert candidate.email == "kari@example.invalid"


def test_a_d_number_gives_the_birth_date_too(world: World) -> None:
    candidate = _register(world, national_id=D_NUMBER)
    assert candidate.birth_date == BORN


def test_register_writes_a_create_audit_row_about_the_candidate(world: World) -> None:
    candidate = _register(world)
    event = AuditEvent.objects.get(object_uuid=candidate.uuid)
    assert (event.action, event.outcome, event.purpose) == (
        Action.CREATE,
        Outcome.ALLOWED,
        Purpose.CASE_WORK,
    )
    assert (event.object_type, event.subject_uuid, event.actor) == (
        "candidate",
        candidate.uuid,
        world.advisor,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("national_id", "0204901234", "Fødselsnummeret har 11 sifre; du skrev 10."),
        ("national_id", "0204901234x", "Fødselsnummeret kan bare ha sifre."),
        ("national_id", "02049012345", "Kontrollsifrene stemmer ikke."),
        ("first_name", "   ", "Skriv fornavnet."),
        ("last_name", "", "Skriv etternavnet."),
        ("gender", "unknown", None),
        ("need_level", "høy", None),
        ("email", "ikke-en-adresse", None),
    ],
)
def test_register_refuses_bad_values_at_the_field_and_saves_nothing(
    world: World, field: str, value: str, message: str | None
) -> None:
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        _register(world, **{field: value})
    errors = caught.value.message_dict
    assert field in errors
    if message:
        assert errors[field][0].startswith(message)
    assert _counts() == before


def test_every_bad_field_is_named_at_once(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _register(world, first_name="", national_id="123", email="nei")
    assert {"first_name", "national_id", "email"} <= set(caught.value.message_dict)


def test_the_same_number_twice_is_a_duplicate_never_a_second_record(world: World) -> None:
    first = _register(world)
    before = _counts()
    with pytest.raises(DuplicateCandidate) as caught:
        _register(world, first_name="Kari Anne", national_id=f"{NUMBER[:6]}-{NUMBER[6:]}")
    assert caught.value.existing == first
    assert caught.value.message_dict == {"national_id": ["Denne personen er allerede registrert."]}
    assert _counts() == before


def test_the_database_refuses_a_second_record_with_the_same_number(world: World) -> None:
    CandidateFactory(national_id=NUMBER)
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateFactory(national_id=NUMBER)


@pytest.mark.parametrize(
    "persona", ["employer", "partner", "jobseeker", "employer_contact", "admin"]
)
def test_only_advisors_and_managers_register(world: World, persona: str) -> None:
    assert not may_register(world.persona(persona))
    before = _counts()
    with pytest.raises(ValidationError):
        _register(world, actor=world.persona(persona))
    assert _counts() == before


def test_managers_register_too(world: World) -> None:
    assert may_register(world.manager)
    assert _register(world, actor=world.manager).pk


# --- intake_register: the person and their first process ------------------------------------


def test_intake_opens_the_first_process_in_kartlegging(world: World) -> None:
    process = _intake(world, started_on=datetime.date(2026, 1, 5))
    assert process.candidate.national_id == NUMBER
    assert (process.phase, process.started_on) == (Phase.MAPPING, datetime.date(2026, 1, 5))
    assert (process.office, process.advisor) == (world.office, world.advisor)
    assert process.referral == Referral.HEALTH
    assert process.wish == "Jobbe med dyr, helst deltid."
    assert process.phase_changes.get().to_phase == Phase.MAPPING
    assert AuditEvent.objects.filter(object_type="process", action=Action.CREATE).count() == 1


def test_a_refused_process_leaves_no_candidate_behind(world: World) -> None:
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        _intake(world, started_on=datetime.date(2999, 1, 1))
    assert "started_on" in caught.value.message_dict
    assert _counts() == before


def test_the_advisor_must_work_at_the_registering_office(world: World) -> None:
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        _intake(world, advisor=world.advisor_other_office)
    assert caught.value.message_dict == {"advisor": ["Velg en veileder ved ditt eget NAV-kontor."]}
    assert _counts() == before


def test_a_manager_registers_for_an_advisor_of_the_office(world: World) -> None:
    process = _intake(world, actor=world.manager)
    assert process.advisor == world.advisor
    assert PhaseChange.objects.get(process=process).recorded_by == world.manager
