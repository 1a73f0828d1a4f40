"""``manage.py apply_retention``: a dry run lists and changes nothing; a real run reports its
counted steps and counts; a second run says there is nothing to do."""

from __future__ import annotations

import datetime
from io import StringIO

import time_machine
from django.core.management import call_command
from django.utils import timezone

from samspill.audit.models import AuditEvent
from samspill.candidates.models import Candidate
from samspill.conftest import World
from samspill.followup.models import Contact
from samspill.lib.dates import add_months
from samspill.retention.tests.helpers import NOTE, close, fill_record


def _command(*args: str) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def _two_years_on() -> time_machine.travel:
    day = add_months(timezone.localdate(), 24)
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(3)), tick=False)


def test_dry_run_lists_counts_and_process_uuids_and_changes_nothing(world: World) -> None:
    candidate = fill_record(world)
    close(world.process, world.advisor)
    ended = timezone.localdate()
    rows = AuditEvent.objects.count()
    with _two_years_on():
        out = _command("--dry-run")
    assert "Tørrkjøring" in out
    assert "Kandidater anonymiseres: 1 personer" in out
    assert f"forløp {world.process.uuid} avsluttet {ended}" in out
    assert Candidate.objects.get(pk=candidate.pk).interests == "Dyr"
    assert Contact.objects.get().note == NOTE
    assert AuditEvent.objects.count() == rows


def test_real_run_reports_steps_and_counts_then_nothing_the_second_time(world: World) -> None:
    fill_record(world)
    close(world.process, world.advisor)
    with _two_years_on():
        first = _command()
        second = _command()
        dry = _command("--dry-run")
    assert "[1/4] Notater i kontaktloggen (0)" in first
    assert "[2/4] Anonymisering av kandidater (1)" in first
    assert "[4/4] Innsynslogg etter oppbevaringstiden" in first
    assert "anonymisert 1," in first
    assert "Ingenting har passert oppbevaringstiden." in second
    assert "Ingenting har passert oppbevaringstiden." in dry
    assert Candidate.objects.get(pk=world.process.candidate_id).full_name == (
        "Anonymisert kandidat"
    )


def test_nothing_due_today(world: World) -> None:
    fill_record(world)
    close(world.process, world.advisor)
    assert "Ingenting har passert oppbevaringstiden." in _command()
