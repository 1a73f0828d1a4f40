"""Candidates with one inclusion process each, walked through the phases up to today, and
their accommodation needs and consents.

The walk gives the demo's deprioritised groups a headwind (``headwind_for``), so the equity
monitor has something to find.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from samspill.accounts.models import Office
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    ConsentRecord,
    Gender,
    NeedLevel,
    search_key,
)
from samspill.candidates.needs import need_consent_item
from samspill.demo import data, profiles
from samspill.demo.context import DemoContext, weighted
from samspill.lib.emails import email_local_part
from samspill.processes.models import InclusionProcess, Phase, PhaseChange

# Weighted choices that make the demo look like an ordinary office's caseload.
NEED_LEVELS = [
    (NeedLevel.STANDARD, 10),
    (NeedLevel.SITUATIONAL, 45),
    (NeedLevel.SPECIAL, 35),
    (NeedLevel.PERMANENT, 10),
]
GENDERS = [(Gender.FEMALE, 48), (Gender.MALE, 50), (Gender.OTHER, 2)]
#: (phase, typical weeks in it (min, max)) and where a process may go next, with weights.
DWELL_WEEKS = {
    Phase.MAPPING: (2, 8),
    Phase.JOB_SEARCH: (4, 30),
    Phase.TRIAL: (6, 26),
    Phase.EMPLOYMENT: (6, 16),
    Phase.RETENTION: (20, 70),
}
NEXT_PHASE: dict[Phase, list[tuple[Phase, float]]] = {
    Phase.MAPPING: [(Phase.JOB_SEARCH, 90), (Phase.CLOSED, 10)],
    Phase.JOB_SEARCH: [(Phase.TRIAL, 45), (Phase.EMPLOYMENT, 25), (Phase.CLOSED, 30)],
    Phase.TRIAL: [(Phase.EMPLOYMENT, 45), (Phase.JOB_SEARCH, 35), (Phase.CLOSED, 20)],
    Phase.EMPLOYMENT: [(Phase.RETENTION, 85), (Phase.JOB_SEARCH, 15)],
    Phase.RETENTION: [(Phase.CLOSED, 70), (Phase.JOB_SEARCH, 30)],
}
#: What candidates share with employers: most name, age and what they want to do; many
#: contact details and some of their needs; some nothing.
CONSENTS: list[tuple[list[str], float]] = [
    (["name", "age", "municipality", "contact", "interests", "strengths", "experience"], 35),
    (["name", "age", "interests", "strengths", "wishes"], 30),
    (["name", "age"], 15),
    ([], 20),
]


def headwind_for(candidate: Candidate, today: date) -> float:
    """The demo's deprioritised groups: people over 50, with a permanent need for adapted
    work, or long outside working life get fewer trials and jobs (seed 002 on creaming)."""
    factor = 1.0
    if candidate.age_on(today) >= 50:
        factor *= 0.2
    if candidate.need_level == NeedLevel.PERMANENT:
        factor *= 0.35
    if candidate.time_outside_work == "never":
        factor *= 0.4
    return factor


@dataclass(frozen=True)
class Caseload:
    candidates: list[Candidate]
    #: One process per candidate, in the same order, and each one's phase changes.
    processes: list[InclusionProcess]
    walks: list[list[PhaseChange]]


def _candidate(ctx: DemoContext, n: int, office: Office) -> Candidate:
    gender = weighted(ctx.rng, GENDERS)
    age = ctx.rng.randint(18, 29) if ctx.rng.random() < 0.4 else ctx.rng.randint(30, 62)
    first = ctx.fake.first_name_female() if gender == Gender.FEMALE else ctx.fake.first_name_male()
    last = ctx.fake.last_name()
    candidate = Candidate(
        uuid=ctx.uuid(),
        first_name=first,
        last_name=last,
        birth_date=ctx.today - timedelta(days=age * 365 + ctx.rng.randrange(365)),
        gender=gender,
        municipality=office.municipality,
        phone=ctx.phone(),
        email=f"{email_local_part(first, last)}{n}@example.com",
        need_level=weighted(ctx.rng, NEED_LEVELS),
        search_name=search_key(first, last),
    )
    profiles.fill_profile(candidate, ctx.rng, office.municipality)
    return candidate


def candidates_and_processes(ctx: DemoContext) -> Caseload:
    """``ctx.size`` candidates with one process each, walked through the phases to today."""
    first_day = ctx.today - timedelta(days=3 * 365)
    candidates, processes, walks = [], [], []
    for n in range(ctx.size):
        office = ctx.offices[n % len(ctx.offices)]
        candidate = _candidate(ctx, n, office)
        candidates.append(candidate)
        advisor = ctx.rng.choice(ctx.advisors[office.pk])
        started = first_day + timedelta(days=ctx.rng.randrange((ctx.today - first_day).days - 7))
        process = InclusionProcess(
            uuid=ctx.uuid(),
            office=office,
            team_id=advisor.team_id,
            advisor=advisor,
            started_on=started,
            phase=Phase.MAPPING,
            phase_since=started,
        )
        walks.append(walk(ctx, process, office, headwind_for(candidate, ctx.today)))
        processes.append(process)
        if n % 1000 == 999:
            ctx.progress("Lager kandidater", n + 1, ctx.size)
    ctx.insert("Kandidater", candidates)
    for candidate, process in zip(candidates, processes, strict=True):
        process.candidate = candidate
    ctx.insert("Forløp", processes)
    rows = []
    for process, changes in zip(processes, walks, strict=True):
        for change in changes:
            change.process = process
            rows.append(change)
    ctx.insert("Faseendringer", rows)
    return Caseload(candidates=candidates, processes=processes, walks=walks)


def walk(
    ctx: DemoContext, process: InclusionProcess, office: Office, headwind: float = 1.0
) -> list[PhaseChange]:
    """Simulate the process up to today; returns its dated phase changes. ``headwind``
    below 1 makes a trial or a job less likely from job search (creaming, for the
    equity monitor to find)."""
    rng = ctx.rng
    day, phase = process.started_on, Phase.MAPPING
    changes = [PhaseChange(to_phase=phase, effective_on=day)]
    while phase != Phase.CLOSED:
        low, high = DWELL_WEEKS[phase]
        next_day = day + timedelta(weeks=rng.randint(low, high))
        if next_day >= ctx.today:
            break
        options = NEXT_PHASE[phase]
        if phase == Phase.JOB_SEARCH and headwind < 1:
            options = [
                (p, w * headwind if p in (Phase.TRIAL, Phase.EMPLOYMENT) else w) for p, w in options
            ]
        target = weighted(rng, options)
        reason = rng.choice(data.CLOSING_REASONS) if target == Phase.CLOSED else ""
        if target in (Phase.TRIAL, Phase.EMPLOYMENT) and phase == Phase.JOB_SEARCH:
            workplace = rng.choice(ctx.workplaces_by_office[office.pk])
            process.workplace, process.employer = workplace, workplace.employer
        changes.append(
            PhaseChange(from_phase=phase, to_phase=target, effective_on=next_day, reason=reason)
        )
        day, phase = next_day, target
    process.phase, process.phase_since = phase, day
    process.ended_on = day if phase == Phase.CLOSED else None
    if phase in (Phase.MAPPING, Phase.JOB_SEARCH) and process.employer is not None:
        process.employer = process.workplace = None  # back to searching: no current employer
    return changes


def needs_and_consents(ctx: DemoContext) -> None:
    """Accommodation needs, and what each candidate shares with employers."""
    needs: dict[int, list[AccommodationNeed]] = {}
    for candidate in ctx.candidates:
        needs[candidate.pk] = profiles.needs_for(candidate, ctx.rng, ctx.today)
    ctx.insert("Behov for tilrettelegging", [n for group in needs.values() for n in group])
    records = []
    for candidate in ctx.candidates:
        if ctx.rng.random() < 0.8:
            items = list(weighted(ctx.rng, CONSENTS))
            if items:
                items += [
                    need_consent_item(n.code) for n in needs[candidate.pk] if ctx.rng.random() < 0.6
                ]
            records.append(ConsentRecord(candidate=candidate, items=items))
    ctx.insert("Samtykker", records)
