"""What the adapter feeds the engine: plain, immutable records with string codes.

Codes are the project's vocabularies (``TimeOfDay``, ``Demand``, ``Sector``, the needs
taxonomy) passed as strings; the engine does not know them beyond the conflict table and
the Norwegian labels. ``None`` means unknown, and unknown never excludes.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field


def _check_coordinates(lat: float, lon: float, what: str) -> None:
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{what}: invalid coordinates {lat}, {lon}")


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    id: int
    #: Office or area; candidates of one region are stored contiguously.
    region: int
    lat: float
    lon: float
    max_commute_km: float | None = None
    hours_min: float | None = None
    hours_max: float | None = None
    #: When the candidate can work (``day``, ``evening``, ``night``, ``weekend``); empty:
    #: unknown, nothing is excluded for time of day.
    times_of_day: Collection[str] = ()
    #: Accommodation need codes (``avoid_heavy_lifting``, ``quiet_environment``, …).
    needs: Collection[str] = ()
    #: Wished sector codes; empty: no wish recorded.
    sectors: Collection[str] = ()
    age: int | None = None
    #: The candidate's own words (own interests and wishes): weighted at least as much as
    #: the advisor's notes.
    interests_own: str = ""
    #: The advisor's notes on interests and what the candidate wants to work with.
    interests_advisor: str = ""
    #: Resources and strengths (the advisor's and the candidate's own).
    strengths: str = ""
    #: Work experience, education and courses.
    experience: str = ""

    def validate(self) -> None:
        _check_coordinates(self.lat, self.lon, f"candidate {self.id}")
        for value in (self.max_commute_km, self.hours_min, self.hours_max):
            if value is not None and not (math.isfinite(value) and value >= 0):
                raise ValueError(f"candidate {self.id}: invalid number {value}")


@dataclass(frozen=True, slots=True)
class TaskRecord:
    """A mapped task at a workplace (arbeidsoppgave) with its demands."""

    id: int
    name: str
    description: str = ""
    hours_per_week: float = 0.0
    times_of_day: Collection[str] = ()
    #: Demand code (``heavy_lifting``, ``noise``, …) → level 0–3.
    demands: Mapping[str, int] = field(default_factory=dict)
    #: The workplace records that the task can be adapted.
    adaptable: bool = False
    adaptation_note: str = ""

    def validate(self) -> None:
        if not (math.isfinite(self.hours_per_week) and 0 <= self.hours_per_week <= 168):
            raise ValueError(f"task {self.id}: invalid hours {self.hours_per_week}")
        for code, level in self.demands.items():
            if not 0 <= level <= 3:
                raise ValueError(f"task {self.id}: demand {code} level {level} not in 0..3")


@dataclass(frozen=True, slots=True)
class WorkplaceRecord:
    """A workplace with its mapped tasks and what its employer has said."""

    id: int
    employer_id: int
    region: int
    lat: float
    lon: float
    name: str = ""
    sector: str = ""
    tasks: Sequence[TaskRecord] = ()
    #: The employer's stated wishes in words (e.g. the kind of work); matched as text.
    employer_wishes: str = ""
    #: The employer's stated age wish, if any (a small, visible score part).
    wished_age_min: int | None = None
    wished_age_max: int | None = None
    #: Candidates the employer has explicitly asked not to be proposed.
    excluded_candidates: Collection[int] = ()
    #: The employer's earlier inclusion experience, 0..1.
    inclusion_experience: float = 0.0

    def validate(self) -> None:
        _check_coordinates(self.lat, self.lon, f"workplace {self.id}")
        if not 0 <= self.inclusion_experience <= 1:
            raise ValueError(f"workplace {self.id}: inclusion_experience not in 0..1")
        for task in self.tasks:
            task.validate()


@dataclass(frozen=True, slots=True)
class OpeningRecord:
    """An opening (job, work-trial place, recruitment assignment) at one workplace."""

    id: int
    workplace: WorkplaceRecord
    hours_per_week: float
    title: str = ""
    description: str = ""
    #: The tasks of the opening (usually some of the workplace's mapped tasks).
    tasks: Sequence[TaskRecord] = ()
    #: Times of day the opening itself requires, in addition to its tasks' times.
    times_of_day: Collection[str] = ()

    def validate(self) -> None:
        self.workplace.validate()
        if not (math.isfinite(self.hours_per_week) and 0 <= self.hours_per_week <= 168):
            raise ValueError(f"opening {self.id}: invalid hours {self.hours_per_week}")
        for task in self.tasks:
            task.validate()

    @property
    def required_times(self) -> frozenset[str]:
        times = set(self.times_of_day)
        for task in self.tasks:
            times.update(task.times_of_day)
        return frozenset(times)


def opening_from_tasks(
    workplace: WorkplaceRecord,
    task_ids: Collection[int] | None = None,
    *,
    opening_id: int = 0,
    title: str = "",
    description: str = "",
) -> OpeningRecord:
    """An ad hoc opening made of some (default: all) of a workplace's tasks.

    Ranks candidates "for a set of a workplace's tasks": the hours are the tasks' sum.
    """
    chosen = set(task_ids) if task_ids is not None else None
    tasks = tuple(t for t in workplace.tasks if chosen is None or t.id in chosen)
    return OpeningRecord(
        id=opening_id,
        workplace=workplace,
        hours_per_week=float(sum(t.hours_per_week for t in tasks)),
        title=title or workplace.name,
        description=description,
        tasks=tasks,
    )
