"""Profile services against the real database: kartlegging, own words, needs and consent.

``world.process.candidate`` belongs to ``world.jobseeker`` and is followed by
``world.advisor`` at office A. The clock is frozen at 1 June 2026 (Oslo) unless a test
moves it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samspill import policy
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    ConsentRecord,
    ProfileVersion,
)
from samspill.candidates.profile import ADVISOR_FIELDS, OWN_FIELDS
from samspill.candidates.services import (
    consent_record,
    needs_confirm,
    needs_update,
    profile_update,
    profile_update_own,
)
from samspill.conftest import World

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _stored(candidate: Candidate) -> dict[str, Any]:
    """The profile as the database holds it (not as the in-memory object may say)."""
    fresh = Candidate.objects.get(pk=candidate.pk)
    return {name: getattr(fresh, name) for name in (*ADVISOR_FIELDS, *OWN_FIELDS)} | {
        "profile_version": fresh.profile_version,
        "own_updated_at": fresh.own_updated_at,
    }


def _trail(candidate: Candidate) -> tuple[int, int, int, int]:
    """Everything a write may leave behind: versions, needs, consents and audit rows."""
    return (
        ProfileVersion.objects.filter(candidate=candidate).count(),
        AccommodationNeed.objects.filter(candidate=candidate).count(),
        ConsentRecord.objects.filter(candidate=candidate).count(),
        AuditEvent.objects.filter(subject_uuid=candidate.uuid).count(),
    )


def _add_need(candidate: Candidate, code: str, detail: str = "", **extra: Any) -> AccommodationNeed:
    return AccommodationNeed.objects.create(
        candidate=candidate,
        code=code,
        detail=detail,
        last_confirmed=extra.pop("last_confirmed", datetime.date(2026, 1, 10)),
        **extra,
    )


# --- profile_update: validation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"hours_min": 30, "hours_max": 10}, "hours_max", "lavere enn det laveste"),
        ({"hours_min": 0}, "hours_min", "mellom 1 og 60"),
        ({"hours_max": 61}, "hours_max", "mellom 1 og 60"),
        ({"hours_min": 61, "hours_max": 70}, "hours_min", "mellom 1 og 60"),
        ({"times_of_day": ["day", "siesta"]}, "times_of_day", "Ukjent valg: siesta."),
        ({"sectors": ["retail", "space"]}, "sectors", "Ukjent valg: space."),
        ({"need_level": "høy"}, "need_level", ""),
    ],
)
def test_profile_update_refuses_bad_values_at_the_field_and_saves_nothing(
    world: World, values: dict[str, Any], field: str, message: str
) -> None:
    candidate = world.process.candidate
    before, trail = _stored(candidate), _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        profile_update(actor=world.advisor, candidate=candidate, interests="Lager", **values)

    assert message in " ".join(caught.value.message_dict[field])
    assert _stored(candidate) == before  # not even the valid "interests" was kept
    assert _trail(candidate) == trail  # no baseline version, no audit row


def test_hours_min_above_the_stored_hours_max_is_refused_at_hours_max(world: World) -> None:
    candidate = world.process.candidate
    profile_update(actor=world.advisor, candidate=candidate, hours_min=10, hours_max=20)

    with pytest.raises(ValidationError) as caught:
        profile_update(actor=world.advisor, candidate=candidate, hours_min=25)

    assert list(caught.value.message_dict) == ["hours_max"]
    assert _stored(candidate)["hours_min"] == 10


@pytest.mark.parametrize(("low", "high"), [(1, 1), (1, 60), (20, 20), (None, 60), (37, None)])
def test_hours_at_the_limits_are_accepted(world: World, low: int | None, high: int | None) -> None:
    candidate = world.process.candidate
    profile_update(actor=world.advisor, candidate=candidate, hours_min=low, hours_max=high)
    stored = _stored(candidate)
    assert (stored["hours_min"], stored["hours_max"]) == (low, high)


@pytest.mark.parametrize("field", [*OWN_FIELDS, "first_name", "profile_version", "own_updated_at"])
def test_profile_update_refuses_fields_outside_the_kartlegging(world: World, field: str) -> None:
    candidate = world.process.candidate
    before, trail = _stored(candidate), _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        profile_update(actor=world.advisor, candidate=candidate, interests="Lager", **{field: "x"})

    assert caught.value.messages == [f"Kan ikke endres her: {field}."]
    assert _stored(candidate) == before
    assert _trail(candidate) == trail


@pytest.mark.parametrize(
    "persona", ["jobseeker", "employer", "partner", "employer_contact", "admin"]
)
def test_only_advisors_and_managers_may_update_the_kartlegging(world: World, persona: str) -> None:
    candidate = world.process.candidate
    before, trail = _stored(candidate), _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        profile_update(actor=world.persona(persona), candidate=candidate, interests="Lager")

    assert caught.value.messages == ["Bare veilederen kan endre kartleggingen."]
    assert _stored(candidate) == before
    assert _trail(candidate) == trail


@pytest.mark.parametrize("persona", ["advisor", "manager"])
def test_advisor_and_manager_may_update_the_kartlegging(world: World, persona: str) -> None:
    candidate = world.process.candidate
    changed = profile_update(actor=world.persona(persona), candidate=candidate, interests="Lager")
    assert changed == ["interests"]
    assert _stored(candidate)["interests"] == "Lager"


# --- profile_update: versions and audit -----------------------------------------------------


def test_first_change_stores_a_baseline_and_version_one(world: World) -> None:
    candidate = world.process.candidate
    assert not ProfileVersion.objects.filter(candidate=candidate).exists()

    changed = profile_update(
        actor=world.advisor,
        candidate=candidate,
        interests="Lager og logistikk",
        hours_min=10,
        hours_max=20,
        times_of_day=["day"],
        sectors=["warehouse"],
        places=[" Oslo ", "", "Bærum "],
        need_level=candidate.need_level,  # the same as before: not a change
    )

    assert set(changed) == {
        "interests",
        "hours_min",
        "hours_max",
        "times_of_day",
        "sectors",
        "places",
    }
    baseline, first = ProfileVersion.objects.filter(candidate=candidate).order_by("number")
    assert baseline.number == 0
    assert baseline.changed_fields == []
    assert baseline.data["interests"] == ""
    assert baseline.data["hours_min"] is None
    assert baseline.data["needs"] == {}
    assert first.number == 1
    assert set(first.changed_fields) == set(changed)
    assert first.changed_by == world.advisor
    assert first.data["interests"] == "Lager og logistikk"
    assert first.data["places"] == ["Oslo", "Bærum"]  # trimmed, empty ones dropped
    assert _stored(candidate)["profile_version"] == 1
    assert _stored(candidate)["places"] == ["Oslo", "Bærum"]


def test_a_change_writes_one_audit_row_about_the_profile(world: World) -> None:
    candidate = world.process.candidate
    profile_update(actor=world.advisor, candidate=candidate, interests="Lager", hours_min=5)

    event = AuditEvent.objects.get(subject_uuid=candidate.uuid, action=Action.CHANGE)
    assert event.object_type == "profile"
    assert event.object_uuid == candidate.uuid
    assert event.actor == world.advisor
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.CASE_WORK
    assert "interests" in event.detail
    assert "hours_min" in event.detail


def test_each_change_is_a_new_version_and_the_old_ones_stay(world: World) -> None:
    candidate = world.process.candidate
    profile_update(actor=world.advisor, candidate=candidate, interests="Lager")
    profile_update(actor=world.manager, candidate=candidate, interests="Kantine", avoid="Støy")

    versions = list(ProfileVersion.objects.filter(candidate=candidate).order_by("number"))
    assert [v.number for v in versions] == [0, 1, 2]
    assert versions[1].data["interests"] == "Lager"
    assert versions[2].data["interests"] == "Kantine"
    assert set(versions[2].changed_fields) == {"interests", "avoid"}
    assert versions[2].changed_by == world.manager
    assert _stored(candidate)["profile_version"] == 2


def test_no_new_version_or_audit_row_when_nothing_changed(world: World) -> None:
    candidate = world.process.candidate
    profile_update(actor=world.advisor, candidate=candidate, interests="Lager", hours_min=10)
    trail = _trail(candidate)

    changed = profile_update(
        actor=world.advisor, candidate=candidate, interests="Lager", hours_min=10
    )

    assert changed == []
    assert _trail(candidate) == trail
    assert _stored(candidate)["profile_version"] == 1


# --- profile_update_own ---------------------------------------------------------------------


def test_jobseeker_writes_own_words_trimmed_and_dated(world: World) -> None:
    candidate = world.process.candidate

    changed = profile_update_own(
        actor=world.jobseeker,
        candidate=candidate,
        own_interests="  Jeg liker å ordne ting  ",
        own_wishes="\nEn rolig arbeidsplass\n",
    )

    assert set(changed) == {"own_interests", "own_wishes"}
    stored = _stored(candidate)
    assert stored["own_interests"] == "Jeg liker å ordne ting"
    assert stored["own_wishes"] == "En rolig arbeidsplass"
    assert stored["own_updated_at"] == NOW
    version = ProfileVersion.objects.get(candidate=candidate, number=1)
    assert version.changed_by == world.jobseeker
    event = AuditEvent.objects.get(subject_uuid=candidate.uuid, action=Action.CHANGE)
    assert event.object_type == "profile"
    assert event.purpose == Purpose.OWN_DATA


def test_own_updated_at_moves_with_each_write(
    world: World, frozen_clock: time_machine.Traveller
) -> None:
    candidate = world.process.candidate
    profile_update_own(actor=world.jobseeker, candidate=candidate, own_interests="Tegne")
    frozen_clock.shift(datetime.timedelta(days=3))
    profile_update_own(actor=world.jobseeker, candidate=candidate, own_strengths="Nøyaktig")
    assert _stored(candidate)["own_updated_at"] == NOW + datetime.timedelta(days=3)
    assert _stored(candidate)["own_interests"] == "Tegne"  # untouched fields are kept


@pytest.mark.parametrize(
    "persona", ["jobseeker_other", "advisor", "manager", "employer", "partner", "admin"]
)
def test_only_the_candidates_own_jobseeker_writes_own_words(world: World, persona: str) -> None:
    candidate = world.process.candidate
    before, trail = _stored(candidate), _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        profile_update_own(actor=world.persona(persona), candidate=candidate, own_interests="x")

    assert caught.value.messages == ["Bare arbeidssøkeren selv kan skrive denne delen."]
    assert _stored(candidate) == before
    assert _trail(candidate) == trail


@pytest.mark.parametrize("field", ["interests", "hours_min", "first_name"])
def test_jobseeker_cannot_write_the_advisors_part(world: World, field: str) -> None:
    candidate = world.process.candidate
    before = _stored(candidate)
    with pytest.raises(ValidationError):
        profile_update_own(
            actor=world.jobseeker, candidate=candidate, own_interests="Tegne", **{field: "x"}
        )
    assert _stored(candidate) == before


def test_advisor_cannot_overwrite_own_words_through_the_kartlegging(world: World) -> None:
    candidate = world.process.candidate
    profile_update_own(actor=world.jobseeker, candidate=candidate, own_interests="Mine ord")

    with pytest.raises(ValidationError):
        profile_update(actor=world.advisor, candidate=candidate, own_interests="Veileders ord")

    assert _stored(candidate)["own_interests"] == "Mine ord"


# --- needs_update ---------------------------------------------------------------------------


def test_needs_update_creates_updates_and_deletes(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "quiet_environment", "Gammel tekst")
    _add_need(candidate, "avoid_heavy_lifting", "Vondt i ryggen")
    day = datetime.date(2026, 5, 20)

    changed = needs_update(
        actor=world.advisor,
        candidate=candidate,
        needs={"quiet_environment": "  Blir sliten av støy ", "flexible_days": ""},
        on=day,
    )

    assert changed == ["needs"]
    needs = {n.code: n for n in AccommodationNeed.objects.filter(candidate=candidate)}
    assert set(needs) == {"quiet_environment", "flexible_days"}  # heavy lifting is gone
    assert needs["quiet_environment"].detail == "Blir sliten av støy"
    assert needs["flexible_days"].detail == ""
    assert {n.last_confirmed for n in needs.values()} == {day}
    assert {n.confirmed_by for n in needs.values()} == {world.advisor}
    version = ProfileVersion.objects.get(candidate=candidate, number=1)
    assert version.changed_fields == ["needs"]
    assert version.data["needs"] == {
        "flexible_days": "",
        "quiet_environment": "Blir sliten av støy",
    }
    baseline = ProfileVersion.objects.get(candidate=candidate, number=0)
    assert baseline.data["needs"] == {
        "avoid_heavy_lifting": "Vondt i ryggen",
        "quiet_environment": "Gammel tekst",
    }


def test_needs_update_without_a_day_confirms_today(world: World) -> None:
    candidate = world.process.candidate
    needs_update(actor=world.manager, candidate=candidate, needs={"hearing": ""})
    need = AccommodationNeed.objects.get(candidate=candidate)
    assert need.last_confirmed == TODAY
    assert need.confirmed_by == world.manager


def test_needs_update_refuses_an_unknown_code_and_saves_nothing(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "quiet_environment", "Tekst")
    trail = _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        needs_update(
            actor=world.advisor,
            candidate=candidate,
            needs={"hearing": "", "diagnose": "Noe"},
        )

    assert caught.value.message_dict["needs"] == ["Ukjent behov: diagnose."]
    assert _trail(candidate) == trail
    assert list(AccommodationNeed.objects.filter(candidate=candidate).values_list("code")) == [
        ("quiet_environment",)
    ]


@pytest.mark.parametrize("persona", ["jobseeker", "employer", "partner", "employer_contact"])
def test_only_advisors_and_managers_may_set_needs(world: World, persona: str) -> None:
    candidate = world.process.candidate
    with pytest.raises(ValidationError):
        needs_update(actor=world.persona(persona), candidate=candidate, needs={"hearing": ""})
    assert not AccommodationNeed.objects.filter(candidate=candidate).exists()


def test_reconfirming_the_same_needs_is_no_profile_change(world: World) -> None:
    candidate = world.process.candidate
    needs_update(actor=world.advisor, candidate=candidate, needs={"hearing": "Høreapparat"})
    versions = ProfileVersion.objects.filter(candidate=candidate).count()

    changed = needs_update(
        actor=world.advisor,
        candidate=candidate,
        needs={"hearing": "Høreapparat"},
        on=datetime.date(2026, 6, 10),
    )

    assert changed == []
    assert ProfileVersion.objects.filter(candidate=candidate).count() == versions
    assert AccommodationNeed.objects.get(candidate=candidate).last_confirmed == datetime.date(
        2026, 6, 10
    )


# --- needs_confirm --------------------------------------------------------------------------


def test_needs_confirm_moves_last_confirmed_of_every_need(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "hearing", last_confirmed=datetime.date(2025, 1, 1))
    _add_need(candidate, "sight", "Briller", last_confirmed=datetime.date(2025, 9, 1))
    other = AccommodationNeed.objects.create(
        candidate=world.jobseeker_other.candidate, code="hearing", last_confirmed="2025-01-01"
    )

    count = needs_confirm(actor=world.advisor, candidate=candidate)

    assert count == 2
    needs = AccommodationNeed.objects.filter(candidate=candidate)
    assert {n.last_confirmed for n in needs} == {TODAY}
    assert {n.confirmed_by for n in needs} == {world.advisor}
    assert {n.detail for n in needs} == {"", "Briller"}  # the needs themselves are unchanged
    other.refresh_from_db()
    assert other.last_confirmed == datetime.date(2025, 1, 1)  # another candidate's are not
    event = AuditEvent.objects.get(subject_uuid=candidate.uuid, action=Action.CHANGE)
    assert event.object_type == "profile"
    assert event.detail == "bekreftet 2 behov uendret"


def test_needs_confirm_on_a_given_day(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "hearing", last_confirmed=datetime.date(2025, 1, 1))
    needs_confirm(actor=world.manager, candidate=candidate, on=datetime.date(2026, 5, 2))
    assert AccommodationNeed.objects.get(candidate=candidate).last_confirmed == datetime.date(
        2026, 5, 2
    )


def test_only_advisors_and_managers_may_confirm_needs(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "hearing", last_confirmed=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError):
        needs_confirm(actor=world.jobseeker, candidate=candidate)
    assert AccommodationNeed.objects.get(candidate=candidate).last_confirmed == datetime.date(
        2025, 1, 1
    )


# --- consent_record with needs --------------------------------------------------------------


def test_a_need_the_candidate_has_may_be_shared(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "quiet_environment", "Sliten av støy")

    record = consent_record(
        actor=world.jobseeker, candidate=candidate, items=["name", "need:quiet_environment"]
    )

    assert record.items == ["name", "need:quiet_environment"]
    assert policy.candidate_fields_for(world.employer, candidate) == {
        "name",
        "need:quiet_environment",
    }


@pytest.mark.parametrize("item", ["need:hearing", "need:diagnose", "need:", "needs"])
def test_a_need_the_candidate_does_not_have_cannot_be_shared(world: World, item: str) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "quiet_environment")
    trail = _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        consent_record(actor=world.jobseeker, candidate=candidate, items=["name", item])

    assert item in caught.value.message_dict["items"][0]
    assert _trail(candidate) == trail
    assert policy.consented_items(candidate) == {"name", "age"}


def test_advisor_may_record_the_candidates_choice(world: World) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "hearing")
    record = consent_record(actor=world.advisor, candidate=candidate, items=["need:hearing"])
    assert record.recorded_by == world.advisor
    event = AuditEvent.objects.get(object_type="consent", subject_uuid=candidate.uuid)
    assert event.purpose == Purpose.CASE_WORK
    assert event.detail == "deler: need:hearing"


@pytest.mark.parametrize(
    ("persona", "message"),
    [
        ("advisor_other_office", "Du kan bare registrere samtykke for kandidater du følger opp."),
        ("jobseeker_other", "Du kan bare gi samtykke for deg selv."),
        ("employer", "Bare arbeidssøkeren selv eller veilederen kan registrere samtykke."),
        ("partner", "Bare arbeidssøkeren selv eller veilederen kan registrere samtykke."),
    ],
)
def test_consent_from_someone_else_is_refused(world: World, persona: str, message: str) -> None:
    candidate = world.process.candidate
    _add_need(candidate, "hearing")
    trail = _trail(candidate)

    with pytest.raises(ValidationError) as caught:
        consent_record(
            actor=world.persona(persona), candidate=candidate, items=["name", "need:hearing"]
        )

    assert caught.value.messages == [message]
    assert _trail(candidate) == trail
