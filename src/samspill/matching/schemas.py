"""API schemas for Jobbmatch (``api.py``). A ranked candidate the caller may not see has no
id, name or explanation: only initials, age group and their advisor."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from ninja import Schema
from pydantic import Field

from samspill.core.schemas import (
    CandidateOut,
    EventDate,
    LongText,
    ReasonText,
    ShortText,
    choice,
)
from samspill.employers.models import Opening, OpeningKind, OpeningPurpose
from samspill.matching.access import MatchAccess, RankedCandidate
from samspill.matching.engine import CarvedJob, Explanation, MatchResult, Ranking
from samspill.matching.models import (
    DeclineReason,
    LineOutcome,
    MatchMeeting,
    MatchStatus,
    MeetingLine,
)


class TermOut(Schema):
    candidate_word: str
    candidate_source: str
    opening_word: str
    opening_sources: list[str]


class ContributionOut(Schema):
    code: str
    label: str
    points: float
    max_points: float
    detail: str
    terms: list[TermOut]


class ExclusionOut(Schema):
    code: str
    label: str
    detail: str


class ExplanationOut(Schema):
    summary: str
    contributions: list[ContributionOut]
    missing: list[str]
    adaptations: list[str]
    exclusions: list[ExclusionOut]

    @classmethod
    def build(cls, e: Explanation) -> ExplanationOut:
        return cls(
            summary=e.summary,
            contributions=[
                ContributionOut(
                    code=c.code,
                    label=c.label,
                    points=round(c.points, 4),
                    max_points=c.max_points,
                    detail=c.detail,
                    terms=[
                        TermOut(
                            candidate_word=t.candidate_word,
                            candidate_source=t.candidate_source,
                            opening_word=t.opening_word,
                            opening_sources=list(t.opening_sources),
                        )
                        for t in c.terms
                    ],
                )
                for c in e.contributions
                if c.max_points
            ],
            missing=list(e.missing),
            adaptations=[a.detail for a in e.adaptations],
            exclusions=[
                ExclusionOut(code=x.code, label=x.label, detail=x.detail) for x in e.exclusions
            ],
        )


class RankedCandidateOut(Schema):
    #: Null when the caller may not see the candidate (then only the masked fields are set).
    process_id: UUID | None
    candidate_id: UUID | None
    name: str | None
    initials: str | None
    age_group: str | None
    advisor: str
    score: float
    excluded: bool
    explanation: ExplanationOut | None

    @classmethod
    def build(cls, result: MatchResult, person: RankedCandidate) -> RankedCandidateOut:
        shown = person.access
        masked = person.masked
        return cls(
            process_id=shown.process.uuid if shown else None,
            candidate_id=shown.candidate.uuid if shown else None,
            name=shown.candidate.name if shown else None,
            initials=masked.initials if masked else None,
            age_group=masked.age_group if masked else None,
            advisor=shown.process.advisor.display_name
            if shown
            else masked.advisor_name
            if masked
            else "",
            score=round(result.score, 4),
            excluded=result.excluded,
            explanation=ExplanationOut.build(result.explanation) if person.explained else None,
        )


class CandidateRankingOut(Schema):
    considered: int
    excluded_count: int
    excluded_by_reason: dict[str, int]
    results: list[RankedCandidateOut]
    excluded: list[RankedCandidateOut]


class RankedOpeningOut(Schema):
    opening_id: UUID
    title: str
    employer: str
    workplace: str
    hours_per_week: float
    score: float
    excluded: bool
    explanation: ExplanationOut

    @classmethod
    def build(cls, result: MatchResult, opening: Opening) -> RankedOpeningOut:
        return cls(
            opening_id=opening.uuid,
            title=opening.title,
            employer=opening.workplace.employer.name,
            workplace=opening.workplace.name,
            hours_per_week=float(opening.hours_per_week),
            score=round(result.score, 4),
            excluded=result.excluded,
            explanation=ExplanationOut.build(result.explanation),
        )


class OpeningRankingOut(Schema):
    considered: int
    excluded_count: int
    excluded_by_reason: dict[str, int]
    results: list[RankedOpeningOut]
    excluded: list[RankedOpeningOut]

    @classmethod
    def build(cls, ranking: Ranking, openings: dict[int, Opening]) -> OpeningRankingOut:
        return cls(
            considered=ranking.considered,
            excluded_count=ranking.excluded_count,
            excluded_by_reason=dict(ranking.excluded_by_reason),
            results=[RankedOpeningOut.build(r, openings[r.opening_id]) for r in ranking.results],
            excluded=[RankedOpeningOut.build(r, openings[r.opening_id]) for r in ranking.excluded],
        )


class CarvedTaskOut(Schema):
    task_id: UUID
    name: str
    hours: float
    matched_words: list[str]
    adaptations: list[str]


class RejectedTaskOut(Schema):
    task_id: UUID
    name: str
    reasons: list[str]


class CarvedJobOut(Schema):
    tasks: list[CarvedTaskOut]
    total_hours: float
    target_min: float
    target_max: float
    within_target: bool
    rejected: list[RejectedTaskOut]
    exclusions: list[ExclusionOut]
    reasoning: list[str]

    @classmethod
    def build(cls, job: CarvedJob, task_uuids: dict[int, UUID]) -> CarvedJobOut:
        return cls(
            tasks=[
                CarvedTaskOut(
                    task_id=task_uuids[t.task_id],
                    name=t.name,
                    hours=t.hours,
                    matched_words=[m.candidate_word for m in t.terms],
                    adaptations=[a.detail for a in t.adaptations],
                )
                for t in job.tasks
            ],
            total_hours=job.total_hours,
            target_min=job.target_min,
            target_max=job.target_max,
            within_target=job.within_target,
            rejected=[
                RejectedTaskOut(
                    task_id=task_uuids[r.task_id],
                    name=r.name,
                    reasons=[x.detail for x in r.exclusions],
                )
                for r in job.rejected
            ],
            exclusions=[
                ExclusionOut(code=x.code, label=x.label, detail=x.detail) for x in job.exclusions
            ],
            reasoning=list(job.reasoning),
        )


class CarveIn(Schema):
    # Defaults, so that a missing field gets the service's Norwegian message at that field.
    task_ids: Annotated[list[UUID], Field(max_length=100)] = []
    title: ShortText = ""
    kind: choice(OpeningKind, blank=True) = ""  # type: ignore[valid-type]
    purpose: choice(OpeningPurpose, blank=True) = ""  # type: ignore[valid-type]
    description: LongText = ""


class MatchIn(Schema):
    process_id: UUID
    opening_id: UUID
    override_reason: ReasonText = ""


class MoveIn(Schema):
    to_status: choice(MatchStatus, blank=True) = ""  # type: ignore[valid-type]
    on: EventDate | None = None
    reason: choice(DeclineReason, blank=True) = ""  # type: ignore[valid-type]
    note: LongText = ""


class MatchOut(Schema):
    id: UUID
    process_id: UUID
    opening_id: UUID
    opening_title: str
    employer: str
    status: str
    status_since: date
    decline_reason: str
    #: Why an excluded pair was proposed anyway: NAV-internal, null for anyone else.
    override_reason: str | None
    #: The candidate as the caller may see them: name and age in lists, the presentation
    #: (what they can and want) for one match.
    candidate: CandidateOut

    @classmethod
    def from_access(cls, access: MatchAccess) -> MatchOut:
        match, internal = access.match, access.internal
        return cls(
            candidate=CandidateOut.from_view(access.candidate),
            id=match.uuid,
            process_id=match.process.uuid,
            opening_id=match.opening.uuid,
            opening_title=match.opening.title,
            employer=match.opening.workplace.employer.name,
            status=match.status,
            status_since=match.status_since,
            decline_reason=match.decline_reason,
            override_reason=match.override_reason if internal else None,
        )


class LineOut(Schema):
    id: UUID
    opening_id: UUID
    opening_title: str
    rank: int
    score: float
    candidate: RankedCandidateOut | None
    shared: bool
    outcome: str
    note: str


class MeetingOut(Schema):
    id: UUID
    title: str
    held_on: date
    offices: list[str]
    prepared: bool
    lines: list[LineOut]

    @classmethod
    def build(
        cls, meeting: MatchMeeting, lines: list[MeetingLine], people: dict[int, RankedCandidate]
    ) -> MeetingOut:
        def person(line: MeetingLine) -> RankedCandidateOut | None:
            found = people.get(line.process.candidate_id)
            if found is None:
                return None
            shown, masked = found.access, found.masked
            return RankedCandidateOut(
                process_id=shown.process.uuid if shown else None,
                candidate_id=shown.candidate.uuid if shown else None,
                name=shown.candidate.name if shown else None,
                initials=masked.initials if masked else None,
                age_group=masked.age_group if masked else None,
                advisor=line.process.advisor.display_name,
                score=round(line.score, 4),
                excluded=False,
                explanation=None,
            )

        return cls(
            id=meeting.uuid,
            title=meeting.title,
            held_on=meeting.held_on,
            offices=[o.name for o in meeting.offices.all()],
            prepared=meeting.prepared_at is not None,
            lines=[
                LineOut(
                    id=line.uuid,
                    opening_id=line.opening.uuid,
                    opening_title=line.opening.title,
                    rank=line.rank,
                    score=round(line.score, 4),
                    candidate=person(line),
                    shared=line.shared_at is not None,
                    outcome=line.outcome,
                    note=line.note,
                )
                for line in lines
            ],
        )


class OutcomeIn(Schema):
    outcome: choice(LineOutcome, blank=True) = ""  # type: ignore[valid-type]
    note: LongText = ""
