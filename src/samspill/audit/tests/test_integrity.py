"""The audit trail shows tampering: keyed row hashes, chained seals, and on PostgreSQL a
trigger that refuses UPDATE, DELETE and TRUNCATE outside the retention purge.

The tampering goes around the application (raw SQL), as someone with write access to the
database but without the integrity key would.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from samspill.audit.integrity import SEAL_AFTER, audit_seal, verify
from samspill.audit.models import Action, AuditEvent, AuditSeal, Purpose
from samspill.audit.services import Subject, audit_purge, audit_record
from samspill.conftest import World

EVENTS = AuditEvent._meta.db_table
SEALS = AuditSeal._meta.db_table
POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger is PostgreSQL's"
)


def _later() -> timezone.datetime:
    return timezone.now() + SEAL_AFTER + timedelta(minutes=1)


def _write(world: World, n: int) -> list[AuditEvent]:
    return [
        audit_record(
            actor=world.advisor,
            subject=Subject("profile", world.process.candidate.uuid, world.process.candidate.uuid),
            action=Action.VIEW,
            purpose=Purpose.CASE_WORK,
            detail=f"felt: name ({i})",
            fields=["name"],
        )
        for i in range(n)
    ]


@pytest.fixture
def tamper() -> None:
    """Lift the PostgreSQL trigger for this test's transaction, as the table's owner could."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in (EVENTS, SEALS):
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")


def _sql(statement: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_every_row_is_hashed_and_an_intact_trail_verifies(world: World) -> None:
    events = _write(world, 3)
    assert all(len(event.row_hash) == 64 for event in events)
    seal = audit_seal(now=_later())
    assert seal is not None
    assert seal.count == AuditEvent.objects.count()
    assert verify() == []
    call_command("verify_audit_chain")


def test_rows_are_sealed_only_when_old_enough(world: World) -> None:
    _write(world, 2)
    assert audit_seal() is None  # written just now: perhaps not all committed yet
    first = audit_seal(now=_later())
    assert first is not None
    assert audit_seal(now=_later()) is None  # nothing new
    _write(world, 1)
    second = audit_seal(now=_later())
    assert second is not None
    assert (second.number, second.first_id, second.previous_hash) == (
        2,
        first.last_id + 1,
        first.hash,
    )
    assert verify() == []


def test_an_edited_row_is_detected(world: World, tamper: None) -> None:
    events = _write(world, 3)
    audit_seal(now=_later())
    _sql(f"UPDATE {EVENTS} SET actor_name = %s WHERE id = %s", ["Noen andre", events[1].pk])  # noqa: S608
    [found] = verify()  # the seal holds the row's stored hash; the row no longer matches it
    assert (found.where, found.problem) == (
        f"rad {events[1].pk}",
        "raden er endret etter at den ble skrevet",
    )
    with pytest.raises(CommandError, match="brudd i innsynsloggen"):
        call_command("verify_audit_chain")


def test_an_edited_row_with_its_hash_recomputed_without_the_key_is_detected(
    world: World, tamper: None
) -> None:
    [event] = _write(world, 1)
    _sql(f"UPDATE {EVENTS} SET detail = %s, row_hash = %s WHERE id = %s", ["x", "0" * 64, event.pk])  # noqa: S608
    assert [b.problem for b in verify()] == ["raden er endret etter at den ble skrevet"]


def test_a_deleted_sealed_row_breaks_its_seal(world: World, tamper: None) -> None:
    events = _write(world, 4)
    seal = audit_seal(now=_later())
    assert seal is not None
    _sql(f"DELETE FROM {EVENTS} WHERE id = %s", [events[2].pk])  # noqa: S608
    [found] = verify()
    assert found.where.startswith("forsegling 1")
    assert found.problem == f"forseglingen har {seal.count} rader, loggen {seal.count - 1}"


def test_a_forged_seal_breaks_the_link(world: World, tamper: None) -> None:
    _write(world, 2)
    first = audit_seal(now=_later())
    _write(world, 2)
    second = audit_seal(now=_later())
    assert first is not None
    assert second is not None
    _sql(f"UPDATE {SEALS} SET hash = %s WHERE id = %s", ["f" * 64, first.pk])  # noqa: S608
    problems = [(b.where.split(" (")[0], b.problem) for b in verify()]
    assert problems == [
        ("forsegling 1", "radene er ikke de som ble forseglet"),
        ("forsegling 2", "lenken til forrige forsegling er brutt"),
    ]


def test_the_retention_purge_reseals_and_the_trail_still_verifies(world: World) -> None:
    _write(world, 3)
    audit_seal(now=_later())
    # Every row is past the period and describes no one whose record is kept.
    cutoff = timezone.now() + timedelta(seconds=1)
    keep = AuditEvent.objects.none().values("subject_uuid")
    purged = audit_purge(older_than=cutoff, keep_subjects=keep)
    assert purged >= 3
    audit_seal(now=_later())
    assert verify() == []


@POSTGRES
@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE {EVENTS} SET detail = 'x'",  # noqa: S608
        f"DELETE FROM {EVENTS}",  # noqa: S608
        f"TRUNCATE {EVENTS}",
        f"UPDATE {SEALS} SET hash = 'x'",  # noqa: S608
        f"TRUNCATE {SEALS}",
    ],
)
def test_postgresql_refuses_edits_and_deletes(world: World, statement: str) -> None:
    _write(world, 1)
    audit_seal(now=_later())
    with transaction.atomic():
        # Production sessions never have the purge setting on (tests do, to flush).
        _sql("SELECT set_config('samspill.audit_purge', 'off', true)", [])
        _sql(
            "SET CONSTRAINTS ALL IMMEDIATE", []
        )  # no pending FK checks: TRUNCATE reaches the trigger
        with pytest.raises(DatabaseError, match="Innsynsloggen kan ikke"), transaction.atomic():
            _sql(statement, [])
