"""When is the next contact due? Computed from a plan's items and the logged contacts.

Nothing here touches the database: the worklist, the process page, the portals and the
reminder command all feed it the same facts, so they always agree.

Rules:

* A contact matches an item if it was with the item's party (a three-way conversation
  counts for the jobseeker and the employer too) and, when the item is face to face, was
  face to face; a contact logged *for* the item always matches it.
* A single contact (no interval) is done by a matching contact from ``ONCE_WINDOW`` before
  its date; until then it is due on its date, and overdue after it.
* A recurring contact is due ``first_due_on`` until a matching contact has been logged
  (counted from the plan's start, or one interval before the first date if later); after
  that it is due one interval after the latest one. Past ``ends_on`` it is finished.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from samspill.followup.models import IN_PERSON_FORMS, Party, PlanParty
from samspill.followup.plan_templates import ONCE_WINDOW

_PARTIES_FOR: dict[str, frozenset[str]] = {
    PlanParty.JOBSEEKER: frozenset({Party.JOBSEEKER, Party.BOTH}),
    PlanParty.EMPLOYER: frozenset({Party.EMPLOYER, Party.BOTH}),
    PlanParty.BOTH: frozenset({Party.BOTH}),
}


@dataclass(frozen=True)
class ContactFact:
    """The latest contact of one kind (party, form, planned item) on a process."""

    party: str
    form: str
    on: date
    plan_item_id: int | None = None


class ItemLike(Protocol):
    @property
    def pk(self) -> int: ...

    party: str
    form: str
    first_due_on: date
    interval_days: int | None
    ends_on: date | None


def matches(item: ItemLike, contact: ContactFact) -> bool:
    if contact.plan_item_id is not None and contact.plan_item_id == item.pk:
        return True
    if contact.party not in _PARTIES_FOR[item.party]:
        return False
    return item.form not in IN_PERSON_FORMS or contact.form in IN_PERSON_FORMS


def next_due(item: ItemLike, *, plan_starts_on: date, contacts: list[ContactFact]) -> date | None:
    """The date the next contact of ``item`` is due, or ``None`` when it is finished."""
    if item.interval_days is None:
        since = item.first_due_on - ONCE_WINDOW
        done = any(c.on >= since and matches(item, c) for c in contacts)
        return None if done else item.first_due_on
    interval = timedelta(days=item.interval_days)
    since = max(plan_starts_on, item.first_due_on - interval)
    latest = max((c.on for c in contacts if c.on >= since and matches(item, c)), default=None)
    due = item.first_due_on if latest is None else max(latest + interval, item.first_due_on)
    if item.ends_on is not None and due > item.ends_on:
        return None
    return due
