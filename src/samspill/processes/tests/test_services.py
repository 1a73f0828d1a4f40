"""Process services against the real database: open, change phase, invite and revoke members.

The clock is frozen at 1 June 2026 (Oslo) in every test that depends on "today".
``world.process`` is in the phase ``trial`` since 1 March 2026, placed with ``employer_org``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from itertools import product
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samspill import policy
from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.tests.factories import CandidateFactory
from samspill.conftest import World
from samspill.processes.models import InclusionProcess, MemberRole, Phase, PhaseChange
from samspill.processes.services import (
    process_change_phase,
    process_invite_member,
    process_open,
    process_revoke_member,
)
from samspill.processes.tests.factories import ProcessFactory
from samspill.processes.transitions import PHASE_TRANSITIONS

OSLO = ZoneInfo("Europe/Oslo")
TODAY = datetime.date(2026, 6, 1)
PHASE_SINCE = datetime.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _errors(caught: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return caught.value.message_dict


def _state(process: InclusionProcess) -> tuple[str, datetime.date, int | None, int, int]:
    """Everything a failed phase change must leave untouched."""
    process.refresh_from_db()
    return (
        process.phase,
        process.phase_since,
        process.employer_id,
        PhaseChange.objects.filter(process=process).count(),
        AuditEvent.objects.count(),
    )


# --- process_open ---------------------------------------------------------------------------


def test_open_starts_in_mapping_at_the_advisors_office(world: World) -> None:
    candidate = CandidateFactory()
    process = process_open(actor=world.manager, candidate=candidate, advisor=world.advisor)

    process.refresh_from_db()
    assert process.phase == Phase.MAPPING
    assert process.phase_since == process.started_on == TODAY
    assert process.office == world.office
    assert process.team == world.advisor.team
    assert process.advisor == world.advisor
    assert process.ended_on is None
    first = PhaseChange.objects.get(process=process)
    assert (first.from_phase, first.to_phase, first.effective_on) == ("", Phase.MAPPING, TODAY)
    assert first.recorded_by == world.manager


def test_open_writes_a_create_audit_row_about_the_candidate(world: World) -> None:
    candidate = CandidateFactory()
    process = process_open(actor=world.advisor, candidate=candidate, advisor=world.advisor)
    event = AuditEvent.objects.get(object_uuid=process.uuid)
    assert event.action == Action.CREATE
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.CASE_WORK
    assert event.subject_uuid == candidate.uuid
    assert event.actor == world.advisor
    assert event.actor_role == Role.ADVISOR


def test_open_accepts_a_start_date_in_the_past(world: World) -> None:
    process = process_open(
        actor=world.advisor,
        candidate=CandidateFactory(),
        advisor=world.advisor,
        started_on=datetime.date(2026, 2, 2),
    )
    assert process.started_on == process.phase_since == datetime.date(2026, 2, 2)


def test_open_refuses_a_start_date_in_the_future(world: World) -> None:
    before = InclusionProcess.objects.count()
    with pytest.raises(ValidationError) as caught:
        process_open(
            actor=world.advisor,
            candidate=CandidateFactory(),
            advisor=world.advisor,
            started_on=TODAY + datetime.timedelta(days=1),
        )
    assert "frem i tid" in _errors(caught)["started_on"][0]
    assert InclusionProcess.objects.count() == before


@pytest.mark.parametrize("owner", ["manager", "employer_contact", "partner", "jobseeker"])
def test_open_refuses_an_owner_who_is_not_an_advisor(world: World, owner: str) -> None:
    before = (InclusionProcess.objects.count(), PhaseChange.objects.count())
    with pytest.raises(ValidationError) as caught:
        process_open(
            actor=world.manager, candidate=CandidateFactory(), advisor=world.persona(owner)
        )
    assert "veileder" in _errors(caught)["advisor"][0]
    assert (InclusionProcess.objects.count(), PhaseChange.objects.count()) == before


def test_open_refuses_an_advisor_without_an_office(world: World) -> None:
    # The database forbids saving such a user; the service must not rely on that alone.
    homeless = UserFactory.build(role=Role.ADVISOR, office=None)
    with pytest.raises(ValidationError) as caught:
        process_open(actor=world.manager, candidate=CandidateFactory(), advisor=homeless)
    assert "NAV-kontor" in _errors(caught)["advisor"][0]


# --- process_change_phase: the transition table -------------------------------------------


ALL_PAIRS = list(product(Phase, Phase))


@pytest.mark.parametrize(
    ("current", "target"), ALL_PAIRS, ids=[f"{a.value}->{b.value}" for a, b in ALL_PAIRS]
)
def test_transition_table_decides(world: World, current: Phase, target: Phase) -> None:
    process = ProcessFactory(
        advisor=world.advisor, employer=world.employer_org, phase=current, phase_since=PHASE_SINCE
    )
    before = _state(process)
    change = lambda: process_change_phase(  # noqa: E731
        actor=world.advisor,
        process=process,
        to_phase=target,
        effective_on=TODAY,
        reason="Avsluttet etter eget ønske",
    )
    if target in PHASE_TRANSITIONS[current]:
        assert change().phase == target
    else:
        with pytest.raises(ValidationError) as caught:
            change()
        message = _errors(caught)["to_phase"][0]
        assert message == f"Forløpet kan ikke gå fra «{current.label}» til «{target.label}»."
        assert _state(process) == before


def test_a_phase_cannot_move_to_itself(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor, process=world.process, to_phase=Phase.TRIAL, effective_on=TODAY
        )
    assert "kan ikke gå fra «Utprøving» til «Utprøving»" in _errors(caught)["to_phase"][0]


# --- process_change_phase: dates, reason, employer ------------------------------------------


def test_effective_on_before_phase_since_is_refused_at_effective_on(world: World) -> None:
    before = _state(world.process)
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor,
            process=world.process,
            to_phase=Phase.EMPLOYMENT,
            effective_on=PHASE_SINCE - datetime.timedelta(days=1),
        )
    errors = _errors(caught)
    assert list(errors) == ["effective_on"]
    assert "før forløpet kom i nåværende fase (01.03.2026)" in errors["effective_on"][0]
    assert _state(world.process) == before


def test_effective_on_equal_to_phase_since_is_allowed(world: World) -> None:
    process = process_change_phase(
        actor=world.advisor,
        process=world.process,
        to_phase=Phase.EMPLOYMENT,
        effective_on=PHASE_SINCE,
    )
    assert process.phase_since == PHASE_SINCE


def test_effective_on_in_the_future_is_refused(world: World) -> None:
    before = _state(world.process)
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor,
            process=world.process,
            to_phase=Phase.EMPLOYMENT,
            effective_on=TODAY + datetime.timedelta(days=1),
        )
    assert "frem i tid" in _errors(caught)["effective_on"][0]
    assert _state(world.process) == before


def test_effective_on_today_is_allowed(world: World) -> None:
    process = process_change_phase(
        actor=world.advisor, process=world.process, to_phase=Phase.EMPLOYMENT, effective_on=TODAY
    )
    assert process.phase_since == TODAY


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_closing_requires_a_reason(world: World, reason: str) -> None:
    before = _state(world.process)
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor,
            process=world.process,
            to_phase=Phase.CLOSED,
            effective_on=TODAY,
            reason=reason,
        )
    assert "hvorfor forløpet avsluttes" in _errors(caught)["reason"][0]
    assert _state(world.process) == before


def test_closing_with_a_reason_sets_ended_on_and_reopening_clears_it(world: World) -> None:
    closed = process_change_phase(
        actor=world.advisor,
        process=world.process,
        to_phase=Phase.CLOSED,
        effective_on=datetime.date(2026, 5, 1),
        reason="  Flyttet fra kommunen  ",
    )
    assert closed.ended_on == datetime.date(2026, 5, 1)
    assert PhaseChange.objects.filter(process=world.process).latest("id").reason == (
        "Flyttet fra kommunen"
    )
    reopened = process_change_phase(
        actor=world.advisor, process=world.process, to_phase=Phase.JOB_SEARCH, effective_on=TODAY
    )
    reopened.refresh_from_db()
    assert reopened.phase == Phase.JOB_SEARCH
    assert reopened.ended_on is None


@pytest.mark.parametrize("target", [Phase.TRIAL, Phase.EMPLOYMENT])
def test_phases_with_an_employer_require_one(world: World, target: Phase) -> None:
    process = ProcessFactory(advisor=world.advisor, phase=Phase.JOB_SEARCH, employer=None)
    before = _state(process)
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor, process=process, to_phase=target, effective_on=TODAY
        )
    assert _errors(caught)["employer"] == [f"Velg arbeidsgiver for «{target.label}»."]
    assert _state(process) == before


def test_retention_requires_an_employer(world: World) -> None:
    process = ProcessFactory(advisor=world.advisor, phase=Phase.EMPLOYMENT, employer=None)
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor, process=process, to_phase=Phase.RETENTION, effective_on=TODAY
        )
    assert "Jobbfastholdelse" in _errors(caught)["employer"][0]


def test_the_given_employer_is_set_on_the_process(world: World) -> None:
    process = ProcessFactory(advisor=world.advisor, phase=Phase.JOB_SEARCH, employer=None)
    changed = process_change_phase(
        actor=world.advisor,
        process=process,
        to_phase=Phase.TRIAL,
        effective_on=TODAY,
        employer=world.employer_org_other,
    )
    changed.refresh_from_db()
    assert changed.employer == world.employer_org_other


def test_the_current_employer_is_kept_when_none_is_given(world: World) -> None:
    changed = process_change_phase(
        actor=world.advisor, process=world.process, to_phase=Phase.EMPLOYMENT, effective_on=TODAY
    )
    changed.refresh_from_db()
    assert changed.employer == world.employer_org


def test_job_search_does_not_need_an_employer(world: World) -> None:
    process = ProcessFactory(advisor=world.advisor, phase=Phase.MAPPING, employer=None)
    changed = process_change_phase(
        actor=world.advisor, process=process, to_phase=Phase.JOB_SEARCH, effective_on=TODAY
    )
    assert changed.phase == Phase.JOB_SEARCH


# --- process_change_phase: what a successful change writes ----------------------------------


def test_a_successful_change_writes_a_phase_change_row(world: World) -> None:
    before = PhaseChange.objects.filter(process=world.process).count()
    process_change_phase(
        actor=world.manager,
        process=world.process,
        to_phase=Phase.EMPLOYMENT,
        effective_on=datetime.date(2026, 5, 15),
        reason="  Fast ansatt  ",
    )
    world.process.refresh_from_db()
    assert world.process.phase == Phase.EMPLOYMENT
    assert world.process.phase_since == datetime.date(2026, 5, 15)
    assert PhaseChange.objects.filter(process=world.process).count() == before + 1
    row = PhaseChange.objects.filter(process=world.process).latest("id")
    assert row.from_phase == Phase.TRIAL
    assert row.to_phase == Phase.EMPLOYMENT
    assert row.effective_on == datetime.date(2026, 5, 15)
    assert row.reason == "Fast ansatt"
    assert row.recorded_by == world.manager


def test_a_successful_change_writes_a_change_audit_row(world: World) -> None:
    process_change_phase(
        actor=world.advisor, process=world.process, to_phase=Phase.JOB_SEARCH, effective_on=TODAY
    )
    event = AuditEvent.objects.get(object_uuid=world.process.uuid, action=Action.CHANGE)
    assert event.actor == world.advisor
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.CASE_WORK
    assert event.subject_uuid == world.process.candidate.uuid
    assert event.object_type == "process"
    assert "trial" in event.detail
    assert "job_search" in event.detail


def test_the_process_is_read_fresh_so_a_stale_copy_cannot_skip_the_table(world: World) -> None:
    stale = InclusionProcess.objects.get(pk=world.process.pk)
    process_change_phase(
        actor=world.advisor,
        process=world.process,
        to_phase=Phase.CLOSED,
        effective_on=TODAY,
        reason="Fikk jobb selv",
    )
    # ``stale`` still says "trial", from where employment is allowed; the process is closed.
    with pytest.raises(ValidationError) as caught:
        process_change_phase(
            actor=world.advisor, process=stale, to_phase=Phase.EMPLOYMENT, effective_on=TODAY
        )
    assert "fra «Avsluttet»" in _errors(caught)["to_phase"][0]


# --- process_invite_member / process_revoke_member ------------------------------------------


def test_invite_gives_access_and_writes_audit_row(world: World) -> None:
    member = process_invite_member(
        actor=world.advisor,
        process=world.process,
        user=world.partner,
        role=MemberRole.PARTNER,
        purpose="  Vurdering av hjelpemidler  ",
    )
    assert member.purpose == "Vurdering av hjelpemidler"
    assert member.invited_by == world.advisor
    assert member.revoked_at is None
    assert list(policy.processes_visible_to(world.partner)) == [world.process]
    event = AuditEvent.objects.get(object_uuid=world.process.uuid, action=Action.CHANGE)
    assert event.actor == world.advisor
    assert world.partner.display_name in event.detail


@pytest.mark.parametrize(
    ("persona", "role", "label"),
    [
        ("partner", MemberRole.EMPLOYER_CONTACT, "Markedskontakt"),
        ("employer_contact", MemberRole.PARTNER, "Samarbeidspartner"),
        ("jobseeker_other", MemberRole.CO_ADVISOR, "Veileder / jobbspesialist"),
        ("employer", MemberRole.PARTNER, "Samarbeidspartner"),
    ],
)
def test_invite_refuses_a_user_whose_role_does_not_match(
    world: World, persona: str, role: MemberRole, label: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        process_invite_member(
            actor=world.advisor,
            process=world.process,
            user=world.persona(persona),
            role=role,
            purpose="Samarbeid",
        )
    assert _errors(caught)["user"] == [f"Brukeren har ikke rollen «{label}»."]
    assert not world.process.members.exists()


def test_invite_accepts_a_co_advisor_from_another_office(world: World) -> None:
    member = process_invite_member(
        actor=world.advisor,
        process=world.process,
        user=world.advisor_other_office,
        role=MemberRole.CO_ADVISOR,
        purpose="Flytter til Alna",
    )
    assert member.role == MemberRole.CO_ADVISOR
    assert world.process in policy.processes_visible_to(world.advisor_other_office)


@pytest.mark.parametrize("purpose", ["", "   "])
def test_invite_requires_a_purpose(world: World, purpose: str) -> None:
    audit_before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as caught:
        process_invite_member(
            actor=world.advisor,
            process=world.process,
            user=world.partner,
            role=MemberRole.PARTNER,
            purpose=purpose,
        )
    assert "hva samarbeidet gjelder" in _errors(caught)["purpose"][0]
    assert not world.process.members.exists()
    assert AuditEvent.objects.count() == audit_before


def test_invite_refuses_someone_already_in(world: World) -> None:
    process_invite_member(
        actor=world.advisor,
        process=world.process,
        user=world.partner,
        role=MemberRole.PARTNER,
        purpose="Første gang",
    )
    with pytest.raises(ValidationError) as caught:
        process_invite_member(
            actor=world.advisor,
            process=world.process,
            user=world.partner,
            role=MemberRole.PARTNER,
            purpose="Andre gang",
        )
    assert "allerede med" in _errors(caught)["user"][0]
    assert world.process.members.count() == 1


def test_revoke_ends_access_and_writes_audit_row(world: World) -> None:
    member = process_invite_member(
        actor=world.advisor,
        process=world.process,
        user=world.partner,
        role=MemberRole.PARTNER,
        purpose="Hjelpemidler",
    )
    revoked = process_revoke_member(actor=world.manager, member=member)
    revoked.refresh_from_db()
    assert revoked.revoked_at is not None
    assert not policy.processes_visible_to(world.partner).exists()
    event = AuditEvent.objects.filter(object_uuid=world.process.uuid).order_by("-id").first()
    assert event is not None
    assert event.actor == world.manager
    assert event.action == Action.CHANGE
    assert event.subject_uuid == world.process.candidate.uuid
    assert event.detail.startswith("fjernet")


def test_a_revoked_member_can_be_invited_again(world: World) -> None:
    member = process_invite_member(
        actor=world.advisor,
        process=world.process,
        user=world.partner,
        role=MemberRole.PARTNER,
        purpose="Første runde",
    )
    process_revoke_member(actor=world.advisor, member=member)
    again = process_invite_member(
        actor=world.advisor,
        process=world.process,
        user=world.partner,
        role=MemberRole.PARTNER,
        purpose="Andre runde",
    )
    assert again.pk != member.pk
    assert world.process.members.count() == 2
    assert world.process in policy.processes_visible_to(world.partner)
