"""Weights and parameters of the engine. Every number the ranking depends on is here."""

from __future__ import annotations

from dataclasses import dataclass, field

from samspill.matching.engine.conflicts import CONFLICTS, ConflictRule


@dataclass(frozen=True, slots=True)
class Weights:
    """Points of each soft score part; the best possible total is their sum (1.0 by default).

    The score is a ranking aid, not a verdict: the explanation shows every part.
    """

    #: Interests vs. the opening's text (title, description, tasks, employer's wishes).
    interest: float = 0.40
    #: Experience, education and strengths vs. the same text.
    experience: float = 0.15
    #: The opening's sector is one the candidate wishes (half if no wish is recorded).
    sector: float = 0.15
    #: Distance decay within the candidate's commute (or ``default_commute_km``).
    place: float = 0.15
    #: The employer's stated wishes other than the kind of work (an age range). Kept small:
    #: age may only be a hiring criterion where the law allows it (arbeidsmiljøloven kap. 13).
    employer_wishes: float = 0.05
    #: The employer's earlier inclusion experience (0..1, from the adapter).
    inclusion: float = 0.10
    #: Points per adapted need. Zero by default on purpose: a candidate who needs an
    #: adaptation the workplace has said it can make must not rank lower for it (creaming).
    adaptation: float = 0.0

    @property
    def total(self) -> float:
        return (
            self.interest
            + self.experience
            + self.sector
            + self.place
            + self.employer_wishes
            + self.inclusion
        )


@dataclass(frozen=True, slots=True)
class EngineConfig:
    weights: Weights = field(default_factory=Weights)
    #: Hours per week an opening may be outside the candidate's min..max and still pass
    #: (a short working day either way is a conversation, more is a different job).
    hours_tolerance: float = 2.0
    #: BM25F field weights of the interest text: the candidate's own words count at least
    #: as much as the advisor's notes ("own stated interests and wishes weighted first").
    own_words_weight: float = 2.0
    advisor_notes_weight: float = 1.0
    #: BM25 term-frequency saturation and length normalisation.
    bm25_k1: float = 1.2
    bm25_b: float = 0.5
    #: The BM25 pivot length (in weighted tokens). A constant rather than the corpus average,
    #: so an update never rescales other documents' weights (see ``store.py``).
    bm25_pivot: float = 20.0
    #: Raw text score at which the interest (experience) part gives half its points.
    interest_half: float = 6.0
    experience_half: float = 6.0
    #: Distance at which the place part reaches zero when the candidate's maximum commute is
    #: unknown (then it is not a hard constraint either).
    default_commute_km: float = 30.0
    #: Full-time hours, the carving target when the candidate has no maximum.
    full_time_hours: float = 37.5
    #: Conflict table (``conflicts.py``).
    conflicts: tuple[ConflictRule, ...] = CONFLICTS
    #: Automatic compaction when the delta segment exceeds
    #: ``max(delta_min_rows, delta_fraction * main rows)``; ``False`` leaves it to the caller.
    auto_compact: bool = True
    delta_min_rows: int = 2048
    delta_fraction: float = 0.02
    #: Rows per block of the vectorised pass (fits the 2 MB L2 cache with all temporaries).
    chunk_rows: int = 32768

    def __post_init__(self) -> None:
        if self.own_words_weight < self.advisor_notes_weight:
            raise ValueError("own_words_weight must be at least advisor_notes_weight")
        if self.hours_tolerance < 0:
            raise ValueError("hours_tolerance must not be negative")
        if self.chunk_rows < 1:
            raise ValueError("chunk_rows must be positive")


DEFAULT_CONFIG = EngineConfig()
