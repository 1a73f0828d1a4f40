"""Concluded agreements outlive the person's data until their own period, then go whole:
the hash chain of what is kept stays verifiable, and a purge is never reported as tampering."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from samspill.agreements import chain
from samspill.agreements.models import Agreement, Stage, Version
from samspill.agreements.tests.helpers import END, approve, complete, send
from samspill.audit.models import AuditEvent, Purpose
from samspill.conftest import World
from samspill.processes.tests.factories import ProcessFactory
from samspill.retention import services
from samspill.retention.tests.helpers import close, run_on

#: The helper's agreement ends in END's year: kept to the end of that year + 5 years.
PURGE_ON = datetime.date(END.year + 6, 1, 1)


def _concluded(world: World) -> Agreement:
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    for party in (world.jobseeker, world.employer, world.advisor):
        approve(agreement, party)
    agreement.refresh_from_db()
    assert agreement.stage == Stage.CONCLUDED
    return agreement


def _verify(capsys: pytest.CaptureFixture[str]) -> str:
    call_command("verify_agreement_chains")
    return capsys.readouterr().out


def test_kept_whole_after_anonymisation_until_its_own_period(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement = _concluded(world)
    goals, versions = agreement.goals, list(Version.objects.values_list("hash", flat=True))
    close(world.process, world.advisor)
    assert run_on(PURGE_ON - datetime.timedelta(days=1)).anonymised == 1
    agreement.refresh_from_db()
    assert agreement.goals == goals
    assert list(Version.objects.values_list("hash", flat=True)) == versions
    assert chain.verify(agreement) == []
    assert "Hash-kjeden er hel for 1 avtaler" in _verify(capsys)


def test_purged_with_its_whole_chain_and_not_reported_as_tampering(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement = _concluded(world)
    last_hash = Version.objects.get().hash
    close(world.process, world.advisor)
    report = run_on(PURGE_ON)
    assert (report.anonymised, report.agreements_purged) == (1, 1)
    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    assert not Version.objects.exists()
    assert "Hash-kjeden er hel for 0 avtaler" in _verify(capsys)
    row = AuditEvent.objects.get(object_uuid=agreement.uuid, purpose=Purpose.RETENTION)
    assert last_hash in row.detail
    assert run_on(PURGE_ON) == services.Report()


def test_an_open_process_of_the_same_person_keeps_the_agreement(world: World) -> None:
    _concluded(world)
    close(world.process, world.advisor)
    ProcessFactory(candidate=world.process.candidate, advisor=world.advisor)
    assert run_on(PURGE_ON + datetime.timedelta(days=3650)) == services.Report()
    assert Version.objects.count() == 1


def test_versions_still_refuse_every_other_delete(world: World) -> None:
    _concluded(world)
    with pytest.raises(TypeError):
        Version.objects.all().delete()
    with pytest.raises(TypeError):
        Version.objects.get().delete()


def test_a_chain_shortened_outside_the_purge_is_still_reported(world: World) -> None:
    """Only a whole chain may go: deleting its first version is tampering, and says so."""
    agreement = _concluded(world)
    from samspill.agreements import services as agreements

    agreements.agreement_change(
        actor=world.advisor,
        agreement=agreement,
        revision=agreement.revision,
        kind="extend",
        reason="",
        values={"end_on": END + datetime.timedelta(days=30)},
    )
    Version._base_manager.filter(agreement=agreement, number=1).delete()
    with pytest.raises(CommandError, match="brudd i hash-kjeden"):
        call_command("verify_agreement_chains")
