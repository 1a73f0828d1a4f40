"""The live index: one ``MatchIndex`` per web process, kept current from the change feed.

The first query builds the index from the database. Before every later query the index
reads the ``IndexChange`` rows it has not seen (one indexed query) and re-reads only the
objects named there: an upsert per changed candidate or opening, no rebuild. A feed that
fell far behind, or an index older than ``MAX_AGE``, is rebuilt. Several web processes
each keep their own copy; the feed keeps them all in step.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from samspill.changefeed.models import ChangeKind, IndexChange
from samspill.employers.models import Opening
from samspill.matching import adapter
from samspill.matching.engine import EngineConfig, MatchIndex, Weights

#: The engine's defaults, except that Samspill records no age wish for employers: age may
#: be a hiring criterion only where arbeidsmiljøloven § 13-3 allows it, so the part that
#: would score it is switched off (docs/rules.md).
CONFIG = EngineConfig(weights=Weights(employer_wishes=0.0))
#: More unseen changes than this: rebuild instead of replaying them.
REPLAY_LIMIT = 5000
#: Rebuild at least this often (it also lets the feed be pruned safely).
MAX_AGE = timedelta(hours=6)
#: Feed rows older than this are deleted after a rebuild.
KEEP_FEED = timedelta(days=1)


class LiveIndex:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: MatchIndex | None = None
        self._seen = 0
        self._built = 0.0
        #: Full builds so far (a change should be an upsert, not a rebuild).
        self.builds = 0

    def reset(self) -> None:
        with self._lock:
            self._index = None
            self._seen = 0

    @contextmanager
    def current(self) -> Iterator[MatchIndex]:
        """The index, brought up to date; held under the lock while the caller queries."""
        with self._lock:
            if self._index is None or time.monotonic() - self._built > MAX_AGE.total_seconds():
                self._rebuild()
            else:
                self._catch_up()
            assert self._index is not None
            yield self._index

    def _latest(self) -> int:
        return IndexChange.objects.aggregate(latest=Max("id"))["latest"] or 0

    def _rebuild(self) -> None:
        seen = self._latest()  # read first: a change made during the build is replayed
        reader = adapter.WorkplaceReader.create()
        self._index = MatchIndex.build(
            adapter.candidate_records(), adapter.opening_records(reader), config=CONFIG
        )
        self._seen, self._built = seen, time.monotonic()
        self.builds += 1
        IndexChange.objects.filter(at__lt=timezone.now() - KEEP_FEED).delete()

    def _catch_up(self) -> None:
        rows = list(
            IndexChange.objects.filter(id__gt=self._seen)
            .order_by("id")
            .values_list("id", "kind", "object_id")[: REPLAY_LIMIT + 1]
        )
        if not rows:
            return
        if len(rows) > REPLAY_LIMIT:
            self._rebuild()
            return
        candidates: set[int] = set()
        openings: set[int] = set()
        for _, kind, object_id in rows:
            if kind == ChangeKind.CANDIDATE:
                candidates.add(object_id)
            elif kind == ChangeKind.OPENING:
                openings.add(object_id)
            else:
                field = "workplace_id" if kind == ChangeKind.WORKPLACE else "workplace__employer_id"
                openings.update(
                    Opening.objects.filter(**{field: object_id}).values_list("pk", flat=True)
                )
        self._apply(candidates, openings)
        self._seen = rows[-1][0]

    def _apply(self, candidates: set[int], openings: set[int]) -> None:
        index = self._index
        assert index is not None
        for candidate_id in sorted(candidates):
            record = adapter.candidate_record_for(candidate_id)
            if record is None:
                index.remove_candidate(candidate_id)
            else:
                index.upsert_candidate(record)
        found, gone = adapter.opening_records_for(openings)
        for opening in found:
            index.upsert_opening(opening)
        for opening_id in gone:
            index.remove_opening(opening_id)


LIVE = LiveIndex()
