"""Jobbmatch: ranking all candidates for one opening at 100 000 and 1 000 000 candidates.

Synthetic, seeded data (``Synth``): 40 regions around real Norwegian towns, candidates with
Norwegian interest texts in their own words and the advisor's, strengths and experience,
commute limits, hours, times of day, needs and sector wishes; openings with 2–6 mapped
tasks (demands 0–3, some adaptable) from a catalogue per sector.

Figures (``name value unit``):

- ``match_100k_p50/p95``, ``match_1m_p50/p95``: one ``rank_candidates`` call (top 20 with
  explanations), all constraints and text scoring, over every candidate (no region filter),
  each run for a different opening.
- ``match_1m_region_p50``: the same restricted to the opening's region (a slice).
- ``match_openings_p50``: ``rank_openings`` for one candidate over ``OPENINGS`` openings.
- ``match_100k_top_p50``, ``match_1m_top_p50``: ``top_candidates``, the same ranking
  without building explanations; ``match_explain_top20_p50``: what the 20 explanations
  add (``match_100k_p50`` − ``match_100k_top_p50``).
- ``match_loop_100k`` and ``match_vs_loop_ratio``: the baseline, a straightforward
  per-candidate Python loop (``straightforward_rank``) over the same 100 000 records with
  their texts already analysed (as the index has them), the same rules, weights and term
  statistics, stopping at a candidate's first failed hard constraint. Like for like: both
  produce the top 20 ids and scores (checked equal) for the same opening, so the ratio is
  the loop's time over ``top_candidates``' time per opening (median over
  ``LOOP_OPENINGS`` openings at 100 000, ``LOOP_OPENINGS_LARGE`` at 1 000 000):
  ``match_vs_loop_ratio_100k`` and ``_1m``; ``match_vs_loop_ratio`` is the smaller of
  the two. ``match_vs_compiled_loop_ratio``: at 100 000, a tuned loop over the engine's
  compiled columns (unit vectors, bit masks) instead of the records, for transparency.
- ``match_numpy_floor_1m`` and ``match_vs_numpy_floor_ratio``: the floor is one plain numpy
  pass over arrays of the same row count: ``X @ q`` with ``X`` a 1 000 000 × 256 float32
  matrix (1 GB); the ratio is ``match_1m_p50 / floor``.
- ``match_index_build_1m``: ``MatchIndex.build`` from records (text analysis included).
- ``match_memory_per_candidate``: bytes of the index's arrays per candidate at 1M (the
  index keeps no Python object per row), and ``match_index_mb_1m``.
- ``match_upsert`` (mean per upsert into the delta), ``match_1m_with_delta_p50`` (queries
  with 1 000 upserted rows), ``match_compact_1m``.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from math import sqrt
from typing import Any

import numpy as np

from samspill.matching.engine import (
    HOURS_PER_WEEK,
    CandidateRecord,
    MatchIndex,
    OpeningRecord,
    TaskRecord,
    WorkplaceRecord,
)
from samspill.matching.engine.geo import haversine_km

SEED = 20240611
N_SMALL = int(os.environ.get("BENCH_MATCH_SMALL", "100000"))
N_LARGE = int(os.environ.get("BENCH_MATCH_LARGE", "1000000"))
OPENINGS = int(os.environ.get("BENCH_MATCH_OPENINGS", "20000"))
QUERIES = 41
LOOP_OPENINGS = 15
LOOP_OPENINGS_LARGE = 5
LIMIT = 20


def _log(message: str) -> None:
    print(f"#   {message}", file=sys.stderr, flush=True)


# -- synthetic data --------------------------------------------------------------------

TOWNS = [
    (59.91, 10.75, 60), (60.39, 5.32, 25), (63.43, 10.39, 20), (58.97, 5.73, 18),
    (69.65, 18.96, 7), (58.15, 8.00, 9), (59.74, 10.20, 9), (59.22, 10.93, 8),
    (62.47, 6.15, 6), (67.28, 14.40, 5), (60.79, 11.07, 5), (61.12, 10.47, 4),
    (60.80, 10.69, 4), (59.21, 9.61, 5), (59.27, 10.41, 5), (59.13, 10.22, 4),
    (59.41, 5.27, 4), (62.74, 7.16, 3), (68.80, 16.54, 2), (69.97, 23.27, 2),
    (59.67, 9.65, 3), (59.12, 11.39, 3), (59.43, 10.66, 3), (58.46, 8.77, 4),
    (59.05, 10.03, 4), (64.01, 11.50, 2), (68.44, 17.43, 2), (66.31, 14.14, 2),
    (60.88, 11.56, 2), (61.45, 5.85, 2), (60.17, 11.36, 3), (59.95, 11.05, 8),
    (59.83, 10.44, 6), (60.06, 11.14, 4), (58.85, 5.74, 3), (63.11, 7.73, 2),
    (70.66, 23.68, 1), (65.47, 12.21, 1), (61.60, 9.75, 1), (62.57, 11.38, 1),
]  # fmt: skip

SECTORS = [
    "retail", "grocery", "warehouse", "kindergarten", "canteen", "office",
    "caretaking", "cleaning", "care", "industry", "other",
]  # fmt: skip

INTEREST_WORDS = {
    "retail": "butikk klær kunder salg kasse sko mote interiør elektronikk sport varer hyller",
    "grocery": "dagligvare butikk frukt grønt kasse hyller varer bakeri ferskvare kunder",
    "warehouse": "lager truck plukking pakking varer sortering logistikk orden kjøring bil",
    "kindergarten": "barn lek tegning sang friluftsliv turer formingsaktiviteter eventyr",
    "canteen": "matlaging kjøkken baking kaffe servering oppvask mat middag kantine kake",
    "office": "data kontor skanning arkiv telefon regneark post kopiering ordning papir",
    "caretaking": "vaktmester reparasjoner verktøy snekring maling hage plen snømåking",
    "cleaning": "renhold vasking rydding orden støvsuging tekstiler klesvask",
    "care": "eldre omsorg mennesker samtaler turer aktiviteter hjelpe pleie sykehjem",
    "industry": "produksjon maskiner montering sveising verksted tre metall kvalitet",
    "other": "dyr natur musikk foto bilder trening fotball sykler gaming tegning frisør",
}  # fmt: skip

STRENGTHS = """
    nøyaktig punktlig sosial praktisk rolig strukturert kreativ tålmodig ryddig hjelpsom
    serviceinnstilt sterk selvstendig pålitelig blid lærevillig omsorgsfull fleksibel
    systematisk utholdende humoristisk
""".split()  # noqa: SIM905

ROLES = {
    "retail": ["butikkmedarbeider", "kassemedarbeider", "salgsmedarbeider"],
    "grocery": ["butikkmedarbeider", "ferskvaremedarbeider", "kassemedarbeider"],
    "warehouse": ["lagermedarbeider", "truckfører", "plukker"],
    "kindergarten": ["barnehageassistent", "assistent i barnehage"],
    "canteen": ["kjøkkenassistent", "kokk", "oppvasker"],
    "office": ["kontormedarbeider", "resepsjonist", "arkivmedarbeider"],
    "caretaking": ["vaktmester", "driftsmedarbeider", "gartner"],
    "cleaning": ["renholder", "renholdsarbeider"],
    "care": ["pleieassistent", "omsorgsarbeider", "aktivitør"],
    "industry": ["operatør", "montør", "produksjonsmedarbeider", "sveiser"],
    "other": ["avisbud", "dyrepasser", "frisørlærling"],
}
COURSES = """
    truckførerbevis hygienekurs førstehjelp datakurs norskkurs kassekurs
""".split()  # noqa: SIM905

TASKS = {
    "retail": [
        ("Kasse", "Betjene kassen og hjelpe kunder", {"customer_contact": 3, "numeracy": 2}),
        ("Varepåfylling", "Fylle hyller med varer", {"heavy_lifting": 1, "standing": 2}),
        ("Klesavdeling", "Rydde og brette klær, hjelpe kunder", {"customer_contact": 2}),
    ],
    "grocery": [
        ("Frukt og grønt", "Sortere og fylle frukt og grønt", {"standing": 2, "hygiene": 2}),
        ("Varemottak", "Ta imot varer på lageret", {"heavy_lifting": 2, "physical_load": 2}),
        ("Kasse", "Betjene kassen", {"customer_contact": 3, "numeracy": 2, "pace": 2}),
    ],
    "warehouse": [
        ("Plukking", "Plukke ordre på lageret med håndterminal", {"heavy_lifting": 2, "pace": 2}),
        ("Pakking", "Pakke varer for forsendelse", {"standing": 3, "pace": 2}),
        ("Truckkjøring", "Kjøre truck i høylageret", {"noise": 2, "working_alone": 2}),
        ("Sortering", "Sortere returvarer", {"reading_writing": 1}),
    ],
    "kindergarten": [
        ("Lek og aktiviteter", "Lek, sang og turer med barna", {"social_interaction": 3}),
        ("Måltider", "Forberede mat og rydde etter måltider", {"hygiene": 2}),
        ("Garderobe", "Hjelpe barna med klær i garderoben", {"noise": 2, "physical_load": 1}),
    ],
    "canteen": [
        ("Matlaging", "Lage lunsj og middag i kjøkkenet", {"hygiene": 3, "pace": 2}),
        ("Oppvask", "Oppvask og rydding på kjøkkenet", {"standing": 3, "noise": 2}),
        ("Servering", "Servere kaffe og mat til gjester", {"customer_contact": 2}),
        ("Baking", "Bake brød og kaker", {"hygiene": 2, "numeracy": 1}),
    ],
    "office": [
        ("Skanning", "Skanne og arkivere dokumenter", {"reading_writing": 2}),
        ("Post", "Sortere og dele ut post", {"reading_writing": 2, "working_alone": 1}),
        ("Resepsjon", "Ta imot besøkende og svare telefon", {"customer_contact": 3}),
    ],
    "caretaking": [
        ("Utearealer", "Plen, hage og snømåking", {"physical_load": 2, "working_alone": 2}),
        ("Småreparasjoner", "Reparere og male med verktøy", {"physical_load": 1}),
        ("Avfall", "Tømme avfall og gjenvinning", {"heavy_lifting": 2}),
    ],
    "cleaning": [
        ("Renhold", "Vasking og støvsuging av kontorer", {"physical_load": 2, "working_alone": 2}),
        ("Klesvask", "Vaske og brette tekstiler", {"standing": 2}),
    ],
    "care": [
        ("Aktiviteter", "Turer, samtaler og aktiviteter med eldre", {"social_interaction": 3}),
        ("Kjøkken", "Lage kaffe og servere mat", {"hygiene": 2}),
        ("Stell", "Hjelpe til med pleie", {"physical_load": 2, "heavy_lifting": 2}),
    ],
    "industry": [
        ("Montering", "Montering ved produksjonslinje", {"pace": 3, "standing": 3, "noise": 2}),
        ("Kvalitetskontroll", "Kontrollere kvalitet på metall", {"reading_writing": 1}),
        ("Verksted", "Sveising og maskiner i verkstedet", {"noise": 3, "physical_load": 2}),
    ],
    "other": [
        ("Dyrestell", "Stell og fôring av dyr", {"physical_load": 2}),
        ("Avislevering", "Levere aviser med sykkel", {"working_alone": 3}),
        ("Foto", "Ta bilder og tegning til nettsiden", {"reading_writing": 1}),
    ],
}

NEEDS = [
    ("avoid_heavy_lifting", 0.12), ("quiet_environment", 0.10), ("reading", 0.08),
    ("writing", 0.08), ("numeracy", 0.06), ("speaking", 0.07), ("close_follow_up", 0.10),
    ("varied_positions", 0.06), ("not_full_days", 0.15), ("adapted_training", 0.10),
    ("gradual_increase", 0.08),
]  # fmt: skip


class Synth:
    """Deterministic synthetic candidates and openings."""

    def __init__(self, seed: int = SEED) -> None:
        self.seed = seed
        weights = np.array([t[2] for t in TOWNS], dtype=np.float64)
        self.town_p = weights / weights.sum()
        self.words = {s: w.split() for s, w in INTEREST_WORDS.items()}
        general = " ".join(INTEREST_WORDS.values()).split()
        self.general = sorted(set(general))

    def candidates(self, n: int, start_id: int = 1) -> Iterator[CandidateRecord]:
        batch = 50_000
        for offset in range(0, n, batch):
            yield from self._batch(start_id + offset, min(batch, n - offset), offset)

    def _batch(self, first_id: int, n: int, offset: int) -> Iterator[CandidateRecord]:
        rng = np.random.default_rng([self.seed, offset])
        town = rng.choice(len(TOWNS), size=n, p=self.town_p)
        lat0 = np.array([TOWNS[t][0] for t in town])
        lon0 = np.array([TOWNS[t][1] for t in town])
        lat = lat0 + rng.normal(0, 0.12, n)
        lon = lon0 + rng.normal(0, 0.12, n) / np.cos(np.radians(lat0))
        commute = rng.choice([5, 10, 15, 20, 30, 40, 60, -1], size=n)
        hmin = rng.choice(
            [0, 5, 10, 15, 20, 30, -1], size=n, p=[0.1, 0.15, 0.2, 0.2, 0.15, 0.05, 0.15]
        )
        span = rng.choice([5, 10, 15, 20], size=n)
        times_draw = rng.random((n, 4))
        need_draw = rng.random((n, len(NEEDS)))
        n_sectors = rng.choice([0, 1, 2, 3], size=n, p=[0.2, 0.4, 0.3, 0.1])
        sector_draw = rng.integers(0, len(SECTORS), size=(n, 3))
        age = rng.integers(18, 67, size=n)
        has_own = rng.random(n) < 0.6
        word_u = rng.random((n, 8))
        pick = rng.integers(0, 1 << 30, size=(n, 12))
        for i in range(n):
            sectors = [SECTORS[s] for s in sector_draw[i, : n_sectors[i]]]
            focus = sectors or [SECTORS[sector_draw[i, 0]]]
            words = []
            for j in range(6):
                pool = self.general if word_u[i, j] < 0.25 else self.words[focus[j % len(focus)]]
                # Zipf-like: earlier words in a pool are more common.
                index = int(len(pool) * word_u[i, j + 2 if j < 6 else 0] ** 2) % len(pool)
                words.append(pool[(index + pick[i, j]) % len(pool) if j > 3 else index])
            times = [t for t, p, u in zip(("day", "evening", "night", "weekend"),
                                          (0.95, 0.3, 0.05, 0.25), times_draw[i], strict=True)
                     if u < p]  # fmt: skip
            role_sector = focus[pick[i, 7] % len(focus)]
            roles = ROLES[role_sector]
            strengths = (STRENGTHS[pick[i, 8] % len(STRENGTHS)], STRENGTHS[pick[i, 9] % 21])
            own = (
                f"Jeg liker {words[0]} og {words[1]}. Vil jobbe med {words[2]}."
                if has_own[i]
                else ""
            )
            yield CandidateRecord(
                id=first_id + i,
                region=int(town[i]),
                lat=float(lat[i]),
                lon=float(lon[i]),
                max_commute_km=None if commute[i] < 0 else float(commute[i]),
                hours_min=None if hmin[i] < 0 else float(hmin[i]),
                hours_max=None if hmin[i] < 0 else float(min(hmin[i] + span[i], 40)),
                times_of_day=times if pick[i, 10] % 10 < 7 else (),
                needs=[code for (code, p), u in zip(NEEDS, need_draw[i], strict=True) if u < p],
                sectors=sectors,
                age=int(age[i]),
                interests_own=own,
                interests_advisor=(
                    f"Kandidaten er opptatt av {words[3]} og {words[4]}, og kan tenke seg "
                    f"{words[5]} eller {words[0]}."
                ),
                strengths=f"Er {strengths[0]} og {strengths[1]}.",
                experience=(
                    f"Har jobbet som {roles[pick[i, 11] % len(roles)]} i {1 + pick[i, 11] % 6} år. "
                    f"Kurs: {COURSES[pick[i, 10] % len(COURSES)]}."
                ),
            )

    def openings(self, n: int, start_id: int = 1) -> list[OpeningRecord]:
        rng = np.random.default_rng([self.seed, 999])
        out = []
        for i in range(n):
            town = int(rng.choice(len(TOWNS), p=self.town_p))
            lat = TOWNS[town][0] + rng.normal(0, 0.08)
            lon = TOWNS[town][1] + rng.normal(0, 0.08) / np.cos(np.radians(TOWNS[town][0]))
            sector = SECTORS[int(rng.integers(0, len(SECTORS)))]
            catalogue = TASKS[sector]
            k = int(rng.integers(2, len(catalogue) + 1))
            chosen = rng.choice(len(catalogue), size=k, replace=False)
            tasks = []
            for j, c in enumerate(chosen):
                name, description, demands = catalogue[int(c)]
                tasks.append(
                    TaskRecord(
                        id=(start_id + i) * 10 + j,
                        name=name,
                        description=description,
                        hours_per_week=float(rng.choice([4, 5, 7.5, 8, 10, 12, 15])),
                        times_of_day=("day",) if rng.random() < 0.8 else ("day", "evening"),
                        demands=demands,
                        adaptable=bool(rng.random() < 0.3),
                    )
                )
            words = self.words[sector]
            workplace = WorkplaceRecord(
                id=start_id + i,
                employer_id=(start_id + i) // 3,
                region=town,
                lat=float(lat),
                lon=float(lon),
                name=f"Arbeidsplass {i}",
                sector=sector,
                tasks=tuple(tasks),
                employer_wishes=f"Ønsker en som liker {words[int(rng.integers(0, len(words)))]}.",
                wished_age_min=25 if rng.random() < 0.1 else None,
                wished_age_max=45 if rng.random() < 0.1 else None,
                excluded_candidates=tuple(int(x) for x in rng.integers(1, 10_000, size=2)),
                inclusion_experience=float(rng.random()),
            )
            hours = min(sum(t.hours_per_week for t in tasks), 37.5)
            out.append(
                OpeningRecord(
                    id=start_id + i,
                    workplace=workplace,
                    hours_per_week=hours,
                    title=f"{ROLES[sector][0].capitalize()}",
                    description=f"Vi søker en {ROLES[sector][-1]} til {words[0]} og {words[1]}.",
                    tasks=tuple(tasks),
                )
            )
        return out


# -- the per-candidate loops (baselines) ------------------------------------------------


def _query_factors(
    index: MatchIndex, opening: OpeningRecord
) -> tuple[Any, dict[int, float], dict[int, float]]:
    """The opening's compiled row and its terms' factors (idf × weight), as the engine has
    them: both loops score with the same statistics."""
    q = index._opening(opening.id)
    terms = list(q.terms)
    idf_i = index._idf("interest", terms)
    idf_e = index._idf("experience", terms)
    qi = {t: float(idf_i[t]) * q.terms[t] for t in terms}
    qe = {t: float(idf_e[t]) * q.terms[t] for t in terms}
    return q, qi, qe


def analysed_texts(
    index: MatchIndex, records: list[CandidateRecord]
) -> list[tuple[dict[int, float], dict[int, float]]]:
    """Each candidate's weighted terms, as the index has them (the text analysis is done
    once, as for the index), aligned with ``records``. Read in bulk from the index's
    arrays: asking ``candidate_facts`` a million times would take longer than the loop."""
    segment = index._candidates.main
    by_id: dict[int, tuple[dict[int, float], dict[int, float]]] = {}
    fields = []
    for name in ("interest", "experience"):
        fw = segment.block.texts[name]
        fields.append((fw.ptr.tolist(), fw.term.tolist(), fw.weight.tolist()))
    (ip, it, iw), (ep, et, ew) = fields
    for row, cid in enumerate(segment.block.ids.tolist()):
        by_id[cid] = (
            dict(zip(it[ip[row] : ip[row + 1]], iw[ip[row] : ip[row + 1]], strict=True)),
            dict(zip(et[ep[row] : ep[row + 1]], ew[ep[row] : ep[row + 1]], strict=True)),
        )
    return [by_id[r.id] for r in records]


def straightforward_rank(
    index: MatchIndex,
    records: list[CandidateRecord],
    texts: list[tuple[dict[int, float], dict[int, float]]],
    opening: OpeningRecord,
    k: int,
) -> list[tuple[float, int]]:
    """The baseline: one candidate at a time, from the records, each rule as written.

    Same rules, weights and term statistics as the engine; distance by the haversine
    formula, needs by the conflict table, sets for codes; a failed hard constraint skips
    the rest of the candidate (``continue``), as a plain loop would.
    """
    cfg = index.config
    w = cfg.weights
    _, qi, qe = _query_factors(index, opening)
    wp = opening.workplace
    hours = opening.hours_per_week
    tol = cfg.hours_tolerance
    required = opening.required_times
    blocked = set()
    for rule in cfg.conflicts:
        if rule.demand == HOURS_PER_WEEK:
            if rule.fires(hours):
                blocked.add(rule.need)
        elif any(
            rule.fires(t.demands.get(rule.demand, 0)) and not t.adaptable for t in opening.tasks
        ):
            blocked.add(rule.need)
    excluded_ids = set(wp.excluded_candidates)
    scored = []
    for record, (ti, te) in zip(records, texts, strict=True):
        if record.hours_min is not None and hours < record.hours_min - tol:
            continue
        if record.hours_max is not None and hours > record.hours_max + tol:
            continue
        distance = haversine_km(record.lat, record.lon, wp.lat, wp.lon)
        if record.max_commute_km is not None and distance > record.max_commute_km:
            continue
        if blocked.intersection(record.needs):
            continue
        if record.times_of_day and not required <= set(record.times_of_day):
            continue
        if record.id in excluded_ids:
            continue
        s_i = 0.0
        for t, wt in ti.items():
            if t in qi:
                s_i += wt * qi[t]
        s_e = 0.0
        for t, wt in te.items():
            if t in qe:
                s_e += wt * qe[t]
        score = w.interest * s_i / (s_i + cfg.interest_half)
        score += w.experience * s_e / (s_e + cfg.experience_half)
        if wp.sector and wp.sector in record.sectors:
            score += w.sector
        elif not record.sectors or not wp.sector:
            score += w.sector / 2
        reach = (
            record.max_commute_km if record.max_commute_km is not None else cfg.default_commute_km
        )
        score += w.place * max(0.0, 1.0 - distance / max(reach, 0.1))
        low = wp.wished_age_min if wp.wished_age_min is not None else -1e9
        high = wp.wished_age_max if wp.wished_age_max is not None else 1e9
        if record.age is None or low <= record.age <= high:
            score += w.employer_wishes
        score += w.inclusion * wp.inclusion_experience
        scored.append((score, record.id))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return scored[:k]


def compiled_rows(index: MatchIndex, ids: list[int]) -> list[tuple[Any, ...]]:
    rows = []
    for cid in ids:
        f = index.candidate_facts(cid)
        c = {k: v.item() for k, v in f.cols.items()}
        rows.append(
            (
                cid, c["x"], c["y"], c["z"], c["c2max"], c["inv_chord"], c["hmin"], c["hmax"],
                c["needs"], c["cannot"], c["sectors"], c["age"],
                {t: w for t, (w, _) in f.interest.items()},
                {t: w for t, (w, _) in f.experience.items()},
            )
        )  # fmt: skip
    return rows


def compiled_rank(
    index: MatchIndex, rows: list[tuple[Any, ...]], opening: OpeningRecord, k: int
) -> list[tuple[float, int]]:
    """A tuned loop: the same, over the engine's compiled columns (unit vectors, chord
    thresholds, bit masks) instead of the records. Printed for transparency."""
    cfg = index.config
    w = cfg.weights
    q, qi, qe = _query_factors(index, opening)
    o = {key: v.item() for key, v in q.cols.items()}
    excluded_ids = set(opening.workplace.excluded_candidates)
    ox, oy, oz, hours = o["x"], o["y"], o["z"], o["hours"]
    tol = cfg.hours_tolerance
    scored = []
    for cid, x, y, z, c2max, inv, hmin, hmax, needs, cannot, sectors, age, ti, te in rows:
        c2 = (x - ox) ** 2 + (y - oy) ** 2 + (z - oz) ** 2
        if hmin > hours + tol or hmax < hours - tol or c2 > c2max:
            continue
        if needs & o["block"] or cannot & o["times"] or cid in excluded_ids:
            continue
        s_i = 0.0
        for t, wt in ti.items():
            f = qi.get(t)
            if f is not None:
                s_i += wt * f
        s_e = 0.0
        for t, wt in te.items():
            f = qe.get(t)
            if f is not None:
                s_e += wt * f
        score = w.interest * s_i / (s_i + cfg.interest_half)
        score += w.experience * s_e / (s_e + cfg.experience_half)
        if sectors & o["sector"]:
            score += w.sector
        elif sectors == 0 or o["sector"] == 0:
            score += w.sector / 2
        score += w.place * max(0.0, 1.0 - sqrt(c2) * inv)
        if age < 0 or o["age_lo"] <= age <= o["age_hi"]:
            score += w.employer_wishes
        score += w.inclusion * o["incl"]
        scored.append((score, cid))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return scored[:k]


def _check(loop: list[tuple[float, int]], engine: list[tuple[float, int]], what: str) -> None:
    same = len({c for _, c in loop} & {c for _, c in engine})
    if same < len(engine) - 1 or abs(loop[0][0] - engine[0][0]) > 1e-4:
        raise AssertionError(f"{what} and engine disagree: {loop[:3]} vs {engine[:3]}")


# -- measuring --------------------------------------------------------------------------


def _times(fn: Callable[[int], object], count: int) -> list[float]:
    out = []
    for i in range(count):
        started = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _small(synth: Synth, openings: list[OpeningRecord]) -> dict[str, float]:
    """100 000 candidates: the ranking, the loops, the other queries."""
    query_openings = openings[:QUERIES]
    _log(f"generating {N_SMALL} candidates")
    records = list(synth.candidates(N_SMALL))
    t0 = time.perf_counter()
    index = MatchIndex.build(records, openings)
    out = {"build": time.perf_counter() - t0}
    _log(f"built {N_SMALL} in {out['build']:.1f} s; ranking")
    index.rank_candidates(query_openings[0].id)
    ranked = _times(lambda i: index.rank_candidates(query_openings[i].id, limit=LIMIT), QUERIES)
    top = _times(lambda i: index.top_candidates(query_openings[i].id, limit=LIMIT), QUERIES)
    out |= {"p50": statistics.median(ranked), "p95": _p(ranked, 0.95)}
    out["top_p50"] = statistics.median(top)

    _log("the per-candidate loops (same openings, same output: the top 20 and their scores)")
    texts = analysed_texts(index, records)
    rows = compiled_rows(index, [r.id for r in records])
    loop_ms, compiled_ms, ratios, compiled_ratios = [], [], [], []
    for opening in query_openings[:LOOP_OPENINGS]:
        t0 = time.perf_counter()
        loop_top = straightforward_rank(index, records, texts, opening, LIMIT)
        loop_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        compiled_top = compiled_rank(index, rows, opening, LIMIT)
        compiled_ms.append((time.perf_counter() - t0) * 1000)
        engine_ms = statistics.median(
            _times(lambda i, o=opening: index.top_candidates(o.id, limit=LIMIT), 7)
        )
        ratios.append(loop_ms[-1] / engine_ms)
        compiled_ratios.append(compiled_ms[-1] / engine_ms)
        engine = [(score, cid) for cid, score in index.top_candidates(opening.id, limit=LIMIT)]
        _check(loop_top, engine, "the loop")
        _check(compiled_top, engine, "the compiled loop")
    _log(f"both loops agree with the engine on the top {LIMIT} ({LOOP_OPENINGS} openings)")
    out |= {
        "loop": statistics.median(loop_ms),
        "loop_ratio": statistics.median(ratios),
        "compiled": statistics.median(compiled_ms),
        "compiled_ratio": statistics.median(compiled_ratios),
    }
    ids = [int(x) for x in np.random.default_rng(1).integers(1, N_SMALL, QUERIES)]
    wp = query_openings[0].workplace
    out["openings_p50"] = statistics.median(
        _times(lambda i: index.rank_openings(ids[i], limit=LIMIT), QUERIES)
    )
    out["carve_p50"] = statistics.median(_times(lambda i: index.carve_job(ids[i], wp), QUERIES))
    return out


def _large(synth: Synth, openings: list[OpeningRecord]) -> dict[str, float]:
    """1 000 000 candidates: build, memory, the ranking, updates."""
    query_openings = openings[:QUERIES]
    _log(f"generating {N_LARGE} candidates")
    records = list(synth.candidates(N_LARGE))
    changed = [
        CandidateRecord(**{**_as_dict(r), "interests_own": r.interests_own + " Liker truck."})
        for r in records[:1000]
    ]
    gc.collect()
    rss_before = _rss_mb()
    _log(f"building the index (rss {rss_before:.0f} MB)")
    t0 = time.perf_counter()
    index = MatchIndex.build(
        records,
        openings,
        progress=lambda done: _log(f"  compiled {done}") if done % 250_000 == 0 else None,
    )
    out = {"build": time.perf_counter() - t0}
    out["bytes"] = index.stats().array_bytes
    _log(f"built in {out['build']:.1f} s; the loop on {LOOP_OPENINGS_LARGE} openings")
    texts = analysed_texts(index, records)
    ratios = []
    for opening in query_openings[:LOOP_OPENINGS_LARGE]:
        t0 = time.perf_counter()
        loop_top = straightforward_rank(index, records, texts, opening, LIMIT)
        loop_ms = (time.perf_counter() - t0) * 1000
        engine_ms = statistics.median(
            _times(lambda i, o=opening: index.top_candidates(o.id, limit=LIMIT), 5)
        )
        ratios.append(loop_ms / engine_ms)
        engine = [(score, cid) for cid, score in index.top_candidates(opening.id, limit=LIMIT)]
        _check(loop_top, engine, "the loop")
    out["loop_ratio"] = statistics.median(ratios)
    del texts
    records.clear()
    gc.collect()
    _log("ranking")

    def rank(i: int, regions: set[int] | None = None) -> object:
        return index.rank_candidates(query_openings[i].id, limit=LIMIT, regions=regions)

    rank(0)
    ranked = _times(rank, QUERIES)
    out |= {"p50": statistics.median(ranked), "p95": _p(ranked, 0.95)}
    out["top_p50"] = statistics.median(
        _times(lambda i: index.top_candidates(query_openings[i].id, limit=LIMIT), QUERIES)
    )
    out["region_p50"] = statistics.median(
        _times(lambda i: rank(i, {query_openings[i].workplace.region}), QUERIES)
    )
    _log("upserts into the delta, then compaction")
    t0 = time.perf_counter()
    for record in changed:
        index.upsert_candidate(record)
    out["upsert"] = (time.perf_counter() - t0) * 1000 / len(changed)
    out["delta_p50"] = statistics.median(_times(rank, QUERIES))
    t0 = time.perf_counter()
    index.compact()
    out["compact"] = time.perf_counter() - t0
    return out


def _floor() -> float:
    """The numpy floor: one pass over N_LARGE × 256 float32 (``X @ q``), median of 7."""
    _log(f"numpy floor: X @ q, X {N_LARGE} × 256 float32")
    matrix = np.ones((N_LARGE, 256), dtype=np.float32)
    vector = np.ones(256, dtype=np.float32)
    matrix @ vector
    return statistics.median(_times(lambda i: matrix @ vector, 7))


def run() -> None:
    started = time.monotonic()
    synth = Synth()
    openings = synth.openings(OPENINGS)
    small = _small(synth, openings)
    gc.collect()
    large = _large(synth, openings)
    gc.collect()
    floor_ms = _floor()

    k_small, k_large = N_SMALL // 1000, N_LARGE // 1000
    big = "1m" if N_LARGE == 1_000_000 else f"{k_large}k"
    print(f"match_{k_small}k_p50 {small['p50']:.2f} ms")
    print(f"match_{k_small}k_p95 {small['p95']:.2f} ms")
    print(f"match_{big}_p50 {large['p50']:.2f} ms")
    print(f"match_{big}_p95 {large['p95']:.2f} ms")
    print(f"match_{k_small}k_top_p50 {small['top_p50']:.2f} ms")
    print(f"match_{big}_top_p50 {large['top_p50']:.2f} ms")
    print(f"match_explain_top{LIMIT}_p50 {small['p50'] - small['top_p50']:.2f} ms")
    print(f"match_{big}_region_p50 {large['region_p50']:.2f} ms")
    print(f"match_{big}_with_delta_p50 {large['delta_p50']:.2f} ms")
    print(f"match_openings_{OPENINGS // 1000}k_p50 {small['openings_p50']:.2f} ms")
    print(f"match_carve_job_p50 {small['carve_p50']:.2f} ms")
    print(f"match_loop_{k_small}k {small['loop']:.0f} ms")
    print(f"match_vs_loop_ratio_{k_small}k {small['loop_ratio']:.0f} x")
    print(f"match_vs_loop_ratio_{big} {large['loop_ratio']:.0f} x")
    print(f"match_vs_loop_ratio {min(small['loop_ratio'], large['loop_ratio']):.0f} x")
    print(f"match_compiled_loop_{k_small}k {small['compiled']:.0f} ms")
    print(f"match_vs_compiled_loop_ratio {small['compiled_ratio']:.0f} x")
    print(f"match_numpy_floor_{big} {floor_ms:.2f} ms")
    print(f"match_vs_numpy_floor_ratio {large['p50'] / floor_ms:.2f} x")
    print(f"match_index_build_{k_small}k {small['build']:.2f} s")
    print(f"match_index_build_{big} {large['build']:.2f} s")
    print(f"match_index_mb_{big} {large['bytes'] / 2**20:.0f} MB")
    print(f"match_memory_per_candidate {large['bytes'] / N_LARGE:.0f} B")
    print(f"match_upsert {large['upsert']:.2f} ms")
    print(f"match_compact_{big} {large['compact']:.2f} s")
    _log(f"matching benchmark done in {time.monotonic() - started:.0f} s")


def _as_dict(record: CandidateRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in CandidateRecord.__slots__}
