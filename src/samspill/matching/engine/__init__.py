"""The matching engine (jobbmatch and jobbsnekring): pure Python + numpy, no Django.

The adapter turns database rows into plain records, builds one ``MatchIndex`` and keeps
it current; pages and the API call the queries. Nothing here imports Django
(``tests/test_engine_purity.py`` checks it).

Building and keeping current::

    index = MatchIndex.build(candidates, openings, config=EngineConfig())
    index.upsert_candidate(CandidateRecord(...))   # insert or replace; no rebuild
    index.remove_candidate(candidate_id)           # -> bool
    index.upsert_opening(OpeningRecord(...))
    index.remove_opening(opening_id)
    index.compact()                                # merge the delta (automatic by default)
    index.stats()                                  # IndexStats: counts, delta, bytes

``candidates`` may be a lazy iterable (it is read in batches). An upsert costs about
0.2 ms; the next query rebuilds the small delta segment; compaction is O(rows) (about a
second per million) and runs automatically when the delta outgrows
``EngineConfig.delta_min_rows`` / ``delta_fraction`` (``auto_compact=False`` leaves it to
the caller, e.g. a background job). Scores never depend on this history (``store.py``).

Records (``records.py``; ``None`` means unknown, and unknown never excludes):

- ``CandidateRecord``: id, region, lat/lon, max commute km, hours min/max, times of day,
  need codes, wished sector codes, age, ``interests_own`` (the candidate's own words,
  weighted at least as much as) ``interests_advisor``, ``strengths``, ``experience``.
- ``WorkplaceRecord``: id, employer id, region, lat/lon, name, sector, mapped
  ``TaskRecord`` s (name, description, hours, times of day, demand levels 0–3,
  ``adaptable``, adaptation note), the employer's wishes in words, age wish, explicitly
  excluded candidate ids, inclusion experience 0..1.
- ``OpeningRecord``: id, workplace, hours per week, title, description, tasks, times of day.
- ``opening_from_tasks(workplace, task_ids)``: an ad hoc opening for a set of tasks.

Queries (an id of an indexed row, or a record for an ad hoc query)::

    index.rank_candidates(opening, limit=20, regions={3}, include_excluded=True)
    index.rank_openings(candidate, limit=20, regions=None)
    index.top_candidates(opening, limit=20)        # ((candidate id, score), ...), no texts
    index.top_openings(candidate, limit=20)
    index.explain(candidate, opening)              # one pair, even an excluded one
    index.carve_job(candidate, workplace)          # CarvedJob

A ``Ranking`` holds ``MatchResult`` s (``candidate_id``, ``opening_id``, ``score``,
``excluded``, ``explanation``) best first (score desc, then id), the excluded ones on
request (fewest reasons first, then score), and counts (``considered``,
``excluded_count``, ``excluded_by_reason``). An ``Explanation`` has ``contributions``
(one ``Contribution`` per soft part: code, Norwegian label, points, max points, detail;
text parts list ``TermMatch`` es naming the candidate's word, where it came from, the
opening's word, and the tasks it occurs in), ``missing`` (e.g. "Ingen felles interesser
med stillingen."), ``adaptations`` (task, demand, need: adapted rather than excluded),
``exclusions`` (``Exclusion``: code ``hours`` / ``commute`` / ``needs`` / ``time_of_day``
/ ``employer_excluded``, label, detail) and a one-line ``summary``. A ``CarvedJob`` has the
chosen ``CarvedTask`` s, the total and target hours, the ``RejectedTask`` s with their
reasons and the reasoning in sentences.

Where the rules are: hard constraints and the soft score in ``scoring.py``, the
need/demand conflict table in ``conflicts.py``, weights and parameters in ``config.py``,
Norwegian text analysis in ``text.py``, job carving in ``carving.py``, the storage, regions
and updates in ``store.py``, the query plan in ``index.py``.

A ``MatchIndex`` is thread-safe (one lock around every call; a query takes milliseconds).
"""

from samspill.matching.engine.config import DEFAULT_CONFIG, EngineConfig, Weights
from samspill.matching.engine.conflicts import CONFLICTS, HOURS_PER_WEEK, ConflictRule
from samspill.matching.engine.facts import CandidateFacts
from samspill.matching.engine.index import IndexStats, MatchIndex
from samspill.matching.engine.records import (
    CandidateRecord,
    OpeningRecord,
    TaskRecord,
    WorkplaceRecord,
    opening_from_tasks,
)
from samspill.matching.engine.results import (
    Adaptation,
    CarvedJob,
    CarvedTask,
    Contribution,
    Exclusion,
    ExclusionCode,
    Explanation,
    MatchResult,
    PartCode,
    Ranking,
    RejectedTask,
    TermMatch,
)

__all__ = [
    "CONFLICTS",
    "DEFAULT_CONFIG",
    "HOURS_PER_WEEK",
    "Adaptation",
    "CandidateFacts",
    "CandidateRecord",
    "CarvedJob",
    "CarvedTask",
    "ConflictRule",
    "Contribution",
    "EngineConfig",
    "Exclusion",
    "ExclusionCode",
    "Explanation",
    "IndexStats",
    "MatchIndex",
    "MatchResult",
    "OpeningRecord",
    "PartCode",
    "Ranking",
    "RejectedTask",
    "TaskRecord",
    "TermMatch",
    "Weights",
    "WorkplaceRecord",
    "opening_from_tasks",
]
