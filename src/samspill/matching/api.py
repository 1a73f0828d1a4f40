"""The JSON API for Jobbmatch, tag ``matching``: rankings both ways, one pair explained,
job carving, the match pipeline and match meetings. The same access functions as the
pages; every display of a person is logged with purpose "api"."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from ninja import Router, Status
from pydantic import Field

from samspill.api_errors import request_fields
from samspill.audit.models import Purpose
from samspill.lib.http import AuthenticatedRequest
from samspill.matching import access, selectors, services
from samspill.matching.engine import MatchResult, Ranking
from samspill.matching.schemas import (
    CandidateRankingOut,
    CarvedJobOut,
    CarveIn,
    ExplanationOut,
    MatchIn,
    MatchOut,
    MeetingOut,
    MoveIn,
    OpeningRankingOut,
    OutcomeIn,
    RankedCandidateOut,
)
from samspill.matching.transitions import ACTIVE_STATUSES

router = Router(tags=["matching"])

_PROCESS = "/processes/{uuid:process_id}"
_MEETING = "/meetings/{uuid:meeting_id}"
API = Purpose.API
#: How many ranked candidates to return.
Limit = Annotated[int, Field(ge=1, le=100)]


def _candidate_ranking(request: AuthenticatedRequest, ranking: Ranking) -> CandidateRankingOut:
    shown = [*ranking.results, *ranking.excluded]
    people = access.ranked_candidates_for_user(
        user=request.user, candidate_ids=[r.candidate_id for r in shown], purpose=API
    )

    def rows(results: tuple[MatchResult, ...]) -> list[RankedCandidateOut]:
        return [
            RankedCandidateOut.build(r, people[r.candidate_id])
            for r in results
            if r.candidate_id in people
        ]

    return CandidateRankingOut(
        considered=ranking.considered,
        excluded_count=ranking.excluded_count,
        excluded_by_reason=dict(ranking.excluded_by_reason),
        results=rows(ranking.results),
        excluded=rows(ranking.excluded),
    )


@router.get(
    "/openings/{uuid:opening_id}/candidates",
    response=CandidateRankingOut,
    summary="Kandidater til en stilling, rangert og forklart",
)
def opening_candidates(
    request: AuthenticatedRequest,
    opening_id: UUID,
    include_excluded: bool = False,
    limit: Limit = 20,
) -> CandidateRankingOut:
    opening = access.opening_for_matching(user=request.user, opening_id=opening_id, purpose=API)
    ranking = selectors.candidates_for_opening(
        opening, limit=limit, include_excluded=include_excluded
    )
    return _candidate_ranking(request, ranking)


@router.get(
    "/workplaces/{uuid:workplace_id}/candidates",
    response=CandidateRankingOut,
    summary="Kandidater til en arbeidsplass' kartlagte oppgaver",
)
def workplace_candidates(
    request: AuthenticatedRequest,
    workplace_id: UUID,
    include_excluded: bool = False,
    limit: Limit = 20,
) -> CandidateRankingOut:
    workplace = access.workplace_for_matching(
        user=request.user, workplace_id=workplace_id, purpose=API
    )
    ranking = selectors.candidates_for_workplace(
        workplace, limit=limit, include_excluded=include_excluded
    )
    return _candidate_ranking(request, ranking)


@router.get(
    _PROCESS + "/openings",
    response=OpeningRankingOut,
    summary="Stillinger for en kandidat, rangert og forklart",
)
def process_openings(
    request: AuthenticatedRequest, process_id: UUID, include_excluded: bool = False
) -> OpeningRankingOut:
    process = access.process_for_matching(
        user=request.user, process_id=process_id, purpose=API
    ).process
    ranking = selectors.openings_for_process(process, include_excluded=include_excluded)
    openings = selectors.openings_by_id(r.opening_id for r in (*ranking.results, *ranking.excluded))
    return OpeningRankingOut.build(ranking, openings)


@router.get(
    _PROCESS + "/openings/{uuid:opening_id}",
    response=ExplanationOut,
    summary="Forklaring for én kandidat og én stilling",
)
def pair(request: AuthenticatedRequest, process_id: UUID, opening_id: UUID) -> ExplanationOut:
    process = access.process_for_matching(
        user=request.user, process_id=process_id, purpose=API
    ).process
    opening = access.opening_for_matching(user=request.user, opening_id=opening_id, purpose=API)
    return ExplanationOut.build(selectors.explain(process, opening).explanation)


@router.get(
    _PROCESS + "/carve/{uuid:workplace_id}",
    response=CarvedJobOut,
    summary="Jobbsnekring: foreslåtte oppgaver for kandidaten",
)
def carve(request: AuthenticatedRequest, process_id: UUID, workplace_id: UUID) -> CarvedJobOut:
    process = access.process_for_matching(
        user=request.user, process_id=process_id, purpose=API
    ).process
    workplace = access.workplace_for_matching(
        user=request.user, workplace_id=workplace_id, purpose=API
    )
    uuids = dict(workplace.tasks.values_list("pk", "uuid"))
    return CarvedJobOut.build(selectors.carve(process, workplace), uuids)


@router.post(
    _PROCESS + "/carve/{uuid:workplace_id}",
    response={201: MatchOut},
    summary="Gjør oppgavene til en stilling og foreslå den for kandidaten",
)
def carve_create(
    request: AuthenticatedRequest, process_id: UUID, workplace_id: UUID, payload: CarveIn
) -> Status[MatchOut]:
    process = access.process_for_carving(
        user=request.user, process_id=process_id, purpose=API
    ).process
    workplace = access.workplace_for_matching(
        user=request.user, workplace_id=workplace_id, purpose=API
    )
    ids = dict(workplace.tasks.filter(uuid__in=payload.task_ids).values_list("uuid", "pk"))
    with request_fields(tasks="task_ids"):
        match = services.carve_to_opening(
            actor=request.user,
            process=process,
            workplace=workplace,
            data=services.CarvedOpeningInput(
                title=payload.title,
                kind=payload.kind,
                purpose=payload.purpose,
                description=payload.description,
                tasks=[ids[uuid] for uuid in payload.task_ids if uuid in ids],
            ),
        )
    return Status(
        201, MatchOut.from_access(access.match_access_for_user(user=request.user, match=match))
    )


@router.get("/matches", response=list[MatchOut], summary="Jobbmatcher som pågår")
def match_list(request: AuthenticatedRequest) -> list[MatchOut]:
    rows = access.matches_for_user(user=request.user, purpose=API, statuses=ACTIVE_STATUSES)
    return [MatchOut.from_access(row) for row in rows]


@router.post("/matches", response={201: MatchOut}, summary="Foreslå en match")
def match_create(request: AuthenticatedRequest, payload: MatchIn) -> Status[MatchOut]:
    process = access.process_for_matching(
        user=request.user, process_id=payload.process_id, purpose=API, for_change=True
    ).process
    opening = access.opening_for_matching(
        user=request.user, opening_id=payload.opening_id, purpose=API
    )
    with request_fields(opening="opening_id"):
        match = services.match_propose(
            actor=request.user,
            process=process,
            opening=opening,
            override_reason=payload.override_reason,
        )
    return Status(
        201, MatchOut.from_access(access.match_access_for_user(user=request.user, match=match))
    )


def _match(
    request: AuthenticatedRequest, match_id: UUID, change: bool = False
) -> access.MatchAccess:
    return access.match_get_for_user(
        user=request.user, match_id=match_id, purpose=API, for_change=change
    )


@router.get("/matches/{uuid:match_id}", response=MatchOut, summary="Én match")
def match_detail(request: AuthenticatedRequest, match_id: UUID) -> MatchOut:
    return MatchOut.from_access(_match(request, match_id))


@router.post("/matches/{uuid:match_id}/moves", response=MatchOut, summary="Neste steg for en match")
def match_move(request: AuthenticatedRequest, match_id: UUID, payload: MoveIn) -> MatchOut:
    found = _match(request, match_id, change=True)
    match = services.match_move(actor=request.user, match=found.match, **payload.dict())
    return MatchOut.from_access(access.match_access_for_user(user=request.user, match=match))


def _meeting_out(request: AuthenticatedRequest, meeting_id: UUID) -> MeetingOut:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=API
    ).meeting
    lines = list(selectors.lines_of(meeting))
    people = access.ranked_candidates_for_user(
        user=request.user,
        candidate_ids=[line.process.candidate_id for line in lines],
        purpose=API,
        explained=False,
    )
    return MeetingOut.build(meeting, lines, people)


@router.get(_MEETING, response=MeetingOut, summary="Matchemøte med agenda")
def meeting_detail(request: AuthenticatedRequest, meeting_id: UUID) -> MeetingOut:
    return _meeting_out(request, meeting_id)


@router.post(_MEETING + "/prepare", response=MeetingOut, summary="Forbered agendaen")
def meeting_prepare(request: AuthenticatedRequest, meeting_id: UUID) -> MeetingOut:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=API, for_change=True
    ).meeting
    services.meeting_prepare(actor=request.user, meeting=meeting)
    return _meeting_out(request, meeting_id)


@router.post(
    _MEETING + "/lines/{uuid:line_id}/outcome", response=MeetingOut, summary="Lagre utfall"
)
def line_outcome(
    request: AuthenticatedRequest, meeting_id: UUID, line_id: UUID, payload: OutcomeIn
) -> MeetingOut:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=API, for_change=True
    ).meeting
    line = access.line_get_for_user(
        user=request.user, meeting=meeting, line_id=line_id, purpose=API
    )
    services.meeting_record_outcome(
        actor=request.user, line=line, outcome=payload.outcome, note=payload.note
    )
    return _meeting_out(request, meeting_id)


@router.post(
    _MEETING + "/lines/{uuid:line_id}/share", response=MeetingOut, summary="Del kandidaten"
)
def line_share(request: AuthenticatedRequest, meeting_id: UUID, line_id: UUID) -> MeetingOut:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=API
    ).meeting
    line = access.line_get_for_user(
        user=request.user, meeting=meeting, line_id=line_id, purpose=API
    )
    services.meeting_share_line(actor=request.user, line=line)
    return _meeting_out(request, meeting_id)
