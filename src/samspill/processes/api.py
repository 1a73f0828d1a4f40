from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Router, Schema

from samspill.audit.models import Purpose
from samspill.candidates.presentation import Surface
from samspill.core.schemas import CandidateOut, PageNumber
from samspill.lib.http import AuthenticatedRequest
from samspill.processes.access import ProcessAccess, process_get_for_user, process_page_for_user

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
