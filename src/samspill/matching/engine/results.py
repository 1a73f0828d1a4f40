"""What the engine returns: ranked results that explain themselves, and carved jobs.

All texts meant for the UI (``label``, ``detail``, ``missing``, ``summary``, ``reasoning``)
are Norwegian bokmål; codes are English and stable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

ExclusionCode = Literal["hours", "commute", "needs", "time_of_day", "employer_excluded"]
PartCode = Literal[
    "interest", "experience", "sector", "place", "employer_wishes", "inclusion", "adaptation"
]

#: Bit of each hard constraint in the engine's reason masks (order = report order).
EXCLUSION_BITS: dict[ExclusionCode, int] = {
    "hours": 1,
    "commute": 2,
    "needs": 4,
    "time_of_day": 8,
    "employer_excluded": 16,
}


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A hard constraint that rules the pair out, with the reason the UI shows."""

    code: ExclusionCode
    label: str
    detail: str


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One word the candidate and the opening share, and what it contributed."""

    #: The stem both texts were reduced to.
    term: str
    #: The word as the candidate's texts have it (first form seen in the index).
    candidate_word: str
    #: The word as the opening's text has it.
    opening_word: str
    #: Where the candidate's word came from, e.g. "kandidatens egne ord".
    candidate_source: str
    #: Where in the opening it occurs, e.g. "oppgaven «Varemottak»", "tittelen".
    opening_sources: tuple[str, ...]
    #: Task ids whose name or description contain the word.
    task_ids: tuple[int, ...]
    points: float


@dataclass(frozen=True, slots=True)
class Adaptation:
    """A demand that conflicts with a need but the workplace can adapt (does not exclude)."""

    need: str
    demand: str
    level: int
    task_id: int
    task_name: str
    detail: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Contribution:
    """One part of the soft score."""

    code: PartCode
    label: str
    points: float
    max_points: float
    detail: str
    terms: tuple[TermMatch, ...] = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    contributions: tuple[Contribution, ...]
    #: What does not fit or is unknown, e.g. "Ingen felles interesser med stillingen".
    missing: tuple[str, ...]
    adaptations: tuple[Adaptation, ...]
    exclusions: tuple[Exclusion, ...]
    #: One line for lists, e.g. "Interesser: «lager», «truck» · 8 km reisevei".
    summary: str

    def part(self, code: PartCode) -> Contribution:
        return next(c for c in self.contributions if c.code == code)


@dataclass(frozen=True, slots=True)
class MatchResult:
    candidate_id: int
    opening_id: int
    #: The ranking aid: sum of the soft parts, 0..``Weights.total``. Excluded results keep
    #: the soft score they would have had.
    score: float
    excluded: bool
    explanation: Explanation

    @property
    def exclusions(self) -> tuple[Exclusion, ...]:
        return self.explanation.exclusions

    @property
    def reason_codes(self) -> tuple[ExclusionCode, ...]:
        return tuple(e.code for e in self.explanation.exclusions)


@dataclass(frozen=True, slots=True)
class Ranking:
    """The best results of one query, and on request the excluded ones with their reasons."""

    direction: Literal["candidates", "openings"]
    #: The opening (ranking candidates) or the candidate (ranking openings).
    query_id: int
    results: tuple[MatchResult, ...]
    #: Excluded results (only when asked for): those with fewest reasons first, then score.
    excluded: tuple[MatchResult, ...] = ()
    #: Rows looked at (in the chosen regions, not removed).
    considered: int = 0
    excluded_count: int = 0
    excluded_by_reason: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CarvedTask:
    task_id: int
    name: str
    hours: float
    #: Interest points of this task alone (same scale as ``Contribution.points``).
    interest_points: float
    terms: tuple[TermMatch, ...]
    adaptations: tuple[Adaptation, ...]


@dataclass(frozen=True, slots=True)
class RejectedTask:
    task_id: int
    name: str
    exclusions: tuple[Exclusion, ...]


@dataclass(frozen=True, slots=True)
class CarvedJob:
    """A proposed set of a workplace's tasks for one candidate (jobbsnekring)."""

    candidate_id: int
    workplace_id: int
    tasks: tuple[CarvedTask, ...]
    total_hours: float
    target_min: float
    target_max: float
    #: The total is within the candidate's target range.
    within_target: bool
    rejected: tuple[RejectedTask, ...]
    #: Workplace-level reasons nothing can be carved (commute, employer's exclusion).
    exclusions: tuple[Exclusion, ...]
    reasoning: tuple[str, ...]

    @property
    def task_ids(self) -> tuple[int, ...]:
        return tuple(t.task_id for t in self.tasks)
