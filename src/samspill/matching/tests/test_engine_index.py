"""The index: updates without rebuild, regions, both directions, consistency of scores."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from samspill.matching.engine import (
    CandidateRecord,
    EngineConfig,
    MatchIndex,
    OpeningRecord,
    Ranking,
    TaskRecord,
    WorkplaceRecord,
)
from samspill.matching.engine.store import BLOCK_ROWS

TOWNS = [(59.91, 10.75), (60.39, 5.32), (63.43, 10.39), (58.97, 5.73), (59.74, 10.20)]
WORDS = """
    lager truck plukking butikk kasse kunder barn lek matlaging kjøkken baking kontor data
    post renhold vasking eldre omsorg maskiner verksted dyr musikk hage snekring varer
""".split()  # noqa: SIM905
DEMANDS = ["heavy_lifting", "noise", "reading_writing", "customer_contact", "standing"]
NEEDS = ["avoid_heavy_lifting", "quiet_environment", "reading", "speaking", "not_full_days"]
SECTORS = ["warehouse", "retail", "canteen", "care", "office"]


def random_candidate(rng: random.Random, id_: int) -> CandidateRecord:
    region = rng.randrange(len(TOWNS))
    lat, lon = TOWNS[region]

    def words(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k))

    low = rng.choice([None, 5.0, 10.0, 15.0, 20.0])
    return CandidateRecord(
        id=id_,
        region=region,
        lat=lat + rng.gauss(0, 0.15),
        lon=lon + rng.gauss(0, 0.25),
        max_commute_km=rng.choice([None, 10.0, 25.0, 60.0]),
        hours_min=low,
        hours_max=None if low is None else low + rng.choice([5, 10, 20]),
        times_of_day=rng.choice([(), ("day",), ("day", "evening"), ("day", "weekend")]),
        needs=rng.sample(NEEDS, rng.choice([0, 0, 1, 2])),
        sectors=rng.sample(SECTORS, rng.choice([0, 1, 2])),
        age=rng.choice([None, 19, 25, 33, 47, 58]),
        interests_own=words(rng.randrange(4)),
        interests_advisor=words(rng.randrange(5)),
        strengths=words(1),
        experience=words(rng.randrange(3)),
    )


def random_opening(rng: random.Random, id_: int, excluded: list[int]) -> OpeningRecord:
    region = rng.randrange(len(TOWNS))
    lat, lon = TOWNS[region]
    tasks = tuple(
        TaskRecord(
            id=id_ * 10 + j,
            name=rng.choice(WORDS).capitalize(),
            description=" ".join(rng.choice(WORDS) for _ in range(3)),
            hours_per_week=rng.choice([5.0, 7.5, 10.0]),
            times_of_day=rng.choice([("day",), ("day", "evening")]),
            demands={d: rng.randrange(4) for d in rng.sample(DEMANDS, 2)},
            adaptable=rng.random() < 0.3,
        )
        for j in range(rng.randrange(1, 4))
    )
    wp = WorkplaceRecord(
        id=id_,
        employer_id=id_ // 2,
        region=region,
        lat=lat + rng.gauss(0, 0.05),
        lon=lon + rng.gauss(0, 0.05),
        sector=rng.choice(["", *SECTORS]),
        tasks=tasks,
        employer_wishes=rng.choice(["", "Ønsker en som liker " + rng.choice(WORDS)]),
        wished_age_min=rng.choice([None, 20]),
        wished_age_max=rng.choice([None, 40]),
        excluded_candidates=tuple(rng.sample(excluded, 2)),
        inclusion_experience=rng.random(),
    )
    return OpeningRecord(
        id=id_,
        workplace=wp,
        hours_per_week=sum(t.hours_per_week for t in tasks),
        title=rng.choice(WORDS),
        tasks=tasks,
    )


def world(
    seed: int, n: int = 600, m: int = 40
) -> tuple[list[CandidateRecord], list[OpeningRecord]]:
    rng = random.Random(seed)
    cands = [random_candidate(rng, i) for i in range(1, n + 1)]
    openings = [random_opening(rng, 1000 + j, list(range(1, n + 1))) for j in range(m)]
    return cands, openings


def summary(ranking: Ranking) -> list[tuple[int, int, float, tuple[str, ...]]]:
    return [
        (r.candidate_id, r.opening_id, r.score, r.reason_codes)
        for r in ranking.results + ranking.excluded
    ]


def assert_same(a: MatchIndex, b: MatchIndex, openings: list[int], candidates: list[int]) -> None:
    for opening_id in openings:
        for regions in (None, {1}):
            left = a.rank_candidates(opening_id, limit=50, regions=regions, include_excluded=True)
            right = b.rank_candidates(opening_id, limit=50, regions=regions, include_excluded=True)
            assert summary(left) == summary(right)
            assert left.excluded_by_reason == right.excluded_by_reason
            assert left.considered == right.considered
            assert a.top_candidates(opening_id, limit=50) == b.top_candidates(opening_id, limit=50)
    for candidate_id in candidates:
        left = a.rank_openings(candidate_id, limit=10, include_excluded=True)
        right = b.rank_openings(candidate_id, limit=10, include_excluded=True)
        assert summary(left) == summary(right)


def test_updates_and_removals_give_the_ranking_of_a_fresh_build() -> None:
    cands, openings = world(1)
    rng = random.Random(2)
    index = MatchIndex.build(cands, openings, config=EngineConfig(auto_compact=False))
    current = {c.id: c for c in cands}
    current_openings = {o.id: o for o in openings}
    for step in range(400):
        action = rng.random()
        if action < 0.4:  # change someone (new words too: the vocabulary grows)
            old = current[rng.choice(sorted(current))]
            new = replace(
                random_candidate(rng, old.id), interests_own=f"{old.interests_own} ny{step % 7}"
            )
            current[new.id] = new
            index.upsert_candidate(new)
        elif action < 0.6:
            victim = rng.choice(sorted(current))
            del current[victim]
            assert index.remove_candidate(victim)
        elif action < 0.9:
            new = random_candidate(rng, 5000 + step)
            current[new.id] = new
            index.upsert_candidate(new)
        elif action < 0.95:
            changed = random_opening(rng, rng.choice(sorted(current_openings)), sorted(current))
            current_openings[changed.id] = changed
            index.upsert_opening(changed)
        else:
            victim = rng.choice(sorted(current_openings))
            del current_openings[victim]
            assert index.remove_opening(victim)
    assert not index.remove_candidate(123456)
    stats = index.stats()
    assert stats.candidate_delta > 0
    assert stats.candidate_tombstones > 0
    assert stats.candidates == len(current)

    fresh = MatchIndex.build(list(current.values()), list(current_openings.values()))
    some_openings = sorted(current_openings)[:12]
    some_candidates = sorted(current)[::50]
    assert_same(index, fresh, some_openings, some_candidates)
    index.compact()
    assert index.stats().candidate_delta == 0
    assert index.stats().candidate_tombstones == 0
    assert_same(index, fresh, some_openings, some_candidates)


def test_automatic_compaction_keeps_the_ranking() -> None:
    cands, openings = world(3, n=300, m=10)
    config = EngineConfig(delta_min_rows=5, delta_fraction=0.0)
    index = MatchIndex.build(cands[:200], openings, config=config)
    for record in cands[200:]:
        index.upsert_candidate(record)
        assert index.stats().candidate_delta <= 6
    fresh = MatchIndex.build(cands, openings)
    assert_same(index, fresh, [o.id for o in openings], [1, 250])


def test_a_regional_query_returns_only_that_region() -> None:
    cands, openings = world(4, n=3 * BLOCK_ROWS, m=5)
    # Everyone can reach everything: nothing is excluded for distance.
    cands = [replace(c, max_commute_km=None) for c in cands]
    index = MatchIndex.build(cands, openings)
    index.upsert_candidate(replace(cands[0], region=3))  # one in the delta too
    region_of = {c.id: c.region for c in cands} | {cands[0].id: 3}
    for region in range(len(TOWNS)):
        ranking = index.rank_candidates(openings[0].id, limit=1000, regions={region},
                                        include_excluded=True)  # fmt: skip
        ids = [r.candidate_id for r in ranking.results + ranking.excluded]
        assert ids
        assert all(region_of[i] == region for i in ids)
        assert ranking.considered == sum(1 for r in region_of.values() if r == region)
    both = index.rank_candidates(openings[0].id, limit=5000, regions={0, 2})
    assert {region_of[r.candidate_id] for r in both.results} <= {0, 2}
    assert index.rank_candidates(openings[0].id, regions={99}).results == ()


def test_a_region_is_a_slice_of_the_columns_not_a_copy() -> None:
    cands, openings = world(5, n=2000, m=2)
    index = MatchIndex.build(cands, openings)
    segment = index._candidates.main
    for region in range(len(TOWNS)):
        ((lo, hi),) = segment.slices({region})
        assert np.all(segment.block.region[lo:hi] == region)
        assert np.count_nonzero(segment.block.region == region) == hi - lo
        view = segment.block.cols["x"][lo:hi]
        assert view.base is segment.block.cols["x"]


def test_ranking_scores_equal_single_pair_scores_both_ways() -> None:
    cands, openings = world(6, n=400, m=15)
    index = MatchIndex.build(cands, openings)
    for op in openings[:8]:
        for result in index.rank_candidates(op.id, limit=30, include_excluded=True).results:
            pair = index.explain(result.candidate_id, op.id)
            assert pair.score == result.score
            assert not pair.excluded
            parts = sum(c.points for c in pair.explanation.contributions)
            assert parts == pytest.approx(pair.score, abs=1e-5)
    for cand in cands[:40]:
        for result in index.rank_openings(cand.id, limit=10).results:
            assert index.explain(cand.id, result.opening_id).score == result.score
            ranked = index.rank_candidates(result.opening_id, limit=500).results
            assert [r.score for r in ranked if r.candidate_id == cand.id] == [result.score]


def test_results_are_ordered_by_score_then_id_and_match_top() -> None:
    cands, openings = world(7, n=500, m=5)
    # Identical twins tie: the lower id comes first.
    twins = [replace(cands[0], id=9001), replace(cands[0], id=9000)]
    index = MatchIndex.build([*cands, *twins], openings)
    for op in openings:
        ranking = index.rank_candidates(op.id, limit=25)
        keys = [(-r.score, r.candidate_id) for r in ranking.results]
        assert keys == sorted(keys)
        assert index.top_candidates(op.id, limit=25) == tuple(
            (r.candidate_id, r.score) for r in ranking.results
        )
    everyone = index.rank_candidates(openings[0].id, limit=10_000).results
    positions = [i for i, r in enumerate(everyone) if r.candidate_id in (9000, 9001)]
    if positions:
        assert [everyone[i].candidate_id for i in positions] == [9000, 9001]


def test_the_vectorised_scan_equals_scoring_every_pair() -> None:
    cands, openings = world(8, n=300, m=6)
    index = MatchIndex.build(cands, openings)
    for op in openings:
        expected = sorted(
            (
                (-p.score, p.candidate_id)
                for c in cands
                if not (p := index.explain(c.id, op.id)).excluded
            ),
        )
        got = [(-s, i) for i, s in index.top_candidates(op.id, limit=len(cands))]
        assert got == expected


def test_unknown_ids_and_duplicates_are_errors() -> None:
    cands, openings = world(9, n=20, m=2)
    index = MatchIndex.build(cands, openings)
    with pytest.raises(KeyError):
        index.rank_candidates(424242)
    with pytest.raises(KeyError):
        index.rank_openings(424242)
    with pytest.raises(ValueError, match="duplicate id"):
        MatchIndex.build([cands[0], cands[0]], [])
    with pytest.raises(ValueError, match="coordinates"):
        MatchIndex.build([replace(cands[0], lat=91.0)], [])


def test_an_empty_index_answers() -> None:
    index = MatchIndex.build([], [])
    assert index.candidate_count == 0
    _, openings = world(10, n=5, m=1)
    assert index.rank_candidates(openings[0]).results == ()
    index.upsert_opening(openings[0])
    assert index.opening_count == 1
    assert index.stats().array_bytes > 0


def test_both_text_paths_give_identical_sums() -> None:
    """Inverted (scatter by term) and forward (gather by row) add the same contributions in
    the same order (the terms' text), so a row's sums are bit for bit the same."""
    rng = random.Random(11)
    cands = [
        replace(random_candidate(rng, i), interests_own=" ".join(rng.sample(WORDS, 12)))
        for i in range(1, 400)
    ]
    _, openings = world(11, n=5, m=6)
    index = MatchIndex.build(cands, [])
    segment = index._candidates.main
    rows = np.arange(segment.n)
    for op in openings:
        long_text = replace(op, description=" ".join(WORDS))
        _, postings, _ = index._candidates_query(long_text)
        inverted = index._text(segment, 0, segment.n, None, postings)
        forward = (np.zeros(segment.n, np.float32), np.zeros(segment.n, np.float32))
        index._text_forward(segment, rows, postings, forward)
        assert inverted[0].tobytes() == forward[0].tobytes()
        assert inverted[1].tobytes() == forward[1].tobytes()
        assert np.count_nonzero(inverted[0]) > 300
