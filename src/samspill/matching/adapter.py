"""From database rows to the engine's records (``engine/records.py``).

Who is in the index: candidates with a process that is still looking (kartlegging or
jobbsøk, not ended) and openings that are open. A candidate's region is the office of
that process and their place is the office's coordinates: Samspill stores the home
municipality, not an address, and the office is the nearest honest approximation (see
docs/rules.md). A workplace's region is its nearest office.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from samspill.accounts.models import Office
from samspill.candidates.models import AccommodationNeed, Candidate
from samspill.employers.models import Opening, OpeningStatus, Task, Workplace
from samspill.matching.engine import (
    CandidateRecord,
    OpeningRecord,
    TaskRecord,
    WorkplaceRecord,
)
from samspill.matching.engine.geo import haversine_km
from samspill.matching.models import DeclineReason, Match, MatchStatus
from samspill.processes.models import InclusionProcess, Phase

#: Phases in which a candidate is looking for work and is ranked.
SEARCHING_PHASES = (Phase.MAPPING, Phase.JOB_SEARCH)
#: Earlier inclusion processes with an employer that count as full experience (0..1 scale).
INCLUSION_EXPERIENCE_FULL_AT = 3


def _text(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def searching_processes() -> QuerySet[InclusionProcess]:
    return InclusionProcess.objects.filter(phase__in=SEARCHING_PHASES, ended_on__isnull=True)


def candidate_record(candidate: Candidate, process: InclusionProcess) -> CandidateRecord:
    office = process.office
    return CandidateRecord(
        id=candidate.pk,
        region=office.pk,
        lat=office.latitude,
        lon=office.longitude,
        max_commute_km=candidate.max_commute_km,
        hours_min=candidate.hours_min,
        hours_max=candidate.hours_max,
        times_of_day=tuple(candidate.times_of_day),
        needs=tuple(need.code for need in candidate.needs.all()),
        sectors=tuple(candidate.sectors),
        age=candidate.age_on(timezone.localdate()),
        interests_own=_text(candidate.own_interests, candidate.own_wishes),
        interests_advisor=candidate.interests,
        strengths=_text(candidate.resources, candidate.own_strengths),
        experience=_text(candidate.experience, candidate.education),
    )


def _processes_with_candidates() -> QuerySet[InclusionProcess]:
    needs = AccommodationNeed.objects.only("candidate_id", "code")
    return (
        searching_processes()
        .select_related("candidate", "office")
        .prefetch_related(Prefetch("candidate__needs", queryset=needs))
        .order_by("office_id", "candidate_id", "-started_on", "-id")
    )


def candidate_records(batch: int = 2000) -> Iterator[CandidateRecord]:
    """Every searching candidate once (their newest searching process), office by office."""
    seen: set[int] = set()
    for process in _processes_with_candidates().iterator(chunk_size=batch):
        if process.candidate_id not in seen:
            seen.add(process.candidate_id)
            yield candidate_record(process.candidate, process)


def candidate_record_for(candidate_id: int) -> CandidateRecord | None:
    """The record of one candidate, or ``None`` if they are not searching."""
    process = _processes_with_candidates().filter(candidate_id=candidate_id).first()
    return None if process is None else candidate_record(process.candidate, process)


@dataclass
class WorkplaceReader:
    """Builds workplace and opening records, with the per-employer facts cached per read."""

    offices: list[tuple[int, float, float]]

    @classmethod
    def create(cls) -> WorkplaceReader:
        return cls(list(Office.objects.values_list("pk", "latitude", "longitude")))

    def region_of(self, lat: float, lon: float) -> int:
        if not self.offices:
            return 0
        return min(self.offices, key=lambda o: haversine_km(lat, lon, o[1], o[2]))[0]

    def workplace_record(self, workplace: Workplace) -> WorkplaceRecord:
        employer = workplace.employer
        experience = InclusionProcess.objects.filter(employer_id=employer.pk).count()
        declined = Match.objects.filter(
            opening__workplace__employer_id=employer.pk,
            status=MatchStatus.DECLINED,
            decline_reason=DeclineReason.EMPLOYER_DECLINED,
        ).values_list("process__candidate_id", flat=True)
        return WorkplaceRecord(
            id=workplace.pk,
            employer_id=employer.pk,
            region=self.region_of(workplace.latitude, workplace.longitude),
            lat=workplace.latitude,
            lon=workplace.longitude,
            name=f"{employer.name}, {workplace.name}",
            sector=employer.sector,
            tasks=tuple(task_record(task) for task in workplace.tasks.all()),
            employer_wishes=employer.wishes,
            excluded_candidates=frozenset(declined),
            inclusion_experience=min(1.0, experience / INCLUSION_EXPERIENCE_FULL_AT),
        )

    def opening_record(self, opening: Opening) -> OpeningRecord:
        workplace = self.workplace_record(opening.workplace)
        return OpeningRecord(
            id=opening.pk,
            workplace=workplace,
            hours_per_week=float(opening.hours_per_week),
            title=opening.title,
            description=opening.description,
            tasks=tuple(task_record(task) for task in opening.tasks.all()),
        )


def task_record(task: Task) -> TaskRecord:
    return TaskRecord(
        id=task.pk,
        name=task.name,
        description=task.description,
        hours_per_week=float(task.hours_per_week),
        times_of_day=tuple(task.time_of_day),
        demands={str(code): level for code, level in task.demand_levels().items() if level},
        adaptable=task.adaptable,
        adaptation_note=task.adaptation_note,
    )


def open_openings() -> QuerySet[Opening]:
    return Opening.objects.filter(status=OpeningStatus.OPEN).select_related("workplace__employer")


def _with_tasks(queryset: QuerySet[Opening]) -> QuerySet[Opening]:
    return queryset.prefetch_related("tasks", "workplace__tasks")


def opening_records(reader: WorkplaceReader | None = None) -> list[OpeningRecord]:
    reader = reader or WorkplaceReader.create()
    return [reader.opening_record(o) for o in _with_tasks(open_openings()).order_by("pk")]


def opening_records_for(opening_ids: Iterable[int]) -> tuple[list[OpeningRecord], set[int]]:
    """Records of the given openings that are open, and the ids that are not (to remove)."""
    wanted = set(opening_ids)
    reader = WorkplaceReader.create()
    found = [reader.opening_record(o) for o in _with_tasks(open_openings().filter(pk__in=wanted))]
    return found, wanted - {record.id for record in found}


def workplace_record_for(workplace: Workplace) -> WorkplaceRecord:
    return WorkplaceReader.create().workplace_record(workplace)
