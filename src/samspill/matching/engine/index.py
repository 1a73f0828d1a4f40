"""``MatchIndex``: the candidates and openings, kept current, ranked both ways.

See ``__init__.py`` for the API, ``store.py`` for the layout and how updates work,
``scoring.py`` for the rule and ``compile.py`` for the columns.

A ranking query runs per region slice (a view, never a copy) of each segment:

1. **reach**: ``Segment.runs`` drops the blocks of rows that are provably beyond every
   row's commute limit (bounding spheres; rows without a limit are never dropped);
2. **hard constraints**: ``scoring.passes`` over the remaining rows in cache-sized blocks
   of ``chunk_rows``, reading only the eight columns the rules need, keeping the rows that
   pass (and are live, and not excluded by the employer);
3. **texts**: for the query's terms, the two BM25 sums (interests, experience) — by a
   scatter over the terms' inverted postings in the slice, or, when few rows are left,
   a gather of those rows' forward postings, whichever reads less; both add a row's
   contributions in the order of the terms' text, in float32, so they agree to the bit;
4. **soft score** for the rows that passed (``scoring.soft``), and the ``limit`` best by
   (score desc, id asc) with ``np.partition``; only those get an explanation (their parts
   evaluated in one vectorised call, the texts in Python).

With ``include_excluded`` every row is scored with its reason bits instead
(``_scan_all``), so the excluded can be shown with their reasons and counted per reason.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from samspill.matching.engine.carving import carve
from samspill.matching.engine.compile import (
    CANDIDATE_FIELDS,
    CANDIDATE_SCHEMA,
    OPENING_FIELDS,
    OPENING_SCHEMA,
    Codes,
    Compiler,
)
from samspill.matching.engine.config import DEFAULT_CONFIG, EngineConfig
from samspill.matching.engine.explain import Explainer, Idf
from samspill.matching.engine.facts import CandidateFacts, OpeningFacts
from samspill.matching.engine.records import CandidateRecord, OpeningRecord, WorkplaceRecord
from samspill.matching.engine.results import (
    EXCLUSION_BITS,
    CarvedJob,
    MatchResult,
    Ranking,
)
from samspill.matching.engine.scoring import (
    CANDIDATE_HARD,
    CANDIDATE_SOFT,
    CANDIDATE_SOFT_NO_ADAPTATION,
    OPENING_HARD,
    OPENING_SOFT,
    Params,
    evaluate,
    passes,
    soft,
)
from samspill.matching.engine.store import Block, Segment, Store, concat_ranges
from samspill.matching.engine.text import Lexicon

Float32Array = npt.NDArray[np.float32]
IntpArray = npt.NDArray[np.intp]
Direction = Literal["candidates", "openings"]

_EMPLOYER_BIT = np.uint8(EXCLUSION_BITS["employer_excluded"])
_NEG_INF = np.float32(-np.inf)


@dataclass(frozen=True, slots=True)
class IndexStats:
    candidates: int
    openings: int
    candidate_delta: int
    candidate_tombstones: int
    opening_delta: int
    opening_tombstones: int
    terms: int
    #: Bytes held in numpy arrays (columns, postings, id lookup, df).
    array_bytes: int


@dataclass(frozen=True, slots=True)
class _Posting:
    """One term of a query: which field's postings, which accumulator, and the factor."""

    field: str
    target: int
    term: int
    scale: np.float32


@dataclass(slots=True)
class _Hit:
    score: float
    id: int
    segment: Segment
    row: int
    s_interest: np.float32
    s_experience: np.float32
    reasons: int = 0
    n_reasons: int = 0


@dataclass(slots=True)
class _Scan:
    hits: list[_Hit]
    excluded: list[_Hit]
    considered: int
    excluded_count: int
    by_reason: dict[str, int]


def _top(values: Float32Array, ids: npt.NDArray[np.int64], k: int) -> IntpArray:
    """Positions of the ``k`` largest values, by (value desc, id asc); deterministic ties."""
    size = values.size
    if k <= 0 or size == 0:
        return np.zeros(0, dtype=np.intp)
    if size > k:
        threshold = np.partition(values, size - k)[size - k]
        rows = np.flatnonzero(values >= threshold)
    else:
        rows = np.arange(size)
    order = np.lexsort((ids[rows], -values[rows]))[:k]
    return rows[order]


def _idf_dicts(interest: dict[int, np.float32], experience: dict[int, np.float32]) -> Idf:
    return {
        "interest": {t: float(v) for t, v in interest.items()},
        "experience": {t: float(v) for t, v in experience.items()},
    }


_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


class MatchIndex:
    """Candidates and openings with everything needed to rank and explain; thread-safe
    (one lock; queries take milliseconds)."""

    def __init__(self, config: EngineConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self._lexicon = Lexicon()
        self._codes = Codes.standard(config)
        self._compiler = Compiler(self._lexicon, self._codes, config)
        self._explainer = Explainer(self._lexicon, self._codes, config)
        self._params = Params.from_config(config)
        self._candidates = Store(CANDIDATE_SCHEMA, CANDIDATE_FIELDS)
        self._openings = Store(OPENING_SCHEMA, OPENING_FIELDS)
        self._opening_records: dict[int, OpeningRecord] = {}
        #: candidate id → ids of openings whose employer excluded them
        self._excluded_by: dict[int, set[int]] = {}
        self._lock = threading.RLock()

    # -- building -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        candidates: Iterable[CandidateRecord],
        openings: Iterable[OpeningRecord] = (),
        *,
        config: EngineConfig = DEFAULT_CONFIG,
        batch_size: int = 50_000,
        progress: Callable[[int], None] | None = None,
    ) -> MatchIndex:
        """A fresh index. ``candidates`` may be a lazy iterable (it is read in batches of
        ``batch_size``); ``progress`` is called with the number of candidates compiled."""
        index = cls(config)
        compiler = index._compiler
        blocks: list[Block] = []
        batch: list[CandidateRecord] = []
        done = 0
        for record in candidates:
            batch.append(record)
            if len(batch) >= batch_size:
                blocks.append(compiler.candidates(batch))
                done += len(batch)
                batch = []
                if progress is not None:
                    progress(done)
        if batch or not blocks:
            blocks.append(compiler.candidates(batch))
            done += len(batch)
            if progress is not None:
                progress(done)
        opening_list = list(openings)
        opening_block = compiler.openings(opening_list)
        merged = Block.concat(blocks)
        del blocks
        index._candidates.load(merged, len(index._lexicon))
        del merged
        index._openings.load(opening_block, len(index._lexicon))
        for opening in opening_list:
            index._remember_opening(opening)
        return index

    # -- sizes ----------------------------------------------------------------------------

    @property
    def candidate_count(self) -> int:
        return self._candidates.live_count

    @property
    def opening_count(self) -> int:
        return self._openings.live_count

    def stats(self) -> IndexStats:
        with self._lock:
            return IndexStats(
                candidates=self._candidates.live_count,
                openings=self._openings.live_count,
                candidate_delta=self._candidates.delta_count,
                candidate_tombstones=self._candidates.tombstones,
                opening_delta=self._openings.delta_count,
                opening_tombstones=self._openings.tombstones,
                terms=len(self._lexicon),
                array_bytes=self._candidates.nbytes + self._openings.nbytes,
            )

    # -- changes ----------------------------------------------------------------------------

    def upsert_candidate(self, record: CandidateRecord) -> None:
        with self._lock:
            row = self._compiler.candidates([record])
            self._candidates.upsert(row, len(self._lexicon))
            self._maybe_compact(self._candidates)

    def remove_candidate(self, candidate_id: int) -> bool:
        with self._lock:
            removed = self._candidates.remove(candidate_id)
            self._maybe_compact(self._candidates)
            return removed

    def upsert_opening(self, record: OpeningRecord) -> None:
        with self._lock:
            row = self._compiler.openings([record])
            self._forget_opening(record.id)
            self._openings.upsert(row, len(self._lexicon))
            self._remember_opening(record)
            self._maybe_compact(self._openings)

    def remove_opening(self, opening_id: int) -> bool:
        with self._lock:
            self._forget_opening(opening_id)
            removed = self._openings.remove(opening_id)
            self._maybe_compact(self._openings)
            return removed

    def compact(self) -> None:
        """Merge the delta segments into the main ones (see ``store.py``)."""
        with self._lock:
            self._candidates.compact(len(self._lexicon))
            self._openings.compact(len(self._lexicon))

    def _maybe_compact(self, store: Store) -> None:
        config = self.config
        if config.auto_compact and store.wants_compaction(
            config.delta_min_rows, config.delta_fraction
        ):
            store.compact(len(self._lexicon))

    def _remember_opening(self, record: OpeningRecord) -> None:
        self._opening_records[record.id] = record
        for candidate_id in record.workplace.excluded_candidates:
            self._excluded_by.setdefault(candidate_id, set()).add(record.id)

    def _forget_opening(self, opening_id: int) -> None:
        old = self._opening_records.pop(opening_id, None)
        if old is not None:
            for candidate_id in old.workplace.excluded_candidates:
                openings = self._excluded_by.get(candidate_id)
                if openings is not None:
                    openings.discard(opening_id)
                    if not openings:
                        del self._excluded_by[candidate_id]

    # -- facts ----------------------------------------------------------------------------

    def _candidate_from_row(self, segment: Segment | Block, row: int) -> CandidateFacts:
        block = segment.block if isinstance(segment, Segment) else segment
        texts = []
        for name in CANDIDATE_FIELDS:
            terms, weights, flags = block.texts[name].doc(row)
            texts.append(
                {
                    int(t): (float(w), int(f))
                    for t, w, f in zip(
                        terms.tolist(), weights.tolist(), flags.tolist(), strict=True
                    )
                }
            )
        return CandidateFacts(
            id=int(block.ids[row]),
            region=int(block.region[row]),
            cols={name: col[row] for name, col in block.cols.items()},
            interest=texts[0],
            experience=texts[1],
        )

    def _candidate(self, candidate: int | CandidateRecord) -> CandidateFacts:
        if isinstance(candidate, CandidateRecord):
            return self._candidate_from_row(self._compiler.candidates([candidate]), 0)
        found = self._candidates.locate(candidate)
        if found is None:
            raise KeyError(f"candidate {candidate} is not in the index")
        return self._candidate_from_row(*found)

    def candidate_facts(self, candidate_id: int) -> CandidateFacts:
        """The compiled row of an indexed candidate (for debugging and baselines)."""
        with self._lock:
            return self._candidate(candidate_id)

    def _opening_from_row(
        self, segment: Segment | Block, row: int, record: OpeningRecord
    ) -> OpeningFacts:
        block = segment.block if isinstance(segment, Segment) else segment
        terms, weights, _ = block.texts["text"].doc(row)
        return OpeningFacts(
            record=record,
            cols={name: col[row] for name, col in block.cols.items()},
            terms=dict(zip(terms.tolist(), weights.tolist(), strict=True)),
        )

    def _opening(self, opening: int | OpeningRecord) -> OpeningFacts:
        if isinstance(opening, OpeningRecord):
            return self._opening_from_row(self._compiler.openings([opening]), 0, opening)
        found = self._openings.locate(opening)
        if found is None:
            raise KeyError(f"opening {opening} is not in the index")
        return self._opening_from_row(*found, self._opening_records[opening])

    def _idf(self, field: str, terms: Collection[int]) -> dict[int, np.float32]:
        """Inverse document frequency over the live candidates, per text field."""
        return self._df_idf(field, terms)[1]

    def _df_idf(
        self, field: str, terms: Collection[int]
    ) -> tuple[dict[int, int], dict[int, np.float32]]:
        if not terms:
            return {}, {}
        keys = np.fromiter(terms, dtype=np.int32, count=len(terms))
        n = self._candidates.live_count
        df = self._candidates.df_of(field, keys)
        idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        term_list = keys.tolist()
        return dict(zip(term_list, df.tolist(), strict=True)), dict(
            zip(term_list, idf, strict=True)
        )

    def _idf_for(self, cand: CandidateFacts) -> Idf:
        return {
            "interest": {
                t: float(v) for t, v in self._idf("interest", list(cand.interest)).items()
            },
            "experience": {
                t: float(v) for t, v in self._idf("experience", list(cand.experience)).items()
            },
        }

    # -- the scan -------------------------------------------------------------------------

    def _text(
        self,
        segment: Segment,
        lo: int,
        hi: int,
        rows: IntpArray | None,
        postings: list[_Posting],
    ) -> tuple[Float32Array, Float32Array]:
        """The two text sums (interests, experience) for ``rows`` (or all of ``[lo, hi)``).

        Reads whichever postings are cheaper: the query terms' inverted lists (a scatter
        over their rows in the slice) or, when few rows are left, those rows' forward
        lists. Both add each row's contributions in the order of the terms' text, in
        float32, so they give identical sums.
        """
        size = hi - lo if rows is None else rows.size
        sums = (np.zeros(size, dtype=np.float32), np.zeros(size, dtype=np.float32))
        if size == 0 or not postings:
            return sums
        found = [segment.inverted[p.field].postings(p.term, lo, hi) for p in postings]
        if rows is not None:
            inverted_cost = sum(f[0].size for f in found)
            # A forward entry (gather, lookup, filter) costs about four scattered postings.
            forward_cost = 0
            for field in {p.field for p in postings}:
                fw = segment.block.texts[field]
                forward_cost += 4 * int(fw.ptr[-1]) * size // max(segment.n, 1)
            if forward_cost < inverted_cost:
                self._text_forward(segment, rows, postings, sums)
                return sums
        full = (np.zeros(hi - lo, dtype=np.float32), np.zeros(hi - lo, dtype=np.float32))
        for p, (where, weights) in zip(postings, found, strict=True):
            if where.size:
                np.add.at(full[p.target], where - lo if lo else where, weights * p.scale)
        if rows is None:
            return full
        local = rows - lo
        return full[0][local], full[1][local]

    def _text_forward(
        self,
        segment: Segment,
        rows: IntpArray,
        postings: list[_Posting],
        sums: tuple[Float32Array, Float32Array],
    ) -> None:
        vocab = len(self._lexicon)
        for field in sorted({p.field for p in postings}):
            fw = segment.block.texts[field]
            starts = fw.ptr[rows]
            lengths = fw.ptr[rows + 1] - starts
            gather = concat_ranges(starts, lengths)
            terms = fw.term[gather]
            weights = fw.weight[gather]
            owner = np.repeat(np.arange(rows.size), lengths)
            for target in (0, 1):
                mine = [p for p in postings if p.field == field and p.target == target]
                if not mine:
                    continue
                lookup = np.zeros(vocab, dtype=np.float32)
                lookup[[p.term for p in mine]] = [p.scale for p in mine]
                contributions = weights * lookup[terms]
                nonzero = np.flatnonzero(contributions)
                np.add.at(sums[target], owner[nonzero], contributions[nonzero])

    def _scan(
        self,
        direction: Direction,
        segment: Segment,
        lo: int,
        hi: int,
        fixed: dict[str, Any],
        postings: list[_Posting],
        employer_rows: IntpArray,
        limit: int,
        want_excluded: bool,
        excluded_limit: int,
    ) -> _Scan:
        if want_excluded:
            return self._scan_all(
                direction, segment, lo, hi, fixed, postings, employer_rows, limit, excluded_limit
            )
        cols = segment.block.cols
        params = self._params
        step = self.config.chunk_rows
        all_live = segment.live_count == segment.n
        hard_names = CANDIDATE_HARD if direction == "candidates" else OPENING_HARD
        soft_names: tuple[str, ...] = OPENING_SOFT
        if direction == "candidates":
            soft_names = CANDIDATE_SOFT if params.adaptation else CANDIDATE_SOFT_NO_ADAPTATION

        # 1. Hard constraints over every row that could be within reach (few columns),
        # keeping the rows that pass.
        point = (float(fixed["x"]), float(fixed["y"]), float(fixed["z"]))
        reach = math.sqrt(float(fixed["c2max"])) if direction == "openings" else math.inf
        kept: list[IntpArray] = []
        kept_chord2: list[Float32Array] = []
        pieces = [
            (start, min(start + step, run_hi))
            for run_lo, run_hi in segment.runs(lo, hi, point, reach)
            for start in range(run_lo, run_hi, step)
        ]
        for start, end in pieces:
            block = {name: cols[name][start:end] for name in hard_names}
            if direction == "candidates":
                ok, chord2 = passes(block, fixed, params)
            else:
                ok, chord2 = passes(fixed, block, params)
            if not all_live:
                ok &= segment.live[start:end]
            keep = np.flatnonzero(ok)
            kept.append(keep + start)
            kept_chord2.append(chord2[keep])
        rows = np.concatenate(kept) if kept else np.zeros(0, dtype=np.intp)
        chord2_kept = np.concatenate(kept_chord2) if kept else np.zeros(0, dtype=np.float32)
        inside = employer_rows[(employer_rows >= lo) & (employer_rows < hi)]
        if inside.size and rows.size:
            at = np.searchsorted(rows, inside)
            at = at[at < rows.size]
            at = at[np.isin(rows[at], inside)]
            if at.size:
                keep_mask = np.ones(rows.size, dtype=np.bool_)
                keep_mask[at] = False
                rows, chord2_kept = rows[keep_mask], chord2_kept[keep_mask]
        considered = hi - lo if all_live else int(np.count_nonzero(segment.live[lo:hi]))

        # 2. Texts and 3. the soft score, for the rows that pass only.
        everyone = rows.size == hi - lo
        s_interest, s_experience = self._text(segment, lo, hi, None if everyone else rows, postings)
        score = np.empty(rows.size, dtype=np.float32)
        for a in range(0, rows.size, step):
            b = min(a + step, rows.size)
            if everyone:
                block = {name: cols[name][lo + a : lo + b] for name in soft_names}
            else:
                chunk = rows[a:b]
                block = {name: cols[name][chunk] for name in soft_names}
            if direction == "candidates":
                value, _ = soft(
                    block, fixed, chord2_kept[a:b], s_interest[a:b], s_experience[a:b], params
                )
            else:
                value, _ = soft(
                    fixed, block, chord2_kept[a:b], s_interest[a:b], s_experience[a:b], params
                )
            score[a:b] = value

        ids = segment.block.ids[rows]
        hits = [
            _Hit(
                score=float(score[r]),
                id=int(ids[r]),
                segment=segment,
                row=int(rows[r]),
                s_interest=s_interest[r],
                s_experience=s_experience[r],
            )
            for r in _top(score, ids, limit)
        ]
        return _Scan(
            hits=hits,
            excluded=[],
            considered=considered,
            excluded_count=considered - rows.size,
            by_reason={},
        )

    def _scan_all(
        self,
        direction: Direction,
        segment: Segment,
        lo: int,
        hi: int,
        fixed: dict[str, Any],
        postings: list[_Posting],
        employer_rows: IntpArray,
        limit: int,
        excluded_limit: int,
    ) -> _Scan:
        """Every row scored, with its reason bits: for queries that want excluded results."""
        size = hi - lo
        s_interest, s_experience = self._text(segment, lo, hi, None, postings)
        score = np.empty(size, dtype=np.float32)
        excluded = np.empty(size, dtype=np.bool_)
        reasons = np.zeros(size, dtype=np.uint8)
        cols = segment.block.cols
        step = self.config.chunk_rows
        for start in range(lo, hi, step):
            end = min(start + step, hi)
            block = {name: col[start:end] for name, col in cols.items()}
            a, b = start - lo, end - lo
            c, o = (block, fixed) if direction == "candidates" else (fixed, block)
            ev = evaluate(c, o, s_interest[a:b], s_experience[a:b], self._params,
                          want_reasons=True)  # fmt: skip
            score[a:b] = ev.score
            excluded[a:b] = ev.excluded
            reasons[a:b] = ev.reasons
        inside = employer_rows[(employer_rows >= lo) & (employer_rows < hi)] - lo
        excluded[inside] = True
        reasons[inside] |= _EMPLOYER_BIT
        live = segment.live[lo:hi]
        valid = ~excluded
        if segment.live_count < segment.n:
            valid &= live
            excluded &= live
        ids = segment.block.ids[lo:hi]

        def hit(row: int, reason: int = 0) -> _Hit:
            return _Hit(
                score=float(score[row]),
                id=int(ids[row]),
                segment=segment,
                row=lo + row,
                s_interest=s_interest[row],
                s_experience=s_experience[row],
                reasons=reason,
            )

        valid_rows = np.flatnonzero(valid)
        hits = [hit(int(valid_rows[r])) for r in _top(score[valid_rows], ids[valid_rows], limit)]
        excluded_rows = np.flatnonzero(excluded)
        considered = int(np.count_nonzero(live))
        scan = _Scan(
            hits=hits,
            excluded=[],
            considered=considered,
            excluded_count=int(excluded_rows.size),
            by_reason={},
        )
        if excluded_rows.size:
            found = reasons[excluded_rows]
            for code, bit in EXCLUSION_BITS.items():
                scan.by_reason[code] = int(np.count_nonzero(found & bit))
            # Fewest reasons first, then the best soft score: the near misses.
            near = score[excluded_rows] - _POPCOUNT[found].astype(np.float32) * np.float32(4)
            for r in _top(near, ids[excluded_rows], excluded_limit):
                row = int(excluded_rows[r])
                item = hit(row, int(reasons[row]))
                item.n_reasons = int(_POPCOUNT[reasons[row]])
                scan.excluded.append(item)
        return scan

    def _run(
        self,
        direction: Direction,
        store: Store,
        regions: Collection[int] | None,
        fixed: dict[str, Any],
        postings: list[_Posting],
        employer_ids: Collection[int],
        limit: int,
        include_excluded: bool,
        excluded_limit: int,
    ) -> tuple[list[_Hit], list[_Hit], int, int, dict[str, int]]:
        hits: list[_Hit] = []
        excluded: list[_Hit] = []
        considered = excluded_count = 0
        by_reason: dict[str, int] = dict.fromkeys(EXCLUSION_BITS, 0) if include_excluded else {}
        results = []
        for segment in store.segments():
            employer_rows = segment.rows_of(employer_ids)
            for lo, hi in segment.slices(regions):
                results.append(
                    self._scan(
                        direction, segment, lo, hi, fixed, postings, employer_rows,
                        limit, include_excluded, excluded_limit,
                    )
                )  # fmt: skip
        for result in results:
            hits.extend(result.hits)
            excluded.extend(result.excluded)
            considered += result.considered
            excluded_count += result.excluded_count
            for code, count in result.by_reason.items():
                by_reason[code] += count
        hits.sort(key=lambda h: (-h.score, h.id))
        excluded.sort(key=lambda h: (h.n_reasons, -h.score, h.id))
        return hits[:limit], excluded[:excluded_limit], considered, excluded_count, by_reason

    def _explained(
        self,
        direction: Direction,
        hits: list[_Hit],
        fixed: CandidateFacts | OpeningFacts,
        idf: Idf,
        excluded: bool,
    ) -> tuple[MatchResult, ...]:
        """Results with explanations; the parts of all hits are evaluated in one go."""
        if not hits:
            return ()
        schema = CANDIDATE_SCHEMA if direction == "candidates" else OPENING_SCHEMA
        segment = hits[0].segment
        if all(h.segment is segment for h in hits):
            at = np.array([h.row for h in hits], dtype=np.intp)
            rows = {name: segment.block.cols[name][at] for name in schema}
        else:
            rows = {
                name: np.array([h.segment.block.cols[name][h.row] for h in hits], dtype=dtype)
                for name, dtype in schema.items()
            }
        s_interest = np.array([h.s_interest for h in hits], dtype=np.float32)
        s_experience = np.array([h.s_experience for h in hits], dtype=np.float32)
        c, o = (rows, fixed.cols) if direction == "candidates" else (fixed.cols, rows)
        ev = evaluate(
            c, o, s_interest, s_experience, self._params, want_reasons=True, want_parts=True
        )
        assert ev.parts is not None
        size = len(hits)
        parts = {k: np.broadcast_to(v, (size,)).tolist() for k, v in ev.parts.items()}
        chord2 = np.broadcast_to(ev.chord2, (size,)).tolist()
        reasons = np.broadcast_to(ev.reasons, (size,)).tolist()
        out = []
        for i, h in enumerate(hits):
            if direction == "candidates":
                assert isinstance(fixed, OpeningFacts)
                cand, opening = self._candidate_from_row(h.segment, h.row), fixed
            else:
                assert isinstance(fixed, CandidateFacts)
                record = self._opening_records[h.id]
                cand, opening = fixed, self._opening_from_row(h.segment, h.row, record)
            explanation = self._explainer.explain(
                cand,
                opening,
                {k: v[i] for k, v in parts.items()},
                chord2[i],
                reasons[i] | h.reasons,
                idf,
            )
            out.append(
                MatchResult(
                    candidate_id=cand.id,
                    opening_id=opening.id,
                    score=h.score,
                    excluded=excluded,
                    explanation=explanation,
                )
            )
        return tuple(out)

    # -- queries ----------------------------------------------------------------------------

    def _candidates_query(
        self, opening: int | OpeningRecord
    ) -> tuple[OpeningFacts, list[_Posting], Callable[[], Idf]]:
        query = self._opening(opening)
        terms = self._explainer.by_stem(query.terms)
        df_interest, idf_interest = self._df_idf("interest", terms)
        df_experience, idf_experience = self._df_idf("experience", terms)
        postings = []
        for term in terms:  # a term no live candidate has adds nothing: skipped
            weight = np.float32(query.terms[term])
            if df_interest[term]:
                postings.append(_Posting("interest", 0, term, idf_interest[term] * weight))
            if df_experience[term]:
                postings.append(_Posting("experience", 1, term, idf_experience[term] * weight))
        return query, postings, lambda: _idf_dicts(idf_interest, idf_experience)

    def _openings_query(
        self, candidate: int | CandidateRecord
    ) -> tuple[CandidateFacts, list[_Posting], Callable[[], Idf]]:
        cand = self._candidate(candidate)
        idf_interest = self._idf("interest", list(cand.interest))
        idf_experience = self._idf("experience", list(cand.experience))
        postings = []
        for term in self._explainer.by_stem({*cand.interest, *cand.experience}):
            if term in cand.interest:
                scale = np.float32(cand.interest[term][0]) * idf_interest[term]
                postings.append(_Posting("text", 0, term, scale))
            if term in cand.experience:
                scale = np.float32(cand.experience[term][0]) * idf_experience[term]
                postings.append(_Posting("text", 1, term, scale))
        return cand, postings, lambda: _idf_dicts(idf_interest, idf_experience)

    def top_candidates(
        self,
        opening: int | OpeningRecord,
        *,
        limit: int = 20,
        regions: Collection[int] | None = None,
    ) -> tuple[tuple[int, float], ...]:
        """``(candidate id, score)`` of the best candidates, without explanations (for
        many openings at once, e.g. a match meeting's agenda; explain the ones shown)."""
        with self._lock:
            query, postings, _ = self._candidates_query(opening)
            hits = self._run(
                "candidates", self._candidates, regions, dict(query.cols), postings,
                query.record.workplace.excluded_candidates, limit, False, 0,
            )[0]  # fmt: skip
            return tuple((h.id, h.score) for h in hits)

    def top_openings(
        self,
        candidate: int | CandidateRecord,
        *,
        limit: int = 20,
        regions: Collection[int] | None = None,
    ) -> tuple[tuple[int, float], ...]:
        """``(opening id, score)`` of the best openings, without explanations."""
        with self._lock:
            cand, postings, _ = self._openings_query(candidate)
            hits = self._run(
                "openings", self._openings, regions, dict(cand.cols), postings,
                self._excluded_by.get(cand.id, ()), limit, False, 0,
            )[0]  # fmt: skip
            return tuple((h.id, h.score) for h in hits)

    def rank_candidates(
        self,
        opening: int | OpeningRecord,
        *,
        limit: int = 20,
        regions: Collection[int] | None = None,
        include_excluded: bool = False,
        excluded_limit: int | None = None,
    ) -> Ranking:
        """The best candidates, explained, for an indexed opening (by id) or an ad hoc one
        (a record, e.g. ``opening_from_tasks``), optionally only in ``regions``; with
        ``include_excluded`` also the excluded ones (fewest reasons first)."""
        with self._lock:
            query, postings, idf_of = self._candidates_query(opening)
            idf = idf_of()
            more = limit if excluded_limit is None else excluded_limit
            hits, excluded, considered, excluded_count, by_reason = self._run(
                "candidates", self._candidates, regions, dict(query.cols), postings,
                query.record.workplace.excluded_candidates, limit, include_excluded, more,
            )  # fmt: skip
            return Ranking(
                direction="candidates",
                query_id=query.id,
                results=self._explained("candidates", hits, query, idf, False),
                excluded=self._explained("candidates", excluded, query, idf, True),
                considered=considered,
                excluded_count=excluded_count,
                excluded_by_reason=by_reason,
            )

    def rank_openings(
        self,
        candidate: int | CandidateRecord,
        *,
        limit: int = 20,
        regions: Collection[int] | None = None,
        include_excluded: bool = False,
        excluded_limit: int | None = None,
    ) -> Ranking:
        """The best openings, explained, for an indexed candidate (by id) or an ad hoc one."""
        with self._lock:
            cand, postings, idf_of = self._openings_query(candidate)
            idf = idf_of()
            more = limit if excluded_limit is None else excluded_limit
            hits, excluded, considered, excluded_count, by_reason = self._run(
                "openings", self._openings, regions, dict(cand.cols), postings,
                self._excluded_by.get(cand.id, ()), limit, include_excluded, more,
            )  # fmt: skip
            return Ranking(
                direction="openings",
                query_id=cand.id,
                results=self._explained("openings", hits, cand, idf, False),
                excluded=self._explained("openings", excluded, cand, idf, True),
                considered=considered,
                excluded_count=excluded_count,
                excluded_by_reason=by_reason,
            )

    def explain(
        self, candidate: int | CandidateRecord, opening: int | OpeningRecord
    ) -> MatchResult:
        """One pair, scored and explained, whether or not it is excluded (an advisor may
        still propose an excluded candidate, recording why)."""
        with self._lock:
            cand = self._candidate(candidate)
            query = self._opening(opening)
            idf = self._idf_for(cand)
            sums = []
            for field in ("interest", "experience"):
                terms = cand.interest if field == "interest" else cand.experience
                total = np.float32(0)
                for term in self._explainer.by_stem(terms):
                    if term in query.terms:
                        factor = np.float32(idf[field][term]) * np.float32(query.terms[term])
                        total += np.float32(terms[term][0]) * factor
                sums.append(total)
            ev = evaluate(
                cand.cols, query.cols, sums[0], sums[1], self._params,
                want_reasons=True, want_parts=True,
            )  # fmt: skip
            assert ev.parts is not None
            reasons = int(ev.reasons)
            if cand.id in query.record.workplace.excluded_candidates:
                reasons |= int(_EMPLOYER_BIT)
            explanation = self._explainer.explain(
                cand,
                query,
                {k: float(v) for k, v in ev.parts.items()},
                float(ev.chord2),
                reasons,
                idf,
            )
            return MatchResult(
                candidate_id=cand.id,
                opening_id=query.id,
                score=float(ev.score),
                excluded=reasons != 0,
                explanation=explanation,
            )

    def carve_job(self, candidate: int | CandidateRecord, workplace: WorkplaceRecord) -> CarvedJob:
        """Propose a set of the workplace's tasks for the candidate (``carving.py``)."""
        with self._lock:
            cand = self._candidate(candidate)
            idf = {t: float(v) for t, v in self._idf("interest", list(cand.interest)).items()}
            return carve(self._explainer, self._compiler, cand, workplace, idf)
