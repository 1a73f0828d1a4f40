"""Records → compiled rows (columns and weighted term postings).

Every value a row gets depends on that row's record only (and on the fixed config), never
on the other rows: that is what lets the index be updated row by row (``store.py``).

Candidate columns (per row, 37 bytes + texts):

=============  =======  ================================================================
``x y z``      float32  position as a unit vector (``geo.py``)
``c2max``      float32  squared chord of the maximum commute; +inf when unknown
``inv_chord``  float32  1 / chord of the place-decay distance (max commute or default)
``hmin hmax``  float32  wished hours per week; -inf / +inf when unknown
``needs``      uint32   accommodation need bits
``cannot``     uint32   time-of-day bits the candidate cannot work (0 when unknown)
``sectors``    uint32   wished sector bits (0: no wish)
``age``        int16    age in years, -1 when unknown
=============  =======  ================================================================

Texts: ``interest`` (own words weight ``own_words_weight``, flag 1; advisor notes weight
``advisor_notes_weight``, flag 2) and ``experience`` (strengths flag 1, experience and
education flag 2), each as BM25F weights ``tf·(k1+1) / (tf + k1·(1 - b + b·len/pivot))``
with ``tf`` and ``len`` the field-weighted counts.

Opening columns: ``x y z``, ``hours``, ``times`` (required), ``block`` (need bits that a
non-adaptable task or the opening's hours rule out), ``adapted`` (need bits that only
adaptable tasks conflict with), ``sector`` (one bit, 0: none), ``age_lo age_hi`` (the
employer's age wish, ±inf when none), ``incl`` (inclusion experience), ``employer``,
``workplace``. Text: ``text`` (title, description, tasks, employer's wishes), weight 1 per
distinct term (0.5 when the term only occurs as part of a compound).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from samspill.matching.engine import labels
from samspill.matching.engine.codes import Codebook
from samspill.matching.engine.config import EngineConfig
from samspill.matching.engine.conflicts import HOURS_PER_WEEK
from samspill.matching.engine.geo import chord_for_km, unit_vectors
from samspill.matching.engine.i18n import gettext
from samspill.matching.engine.records import CandidateRecord, OpeningRecord
from samspill.matching.engine.store import Block, Forward
from samspill.matching.engine.text import Lexicon

CANDIDATE_SCHEMA: dict[str, npt.DTypeLike] = {
    "x": np.float32,
    "y": np.float32,
    "z": np.float32,
    "c2max": np.float32,
    "inv_chord": np.float32,
    "hmin": np.float32,
    "hmax": np.float32,
    "needs": np.uint32,
    "cannot": np.uint32,
    "sectors": np.uint32,
    "age": np.int16,
}
CANDIDATE_FIELDS = ("interest", "experience")

OPENING_SCHEMA: dict[str, npt.DTypeLike] = {
    "x": np.float32,
    "y": np.float32,
    "z": np.float32,
    "hours": np.float32,
    "times": np.uint32,
    "block": np.uint32,
    "adapted": np.uint32,
    "sector": np.uint32,
    "age_lo": np.float32,
    "age_hi": np.float32,
    "incl": np.float32,
    "employer": np.int64,
    "workplace": np.int64,
}
OPENING_FIELDS = ("text",)

_ALL_BITS = 0xFFFFFFFF
#: Smallest distance the place part decays over (a maximum commute of 0 km).
_MIN_DECAY_KM = 0.1


@dataclass(slots=True)
class Codes:
    times: Codebook
    needs: Codebook
    sectors: Codebook

    @staticmethod
    def standard(config: EngineConfig) -> Codes:
        needs = [*labels.NEEDS, *(rule.need for rule in config.conflicts)]
        return Codes(
            Codebook("time of day", labels.TIMES_OF_DAY),
            Codebook("need", dict.fromkeys(needs)),
            Codebook("sector", labels.SECTORS),
        )


def _floats(values: list[float | None], missing: float) -> npt.NDArray[np.float64]:
    return np.array([missing if v is None else v for v in values], dtype=np.float64)


class Compiler:
    def __init__(self, lexicon: Lexicon, codes: Codes, config: EngineConfig) -> None:
        self.lexicon = lexicon
        self.codes = codes
        self.config = config

    # -- texts ------------------------------------------------------------------------------

    def forward(self, n: int, parts: list[tuple[list[str], float, int]], *, bm25: bool) -> Forward:
        """Postings of ``n`` documents made of sub-fields ``(texts, weight, flag)``."""
        docs, terms, weights, flags = [], [], [], []
        for texts, field_weight, field_flag in parts:
            d, t, w = self.lexicon.tokenize_batch(texts)
            docs.append(d)
            terms.append(t)
            weights.append(w * np.float32(field_weight))
            flags.append(np.full(d.size, field_flag, dtype=np.uint8))
        doc = np.concatenate(docs)
        if doc.size == 0:
            return Forward.empty(n)
        term = np.concatenate(terms)
        weight = np.concatenate(weights).astype(np.float64)
        flag = np.concatenate(flags)
        vocab = np.int64(len(self.lexicon))
        key = doc.astype(np.int64) * vocab + term
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        unique = key[starts]
        out_doc = unique // vocab
        out_term = (unique % vocab).astype(np.int32)
        out_flag = np.bitwise_or.reduceat(flag[order], starts).astype(np.uint8)
        if bm25:
            c = self.config
            tf = np.add.reduceat(weight[order], starts)
            length = np.bincount(doc, weights=weight, minlength=n)
            norm = c.bm25_k1 * (1 - c.bm25_b + c.bm25_b * length / c.bm25_pivot)
            out_weight = (tf * (c.bm25_k1 + 1) / (tf + norm[out_doc])).astype(np.float32)
        else:
            out_weight = np.maximum.reduceat(weight[order], starts).astype(np.float32)
        # Within a document, terms in the order of their stems' text: the order every query
        # adds term contributions in, whichever postings it reads (``index.py``).
        ranks = self.lexicon.stem_ranks()
        within = np.lexsort((ranks[out_term], out_doc))
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(out_doc, minlength=n), out=ptr[1:])
        return Forward(ptr, out_term[within], out_weight[within], out_flag[within])

    # -- candidates -----------------------------------------------------------------------

    def candidates(self, records: Sequence[CandidateRecord]) -> Block:
        n = len(records)
        for record in records:
            record.validate()
            if (
                record.hours_min is not None
                and record.hours_max is not None
                and record.hours_min > record.hours_max
            ):
                raise ValueError(f"candidate {record.id}: hours_min > hours_max")
        config = self.config
        x, y, z = unit_vectors([r.lat for r in records], [r.lon for r in records])
        commute = _floats([r.max_commute_km for r in records], np.nan)
        known = ~np.isnan(commute)
        decay_km = np.maximum(np.where(known, commute, config.default_commute_km), _MIN_DECAY_KM)
        c2max = np.where(known, chord_for_km(np.where(known, commute, 0.0)) ** 2, np.inf)
        times, needs, sectors = self.codes.times, self.codes.needs, self.codes.sectors
        cannot = np.array(
            [(~times.mask(r.times_of_day) & _ALL_BITS) if r.times_of_day else 0 for r in records],
            dtype=np.uint32,
        )
        cols: dict[str, npt.NDArray[np.generic]] = {
            "x": x,
            "y": y,
            "z": z,
            "c2max": c2max.astype(np.float32),
            "inv_chord": (1.0 / chord_for_km(decay_km)).astype(np.float32),
            "hmin": _floats([r.hours_min for r in records], -np.inf).astype(np.float32),
            "hmax": _floats([r.hours_max for r in records], np.inf).astype(np.float32),
            "needs": np.array([needs.mask(r.needs) for r in records], dtype=np.uint32),
            "cannot": cannot,
            "sectors": np.array([sectors.mask(r.sectors) for r in records], dtype=np.uint32),
            "age": np.array([-1 if r.age is None else r.age for r in records], dtype=np.int16),
        }
        interest = self.forward(
            n,
            [
                ([r.interests_own for r in records], config.own_words_weight, 1),
                ([r.interests_advisor for r in records], config.advisor_notes_weight, 2),
            ],
            bm25=True,
        )
        experience = self.forward(
            n,
            [([r.strengths for r in records], 1.0, 1), ([r.experience for r in records], 1.0, 2)],
            bm25=True,
        )
        return Block(
            np.array([r.id for r in records], dtype=np.int64),
            np.array([r.region for r in records], dtype=np.int32),
            cols,
            {"interest": interest, "experience": experience},
        )

    # -- openings -------------------------------------------------------------------------

    def conflict_masks(self, hours: float, record: OpeningRecord) -> tuple[int, int]:
        """(need bits that exclude, need bits only adaptable tasks conflict with)."""
        block = adapted = 0
        for rule in self.config.conflicts:
            bit = self.codes.needs.bit(rule.need)
            if rule.demand == HOURS_PER_WEEK:
                if rule.fires(hours):
                    block |= bit
                continue
            for task in record.tasks:
                if rule.fires(task.demands.get(rule.demand, 0)):
                    if task.adaptable:
                        adapted |= bit
                    else:
                        block |= bit
        return block, adapted & ~block

    def openings(self, records: Sequence[OpeningRecord]) -> Block:
        n = len(records)
        for record in records:
            record.validate()
        workplaces = [r.workplace for r in records]
        x, y, z = unit_vectors([w.lat for w in workplaces], [w.lon for w in workplaces])
        masks = [self.conflict_masks(r.hours_per_week, r) for r in records]
        sectors = self.codes.sectors
        cols: dict[str, npt.NDArray[np.generic]] = {
            "x": x,
            "y": y,
            "z": z,
            "hours": np.array([r.hours_per_week for r in records], dtype=np.float32),
            "times": np.array(
                [self.codes.times.mask(r.required_times) for r in records], dtype=np.uint32
            ),
            "block": np.array([m[0] for m in masks], dtype=np.uint32),
            "adapted": np.array([m[1] for m in masks], dtype=np.uint32),
            "sector": np.array(
                [sectors.bit(w.sector) if w.sector else 0 for w in workplaces], dtype=np.uint32
            ),
            "age_lo": _floats([w.wished_age_min for w in workplaces], -np.inf).astype(np.float32),
            "age_hi": _floats([w.wished_age_max for w in workplaces], np.inf).astype(np.float32),
            "incl": np.array([w.inclusion_experience for w in workplaces], dtype=np.float32),
            "employer": np.array([w.employer_id for w in workplaces], dtype=np.int64),
            "workplace": np.array([w.id for w in workplaces], dtype=np.int64),
        }
        text = self.forward(n, [([opening_text(r) for r in records], 1.0, 0)], bm25=False)
        return Block(
            np.array([r.id for r in records], dtype=np.int64),
            np.array([w.region for w in workplaces], dtype=np.int32),
            cols,
            {"text": text},
        )


def opening_pieces(record: OpeningRecord) -> list[tuple[str, str, int | None]]:
    """The opening's texts as (where, text, task id): what its explanation points to."""
    pieces: list[tuple[str, str, int | None]] = [
        ("tittelen", record.title, None),
        ("beskrivelsen", record.description, None),
    ]
    for task in record.tasks:
        where = f"oppgaven «{task.name}»"
        pieces.append((where, task.name, task.id))
        pieces.append((where, task.description, task.id))
    pieces.append((gettext("arbeidsgiverens ønsker"), record.workplace.employer_wishes, None))
    return [p for p in pieces if p[1]]


def opening_text(record: OpeningRecord) -> str:
    return "\n".join(text for _, text, _ in opening_pieces(record))
