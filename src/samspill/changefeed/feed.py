"""The change feed: services call these in the same transaction as their write.

Each call appends an ``IndexChange`` row; every process's live index (``matching/live.py``)
reads the rows it has not seen before its next query and re-reads only those objects.
"""

from __future__ import annotations

from samspill.changefeed.models import ChangeKind, IndexChange


def _changed(kind: ChangeKind, object_id: int) -> None:
    IndexChange.objects.create(kind=kind, object_id=object_id)


def candidate_changed(candidate_id: int) -> None:
    _changed(ChangeKind.CANDIDATE, candidate_id)


def opening_changed(opening_id: int) -> None:
    _changed(ChangeKind.OPENING, opening_id)


def workplace_changed(workplace_id: int) -> None:
    _changed(ChangeKind.WORKPLACE, workplace_id)


def employer_changed(employer_id: int) -> None:
    _changed(ChangeKind.EMPLOYER, employer_id)
