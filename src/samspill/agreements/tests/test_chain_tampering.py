"""Five ways to tamper with a concluded agreement, each one detected.

The tampering goes around the application (raw SQL and the base manager), as someone with
write access to the database but without the integrity key would.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from samspill.agreements import chain, services
from samspill.agreements.models import Agreement, Version
from samspill.agreements.tests.helpers import approve, complete, send
from samspill.conftest import World


@pytest.fixture
def agreement(world: World) -> Agreement:
    """A concluded agreement with two versions (concluded, then extended)."""
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    for party in (world.jobseeker, world.employer, world.advisor):
        approve(agreement, party)
    agreement.refresh_from_db()
    services.agreement_change(
        actor=world.advisor,
        agreement=agreement,
        revision=agreement.revision,
        kind="extend",
        reason="",
        values={"end_on": date(2027, 9, 30)},
    )
    agreement.refresh_from_db()
    assert chain.verify(agreement) == []
    return agreement


def _problems(agreement: Agreement) -> list[str]:
    agreement.refresh_from_db()
    found = [f.problem for f in chain.verify(agreement)]
    with pytest.raises(CommandError, match="brudd"):
        call_command("verify_agreement_chains")
    return found


def _set_snapshot(version: Version, snapshot: dict[str, Any], digest: str | None = None) -> None:
    field = Version._meta.get_field("snapshot")
    sets, values = ["snapshot = %s"], [field.get_db_prep_value(snapshot, connection)]
    if digest is not None:
        sets.append("hash = %s")
        values.append(digest)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Version._meta.db_table} SET {', '.join(sets)} WHERE id = %s",  # noqa: S608
            [*values, version.pk],
        )


def test_an_edited_version_is_detected(agreement: Agreement) -> None:
    first = agreement.versions.get(number=1)
    _set_snapshot(first, {**first.snapshot, "hours_per_week": "37.5"})
    assert "innholdet er endret etter at det ble låst" in _problems(agreement)


def test_an_edited_version_with_its_hash_recomputed_is_detected(agreement: Agreement) -> None:
    """Without the key, a recomputed hash (here SHA-256, as the chain once was) is wrong."""
    newest = agreement.versions.get(number=2)
    snapshot = {**newest.snapshot, "monthly_wage": "99999.00"}
    body = {
        "agreement": str(agreement.uuid),
        "number": 2,
        "previous": newest.previous_hash,
        "created_at": newest.created_at.isoformat(),
        "snapshot": snapshot,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    _set_snapshot(newest, snapshot, hashlib.sha256(canonical.encode()).hexdigest())
    assert "innholdet er endret etter at det ble låst" in _problems(agreement)


def test_a_deleted_newest_version_is_detected(agreement: Agreement) -> None:
    Version._base_manager.filter(agreement=agreement, number=2).delete()
    problems = _problems(agreement)
    assert "kjeden har 1 versjoner, avtalen 2" in problems


def test_all_versions_deleted_is_detected(agreement: Agreement) -> None:
    Version._base_manager.filter(agreement=agreement).delete()
    assert "kjeden har 0 versjoner, avtalen 2" in _problems(agreement)


def test_a_forged_chain_head_is_detected(agreement: Agreement) -> None:
    """Deleting the newest version and lowering the stored length still shows: the seal."""
    Version._base_manager.filter(agreement=agreement, number=2).delete()
    Agreement.objects.filter(pk=agreement.pk).update(chain_length=1)
    assert "kjeden har 1 versjoner, avtalen 1" in _problems(agreement)


def test_an_edited_live_agreement_is_detected(agreement: Agreement) -> None:
    Agreement.objects.filter(pk=agreement.pk).update(hours_per_week="37.5")
    assert "avtalen er endret uten en ny låst versjon" in _problems(agreement)


def test_an_intact_chain_passes(agreement: Agreement) -> None:
    call_command("verify_agreement_chains")
