"""One candidate or one opening as the query side (or for an explanation)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from samspill.matching.engine.records import OpeningRecord


@dataclass(frozen=True, slots=True)
class TermSource:
    """Where a term occurs in an opening's texts."""

    word: str
    wheres: tuple[str, ...]
    task_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """A candidate's compiled row: columns (see ``compile.py``) and weighted terms."""

    id: int
    region: int
    cols: Mapping[str, Any]
    #: term id → (BM25F weight, source flags: 1 own words, 2 advisor notes)
    interest: Mapping[int, tuple[float, int]]
    #: term id → (BM25F weight, source flags: 1 strengths, 2 experience and education)
    experience: Mapping[int, tuple[float, int]]


@dataclass(slots=True)
class OpeningFacts:
    record: OpeningRecord
    cols: Mapping[str, Any]
    #: term id → weight (1, or 0.5 when only part of a compound)
    terms: Mapping[int, float]
    #: Filled on first use by ``Explainer.sources``.
    sources: dict[int, TermSource] | None = field(default=None)

    @property
    def id(self) -> int:
        return self.record.id
