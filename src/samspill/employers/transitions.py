"""The one transition table for openings (stillinger, praksisplasser, oppdrag).

A draft is written and then opened; an open opening can be paused and opened again while
the employer thinks, and it ends as filled or cancelled. Filled and cancelled are final:
a new need is a new opening, so the history of the old one stays true.
"""

from __future__ import annotations

from samspill.employers.models import OpeningStatus

OPENING_TRANSITIONS: dict[OpeningStatus, frozenset[OpeningStatus]] = {
    OpeningStatus.DRAFT: frozenset({OpeningStatus.OPEN, OpeningStatus.CANCELLED}),
    OpeningStatus.OPEN: frozenset(
        {OpeningStatus.PAUSED, OpeningStatus.FILLED, OpeningStatus.CANCELLED}
    ),
    OpeningStatus.PAUSED: frozenset({OpeningStatus.OPEN, OpeningStatus.CANCELLED}),
    OpeningStatus.FILLED: frozenset(),
    OpeningStatus.CANCELLED: frozenset(),
}

#: Statuses in which the opening can still be edited.
EDITABLE_STATUSES = frozenset({OpeningStatus.DRAFT, OpeningStatus.OPEN, OpeningStatus.PAUSED})

#: Moves that need a reason (why the opening was cancelled).
NEEDS_REASON = frozenset({OpeningStatus.CANCELLED})


def allowed_next_statuses(current: str) -> list[OpeningStatus]:
    """The statuses an opening may move to from ``current``, in the order of the enum."""
    targets = OPENING_TRANSITIONS[OpeningStatus(current)]
    return [status for status in OpeningStatus if status in targets]
