"""Synthetic Jobbmatch data: matches at every step of the pipeline, found by the real engine,
and a match meeting for the demo employer contact.

About one in twelve searching candidates has a match with one of their best openings; the
demo advisor's own candidates more often, so their pages show the pipeline, and the demo
employer has a candidate presented to them.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

from samspill.demo.context import DemoContext
from samspill.employers import services as employer_services
from samspill.employers.models import Employer, Opening, OpeningKind, OpeningPurpose, Task
from samspill.matching import services
from samspill.matching.live import LIVE
from samspill.matching.models import (
    DeclineReason,
    Match,
    MatchMeeting,
    MatchStatus,
    MatchStep,
)
from samspill.matching.transitions import MATCH_TRANSITIONS
from samspill.processes.models import InclusionProcess, Phase

#: How far along the pipeline a demo match got (status → weight).
REACHED: list[tuple[MatchStatus, int]] = [
    (MatchStatus.SUGGESTED, 4),
    (MatchStatus.PRESENTED_CANDIDATE, 3),
    (MatchStatus.CANDIDATE_INTERESTED, 2),
    (MatchStatus.PRESENTED_EMPLOYER, 2),
    (MatchStatus.MEETING, 1),
    (MatchStatus.DECLINED, 3),
]
_ORDER = [
    MatchStatus.SUGGESTED,
    MatchStatus.PRESENTED_CANDIDATE,
    MatchStatus.CANDIDATE_INTERESTED,
    MatchStatus.PRESENTED_EMPLOYER,
    MatchStatus.MEETING,
]
_DECLINES = [
    (DeclineReason.CANDIDATE_NOT_INTERESTED, 4),
    (DeclineReason.EMPLOYER_DECLINED, 2),
    (DeclineReason.NOT_SUITABLE, 1),
    (DeclineReason.OPENING_FILLED, 1),
]


def _walk(ctx: DemoContext, match: Match, target: MatchStatus) -> list[MatchStep]:
    """Dated steps from suggested up to ``target`` (a decline ends at a random step)."""
    rng = ctx.rng
    day = ctx.today - timedelta(days=rng.randint(10, 60))
    stop = target
    if target == MatchStatus.DECLINED:
        stop = _ORDER[rng.randint(0, 3)]
    elif target == MatchStatus.AGREED:
        stop = MatchStatus.MEETING
    steps = [MatchStep(match=match, to_status=MatchStatus.SUGGESTED, on=day)]
    for before, after in itertools.pairwise(_ORDER[: _ORDER.index(stop) + 1]):
        assert after in MATCH_TRANSITIONS[before]
        day = min(ctx.today, day + timedelta(days=rng.randint(2, 9)))
        steps.append(MatchStep(match=match, from_status=before, to_status=after, on=day))
    if target == MatchStatus.AGREED:
        day = min(ctx.today, day + timedelta(days=rng.randint(2, 9)))
        steps.append(MatchStep(match=match, from_status=stop, to_status=target, on=day))
    if target == MatchStatus.DECLINED:
        reason = rng.choices([r for r, _ in _DECLINES], [w for _, w in _DECLINES])[0]
        day = min(ctx.today, day + timedelta(days=rng.randint(2, 9)))
        steps.append(
            MatchStep(match=match, from_status=stop, to_status=target, on=day, reason=reason)
        )
        match.decline_reason = reason
    match.status, match.status_since = target, day
    return steps


def matches(ctx: DemoContext) -> list[Match]:
    rng = ctx.rng
    advisor = ctx.users["advisor"]
    LIVE.reset()  # the index is built from the demo data just written
    searching = [p for p in ctx.processes if p.phase in (Phase.MAPPING, Phase.JOB_SEARCH)]
    chosen = [p for p in searching if p.advisor_id == advisor.pk][:8] + [
        p for p in searching if p.advisor_id != advisor.pk and rng.random() < 1 / 12
    ]
    found: list[Match] = []
    steps: list[MatchStep] = []
    with LIVE.current() as index:
        for process in chosen:
            best = index.top_openings(process.candidate_id, limit=3)
            if not best:
                continue
            opening_id, score = best[rng.randrange(len(best))]
            match = Match(
                uuid=ctx.uuid(),
                process=process,
                opening_id=opening_id,
                score=score,
                created_by=process.advisor,
            )
            target = rng.choices([s for s, _ in REACHED], [w for _, w in REACHED])[0]
            if process.advisor_id == advisor.pk and not any(
                m.status == MatchStatus.AGREED for m in found
            ):
                target = MatchStatus.AGREED  # the demo advisor can draft an agreement from it
            steps += _walk(ctx, match, target)
            found.append(match)
    ctx.insert("Matcher", found)
    ctx.insert("Matchsteg", steps)
    _present_to_demo_employer(ctx)
    _meeting(ctx)
    return found


def _present_to_demo_employer(ctx: DemoContext) -> None:
    """The demo employer login sees one candidate who said yes and was presented to them."""
    employer = ctx.users["employer"].employer
    advisor = ctx.users["advisor"]
    opening = (
        Opening.objects.filter(workplace__employer=employer, status="open").order_by("pk").first()
    )
    if opening is None:
        opening = _new_opening(ctx, employer)
    if opening is None:
        return
    taken = set(Match.objects.filter(opening=opening).values_list("process_id", flat=True))
    candidates = InclusionProcess.objects.filter(
        advisor=advisor, phase=Phase.JOB_SEARCH, candidate__consents__isnull=False
    ).exclude(pk__in=taken)
    process = candidates.order_by("pk").first()
    if process is None:
        return
    match = services.match_propose(
        actor=advisor,
        process=process,
        opening=opening,
        override_reason="Kandidaten ønsker å prøve seg her (demo).",
    )
    for status in _ORDER[1:4]:
        match = services.match_move(actor=advisor, match=match, to_status=status)
    ctx.count("Presentert for arbeidsgiver", 1)


def _new_opening(ctx: DemoContext, employer: Employer | None) -> Opening | None:
    """A new work-trial place at the demo employer, made of its mapped tasks."""
    workplace = employer.workplaces.order_by("pk").first() if employer else None
    if workplace is None:
        return None
    actor = ctx.users["employer_contact"]
    tasks: list[Task] = []
    for task in workplace.tasks.order_by("pk")[:2]:
        if sum(t.hours_per_week for t in tasks) + task.hours_per_week <= 37:
            tasks.append(task)
    opening = employer_services.opening_create(
        actor=actor,
        workplace=workplace,
        data=employer_services.OpeningInput(
            kind=OpeningKind.TRIAL_PLACE,
            purpose=OpeningPurpose.TRIAL,
            title="Praksisplass: " + (", ".join(t.name.lower() for t in tasks) or workplace.name),
            hours_per_week=sum((t.hours_per_week for t in tasks), Decimal(0)) or Decimal(20),
            tasks=tasks,
        ),
    )
    return employer_services.opening_change_status(actor=actor, opening=opening, to_status="open")


def _meeting(ctx: DemoContext) -> None:
    organiser = ctx.users["employer_contact"]
    office = organiser.office
    if office is None:
        return
    # Created directly: the demo's "today" may be a fixed date the service would call past.
    meeting = MatchMeeting.objects.create(
        uuid=ctx.uuid(),
        title=f"Matchemøte {office.name}",
        held_on=ctx.today + timedelta(days=3),
        organiser=organiser,
    )
    meeting.offices.set([office])
    lines = services.meeting_prepare(actor=organiser, meeting=meeting)
    advisor = ctx.users["advisor"]
    own = meeting.lines.filter(process__advisor=advisor).order_by("pk").first()
    if own is not None:
        services.meeting_share_line(actor=advisor, line=own)
    ctx.count("Matchemøter", MatchMeeting.objects.count())
    ctx.count("Linjer på agendaen", lines)
