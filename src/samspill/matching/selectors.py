"""Reads for Jobbmatch: the engine's answers for database objects, and pipeline lists.

Rankings come from the live index (``live.py``); the candidate or opening asked about is
always read fresh from the database, so a change shows at once even for a draft opening
or a candidate who is no longer searching.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from django.db.models import QuerySet

from samspill.employers.models import Opening, Workplace
from samspill.matching import adapter
from samspill.matching.engine import (
    CandidateRecord,
    CarvedJob,
    MatchResult,
    OpeningRecord,
    Ranking,
    opening_from_tasks,
)
from samspill.matching.engine.geo import haversine_km
from samspill.matching.live import LIVE
from samspill.matching.models import Match, MatchMeeting, MatchStep, MeetingLine
from samspill.processes.models import InclusionProcess


def candidate_record(process: InclusionProcess) -> CandidateRecord:
    return adapter.candidate_record(process.candidate, process)


def opening_record(opening: Opening) -> OpeningRecord:
    return adapter.WorkplaceReader.create().opening_record(opening)


def candidates_for_opening(
    opening: Opening,
    *,
    limit: int = 20,
    include_excluded: bool = False,
    regions: Collection[int] | None = None,
) -> Ranking:
    record = opening_record(opening)
    with LIVE.current() as index:
        return index.rank_candidates(
            record, limit=limit, include_excluded=include_excluded, regions=regions
        )


def candidates_for_workplace(
    workplace: Workplace, *, limit: int = 20, include_excluded: bool = False
) -> Ranking:
    """Candidates for a workplace's mapped tasks, as one opening of all of them. Hours do
    not exclude here: carving picks the tasks that fit the candidate's hours."""
    record = opening_from_tasks(adapter.workplace_record_for(workplace), title=workplace.name)
    with LIVE.current() as index:
        ranking = index.rank_candidates(record, limit=limit * 4, include_excluded=True)
    fits = [r for r in ranking.excluded if r.reason_codes == ("hours",)]
    results = sorted((*ranking.results, *fits), key=lambda r: (-r.score, r.candidate_id))
    others = [r for r in ranking.excluded if r.reason_codes != ("hours",)]
    return replace(
        ranking,
        results=tuple(results[:limit]),
        excluded=tuple(others[:limit]) if include_excluded else (),
        excluded_count=ranking.excluded_count - len(fits),
    )


def openings_for_process(
    process: InclusionProcess, *, limit: int = 20, include_excluded: bool = False
) -> Ranking:
    record = candidate_record(process)
    with LIVE.current() as index:
        return index.rank_openings(record, limit=limit, include_excluded=include_excluded)


def explain(process: InclusionProcess, opening: Opening) -> MatchResult:
    candidate, job = candidate_record(process), opening_record(opening)
    with LIVE.current() as index:
        return index.explain(candidate, job)


def carve(process: InclusionProcess, workplace: Workplace) -> CarvedJob:
    candidate, place = candidate_record(process), adapter.workplace_record_for(workplace)
    with LIVE.current() as index:
        return index.carve_job(candidate, place)


def openings_by_id(ids: Iterable[int]) -> dict[int, Opening]:
    """Openings are the employer's, not a person's: loaded directly, with their workplace."""
    found = Opening.objects.filter(pk__in=list(ids)).select_related("workplace__employer")
    return {opening.pk: opening for opening in found}


def workplaces_for_process(
    process: InclusionProcess, *, nearest: int = 40, limit: int = 15
) -> list[tuple[Workplace, CarvedJob]]:
    """Workplaces for a candidate: the nearest with mapped tasks, each carved for them, best
    first (something can be carved, it fills the wished hours, interest fit)."""
    office = process.office
    found = (
        Workplace.objects.filter(tasks__isnull=False)
        .distinct()
        .select_related("employer")
        .prefetch_related("tasks")
        .order_by("pk")
    )
    near = sorted(
        found,
        key=lambda w: haversine_km(office.latitude, office.longitude, w.latitude, w.longitude),
    )[:nearest]
    candidate, reader = candidate_record(process), adapter.WorkplaceReader.create()
    with LIVE.current() as index:
        carved = [(w, index.carve_job(candidate, reader.workplace_record(w))) for w in near]

    def fit(pair: tuple[Workplace, CarvedJob]) -> tuple[bool, bool, float]:
        job = pair[1]
        return (bool(job.tasks), job.within_target, sum(t.interest_points for t in job.tasks))

    return sorted(carved, key=fit, reverse=True)[:limit]


def matches_of_opening(opening: Opening) -> dict[int, Match]:
    """The pipeline for one opening, by candidate id (to mark ranked candidates)."""
    rows = Match.objects.filter(opening=opening).select_related("process")
    return {match.process.candidate_id: match for match in rows}


def matches_of_process(process: InclusionProcess) -> dict[int, Match]:
    rows = Match.objects.filter(process=process)
    return {match.opening_id: match for match in rows}


def matches_of(process: InclusionProcess) -> QuerySet[Match]:
    """A process's matches, newest step first, for its page."""
    return (
        Match.objects.filter(process=process)
        .select_related("opening__workplace__employer")
        .order_by("-status_since", "-id")
    )


def steps_of(match: Match) -> QuerySet[MatchStep]:
    return match.steps.select_related("recorded_by")


def lines_of(meeting: MatchMeeting) -> QuerySet[MeetingLine]:
    return meeting.lines.select_related(
        "opening__workplace__employer", "process__advisor", "process__candidate", "match"
    ).order_by("opening__title", "opening_id", "rank")
