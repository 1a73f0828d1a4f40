from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from samspill.api_errors import request_fields
from samspill.audit.models import Purpose
from samspill.candidates.access import candidate_profile_for_user
from samspill.candidates.presentation import Surface
from samspill.core.schemas import CandidateOut, LongText, PageNumber, choice
from samspill.lib.http import AuthenticatedRequest
from samspill.processes import services
from samspill.processes.access import ProcessAccess, process_get_for_user, process_page_for_user
from samspill.processes.models import EndReason, InclusionProcess, Referral
from samspill.processes.selectors import advisors_at

router = Router(tags=["processes"])


class ProcessOut(Schema):
    id: UUID
    phase: str
    phase_since: date
    started_on: date
    ended_on: date | None
    office: str
    advisor: str
    advisor_phone: str
    employer_id: UUID | None
    candidate: CandidateOut

    @classmethod
    def from_access(cls, access: ProcessAccess) -> ProcessOut:
        process = access.process
        return cls(
            id=process.uuid,
            phase=process.phase,
            phase_since=process.phase_since,
            started_on=process.started_on,
            ended_on=process.ended_on,
            office=process.office.name,
            advisor=process.advisor.display_name,
            advisor_phone=process.advisor.phone,
            employer_id=process.employer.uuid if process.employer else None,
            candidate=CandidateOut.from_view(access.candidate),
        )


class ProcessPageOut(Schema):
    page: int
    pages: int
    count: int
    items: list[ProcessOut]


@router.get("", response=ProcessPageOut, summary="Forløpene brukeren har tilgang til")
def process_list(request: AuthenticatedRequest, page: PageNumber = 1) -> ProcessPageOut:
    result = process_page_for_user(
        user=request.user, purpose=Purpose.API, page_number=page, surface=Surface.CARD
    )
    return ProcessPageOut(
        page=result.number,
        pages=result.paginator.num_pages,
        count=result.paginator.count,
        items=[ProcessOut.from_access(row) for row in result.object_list],
    )


@router.get("/{uuid:process_id}", response=ProcessOut, summary="Ett forløp")
def process_detail(request: AuthenticatedRequest, process_id: UUID) -> ProcessOut:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.API, surface=Surface.CARD
    )
    return ProcessOut.from_access(access)


class OpenIn(Schema):
    """A new process for a person already registered, whose processes are all closed."""

    candidate_id: UUID
    referral: choice(Referral)  # type: ignore[valid-type]
    started_on: date | None = None
    advisor_id: UUID | None = Field(None, description="an advisor at your office; default you")
    wish: LongText = ""


def _detail(request: AuthenticatedRequest, process: InclusionProcess) -> ProcessOut:
    access = process_get_for_user(
        user=request.user, process_id=process.uuid, purpose=Purpose.API, surface=Surface.CARD
    )
    return ProcessOut.from_access(access)


@router.post("", response={201: ProcessOut}, summary="Start et nytt forløp for en kandidat")
def process_open(request: AuthenticatedRequest, payload: OpenIn) -> Status[ProcessOut]:
    user = request.user
    access = candidate_profile_for_user(
        user=user, candidate_id=payload.candidate_id, purpose=Purpose.API, for_change=True
    )
    advisors = advisors_at(office=user.office) if user.office else None
    advisor = advisors.filter(uuid=payload.advisor_id or user.uuid).first() if advisors else None
    if advisor is None:
        raise ValidationError({"advisor_id": _("Velg en veileder ved ditt eget NAV-kontor.")})
    with request_fields(advisor="advisor_id"):
        process = services.process_open(
            actor=user,
            candidate=access.candidate,
            advisor=advisor,
            started_on=payload.started_on,
            referral=payload.referral,
            wish=payload.wish,
        )
    return Status(201, _detail(request, process))


class EndIn(Schema):
    #: Checked by the service (after the access check), so that an outsider learns nothing.
    reason: choice(EndReason, blank=True) = ""  # type: ignore[valid-type]
    other: Annotated[str, Field(max_length=400)] = ""
    ended_on: date | None = None


@router.post("/{uuid:process_id}/end", response=ProcessOut, summary="Avslutt forløpet")
def process_end(request: AuthenticatedRequest, process_id: UUID, payload: EndIn) -> ProcessOut:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.API, for_change=True
    )
    process = services.process_end(
        actor=request.user, process=access.process, **payload.model_dump()
    )
    return _detail(request, process)


@router.post("/{uuid:process_id}/reopen", response=ProcessOut, summary="Gjenåpne forløpet")
def process_reopen(request: AuthenticatedRequest, process_id: UUID) -> ProcessOut:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.API, for_change=True
    )
    process = services.process_reopen(actor=request.user, process=access.process)
    return _detail(request, process)
