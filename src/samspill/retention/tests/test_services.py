"""Anonymisation and the contact-log rule against the real database: what goes, what stays,
who is never touched, and that nothing is ever half-done."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from samspill.accounts.tests.factories import UserFactory
from samspill.agreements.models import Agreement
from samspill.audit.models import Action, AuditEvent, Purpose
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    ConsentRecord,
    CorrectionRequest,
    ProfileVersion,
)
from samspill.conftest import World
from samspill.followup.models import (
    Commitment,
    Concern,
    Contact,
    PlanChange,
    PlanItem,
)
from samspill.insights.models import Job
from samspill.lib.dates import add_months
from samspill.matching.models import Match, MatchStep, MeetingLine
from samspill.notifications.models import Notification
from samspill.processes.models import PhaseChange, ProcessMember
from samspill.processes.tests.factories import ProcessFactory
from samspill.retention import selectors, services
from samspill.retention.models import Anonymisation
from samspill.retention.tests.helpers import NOTE, close, fill_record, run_on


def _later(months: int) -> datetime.date:
    return add_months(timezone.localdate(), months)


def test_anonymises_the_person_and_keeps_what_innsikt_counts(world: World) -> None:
    candidate = fill_record(world)
    close(world.process, world.advisor)
    counts_before = (Contact, PlanItem, Concern, Commitment, MatchStep, Job, PhaseChange)
    before = {model: model.objects.count() for model in counts_before}
    report = run_on(_later(24))
    assert report.anonymised == 1
    candidate = Candidate.objects.get(pk=candidate.pk)
    assert candidate.full_name == "Anonymisert kandidat"
    assert (candidate.phone, candidate.email, candidate.municipality) == ("", "", "")
    assert candidate.birth_date == datetime.date(1998, 1, 1)
    assert (candidate.interests, candidate.own_wishes, candidate.avoid) == ("", "", "")
    assert (candidate.hours_min, candidate.places, candidate.user) == (None, [], None)
    assert (candidate.gender, candidate.need_level) == ("female", "situasjonsbestemt")
    assert not ConsentRecord.objects.filter(candidate=candidate).exists()
    assert not ProfileVersion.objects.filter(candidate=candidate).exists()
    assert not CorrectionRequest.objects.exists()
    assert list(AccommodationNeed.objects.values_list("code", "detail")) == [
        ("quiet_environment", "")
    ]
    assert not ProcessMember.objects.exists()
    assert not PlanChange.objects.exists()
    assert {model: model.objects.count() for model in counts_before} == before
    assert Contact.objects.get().note == ""
    assert Contact.objects.get().outside_work
    assert Contact.objects.get().outside_work_owner == ""
    assert set(PhaseChange.objects.values_list("reason", flat=True)) == {""}
    assert (Concern.objects.get().text, Concern.objects.get().response) == ("", "")
    assert Commitment.objects.get().title == ""
    assert (Match.objects.get().summary, MeetingLine.objects.get().note) == ("", "")
    assert MatchStep.objects.get().note == ""
    assert Job.objects.get().hourly_wage is None
    assert Job.objects.get().kind_of_work == "Lagermedarbeider"
    assert not Agreement.objects.exists()  # a draft: no payment rests on it
    assert not Notification.objects.exists()


def test_the_jobseekers_login_is_emptied_and_closed(world: World) -> None:
    fill_record(world)
    close(world.process, world.advisor)
    run_on(_later(24))
    world.jobseeker.refresh_from_db()
    assert world.jobseeker.username == f"anonymisert-{world.jobseeker.uuid}"
    assert (world.jobseeker.first_name, world.jobseeker.email) == ("", "")
    assert not world.jobseeker.is_active
    assert not world.jobseeker.has_usable_password()


def test_one_audit_row_per_person_with_a_purpose(world: World) -> None:
    candidate = fill_record(world)
    close(world.process, world.advisor)
    run_on(_later(24))
    rows = AuditEvent.objects.filter(subject_uuid=candidate.uuid, purpose=Purpose.RETENTION)
    assert rows.count() == 1
    row = rows.get()
    assert (row.action, row.actor, row.actor_role) == (Action.CHANGE, None, "system")
    assert "anonymisert" in row.detail


def test_an_open_process_protects_the_whole_person(world: World) -> None:
    candidate = fill_record(world)
    close(world.process, world.advisor)
    ProcessFactory(candidate=candidate, advisor=world.advisor)  # came back: still open
    assert selectors.due(until=_later(60)).empty
    assert run_on(_later(60)) == services.Report()
    assert Contact.objects.get().note == NOTE
    assert Candidate.objects.get(pk=candidate.pk).full_name != "Anonymisert kandidat"


def test_a_recent_end_protects_the_whole_person(world: World) -> None:
    candidate = fill_record(world)
    close(world.process, world.advisor)
    second = ProcessFactory(candidate=candidate, advisor=world.advisor)
    close(second, world.advisor)
    # Two periods are counted from the *last* end: a day short of each, nothing happens.
    assert run_on(add_months(timezone.localdate(), 12) - datetime.timedelta(days=1)) == (
        services.Report()
    )
    assert Contact.objects.get().note == NOTE


def test_contact_notes_go_after_a_year_and_the_person_after_two(world: World) -> None:
    candidate = fill_record(world)
    close(world.process, world.advisor)
    report = run_on(_later(12))
    assert (report.notes_candidates, report.notes_blanked, report.anonymised) == (1, 1, 0)
    contact = Contact.objects.get()
    assert (contact.note, contact.outside_work_owner, contact.on) == (
        "",
        "",
        world.process.started_on,
    )
    assert Candidate.objects.get(pk=candidate.pk).interests == "Dyr"  # not yet
    assert run_on(_later(23)) == services.Report()
    assert run_on(_later(24)).anonymised == 1


def test_a_second_run_does_nothing(world: World) -> None:
    fill_record(world)
    close(world.process, world.advisor)
    assert run_on(_later(24)).anonymised == 1
    rows = AuditEvent.objects.count()
    assert selectors.due(until=_later(24)).empty
    assert run_on(_later(24)) == services.Report()
    assert AuditEvent.objects.count() == rows
    assert Anonymisation.objects.count() == 1


def test_a_failure_leaves_that_person_untouched(world: World) -> None:
    """Each person is one transaction: the one before is done, the failing one unchanged."""
    first = ProcessFactory(advisor=world.advisor)
    close(first, world.advisor, on=first.phase_since)
    fill_record(world)
    close(world.process, world.advisor)
    # A real constraint stops the second person halfway (their login's new name is taken).
    UserFactory(username=f"anonymisert-{world.jobseeker.uuid}")
    with pytest.raises(IntegrityError):
        run_on(_later(24))
    assert Anonymisation.objects.get().candidate_id == first.candidate_id
    candidate = world.process.candidate
    candidate.refresh_from_db()
    assert candidate.interests == "Dyr"
    assert candidate.user_id == world.jobseeker.pk
    assert Contact.objects.get().note == NOTE
    assert Notification.objects.count() == 2
    assert not AuditEvent.objects.filter(subject_uuid=candidate.uuid, purpose="retention")
