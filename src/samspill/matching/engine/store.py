"""Columnar storage with a main segment, a small delta segment and tombstones.

Layout (one ``Store`` for candidates, one for openings):

- **Main segment**: every row sorted by ``(region, reach group, id)``, so one region's rows
  are one contiguous slice ``[lo, hi)`` of every column and of every posting list
  (postings are sorted by row): a regional query scans views, never copies. Regions near
  each other are stored near each other, and within a region the rows with a known
  maximum commute come last, so blocks of rows a query cannot reach can be skipped
  (``Segment.runs``).
  Columns are plain numpy arrays; texts are held twice, doc-major (``Forward``: a
  document's terms, used when the document is the query, for explanations, df upkeep and
  compaction) and term-major
  (``Inverted``: a term's rows and weights, used when the other side is the query).
- **Delta segment**: rows upserted since the last compaction, kept as one-row blocks by id
  and rebuilt (sorted the same way) on the next query after a change; it is small, so that
  costs milliseconds.
- **Tombstones**: an upsert or removal of a row that lives in the main segment clears its
  ``live`` flag there; queries skip dead rows and never count them.
- **Compaction** merges the live main rows and the delta into a new main segment without
  re-analysing any text (columns and postings are gathered and re-sorted with numpy).
  ``EngineConfig.auto_compact`` triggers it when the delta outgrows its threshold; it is
  O(rows), about a second or two per million rows, so the adapter may prefer to turn that
  off and call ``MatchIndex.compact()`` off the request path.

Why the results never depend on this history: a row's column values and term weights are
functions of that row's record only (the BM25 pivot is a constant, not the corpus
average), document frequencies are kept exact for live rows on every change, and a query
adds term contributions in the order of the terms' text (not their ids). So an index
updated by upserts and removals scores every row exactly as a fresh build of the same
records does, before and after compaction; ties are broken by id.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Int64Array = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
Float32Array = npt.NDArray[np.float32]
UInt8Array = npt.NDArray[np.uint8]
IntpArray = npt.NDArray[np.intp]
AnyArray = npt.NDArray[Any]


def concat_ranges(starts: Int64Array, lengths: Int64Array) -> Int64Array:
    """Concatenation of ``arange(s, s + n)`` for each (s, n)."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    return np.repeat(starts - (ends - lengths), lengths) + np.arange(total, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Forward:
    """Doc-major postings: each document's distinct terms (in the order of their stems'
    text, see ``compile.py``) and weights."""

    ptr: Int64Array
    term: Int32Array
    weight: Float32Array
    #: Which sub-field(s) a term came from (bit flags, e.g. 1 own words, 2 advisor notes).
    flag: UInt8Array

    @property
    def n(self) -> int:
        return len(self.ptr) - 1

    @property
    def nbytes(self) -> int:
        return self.ptr.nbytes + self.term.nbytes + self.weight.nbytes + self.flag.nbytes

    @staticmethod
    def empty(n: int = 0) -> Forward:
        return Forward(
            np.zeros(n + 1, dtype=np.int64),
            np.zeros(0, dtype=np.int32),
            np.zeros(0, dtype=np.float32),
            np.zeros(0, dtype=np.uint8),
        )

    def doc(self, row: int) -> tuple[Int32Array, Float32Array, UInt8Array]:
        lo, hi = int(self.ptr[row]), int(self.ptr[row + 1])
        return self.term[lo:hi], self.weight[lo:hi], self.flag[lo:hi]

    def take(self, rows: npt.NDArray[np.integer[Any]]) -> Forward:
        rows64 = rows.astype(np.int64, copy=False)
        lengths = self.ptr[rows64 + 1] - self.ptr[rows64]
        ptr = np.zeros(len(rows64) + 1, dtype=np.int64)
        np.cumsum(lengths, out=ptr[1:])
        gather = concat_ranges(self.ptr[rows64], lengths)
        return Forward(ptr, self.term[gather], self.weight[gather], self.flag[gather])

    @staticmethod
    def concat(parts: list[Forward]) -> Forward:
        if len(parts) == 1:
            return parts[0]
        sizes = np.array([p.ptr[-1] for p in parts], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        ptr = np.concatenate(
            [np.zeros(1, dtype=np.int64)]
            + [p.ptr[1:] + off for p, off in zip(parts, offsets, strict=True)]
        )
        return Forward(
            ptr,
            np.concatenate([p.term for p in parts]),
            np.concatenate([p.weight for p in parts]),
            np.concatenate([p.flag for p in parts]),
        )


@dataclass(frozen=True, slots=True)
class Inverted:
    """Term-major postings: for each term, its rows (ascending) and weights."""

    ptr: Int64Array
    #: ``intp`` rather than int32: ``np.add.at`` would convert int32 on every query.
    row: IntpArray
    weight: Float32Array
    n_rows: int

    @property
    def nbytes(self) -> int:
        return self.ptr.nbytes + self.row.nbytes + self.weight.nbytes

    @staticmethod
    def from_forward(forward: Forward, vocab_size: int) -> Inverted:
        counts = np.diff(forward.ptr)
        rows = np.repeat(np.arange(forward.n, dtype=np.intp), counts)
        # A stable sort keeps each term's rows ascending; 16-bit keys get numpy's radix sort.
        keys = forward.term.astype(np.uint16) if vocab_size <= 1 << 16 else forward.term
        order = np.argsort(keys, kind="stable")
        ptr = np.zeros(vocab_size + 1, dtype=np.int64)
        np.cumsum(np.bincount(forward.term, minlength=vocab_size), out=ptr[1:])
        return Inverted(ptr, rows[order], forward.weight[order], forward.n)

    def postings(self, term: int, lo: int, hi: int) -> tuple[IntpArray, Float32Array]:
        """The term's postings with rows in ``[lo, hi)``."""
        if term >= len(self.ptr) - 1:
            return self.row[:0], self.weight[:0]
        start, end = int(self.ptr[term]), int(self.ptr[term + 1])
        rows = self.row[start:end]
        if (lo > 0 or hi < self.n_rows) and end > start:
            a, b = np.searchsorted(rows, (lo, hi))
            return rows[a:b], self.weight[start + a : start + b]
        return rows, self.weight[start:end]


@dataclass(slots=True)
class Block:
    """A batch of compiled rows (any order): ids, regions, columns and texts."""

    ids: Int64Array
    region: Int32Array
    cols: dict[str, AnyArray]
    texts: dict[str, Forward]

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        return (
            self.ids.nbytes
            + self.region.nbytes
            + sum(a.nbytes for a in self.cols.values())
            + sum(f.nbytes for f in self.texts.values())
        )

    def take(self, rows: npt.NDArray[np.integer[Any]]) -> Block:
        return Block(
            self.ids[rows],
            self.region[rows],
            {name: col[rows] for name, col in self.cols.items()},
            {name: fw.take(rows) for name, fw in self.texts.items()},
        )

    @staticmethod
    def concat(blocks: list[Block]) -> Block:
        if len(blocks) == 1:
            return blocks[0]
        first = blocks[0]
        return Block(
            np.concatenate([b.ids for b in blocks]),
            np.concatenate([b.region for b in blocks]),
            {name: np.concatenate([b.cols[name] for b in blocks]) for name in first.cols},
            {name: Forward.concat([b.texts[name] for b in blocks]) for name in first.texts},
        )

    @staticmethod
    def empty(schema: Mapping[str, npt.DTypeLike], fields: Iterable[str]) -> Block:
        return Block(
            np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=np.int32),
            {name: np.zeros(0, dtype=dtype) for name, dtype in schema.items()},
            {name: Forward.empty() for name in fields},
        )


#: Rows per block of the spatial summary (``Segment.runs``).
BLOCK_ROWS = 2048
#: Skipped gaps shorter than this many blocks are scanned anyway: a numpy call costs more
#: than the rows it would skip.
_MIN_GAP_BLOCKS = 8
#: Slack (unit-sphere chord, ≈ 60 m) so float rounding never prunes a row that passes.
_PRUNE_MARGIN = 1e-5


def _spread_bits(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    out = np.zeros_like(values)
    for bit in range(10):
        out |= ((values >> bit) & 1) << (3 * bit)
    return out


def _region_rank(block: Block) -> npt.NDArray[np.int64]:
    """Per row, its region's rank along a Morton curve through the regions' centroids, so
    regions near each other are stored near each other (and ``Segment.runs`` finds a query's
    reachable rows in few runs); by region id when there are no positions."""
    regions, inverse = np.unique(block.region, return_inverse=True)
    if "x" not in block.cols or not block.n:
        return inverse.astype(np.int64)
    counts = np.bincount(inverse)
    code = np.zeros(regions.size, dtype=np.int64)
    for shift, axis in enumerate(("x", "y", "z")):
        centroid = np.bincount(inverse, weights=block.cols[axis]) / counts
        cell = np.clip(((centroid + 1) / 2 * 1023).astype(np.int64), 0, 1023)
        code |= _spread_bits(cell) << shift
    rank = np.empty(regions.size, dtype=np.int64)
    rank[np.lexsort((regions, code))] = np.arange(regions.size)
    return rank[inverse]


class Segment:
    """Rows sorted by (region, reach group, id) — regions in the order of ``_region_rank``
    — with inverted postings, region slices, a spatial summary per block of rows, and id
    lookup.

    One region is one contiguous slice. Within it, the reach group (0: no distance limit —
    a candidate whose maximum commute is unknown, every opening; 1: a known limit) puts the
    rows a distant query can never reach together: each block of ``BLOCK_ROWS`` rows keeps a
    bounding sphere and its largest reach, and ``runs`` skips the blocks whose every row is
    provably out of reach (triangle inequality on chords).
    """

    def __init__(self, block: Block, vocab_size: int) -> None:
        reach2 = block.cols.get("c2max")
        group = (
            np.isfinite(reach2).astype(np.int8)
            if reach2 is not None
            else np.zeros(block.n, dtype=np.int8)
        )
        order = np.lexsort((block.ids, group, _region_rank(block)))
        if block.n and np.any(order != np.arange(block.n)):
            block = block.take(order)
            group = group[order]
        self.block = block
        self.n = block.n
        self.inverted = {
            name: Inverted.from_forward(fw, vocab_size) for name, fw in block.texts.items()
        }
        self._region_slices: dict[int, tuple[int, int]] = {}
        if block.n:
            regions = block.region
            starts = np.flatnonzero(np.r_[True, regions[1:] != regions[:-1]])
            ends = np.append(starts[1:], block.n)
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                self._region_slices[int(regions[start])] = (start, end)
        self._summarise(block)
        id_order = np.argsort(block.ids, kind="stable")
        self._id_order: Int32Array = id_order.astype(np.int32)
        self._id_sorted: Int64Array = block.ids[id_order]
        if block.n > 1 and np.any(self._id_sorted[1:] == self._id_sorted[:-1]):
            duplicate = self._id_sorted[1:][self._id_sorted[1:] == self._id_sorted[:-1]][0]
            raise ValueError(f"duplicate id {int(duplicate)}")
        self.live: npt.NDArray[np.bool_] = np.ones(block.n, dtype=np.bool_)
        self.live_count = block.n

    def _summarise(self, block: Block) -> None:
        starts = np.arange(0, block.n, BLOCK_ROWS)
        self._centers = np.zeros((starts.size, 3), dtype=np.float64)
        self._radius = np.zeros(starts.size, dtype=np.float64)
        self._reach = np.full(starts.size, np.inf, dtype=np.float64)
        if not block.n or "x" not in block.cols:
            return
        counts = np.diff(np.append(starts, block.n))
        points = np.stack([block.cols[k].astype(np.float64) for k in ("x", "y", "z")], axis=1)
        self._centers = np.add.reduceat(points, starts, axis=0) / counts[:, None]
        offsets = points - np.repeat(self._centers, counts, axis=0)
        self._radius = np.maximum.reduceat(np.sqrt((offsets**2).sum(axis=1)), starts)
        if "c2max" in block.cols:
            reach = np.sqrt(block.cols["c2max"].astype(np.float64))
            self._reach = np.maximum.reduceat(reach, starts)

    @property
    def nbytes(self) -> int:
        return (
            self.block.nbytes
            + sum(inv.nbytes for inv in self.inverted.values())
            + self._id_order.nbytes
            + self._id_sorted.nbytes
            + self.live.nbytes
            + self._centers.nbytes
            + self._radius.nbytes
            + self._reach.nbytes
        )

    def slices(self, regions: Collection[int] | None) -> list[tuple[int, int]]:
        if regions is None:
            return [(0, self.n)] if self.n else []
        found = (self._region_slices.get(region) for region in sorted(set(regions)))
        return [bounds for bounds in found if bounds is not None]

    def runs(
        self, lo: int, hi: int, point: tuple[float, float, float], reach: float
    ) -> list[tuple[int, int]]:
        """The parts of ``[lo, hi)`` that can hold a row within reach of ``point``: a row
        is within reach when its chord to the point is at most its own reach and at most
        ``reach`` (the query side's; ``inf`` when none)."""
        if hi <= lo:
            return []
        first, last = lo // BLOCK_ROWS, (hi - 1) // BLOCK_ROWS + 1
        centers = self._centers[first:last]
        distance = np.sqrt(((centers - np.asarray(point)) ** 2).sum(axis=1))
        lower = distance - self._radius[first:last] - _PRUNE_MARGIN
        keep = ~(lower > np.minimum(self._reach[first:last], reach))
        if keep.all():
            return [(lo, hi)]
        edges = np.flatnonzero(np.diff(np.concatenate(([False], keep, [False]))))
        runs: list[tuple[int, int]] = []
        for start, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            if runs and start - runs[-1][1] < _MIN_GAP_BLOCKS:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        out = []
        for start, end in runs:
            run_lo = max(lo, (first + start) * BLOCK_ROWS)
            run_hi = min(hi, (first + end) * BLOCK_ROWS)
            if run_lo < run_hi:
                out.append((run_lo, run_hi))
        return out

    def row_of(self, id_: int) -> int | None:
        """The live row of an id, if any."""
        at = int(np.searchsorted(self._id_sorted, id_))
        if at < self.n and self._id_sorted[at] == id_:
            row = int(self._id_order[at])
            return row if self.live[row] else None
        return None

    def rows_of(self, ids: Collection[int]) -> IntpArray:
        """Live rows of those of ``ids`` that are here."""
        if not ids or not self.n:
            return np.zeros(0, dtype=np.intp)
        wanted = np.fromiter(ids, dtype=np.int64, count=len(ids))
        at = np.searchsorted(self._id_sorted, wanted)
        found = at < self.n
        at, wanted = at[found], wanted[found]
        hit = self._id_sorted[at] == wanted
        rows: IntpArray = self._id_order[at[hit]].astype(np.intp)
        live: IntpArray = rows[self.live[rows]]
        return live

    def kill(self, row: int) -> None:
        if self.live[row]:
            self.live[row] = False
            self.live_count -= 1


class Store:
    """One side of the index (candidates or openings): main + delta + tombstones + df."""

    def __init__(self, schema: Mapping[str, npt.DTypeLike], fields: tuple[str, ...]) -> None:
        self.schema = dict(schema)
        self.fields = fields
        self.main = Segment(Block.empty(self.schema, fields), 0)
        self._pending: dict[int, Block] = {}
        self._delta: Segment | None = None
        self._vocab_size = 0
        #: Document frequency of each term per text field, over live rows.
        self.df: dict[str, Int64Array] = {name: np.zeros(0, dtype=np.int64) for name in fields}

    # -- sizes ------------------------------------------------------------------------

    @property
    def live_count(self) -> int:
        return self.main.live_count + len(self._pending)

    @property
    def delta_count(self) -> int:
        return len(self._pending)

    @property
    def tombstones(self) -> int:
        return self.main.n - self.main.live_count

    @property
    def nbytes(self) -> int:
        delta = self._delta.nbytes if self._delta is not None else 0
        return (
            self.main.nbytes
            + delta
            + sum(b.nbytes for b in self._pending.values())
            + sum(df.nbytes for df in self.df.values())
        )

    # -- df upkeep ----------------------------------------------------------------------

    def _df_add(self, block: Block, sign: int) -> None:
        for name, fw in block.texts.items():
            df = self.df[name]
            if fw.term.size:
                need = int(fw.term.max()) + 1
                if need > df.size:
                    df = np.concatenate([df, np.zeros(max(need, 2 * df.size) - df.size, np.int64)])
                    self.df[name] = df
                np.add.at(df, fw.term, sign)

    def df_of(self, name: str, terms: Int32Array) -> Int64Array:
        df = self.df[name]
        inside = terms < df.size
        out = np.zeros(terms.size, dtype=np.int64)
        out[inside] = df[terms[inside]]
        return out

    # -- changes --------------------------------------------------------------------------

    def load(self, block: Block, vocab_size: int) -> None:
        """Replace everything by ``block`` (a bulk build)."""
        self._vocab_size = vocab_size
        self.main = Segment(block, vocab_size)
        self._pending.clear()
        self._delta = None
        self.df = {
            name: np.bincount(fw.term, minlength=vocab_size).astype(np.int64)
            for name, fw in self.main.block.texts.items()
        }

    def locate(self, id_: int) -> tuple[Segment, int] | None:
        if id_ in self._pending:
            delta = self.delta()
            row = delta.row_of(id_)
            assert row is not None
            return delta, row
        row = self.main.row_of(id_)
        return (self.main, row) if row is not None else None

    def _drop(self, id_: int) -> bool:
        old = self._pending.pop(id_, None)
        if old is not None:
            self._df_add(old, -1)
            self._delta = None
            return True
        row = self.main.row_of(id_)
        if row is None:
            return False
        self._df_add(self.main.block.take(np.array([row])), -1)
        self.main.kill(row)
        return True

    def upsert(self, row: Block, vocab_size: int) -> None:
        """Insert or replace one compiled row (a one-row block)."""
        id_ = int(row.ids[0])
        self._drop(id_)
        self._pending[id_] = row
        self._df_add(row, +1)
        self._delta = None
        self._vocab_size = vocab_size

    def remove(self, id_: int) -> bool:
        return self._drop(id_)

    def delta(self) -> Segment:
        if self._delta is None:
            blocks = list(self._pending.values())
            block = Block.concat(blocks) if blocks else Block.empty(self.schema, self.fields)
            self._delta = Segment(block, self._vocab_size)
        return self._delta

    def segments(self) -> list[Segment]:
        segments = [self.main]
        if self._pending:
            segments.append(self.delta())
        return segments

    def wants_compaction(self, min_rows: int, fraction: float) -> bool:
        return len(self._pending) > max(min_rows, fraction * self.main.n)

    def compact(self, vocab_size: int) -> None:
        live_rows = np.flatnonzero(self.main.live)
        blocks = [self.main.block.take(live_rows), *self._pending.values()]
        self._vocab_size = vocab_size
        self.main = Segment(Block.concat(blocks), vocab_size)
        self._pending.clear()
        self._delta = None
