"""The profile as each user may see it: ``candidate_profile_for_user`` and its views.

The clock is frozen at 1 June 2026 (Oslo); tests that need time to pass move it.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samspill.accounts.models import User
from samspill.audit.access import audit_log_for_user
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.access import candidate_profile_for_user
from samspill.candidates.models import AccommodationNeed, Candidate, ConsentRecord
from samspill.candidates.presentation import CandidateView, review_cutoff
from samspill.candidates.services import (
    consent_record,
    needs_update,
    profile_update,
    profile_update_own,
)
from samspill.conftest import OUTSIDERS, World
from samspill.lib.dates import add_months
from samspill.processes.tests.factories import MemberFactory

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def candidate(world: World) -> Candidate:
    """``world``'s candidate with every part of the profile filled in."""
    candidate = world.process.candidate
    profile_update(
        actor=world.advisor,
        candidate=candidate,
        interests="Lager og logistikk",
        resources="Stødig og presis",
        experience="Sommerjobb på Rema",
        education="Truckførerbevis",
        hours_min=20,
        hours_max=30,
        times_of_day=["day", "evening"],
        sectors=["warehouse"],
        places=["Oslo"],
        max_commute_km=15,
        avoid="Telefonsalg",
        main_goal="get_work",
        benefit="aap",
    )
    profile_update_own(
        actor=world.jobseeker,
        candidate=candidate,
        own_interests="Jeg liker å ordne ting",
        own_strengths="Jeg er punktlig",
        own_motivation="Jeg vil ha noe å gå til",
        own_wishes="En rolig arbeidsplass",
    )
    needs_update(
        actor=world.advisor,
        candidate=candidate,
        needs={"quiet_environment": "Blir svært sliten av støy", "hearing": "Høreapparat"},
        on=datetime.date(2025, 1, 10),  # long ago: due for review
    )
    candidate.refresh_from_db()
    return candidate


def _profile(user: User, candidate: Candidate, **kwargs: Any) -> CandidateView:
    purpose = kwargs.pop("purpose", Purpose.CASE_WORK)
    access = candidate_profile_for_user(
        user=user, candidate_id=candidate.uuid, purpose=purpose, **kwargs
    )
    return access.view


def _shown(view: CandidateView) -> set[str]:
    """The names of every value the view holds for the reader (``None`` = not shown)."""
    assert view.profile is not None
    top = ("name", "age", "municipality", "phone", "email", "birth_date", "need_level", "gender")
    shown = {name for name in top if getattr(view, name) is not None}
    profile = view.profile
    for field in dataclasses.fields(profile):
        if field.name not in ("own", "needs") and getattr(profile, field.name) is not None:
            shown.add(field.name)
    for name in ("interests", "strengths", "motivation", "wishes"):
        if getattr(profile.own, name) is not None:
            shown.add(f"own_{name}")
    if profile.needs:
        shown.add("needs")
    return shown


# --- what each reader sees ------------------------------------------------------------------


def test_advisor_sees_the_whole_profile(world: World, candidate: Candidate) -> None:
    view = _profile(world.advisor, candidate)
    assert view.profile is not None
    assert view.profile.interests == "Lager og logistikk"
    assert view.profile.hours == "20–30 timer per uke"
    assert view.profile.times_of_day == "Dagtid, Kveld"
    assert view.profile.sectors == "Lager og logistikk"
    assert view.profile.benefit == "Arbeidsavklaringspenger (AAP)"
    assert view.profile.own.motivation == "Jeg vil ha noe å gå til"
    needs = {need.code: need for need in view.profile.needs}
    assert needs["quiet_environment"].detail == "Blir svært sliten av støy"
    assert needs["quiet_environment"].label == "Stille og rolig miljø"
    assert needs["quiet_environment"].last_confirmed == datetime.date(2025, 1, 10)
    assert view.need_level is not None
    assert view.birth_date == candidate.birth_date


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("name", {"name"}),
        ("age", {"age"}),
        ("municipality", {"municipality"}),
        ("contact", {"phone", "email"}),
        ("interests", {"interests", "own_interests", "own_motivation", "own_wishes"}),
        ("strengths", {"resources", "own_strengths"}),
        ("experience", {"experience", "education"}),
        ("wishes", {"hours", "times_of_day"}),
    ],
)
def test_employer_sees_only_the_consented_section(
    world: World, candidate: Candidate, item: str, expected: set[str]
) -> None:
    consent_record(actor=world.jobseeker, candidate=candidate, items=[item])
    assert _shown(_profile(world.employer, candidate, purpose=Purpose.EMPLOYER_PORTAL)) == expected


def test_employer_never_sees_items_that_cannot_be_shared(
    world: World, candidate: Candidate
) -> None:
    # A row naming items no one may share (written around the service) changes nothing.
    ConsentRecord.objects.create(
        candidate=candidate,
        items=["places", "situation", "needs", "need_level", "birth_date", "gender", "need:sight"],
    )
    view = _profile(world.employer, candidate, purpose=Purpose.EMPLOYER_PORTAL)
    assert _shown(view) == set()
    assert view.display_name == "Kandidat (navn ikke delt)"


def test_a_consented_need_shows_only_its_employer_text(world: World, candidate: Candidate) -> None:
    consent_record(
        actor=world.jobseeker, candidate=candidate, items=["name", "need:quiet_environment"]
    )
    view = _profile(world.employer, candidate, purpose=Purpose.EMPLOYER_PORTAL)
    assert view.profile is not None
    [need] = view.profile.needs  # hearing was not shared
    assert need.code == "quiet_environment"
    assert need.label == "Kan trenge et stille og rolig miljø"
    assert need.detail is None
    assert need.last_confirmed is None
    assert need.due_for_review is False  # the review date is not the employer's business
    assert "Blir svært sliten av støy" not in repr(view)
    assert "2025-01-10" not in repr(view)
    assert "2025, 1, 10" not in repr(view)


def test_a_partner_sees_needs_with_their_detail(world: World, candidate: Candidate) -> None:
    MemberFactory(process=world.process, user=world.partner)
    view = _profile(world.partner, candidate, purpose=Purpose.PARTNER_WORK)
    assert view.profile is not None
    needs = {need.code: need for need in view.profile.needs}
    assert set(needs) == {"quiet_environment", "hearing"}
    assert needs["hearing"].detail == "Høreapparat"
    assert needs["hearing"].label == "Hørsel"
    assert needs["hearing"].last_confirmed == datetime.date(2025, 1, 10)
    assert needs["hearing"].due_for_review is True
    # A partner works on the referral, not on the kartlegging.
    assert _shown(view) == {"name", "age", "municipality", "phone", "email", "needs"}


# --- needs due for review -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (datetime.date(2026, 6, 1), datetime.date(2025, 12, 1)),
        (datetime.date(2026, 8, 31), datetime.date(2026, 2, 28)),  # no 31 February
        (datetime.date(2028, 8, 30), datetime.date(2028, 2, 29)),  # leap year
        (datetime.date(2026, 3, 31), datetime.date(2025, 9, 30)),
    ],
)
def test_review_cutoff_is_six_calendar_months_back(
    today: datetime.date, cutoff: datetime.date
) -> None:
    assert review_cutoff(today) == cutoff == add_months(today, -6)


@pytest.mark.parametrize(
    "today", [datetime.date(2026, 6, 1), datetime.date(2026, 8, 31), datetime.date(2027, 1, 15)]
)
def test_a_need_is_due_for_review_one_day_after_six_months(
    world: World, today: datetime.date
) -> None:
    candidate = world.process.candidate
    six_months_ago = add_months(today, -6)
    confirmed = {
        "hearing": six_months_ago,  # exactly six months: not yet due
        "sight": six_months_ago - datetime.timedelta(days=1),  # one day more: due
        "speaking": six_months_ago + datetime.timedelta(days=1),
        "reading": today,
    }
    for code, day in confirmed.items():
        AccommodationNeed.objects.create(candidate=candidate, code=code, last_confirmed=day)

    with time_machine.travel(datetime.datetime.combine(today, datetime.time(9), OSLO), tick=False):
        view = _profile(world.advisor, candidate)

    assert view.profile is not None
    due = {need.code: need.due_for_review for need in view.profile.needs}
    assert due == {"hearing": False, "sight": True, "speaking": False, "reading": False}
    assert view.profile.needs_due_for_review == 1


def test_confirming_needs_clears_the_review_flag(world: World, candidate: Candidate) -> None:
    view = _profile(world.advisor, candidate)
    assert view.profile is not None
    assert view.profile.needs_due_for_review == 2
    needs_update(
        actor=world.advisor,
        candidate=candidate,
        needs={"quiet_environment": "Blir svært sliten av støy", "hearing": "Høreapparat"},
    )
    view = _profile(world.advisor, candidate)
    assert view.profile is not None
    assert view.profile.needs_due_for_review == 0


# --- the audit trail ------------------------------------------------------------------------


def test_a_profile_view_is_logged_and_shows_in_the_innsynslogg(
    world: World, candidate: Candidate
) -> None:
    _profile(world.advisor, candidate)

    event = AuditEvent.objects.get(actor=world.advisor, object_type="profile", action=Action.VIEW)
    assert event.object_uuid == candidate.uuid
    assert event.subject_uuid == candidate.uuid
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.CASE_WORK
    assert event.detail.startswith("felt: ")
    assert "needs" in event.detail
    _, log = audit_log_for_user(user=world.manager, candidate_id=candidate.uuid)
    assert event in list(log)


def test_the_employers_log_row_names_only_the_consented_fields(
    world: World, candidate: Candidate
) -> None:
    _profile(world.employer, candidate, purpose=Purpose.EMPLOYER_PORTAL)
    event = AuditEvent.objects.get(actor=world.employer, object_type="profile")
    assert event.detail == "felt: age, name"
    assert event.purpose == Purpose.EMPLOYER_PORTAL


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404_and_a_denied_row(
    world: World, candidate: Candidate, persona: str
) -> None:
    user = world.persona(persona)
    with pytest.raises(Http404):
        _profile(user, candidate)
    event = AuditEvent.objects.get(actor=user, object_type="profile")
    assert event.outcome == Outcome.DENIED
    assert event.subject_uuid == candidate.uuid


@pytest.mark.parametrize("persona", ["employer", "jobseeker"])
def test_readers_who_may_not_change_get_403_for_change(
    world: World, candidate: Candidate, persona: str
) -> None:
    user = world.persona(persona)
    with pytest.raises(PermissionDenied):
        _profile(user, candidate, for_change=True)
    event = AuditEvent.objects.get(actor=user, object_type="profile", outcome=Outcome.DENIED)
    assert event.action == Action.CHANGE
    assert event.detail == "rollen kan ikke endre profilen"


# --- changes since the reader's last visit --------------------------------------------------


def _changes(user: User, candidate: Candidate) -> Any:
    return candidate_profile_for_user(
        user=user, candidate_id=candidate.uuid, purpose=Purpose.CASE_WORK
    ).changes


def test_changes_since_the_last_visit_on_a_fresh_profile(
    world: World, frozen_clock: time_machine.Traveller
) -> None:
    candidate = world.process.candidate
    assert _changes(world.advisor, candidate) is None  # first visit: nothing to compare with

    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update_own(actor=world.jobseeker, candidate=candidate, own_interests="Jeg liker dyr")
    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update(actor=world.manager, candidate=candidate, hours_min=10, hours_max=20)
    frozen_clock.shift(datetime.timedelta(hours=1))

    changes = _changes(world.advisor, candidate)
    assert changes is not None
    assert changes.since == NOW
    assert {c.name: (c.before, c.after) for c in changes.changes} == {
        "own_interests": ("–", "Jeg liker dyr"),
        "hours_min": ("–", "10"),
        "hours_max": ("–", "20"),
    }
    assert changes.changed_by == sorted([world.jobseeker.display_name, world.manager.display_name])

    frozen_clock.shift(datetime.timedelta(hours=1))
    assert _changes(world.advisor, candidate) is None  # seen now


def test_changes_since_the_last_visit(
    world: World, candidate: Candidate, frozen_clock: time_machine.Traveller
) -> None:
    # ``candidate`` has a history already; the advisor looks at it for the first time.
    frozen_clock.shift(datetime.timedelta(hours=1))
    assert _changes(world.advisor, candidate) is None

    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update_own(actor=world.jobseeker, candidate=candidate, own_interests="Jeg liker dyr")
    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update(actor=world.manager, candidate=candidate, hours_min=10, hours_max=25)
    frozen_clock.shift(datetime.timedelta(hours=1))

    changes = _changes(world.advisor, candidate)
    assert changes is not None
    assert changes.since == NOW + datetime.timedelta(hours=1)
    assert {c.name: (c.before, c.after) for c in changes.changes} == {
        "own_interests": ("Jeg liker å ordne ting", "Jeg liker dyr"),
        "hours_min": ("20", "10"),
        "hours_max": ("30", "25"),
    }
    assert {c.name: c.label for c in changes.changes}["hours_min"] == "Timer per uke, minst"
    assert changes.changed_by == sorted([world.jobseeker.display_name, world.manager.display_name])

    frozen_clock.shift(datetime.timedelta(hours=1))
    assert _changes(world.advisor, candidate) is None  # seen now


def test_a_change_undone_before_the_next_visit_is_no_change(
    world: World, candidate: Candidate, frozen_clock: time_machine.Traveller
) -> None:
    frozen_clock.shift(datetime.timedelta(hours=1))
    _changes(world.advisor, candidate)
    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update(actor=world.manager, candidate=candidate, avoid="Natt")
    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update(actor=world.manager, candidate=candidate, avoid="Telefonsalg")
    frozen_clock.shift(datetime.timedelta(hours=1))
    assert _changes(world.advisor, candidate) is None


def test_the_readers_own_edits_are_no_news_to_them(
    world: World, candidate: Candidate, frozen_clock: time_machine.Traveller
) -> None:
    frozen_clock.shift(datetime.timedelta(hours=1))
    _changes(world.advisor, candidate)
    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update(actor=world.advisor, candidate=candidate, avoid="Natt")
    frozen_clock.shift(datetime.timedelta(hours=1))
    assert _changes(world.advisor, candidate) is None
    # ... but they are news to the manager, who looked before the edit.
    assert _changes(world.manager, candidate) is None  # the manager's first visit
    frozen_clock.shift(datetime.timedelta(hours=1))
    profile_update(actor=world.advisor, candidate=candidate, avoid="Helg")
    frozen_clock.shift(datetime.timedelta(hours=1))
    changes = _changes(world.manager, candidate)
    assert changes is not None
    assert [(c.name, c.before, c.after) for c in changes.changes] == [("avoid", "Natt", "Helg")]
    assert changes.changed_by == [world.advisor.display_name]


def test_a_needs_change_is_shown_with_its_labels(
    world: World, candidate: Candidate, frozen_clock: time_machine.Traveller
) -> None:
    frozen_clock.shift(datetime.timedelta(hours=1))
    _changes(world.advisor, candidate)
    frozen_clock.shift(datetime.timedelta(hours=1))
    needs_update(actor=world.manager, candidate=candidate, needs={"hearing": "Høreapparat"})
    frozen_clock.shift(datetime.timedelta(hours=1))
    changes = _changes(world.advisor, candidate)
    assert changes is not None
    [change] = changes.changes
    assert change.name == "needs"
    assert change.label == "Behov for tilrettelegging"
    assert (
        change.before == "Hørsel (Høreapparat); Stille og rolig miljø (Blir svært sliten av støy)"
    )
    assert change.after == "Hørsel (Høreapparat)"
