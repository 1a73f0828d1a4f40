"""API schemas for employers, their mapping and openings (``api.py``)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from ninja import Schema
from pydantic import AfterValidator, Field

from samspill.core.schemas import EventDate, HoursPerWeek, LongText, ShortText, choice, no_nul
from samspill.employers.models import (
    ContactKind,
    ContactPerson,
    Demand,
    Employer,
    EmployerContact,
    EmployerSize,
    Opening,
    OpeningKind,
    OpeningPurpose,
    OpeningStatus,
    OpeningStatusChange,
    Sector,
    Task,
    Workplace,
)
from samspill.lib.choices import TimeOfDay

SectorChoice = choice(Sector)
SizeChoice = choice(EmployerSize, blank=True)
DemandLevel = Annotated[int, Field(ge=0, le=3)]

# -- employers -----------------------------------------------------------------------------


class EmployerIn(Schema):
    org_number: Annotated[str, Field(max_length=20), AfterValidator(no_nul)]
    name: ShortText
    sector: SectorChoice  # type: ignore[valid-type]
    ia_agreement: bool = False
    size: SizeChoice = ""  # type: ignore[valid-type]
    wishes: LongText = ""
    inclusion_notes: LongText = ""


class EmployerUpdateIn(Schema):
    name: ShortText
    sector: SectorChoice  # type: ignore[valid-type]
    ia_agreement: bool = False
    size: SizeChoice = ""  # type: ignore[valid-type]
    wishes: LongText = ""
    inclusion_notes: LongText = ""


class EmployerOut(Schema):
    id: UUID
    org_number: str
    name: str
    sector: str
    ia_agreement: bool
    size: str
    wishes: str
    #: NAV staff only (null for others): from the contact log, computed in the query.
    last_visit: date | None = None
    last_contact: date | None = None
    open_openings: int | None = None

    @classmethod
    def from_model(cls, employer: Employer, *, staff: bool = False) -> EmployerOut:
        return cls(
            id=employer.uuid,
            org_number=employer.org_number,
            name=employer.name,
            sector=employer.sector,
            ia_agreement=employer.ia_agreement,
            size=employer.size,
            wishes=employer.wishes,
            last_visit=getattr(employer, "last_visit", None) if staff else None,
            last_contact=getattr(employer, "last_contact", None) if staff else None,
            open_openings=getattr(employer, "open_openings", None) if staff else None,
        )


class PhaseCountOut(Schema):
    phase: str
    count: int


class EmployerDetailOut(EmployerOut):
    inclusion_notes: str | None = None
    #: Processes registered with the employer, per phase (staff and the employer's own users).
    inclusion_history: list[PhaseCountOut] | None = None


# -- contact persons -----------------------------------------------------------------------


class ContactPersonIn(Schema):
    name: ShortText
    role: ShortText
    phone: Annotated[str, Field(max_length=40), AfterValidator(no_nul)]
    email: ShortText = ""


class ContactPersonOut(Schema):
    id: UUID
    name: str
    role: str
    phone: str
    email: str

    @classmethod
    def from_model(cls, person: ContactPerson) -> ContactPersonOut:
        return cls(
            id=person.uuid,
            name=person.name,
            role=person.role,
            phone=person.phone,
            email=person.email,
        )


# -- workplaces and tasks ------------------------------------------------------------------


class WorkplaceIn(Schema):
    name: ShortText
    address: ShortText
    municipality: ShortText
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    buddy_available: bool = False
    introduction_routine: LongText = ""
    internal_training: LongText = ""
    physical_environment: LongText = ""
    social_environment: LongText = ""
    career_opportunities: LongText = ""
    recruitment_need: LongText = ""


class WorkplaceOut(WorkplaceIn):
    id: UUID
    employer_id: UUID

    @classmethod
    def from_model(cls, workplace: Workplace) -> WorkplaceOut:
        fields = {name: getattr(workplace, name) for name in WorkplaceIn.model_fields}
        return cls(id=workplace.uuid, employer_id=workplace.employer.uuid, **fields)


class TaskIn(Schema):
    name: ShortText
    description: LongText = ""
    #: Level 0–3 (Ingen, Litt, Middels, Mye) per demand; a demand left out is 0.
    demands: dict[choice(Demand), DemandLevel] = {}  # type: ignore[valid-type]
    #: Values of TimeOfDay: day, evening, night, weekend.
    time_of_day: Annotated[list[choice(TimeOfDay)], Field(max_length=4)]  # type: ignore[valid-type]
    hours_per_week: HoursPerWeek
    adaptable: bool = False
    adaptation_note: LongText = ""


class TaskOut(TaskIn):
    id: UUID
    workplace_id: UUID

    @classmethod
    def from_model(cls, task: Task) -> TaskOut:
        return cls(
            id=task.uuid,
            workplace_id=task.workplace.uuid,
            name=task.name,
            description=task.description,
            demands={demand.value: level for demand, level in task.demand_levels().items()},
            time_of_day=list(task.time_of_day),
            hours_per_week=task.hours_per_week,
            adaptable=task.adaptable,
            adaptation_note=task.adaptation_note,
        )


# -- contacts and visits -------------------------------------------------------------------


class EmployerContactIn(Schema):
    """A contact or visit in the employer's contact log (not a follow-up contact)."""

    occurred_on: EventDate
    kind: choice(ContactKind)  # type: ignore[valid-type]
    summary: LongText
    #: Who made the contact (a NAV user at your office); you if left out.
    made_by: UUID | None = None
    workplace_id: UUID | None = None


class EmployerContactOut(Schema):
    id: UUID
    occurred_on: date
    kind: choice(ContactKind)  # type: ignore[valid-type]
    summary: str
    made_by: str
    workplace_id: UUID | None

    @classmethod
    def from_model(cls, contact: EmployerContact) -> EmployerContactOut:
        return cls(
            id=contact.uuid,
            occurred_on=contact.occurred_on,
            kind=contact.kind,
            summary=contact.summary,
            made_by=contact.made_by.display_name,
            workplace_id=contact.workplace.uuid if contact.workplace else None,
        )


# -- openings ------------------------------------------------------------------------------


class OpeningUpdateIn(Schema):
    kind: choice(OpeningKind)  # type: ignore[valid-type]
    purpose: choice(OpeningPurpose)  # type: ignore[valid-type]
    title: ShortText
    hours_per_week: HoursPerWeek
    description: LongText = ""
    task_ids: Annotated[list[UUID], Field(max_length=100)] = []
    starts_on: EventDate | None = None
    ends_on: EventDate | None = None
    application_deadline: EventDate | None = None


class OpeningIn(OpeningUpdateIn):
    workplace_id: UUID


class OpeningOut(Schema):
    id: UUID
    employer_id: UUID
    workplace_id: UUID
    kind: str
    purpose: str
    title: str
    description: str
    task_ids: list[UUID]
    hours_per_week: Decimal
    starts_on: date | None
    ends_on: date | None
    application_deadline: date | None
    status: str

    @classmethod
    def from_model(cls, opening: Opening) -> OpeningOut:
        return cls(
            id=opening.uuid,
            employer_id=opening.workplace.employer.uuid,
            workplace_id=opening.workplace.uuid,
            kind=opening.kind,
            purpose=opening.purpose,
            title=opening.title,
            description=opening.description,
            task_ids=[task.uuid for task in opening.tasks.all()],
            hours_per_week=opening.hours_per_week,
            starts_on=opening.starts_on,
            ends_on=opening.ends_on,
            application_deadline=opening.application_deadline,
            status=opening.status,
        )


class StatusChangeIn(Schema):
    to_status: choice(OpeningStatus)  # type: ignore[valid-type]
    reason: LongText = ""


class StatusChangeOut(Schema):
    from_status: str
    to_status: str
    reason: str
    changed_at: datetime
    changed_by: str | None

    @classmethod
    def from_model(cls, change: OpeningStatusChange) -> StatusChangeOut:
        return cls(
            from_status=change.from_status,
            to_status=change.to_status,
            reason=change.reason,
            changed_at=change.changed_at,
            changed_by=change.changed_by.display_name if change.changed_by else None,
        )


class OpeningStatusOut(Schema):
    status: str
    allowed_next: list[str]
    history: list[StatusChangeOut]
