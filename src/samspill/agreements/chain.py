"""Snapshots of concluded versions, their hash chain, and what changed between two versions.

The hash of a version covers the agreement's UUID, the version number, the previous hash,
the creation time and the snapshot, as canonical JSON (sorted keys, no spaces). Editing a
stored snapshot, number or link breaks the chain, and ``verify`` says where.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from samspill.agreements.models import Agreement, Version

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
    content = {name: _plain(getattr(agreement, name)) for name in CONTENT_FIELDS}
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
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


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


def verify(agreement: Agreement) -> list[Break]:
    """Every place where the stored chain of ``agreement`` does not hold; empty when intact."""
    found, previous, expected = [], "", 1
    for version in Version.objects.filter(agreement=agreement).select_related("agreement"):
        where = str(agreement.uuid)
        if version.number != expected:
            found.append(Break(where, version.number, f"forventet versjon {expected}"))
        if version.previous_hash != previous:
            found.append(Break(where, version.number, "lenken til forrige versjon er brutt"))
        if hash_of(version) != version.hash:
            found.append(Break(where, version.number, "innholdet er endret etter at det ble låst"))
        previous, expected = version.hash, version.number + 1
    return found


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field that differs, in the snapshot's order."""
    keys = list(after) + [key for key in before if key not in after]
    return [
        (key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)
    ]
