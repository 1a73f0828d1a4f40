"""Snapshots of concluded versions, their hash chain, and what changed between two versions.

The hash of a version is keyed (HMAC with ``SAMSPILL_INTEGRITY_KEY``, lib/integrity.py) and
covers the agreement's UUID, the version number, the previous hash, the creation time and
the snapshot. The agreement row holds the chain's length and a keyed seal over its head, so
a deleted newest version, or every version deleted, shows too; and the agreement's own
fields must equal its newest version. ``verify`` names every break:

* a version edited (with or without its hash recomputed: the key is not in the database);
* a link or number out of order;
* the newest version (or all of them) deleted;
* the live agreement edited after conclusion without a new version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from samspill.agreements.models import Agreement, Version
from samspill.lib.integrity import keyed_hash, same

#: Fields of the agreement that a snapshot holds, with their Norwegian labels.
CONTENT_FIELDS = (
    "purpose",
    "goals",
    "tasks",
    "trainer",
    "training",
    "buddy",
    "start_on",
    "end_on",
    "hours_per_week",
    "working_hours",
    "accommodations",
    "measure",
    "percentage",
    "monthly_wage",
    "holiday_pay_rate",
    "pension_rate",
    "employer_tax_rate",
    "mentor_name",
    "mentor_wage",
    "mentor_wage_period",
    "mentor_position_percent",
    "mentor_hours_per_month",
    "expenses",
    "referrals",
    "override_reason",
    "overridden_rules",
    "employer_duties",
    "support_duties",
    "jobseeker_duties",
    "followup_frequency",
    "followup_forms",
    "followup_note",
    "if_absent",
    "if_conflict",
    "if_not_working",
    "ending",
    "nav_contact_phone",
)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime | Decimal):
        return str(value)
    return value


def snapshot_of(agreement: Agreement) -> dict[str, Any]:
    """The whole agreement as plain JSON values, parties and commitments included."""
    contact = agreement.employer_contact
    nav = agreement.nav_contact
    content = content_of(agreement)
    content.update(
        {
            "employer": agreement.process.employer.name if agreement.process.employer else "",
            "workplace": agreement.workplace.name if agreement.workplace else "",
            "employer_contact": contact.name if contact else "",
            "employer_contact_phone": contact.phone if contact else "",
            "nav_contact": nav.display_name if nav else "",
            "commitments": [
                {"text": c.text, "deadline": str(c.deadline), "owner": c.owner}
                for c in agreement.commitments.all()
            ],
        }
    )
    return content


def _digest(*, agreement: str, number: int, previous: str, created_at: str, snapshot: Any) -> str:
    body = {
        "agreement": agreement,
        "number": number,
        "previous": previous,
        "created_at": created_at,
        "snapshot": snapshot,
    }
    return keyed_hash("agreement-version", body)


def hash_of(version: Version) -> str:
    return _digest(
        agreement=str(version.agreement.uuid),
        number=version.number,
        previous=version.previous_hash,
        created_at=version.created_at.isoformat(),
        snapshot=version.snapshot,
    )


@dataclass(frozen=True)
class Break:
    agreement: str
    number: int
    problem: str


def head_seal(*, agreement: str, length: int, head: str) -> str:
    """The keyed seal over a chain's length and newest hash, stored on the agreement."""
    return keyed_hash(
        "agreement-chain-head", {"agreement": agreement, "length": length, "head": head}
    )


def sealed_head(agreement: Agreement, version: Version) -> dict[str, Any]:
    """The agreement's fields that record ``version`` as the newest of its chain."""
    length = version.number
    return {
        "chain_length": length,
        "chain_seal": head_seal(agreement=str(agreement.uuid), length=length, head=version.hash),
    }


def content_of(agreement: Agreement) -> dict[str, Any]:
    """The agreement's own fields as a snapshot holds them (parties' names excluded: those
    live in other records and may change without the agreement changing)."""
    return {name: _plain(getattr(agreement, name)) for name in CONTENT_FIELDS}


def verify(agreement: Agreement) -> list[Break]:
    """Every place where the stored chain of ``agreement`` does not hold; empty when intact.

    Reads the agreement as stored (not the caller's copy, which may be stale). An agreement
    purged whole after its retention period has no chain left to break."""
    stored = Agreement.objects.filter(pk=agreement.pk).first()
    if stored is None:
        return []
    agreement, where = stored, str(stored.uuid)
    found, previous, expected = [], "", 1
    versions = list(Version.objects.filter(agreement=agreement).select_related("agreement"))
    for version in versions:
        if version.number != expected:
            found.append(Break(where, version.number, f"forventet versjon {expected}"))
        if version.previous_hash != previous:
            found.append(Break(where, version.number, _("lenken til forrige versjon er brutt")))
        if not same(hash_of(version), version.hash):
            found.append(
                Break(where, version.number, _("innholdet er endret etter at det ble låst"))
            )
        previous, expected = version.hash, version.number + 1
    length = len(versions)
    if length != agreement.chain_length or not same(
        head_seal(agreement=where, length=agreement.chain_length, head=previous),
        agreement.chain_seal,
    ):
        found.append(
            Break(
                where,
                length,
                _("kjeden har %(length)s versjoner, avtalen %(chain_length)s")
                % {"length": length, "chain_length": agreement.chain_length},
            )
        )
    if versions:
        newest = versions[-1].snapshot
        if any(newest.get(key) != value for key, value in content_of(agreement).items()):
            found.append(Break(where, length, _("avtalen er endret uten en ny låst versjon")))
    return found


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field that differs, in the snapshot's order."""
    keys = list(after) + [key for key in before if key not in after]
    return [
        (key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)
    ]
