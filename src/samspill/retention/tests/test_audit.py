"""The audit trail outlives the records it describes by its period, then goes through the one
explicit purge; every other delete is still refused."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samspill.audit.models import AuditEvent, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.conftest import World
from samspill.lib.dates import add_months
from samspill.retention.tests.helpers import close, run_on
from samspill.rules import AUDIT_KEPT_MONTHS, PERSONAL_DATA_KEPT_MONTHS


def _old_row(world: World, subject: Subject) -> AuditEvent:
    return audit_record(
        actor=world.advisor, subject=subject, action="view", purpose=Purpose.CASE_WORK
    )


def test_rows_about_a_person_go_a_full_period_after_the_person(world: World) -> None:
    gone = world.process.candidate
    stays = world.jobseeker_other.candidate  # their process is still open
    for subject in (
        Subject("process", world.process.uuid, gone.uuid),
        Subject("candidate", stays.uuid, stays.uuid),
        Subject("insights", None),
    ):
        _old_row(world, subject)
    close(world.process, world.advisor)
    anonymised_on = add_months(timezone.localdate(), PERSONAL_DATA_KEPT_MONTHS.value)
    assert run_on(anonymised_on).anonymised == 1
    purge_on = add_months(anonymised_on, AUDIT_KEPT_MONTHS.value)
    # A day short of the period after the anonymisation, only the row about no one goes.
    report = run_on(purge_on - datetime.timedelta(days=1))
    assert report.audit_rows_purged == 1
    assert AuditEvent.objects.filter(subject_uuid=gone.uuid).exists()
    report = run_on(purge_on)
    assert report.audit_rows_purged > 0
    assert not AuditEvent.objects.filter(subject_uuid=gone.uuid).exists()
    assert AuditEvent.objects.filter(subject_uuid=stays.uuid).exists()
    purge_row = AuditEvent.objects.filter(object_type="audit_trail").latest("at")
    assert purge_row.purpose == Purpose.RETENTION
    assert f"slettet {report.audit_rows_purged} logghendelser" in purge_row.detail


def test_the_trail_still_refuses_any_other_delete(world: World) -> None:
    row = _old_row(world, Subject("insights", None))
    with pytest.raises(TypeError):
        row.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.all().delete()
