"""The pair rule, vectorised over either side: hard constraints and the soft score.

``evaluate(c, o, …)`` takes the candidate's columns ``c`` and the opening's columns ``o``;
each is a mapping of column name to either a block of rows (numpy arrays) or one row
(numpy scalars). Broadcasting makes the same code rank candidates for an opening (``c``
arrays, ``o`` scalars), openings for a candidate (the reverse) and score one pair for its
explanation (both scalars) — so an explanation's parts are exactly what the ranking used.
All arithmetic is float32.

Hard constraints (each its own bit, ``results.EXCLUSION_BITS``):

- ``hours``: the opening's hours below ``hours_min - tolerance`` or above
  ``hours_max + tolerance`` (unknown bounds never exclude);
- ``commute``: great-circle distance above the candidate's maximum commute (unknown: no
  limit), as a comparison of squared chords (``geo.py``);
- ``needs``: a need the opening blocks (``compile.py``: a non-adaptable task, or the
  opening's hours, fires a row of the conflict table);
- ``time_of_day``: the opening requires a time the candidate cannot work (unknown: none).

The employer's explicit exclusions are applied by the caller (a list of ids, not a rule).

Soft parts, in points (``config.Weights``):

- ``interest`` / ``experience``: ``w · S / (S + half)`` where ``S`` is the BM25 sum over
  the terms the two texts share (computed by the caller from the postings);
- ``sector``: full when the opening's sector is wished, half when the candidate has no
  sector wish or the opening no sector, else none;
- ``place``: ``w · max(0, 1 - distance / D)`` with ``D`` the maximum commute (or the
  default), distance measured as the chord ratio (equal to the km ratio within 0.01 % at
  commuting distances);
- ``employer_wishes``: full when the candidate's age is inside the employer's wished range,
  or either is unknown;
- ``inclusion``: ``w · inclusion experience``;
- ``adaptation``: ``w`` per need the workplace adapts for (0 by default).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from samspill.matching.engine.config import EngineConfig
from samspill.matching.engine.results import EXCLUSION_BITS

Cols = Mapping[str, Any]

_HOURS = np.uint8(EXCLUSION_BITS["hours"])
_COMMUTE = np.uint8(EXCLUSION_BITS["commute"])
_NEEDS = np.uint8(EXCLUSION_BITS["needs"])
_TIME = np.uint8(EXCLUSION_BITS["time_of_day"])


@dataclass(frozen=True, slots=True)
class Params:
    tolerance: np.float32
    interest: np.float32
    experience: np.float32
    sector: np.float32
    sector_half: np.float32
    place: np.float32
    employer_wishes: np.float32
    inclusion: np.float32
    adaptation: np.float32
    interest_half: np.float32
    experience_half: np.float32

    @staticmethod
    def from_config(config: EngineConfig) -> Params:
        w = config.weights
        f = np.float32
        return Params(
            tolerance=f(config.hours_tolerance),
            interest=f(w.interest),
            experience=f(w.experience),
            sector=f(w.sector),
            sector_half=f(w.sector / 2),
            place=f(w.place),
            employer_wishes=f(w.employer_wishes),
            inclusion=f(w.inclusion),
            adaptation=f(w.adaptation),
            interest_half=f(config.interest_half),
            experience_half=f(config.experience_half),
        )


@dataclass(slots=True)
class Evaluation:
    #: Soft score (float32), also for excluded rows.
    score: Any
    excluded: Any
    #: Bit mask of the hard constraints that fail (only when asked for).
    reasons: Any = None
    #: Points per soft part (only when asked for).
    parts: dict[str, Any] | None = None
    #: Squared chord between the two places (only when parts are asked for).
    chord2: Any = None


def hard(c: Cols, o: Cols, p: Params) -> tuple[Any, Any, Any, Any, Any, Any]:
    """(excluded, squared chord, hours, commute, needs, time-of-day failures)."""
    dx = c["x"] - o["x"]
    chord2 = dx * dx
    dy = c["y"] - o["y"]
    chord2 += dy * dy
    dz = c["z"] - o["z"]
    chord2 += dz * dz

    hours = o["hours"]
    hours_bad = (c["hmin"] > hours + p.tolerance) | (c["hmax"] < hours - p.tolerance)
    commute_bad = chord2 > c["c2max"]
    excluded = hours_bad | commute_bad
    # A mask that is zero on the one-row side cannot fire: skip the array work.
    needs_bad: Any = np.False_
    if not (_zero(o["block"]) or _zero(c["needs"])):
        needs_bad = (c["needs"] & o["block"]) != 0
        excluded |= needs_bad
    time_bad: Any = np.False_
    if not (_zero(o["times"]) or _zero(c["cannot"])):
        time_bad = (c["cannot"] & o["times"]) != 0
        excluded |= time_bad
    return excluded, chord2, hours_bad, commute_bad, needs_bad, time_bad


def passes(c: Cols, o: Cols, p: Params) -> tuple[Any, Any]:
    """(passes every rule of ``hard``, squared chord): the same test, fewer operations,
    for the ranking pass that does not report reasons."""
    chord2 = np.subtract(c["x"], o["x"])
    np.square(chord2, out=chord2)
    term = np.subtract(c["y"], o["y"])
    np.square(term, out=term)
    chord2 += term
    np.subtract(c["z"], o["z"], out=term)
    np.square(term, out=term)
    chord2 += term
    ok = chord2 <= c["c2max"]
    hours = o["hours"]
    ok &= c["hmin"] <= hours + p.tolerance
    ok &= c["hmax"] >= hours - p.tolerance
    if not (_zero(o["block"]) or _zero(c["needs"])):
        ok &= (c["needs"] & o["block"]) == 0
    if not (_zero(o["times"]) or _zero(c["cannot"])):
        ok &= (c["cannot"] & o["times"]) == 0
    return ok, chord2


def _zero(value: Any) -> bool:
    return np.ndim(value) == 0 and not value


#: Columns ``hard`` and ``soft`` read, per side (the ranked side's soft columns are only
#: gathered for the rows that pass the hard constraints).
CANDIDATE_HARD = ("x", "y", "z", "c2max", "hmin", "hmax", "needs", "cannot")
CANDIDATE_SOFT = ("inv_chord", "sectors", "age", "needs")
CANDIDATE_SOFT_NO_ADAPTATION = ("inv_chord", "sectors", "age")
OPENING_HARD = ("x", "y", "z", "hours", "block", "times")
OPENING_SOFT = ("sector", "age_lo", "age_hi", "incl", "adapted")


def soft(
    c: Cols, o: Cols, chord2: Any, s_interest: Any, s_experience: Any, p: Params
) -> tuple[Any, dict[str, Any]]:
    """(score, points per part)."""
    place = np.sqrt(chord2)
    place *= c["inv_chord"]
    place = np.maximum(np.float32(1) - place, np.float32(0))
    place *= p.place

    # Parts that are constant for the one-row side are computed once (same values).
    wished = c["sectors"]
    sector: Any
    if _zero(o["sector"]) or _zero(wished):
        sector = p.sector_half
    else:
        sector = ((wished & o["sector"]) != 0) * p.sector
        sector += ((wished == 0) | (o["sector"] == 0)) * p.sector_half

    age = c["age"]
    wishes: Any
    if (np.ndim(age) == 0 and age < 0) or (
        np.ndim(o["age_lo"]) == 0
        and np.isneginf(o["age_lo"])
        and np.ndim(o["age_hi"]) == 0
        and np.isposinf(o["age_hi"])
    ):
        wishes = p.employer_wishes
    else:
        age_ok = (age < 0) | ((age >= o["age_lo"]) & (age <= o["age_hi"]))
        wishes = age_ok * p.employer_wishes

    inclusion = o["incl"] * p.inclusion
    interest = s_interest / (s_interest + p.interest_half) * p.interest
    experience = s_experience / (s_experience + p.experience_half) * p.experience

    score = interest + experience
    score += sector
    score += place
    score += wishes
    score += inclusion
    adaptation: Any = np.float32(0)
    if p.adaptation:
        adaptation = np.bitwise_count(c["needs"] & o["adapted"]) * p.adaptation
        score += adaptation
    parts = {
        "interest": interest,
        "experience": experience,
        "sector": sector,
        "place": place,
        "employer_wishes": wishes,
        "inclusion": inclusion,
        "adaptation": adaptation,
    }
    return score, parts


def evaluate(
    c: Cols,
    o: Cols,
    s_interest: Any,
    s_experience: Any,
    p: Params,
    *,
    want_reasons: bool = False,
    want_parts: bool = False,
) -> Evaluation:
    excluded, chord2, hours_bad, commute_bad, needs_bad, time_bad = hard(c, o, p)
    score, parts = soft(c, o, chord2, s_interest, s_experience, p)
    out = Evaluation(score, excluded)
    if want_reasons:
        reasons = hours_bad * _HOURS
        reasons |= commute_bad * _COMMUTE
        reasons |= needs_bad * _NEEDS
        reasons |= time_bad * _TIME
        out.reasons = reasons
    if want_parts:
        out.parts = parts
        out.chord2 = chord2
    return out
