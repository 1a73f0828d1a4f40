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
from dataclasses import dataclass

import numpy as np

from samspill.matching.engine import labels
from samspill.matching.engine.compile import Compiler
from samspill.matching.engine.conflicts import HOURS_PER_WEEK
from samspill.matching.engine.explain import Explainer
from samspill.matching.engine.facts import CandidateFacts, OpeningFacts, TermSource
from samspill.matching.engine.i18n import gettext
from samspill.matching.engine.records import OpeningRecord, TaskRecord, WorkplaceRecord
from samspill.matching.engine.results import (
    EXCLUSION_BITS,
    Adaptation,
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


@dataclass(frozen=True, slots=True)
class _Target:
    """The hours to fill, in half-hour units, and the sentence that says why."""

    low_units: int
    high_units: int
    sentence: str

    @property
    def hours_min(self) -> float:
        return self.low_units / 2

    @property
    def hours_max(self) -> float:
        return self.high_units / 2


def _workplace_exclusions(
    explainer: Explainer, compiler: Compiler, cand: CandidateFacts, workplace: WorkplaceRecord
) -> tuple[Exclusion, ...]:
    """Step 1: the commute and the employer's exclusions, for the workplace as a whole."""
    place = OpeningRecord(id=0, workplace=workplace, hours_per_week=0.0)
    block = compiler.openings([place])
    o_cols = {name: col[0] for name, col in block.cols.items()}
    ev = evaluate(
        cand.cols, o_cols, np.float32(0), np.float32(0), Params.from_config(explainer.config),
        want_reasons=True, want_parts=True,
    )  # fmt: skip
    reasons = int(ev.reasons) & EXCLUSION_BITS["commute"]
    if cand.id in workplace.excluded_candidates:
        reasons |= EXCLUSION_BITS["employer_excluded"]
    if not reasons:
        return ()
    facts = OpeningFacts(record=place, cols=o_cols, terms={})
    return tuple(explainer.exclusions(cand, facts, reasons, float(ev.chord2)))


def _target(explainer: Explainer, cand: CandidateFacts) -> _Target:
    """Step 3: the candidate's wished hours, capped by the conflict table."""
    config = explainer.config
    hmin, hmax = float(cand.cols["hmin"]), float(cand.cols["hmax"])
    low = hmin if math.isfinite(hmin) else 0.0
    high = hmax if math.isfinite(hmax) else config.full_time_hours
    high_units = math.floor(high * 2 + 1e-9)
    cap_units, cap_why = _hours_cap_units(cand, explainer)
    if cap_units is not None and cap_units < high_units:
        high_units = cap_units
    low_units = min(math.ceil(low * 2 - 1e-9), high_units)
    target_max = high_units / 2
    sentence = gettext("Mål: %(hours_range)s i uka") % {
        "hours_range": labels.hours_range(low_units / 2, target_max)
    }
    if math.isfinite(hmin) or math.isfinite(hmax):
        sentence += gettext(" (kandidatens ønske)")
    else:
        sentence += gettext(" (ingen ønske registrert; fulltid er %(hours)s)") % {
            "hours": labels.hours(config.full_time_hours)
        }
    if cap_units is not None and cap_units / 2 <= target_max:
        sentence += gettext("; høyst %(hours)s på grunn av behovet «%(cap_why)s»") % {
            "hours": labels.hours(cap_units / 2),
            "cap_why": cap_why,
        }
    return _Target(low_units=low_units, high_units=high_units, sentence=sentence + ".")


def _task_exclusions(
    explainer: Explainer, cand: CandidateFacts, workplace: WorkplaceRecord, task: TaskRecord
) -> tuple[list[Exclusion], list[Adaptation]]:
    """Step 2 for one task: the time of day and the conflict table."""
    times = explainer.codes.times
    exclusions: list[Exclusion] = []
    missing = times.decode(times.mask(task.times_of_day) & int(cand.cols["cannot"]))
    if missing:
        when = labels.join(labels.label(labels.TIMES_OF_DAY, t).lower() for t in missing)
        exclusions.append(
            Exclusion(
                "time_of_day",
                gettext(labels.EXCLUSIONS["time_of_day"]),
                gettext("Oppgaven krever %(when)s; da kan ikke kandidaten jobbe.") % {"when": when},
            )
        )
    need_codes = explainer.codes.needs.decode(int(cand.cols["needs"]))
    single = OpeningRecord(id=0, workplace=workplace, hours_per_week=0.0, tasks=(task,))
    blocking, adaptations = explainer.need_conflicts(need_codes, single, 0.0)
    if blocking:
        exclusions.append(
            Exclusion("needs", gettext(labels.EXCLUSIONS["needs"]), " ".join(blocking))
        )
    return exclusions, list(adaptations)


def _interest_fit(
    explainer: Explainer,
    cand: CandidateFacts,
    task: TaskRecord,
    idf: Mapping[int, float],
    adaptations: list[Adaptation],
) -> tuple[float, CarvedTask]:
    """How well one task fits the candidate's interests (BM25 sum), with the words."""
    terms = explainer.task_terms(task)
    raw = np.float32(0)
    for term in explainer.by_stem(cand.interest):
        if term in terms:
            factor = np.float32(idf.get(term, 0.0)) * np.float32(terms[term])
            raw += np.float32(cand.interest[term][0]) * factor
    fit = float(raw)
    config = explainer.config
    points = config.weights.interest * fit / (fit + config.interest_half)
    where = f"oppgaven «{task.name}»"
    sources = {t: TermSource(explainer.lexicon.surfaces[t], (where,), (task.id,)) for t in terms}
    matches = explainer.term_matches(
        cand.interest, terms, sources, idf, points, labels.INTEREST_SOURCES
    )
    carved = CarvedTask(
        task_id=task.id,
        name=task.name,
        hours=task.hours_per_week,
        interest_points=points,
        terms=matches,
        adaptations=tuple(adaptations),
    )
    return fit, carved


_Eligible = tuple[TaskRecord, float, CarvedTask]


def _sort_tasks(
    explainer: Explainer,
    cand: CandidateFacts,
    workplace: WorkplaceRecord,
    idf: Mapping[int, float],
) -> tuple[list[_Eligible], list[RejectedTask]]:
    """Step 2: the tasks that may be part of the job, best interest fit first, and the rest."""
    eligible: list[_Eligible] = []
    rejected: list[RejectedTask] = []
    for task in workplace.tasks:
        exclusions, adaptations = _task_exclusions(explainer, cand, workplace, task)
        if exclusions:
            rejected.append(RejectedTask(task.id, task.name, tuple(exclusions)))
            continue
        fit, carved = _interest_fit(explainer, cand, task, idf, adaptations)
        eligible.append((task, fit, carved))
    eligible.sort(key=lambda item: (-item[1], item[0].id))
    return eligible, rejected


def _knapsack(eligible: list[_Eligible], target: _Target) -> tuple[int, int]:
    """Step 4: exact 0/1 knapsack over half-hours; returns (units, bit set of chosen tasks)."""
    high_units = target.high_units
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
        return (max(0, target.low_units - units), -round(state[0], 9), -units, state[1], state[2])

    chosen_units = min((u for u, s in enumerate(best) if s is not None), key=choice_key)
    chosen = best[chosen_units]
    assert chosen is not None
    return chosen_units, chosen[2]


def _choice_reasoning(
    eligible: list[_Eligible],
    rejected: list[RejectedTask],
    chosen: int,
    target: _Target,
    total_hours: float,
    within: bool,
) -> list[str]:
    """Why each task is in or out, and how the total compares with the target."""
    reasoning: list[str] = []
    for i, (_task, _fit, carved) in enumerate(eligible):
        if not chosen >> i & 1:
            continue
        line = f"«{carved.name}» ({labels.hours(carved.hours)} t): "
        if carved.terms:
            words = labels.join(f"«{m.candidate_word}»" for m in carved.terms)
            line += gettext("passer med interessen %(words)s") % {"words": words}
        else:
            line += gettext("ingen felles interesser, men fyller timene")
        if carved.adaptations:
            line += ". " + " ".join(a.detail.rstrip(".") + "." for a in carved.adaptations)
        reasoning.append(line if line.endswith(".") else line + ".")
    for rejected_task in rejected:
        reasoning.append(
            (gettext("«%(name)s» er utelatt: ") % {"name": rejected_task.name})
            + " ".join(e.detail for e in rejected_task.exclusions)
        )
    for i, (task, _, _) in enumerate(eligible):
        if not chosen >> i & 1:
            why = (
                gettext("har flere timer enn målet")
                if round(task.hours_per_week * 2) > target.high_units
                else gettext("ga ikke bedre treff innenfor timene")
            )
            reasoning.append(
                gettext("«%(name)s» er ikke tatt med: %(why)s.") % {"name": task.name, "why": why}
            )
    if within:
        reasoning.append(
            gettext("Til sammen %(hours)s timer i uka, innenfor målet.")
            % {"hours": labels.hours(total_hours)}
        )
    else:
        reasoning.append(
            gettext(
                "Til sammen %(hours)s timer i uka; ingen kombinasjon av oppgavene kommer nærmere "
                "målet."
            )
            % {"hours": labels.hours(total_hours)}
        )
    return reasoning


def carve(
    explainer: Explainer,
    compiler: Compiler,
    cand: CandidateFacts,
    workplace: WorkplaceRecord,
    idf: Mapping[int, float],
) -> CarvedJob:
    target = _target(explainer, cand)
    exclusions = _workplace_exclusions(explainer, compiler, cand, workplace)
    if exclusions:
        nothing = gettext("Ingen oppgaver kan foreslås: ") + " ".join(e.detail for e in exclusions)
        return CarvedJob(
            candidate_id=cand.id,
            workplace_id=workplace.id,
            tasks=(),
            total_hours=0.0,
            target_min=target.hours_min,
            target_max=target.hours_max,
            within_target=False,
            rejected=(),
            exclusions=exclusions,
            reasoning=(target.sentence, nothing),
        )
    eligible, rejected = _sort_tasks(explainer, cand, workplace, idf)
    chosen_units, chosen = _knapsack(eligible, target)
    picked = [carved for i, (_, _, carved) in enumerate(eligible) if chosen >> i & 1]
    total_hours = float(sum(carved.hours for carved in picked))
    within = target.low_units <= chosen_units <= target.high_units
    reasoning = _choice_reasoning(eligible, rejected, chosen, target, total_hours, within)
    return CarvedJob(
        candidate_id=cand.id,
        workplace_id=workplace.id,
        tasks=tuple(picked),
        total_hours=total_hours,
        target_min=target.hours_min,
        target_max=target.hours_max,
        within_target=within,
        rejected=tuple(rejected),
        exclusions=(),
        reasoning=(target.sentence, *reasoning),
    )
