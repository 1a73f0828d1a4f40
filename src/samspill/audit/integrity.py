"""The audit trail's tamper evidence: a keyed hash per row, and seals that chain batches.

Every row gets ``row_hash``, a keyed hash (``lib/integrity.py``, key from the environment)
of its content when it is written, so an edited row shows. ``audit_seal`` (run by
``seal_audit_trail`` every few minutes, and before each verification) seals the rows
written since the last seal: the seal's keyed hash covers the previous seal's hash, the id
range, the count and each row's hash, so a deleted or inserted row breaks it and every seal
after it. Rows are sealed only once they are ``SEAL_AFTER`` old, so a row still in an open
transaction is not skipped. ``verify_audit_chain`` names the first broken row or seal.

On PostgreSQL a trigger also refuses UPDATE, DELETE and TRUNCATE on the trail (migration
``0004``); the one exception is the retention purge, which re-seals what remains.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.audit.models import AuditEvent, AuditSeal
from samspill.lib.integrity import keyed_hash, keyed_stream, same

#: Rows are sealed once this old (no transaction in Samspill stays open that long).
SEAL_AFTER = timedelta(minutes=5)
#: The session setting that lets the retention purge delete (PostgreSQL trigger).
PURGE_SETTING = "samspill.audit_purge"


def row_body(event: AuditEvent) -> dict[str, Any]:
    """What a row's hash covers: everything but the link to the actor's user, which is set
    to null when that user is deleted (the name and role recorded with the row remain)."""
    return {
        "at": event.at.isoformat(),
        "actor_name": event.actor_name,
        "actor_role": event.actor_role,
        "action": event.action,
        "outcome": event.outcome,
        "purpose": event.purpose,
        "object_type": event.object_type,
        "object_uuid": str(event.object_uuid) if event.object_uuid else None,
        "subject_uuid": str(event.subject_uuid) if event.subject_uuid else None,
        "detail": event.detail,
        "fields": sorted(event.fields or []),
    }


def row_hash(event: AuditEvent) -> str:
    return keyed_hash("audit-row", row_body(event))


def _seal_hash(
    *, previous: str, first_id: int, last_id: int, hashes: Iterator[str]
) -> tuple[str, int]:
    digest = keyed_stream("audit-seal")
    digest.update(f"{previous}|{first_id}|{last_id}".encode())
    count = 0
    for value in hashes:
        digest.update(value.encode())
        count += 1
    digest.update(f"|{count}".encode())
    return digest.hexdigest(), count


def _hashes(first_id: int, last_id: int) -> Iterator[str]:
    rows = AuditEvent.objects.filter(pk__gte=first_id, pk__lte=last_id).order_by("pk")
    return rows.values_list("row_hash", flat=True).iterator(chunk_size=5000)


@transaction.atomic
def audit_seal(*, now: datetime | None = None) -> AuditSeal | None:
    """Seal the rows written since the last seal (``None`` if there are none yet)."""
    cutoff = (now or timezone.now()) - SEAL_AFTER
    last = AuditSeal.objects.select_for_update().order_by("-number").first()
    start = last.last_id + 1 if last else 1
    end = (
        AuditEvent.objects.filter(pk__gte=start, at__lt=cutoff)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if end is None:
        return None
    first = AuditEvent.objects.filter(pk__gte=start).order_by("pk").values_list("pk", flat=True)[0]
    previous = last.hash if last else ""
    digest, count = _seal_hash(
        previous=previous, first_id=first, last_id=end, hashes=_hashes(first, end)
    )
    seal = AuditSeal(
        number=last.number + 1 if last else 1,
        first_id=first,
        last_id=end,
        count=count,
        previous_hash=previous,
        hash=digest,
    )
    seal.save()
    return seal


def purge_mode() -> None:
    """Within the current transaction, let the PostgreSQL trigger allow the purge's deletes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])


def reseal_from(first_deleted_id: int) -> None:
    """After the retention purge: drop the seals over the purged ids and seal again."""
    AuditSeal._base_manager.filter(last_id__gte=first_deleted_id).delete()
    audit_seal()


@dataclass(frozen=True)
class Break:
    where: str
    problem: str


def _verify_seal(seal: AuditSeal, number: int, previous: str, first: int | None) -> list[Break]:
    where = f"forsegling {seal.number} (rad {seal.first_id}–{seal.last_id})"
    found = []
    if seal.number != number or seal.previous_hash != previous:
        found.append(Break(where, _("lenken til forrige forsegling er brutt")))
    if first is not None and seal.first_id != first:
        found.append(Break(where, _("rader mangler mellom forseglingene")))
    digest, count = _seal_hash(
        previous=seal.previous_hash,
        first_id=seal.first_id,
        last_id=seal.last_id,
        hashes=_hashes(seal.first_id, seal.last_id),
    )
    if count != seal.count:
        text = _("forseglingen har %(sealed)s rader, loggen %(count)s")
        found.append(Break(where, text % {"sealed": seal.count, "count": count}))
    elif not same(digest, seal.hash):
        found.append(Break(where, _("radene er ikke de som ble forseglet")))
    return found


def verify() -> list[Break]:
    """Every break in the trail: broken seals or links, then edited rows (the first break
    is the first in the list). Reads the whole trail in chunks."""
    found: list[Break] = []
    previous, first = "", None
    for number, seal in enumerate(AuditSeal.objects.order_by("number"), start=1):
        found += _verify_seal(seal, number, previous, first)
        previous, first = seal.hash, seal.last_id + 1
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=5000):
        if not same(row_hash(event), event.row_hash):
            found.append(Break(f"rad {event.pk}", _("raden er endret etter at den ble skrevet")))
    return found
