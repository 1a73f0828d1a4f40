"""Job carving (jobbsnekring): a set of a workplace's tasks that fits one candidate.

1. The workplace as a whole must pass the commute and the employer's exclusions.
2. Each task must pass the time of day and the conflict table (a conflicting task that is
   ``adaptable`` stays in, marked as adapted).
3. The target is the candidate's wished hours ``[hours_min, hours_max]`` (unknown minimum:
   0; unknown maximum: ``full_time_hours``), capped by the ``hours_per_week`` rows of the
   conflict table (e.g. ``not_full_days``: at most 30). No tolerance: this is a proposal.
4. Exact 0/1 knapsack over half-hours (``n × 2·max hours`` cells): among all subsets whose
   total does not exceed the target's maximum, pick the one that is (a) closest to the
   target range, then (b) the best interest fit (the sum of each task's BM25 interest sum
   against the candidate), then (c) more hours, then (d) fewer tasks. Tasks are considered
   best interest fit first, which also settles remaining ties.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from samspill.matching.engine import labels
from samspill.matching.engine.compile import Compiler
from samspill.matching.engine.conflicts import HOURS_PER_WEEK
from samspill.matching.engine.explain import Explainer
from samspill.matching.engine.facts import CandidateFacts, OpeningFacts, TermSource
from samspill.matching.engine.records import OpeningRecord, TaskRecord, WorkplaceRecord
from samspill.matching.engine.results import (
    EXCLUSION_BITS,
    CarvedJob,
    CarvedTask,
    Exclusion,
    RejectedTask,
)
from samspill.matching.engine.scoring import Params, evaluate

_State = tuple[float, int, int]  # (interest, task count, bit set of chosen tasks)


def _state_key(state: _State) -> tuple[float, int, int]:
    return (-round(state[0], 9), state[1], state[2])


def _hours_cap_units(cand: CandidateFacts, explainer: Explainer) -> tuple[int | None, str]:
    needs = set(explainer.codes.needs.decode(int(cand.cols["needs"])))
    cap: int | None = None
    why = ""
    for rule in explainer.config.conflicts:
        if rule.demand != HOURS_PER_WEEK or rule.need not in needs:
            continue
        units = math.floor(rule.threshold * 2) if rule.strict else math.ceil(rule.threshold * 2) - 1
        if cap is None or units < cap:
            cap = units
            why = labels.label(labels.NEEDS, rule.need)
    return cap, why


def carve(
    explainer: Explainer,
    compiler: Compiler,
    cand: CandidateFacts,
    workplace: WorkplaceRecord,
    idf: Mapping[int, float],
) -> CarvedJob:
    config = explainer.config
    c = cand.cols
    reasoning: list[str] = []

    # 1. The workplace: commute and the employer's exclusions.
    place = OpeningRecord(id=0, workplace=workplace, hours_per_week=0.0)
    block = compiler.openings([place])
    o_cols = {name: col[0] for name, col in block.cols.items()}
    ev = evaluate(
        c, o_cols, np.float32(0), np.float32(0), Params.from_config(config),
        want_reasons=True, want_parts=True,
    )  # fmt: skip
    reasons = int(ev.reasons) & EXCLUSION_BITS["commute"]
    if cand.id in workplace.excluded_candidates:
        reasons |= EXCLUSION_BITS["employer_excluded"]

    hmin, hmax = float(c["hmin"]), float(c["hmax"])
    low = hmin if math.isfinite(hmin) else 0.0
    high = hmax if math.isfinite(hmax) else config.full_time_hours
    high_units = math.floor(high * 2 + 1e-9)
    cap_units, cap_why = _hours_cap_units(cand, explainer)
    if cap_units is not None and cap_units < high_units:
        high_units = cap_units
    low_units = min(math.ceil(low * 2 - 1e-9), high_units)
    target_min, target_max = low_units / 2, high_units / 2

    target = f"Mål: {labels.hours_range(target_min, target_max)} i uka"
    if math.isfinite(hmin) or math.isfinite(hmax):
        target += " (kandidatens ønske)"
    else:
        target += f" (ingen ønske registrert; fulltid er {labels.hours(config.full_time_hours)})"
    if cap_units is not None and cap_units / 2 <= target_max:
        target += f"; høyst {labels.hours(cap_units / 2)} på grunn av behovet «{cap_why}»"
    reasoning.append(target + ".")

    if reasons:
        facts = OpeningFacts(record=place, cols=o_cols, terms={})
        exclusions = explainer.exclusions(cand, facts, reasons, float(ev.chord2))
        reasoning.append("Ingen oppgaver kan foreslås: " + " ".join(e.detail for e in exclusions))
        return CarvedJob(
            cand.id, workplace.id, (), 0.0, target_min, target_max, False, (), exclusions,
            tuple(reasoning),
        )  # fmt: skip

    # 2. Each task: time of day and the conflict table.
    need_codes = explainer.codes.needs.decode(int(c["needs"]))
    cannot = int(c["cannot"])
    times = explainer.codes.times
    eligible: list[tuple[TaskRecord, float, CarvedTask]] = []
    rejected: list[RejectedTask] = []
    weights = config.weights
    for task in workplace.tasks:
        task_exclusions: list[Exclusion] = []
        missing = times.decode(times.mask(task.times_of_day) & cannot)
        if missing:
            when = labels.join(labels.label(labels.TIMES_OF_DAY, t).lower() for t in missing)
            task_exclusions.append(
                Exclusion(
                    "time_of_day",
                    labels.EXCLUSIONS["time_of_day"],
                    f"Oppgaven krever {when}; da kan ikke kandidaten jobbe.",
                )
            )
        single = OpeningRecord(id=0, workplace=workplace, hours_per_week=0.0, tasks=(task,))
        blocking, adaptations = explainer.need_conflicts(need_codes, single, 0.0)
        if blocking:
            task_exclusions.append(
                Exclusion("needs", labels.EXCLUSIONS["needs"], " ".join(blocking))
            )
        if task_exclusions:
            rejected.append(RejectedTask(task.id, task.name, tuple(task_exclusions)))
            continue
        terms = explainer.task_terms(task)
        raw = np.float32(0)
        for term in explainer.by_stem(cand.interest):
            if term in terms:
                factor = np.float32(idf.get(term, 0.0)) * np.float32(terms[term])
                raw += np.float32(cand.interest[term][0]) * factor
        fit = float(raw)
        points = weights.interest * fit / (fit + config.interest_half)
        where = f"oppgaven «{task.name}»"
        sources = {
            t: TermSource(explainer.lexicon.surfaces[t], (where,), (task.id,)) for t in terms
        }
        matches = explainer.term_matches(
            cand.interest, terms, sources, idf, points, labels.INTEREST_SOURCES
        )
        carved = CarvedTask(
            task.id, task.name, task.hours_per_week, points, matches, tuple(adaptations)
        )
        eligible.append((task, fit, carved))
    eligible.sort(key=lambda item: (-item[1], item[0].id))

    # 3–4. Exact knapsack over half-hours.
    best: list[_State | None] = [None] * (high_units + 1)
    best[0] = (0.0, 0, 0)
    for i, (task, fit, _) in enumerate(eligible):
        units = round(task.hours_per_week * 2)
        if units > high_units:
            continue
        previous = best.copy()
        for total in range(units, high_units + 1):
            base = previous[total - units]
            if base is None:
                continue
            state = (base[0] + fit, base[1] + 1, base[2] | 1 << i)
            current = best[total]
            if current is None or _state_key(state) < _state_key(current):
                best[total] = state

    def choice_key(units: int) -> tuple[int, float, int, int, int]:
        state = best[units]
        assert state is not None
        return (max(0, low_units - units), -round(state[0], 9), -units, state[1], state[2])

    chosen_units = min((u for u, s in enumerate(best) if s is not None), key=choice_key)
    chosen = best[chosen_units]
    assert chosen is not None
    picked = [item for i, item in enumerate(eligible) if chosen[2] >> i & 1]
    total_hours = float(sum(task.hours_per_week for task, _, _ in picked))
    within = low_units <= chosen_units <= high_units

    for _task, _fit, carved in picked:
        line = f"«{carved.name}» ({labels.hours(carved.hours)} t): "
        if carved.terms:
            words = labels.join(f"«{m.candidate_word}»" for m in carved.terms)
            line += f"passer med interessen {words}"
        else:
            line += "ingen felles interesser, men fyller timene"
        if carved.adaptations:
            line += ". " + " ".join(a.detail.rstrip(".") + "." for a in carved.adaptations)
        reasoning.append(line if line.endswith(".") else line + ".")
    for rejected_task in rejected:
        reasoning.append(
            f"«{rejected_task.name}» er utelatt: "
            + " ".join(e.detail for e in rejected_task.exclusions)
        )
    for i, (task, _, _) in enumerate(eligible):
        if not chosen[2] >> i & 1:
            why = (
                "har flere timer enn målet"
                if round(task.hours_per_week * 2) > high_units
                else "ga ikke bedre treff innenfor timene"
            )
            reasoning.append(f"«{task.name}» er ikke tatt med: {why}.")
    if within:
        reasoning.append(f"Til sammen {labels.hours(total_hours)} timer i uka, innenfor målet.")
    else:
        reasoning.append(
            f"Til sammen {labels.hours(total_hours)} timer i uka; ingen kombinasjon av "
            "oppgavene kommer nærmere målet."
        )
    return CarvedJob(
        candidate_id=cand.id,
        workplace_id=workplace.id,
        tasks=tuple(carved for _, _, carved in picked),
        total_hours=total_hours,
        target_min=target_min,
        target_max=target_max,
        within_target=within,
        rejected=tuple(rejected),
        exclusions=(),
        reasoning=tuple(reasoning),
    )
