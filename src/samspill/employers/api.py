from __future__ import annotations

from uuid import UUID

from ninja import Router, Schema

from samspill.accounts.access import employer_get_for_user, employer_list_for_user
from samspill.audit.models import Purpose
from samspill.core.http import AuthenticatedRequest
from samspill.employers.models import Employer

router = Router(tags=["employers"])


class EmployerOut(Schema):
    id: UUID
    org_number: str
    name: str
    sector: str
    ia_agreement: bool

    @classmethod
    def from_model(cls, employer: Employer) -> EmployerOut:
        return cls(
            id=employer.uuid,
            org_number=employer.org_number,
            name=employer.name,
            sector=employer.sector,
            ia_agreement=employer.ia_agreement,
        )


@router.get("", response=list[EmployerOut], summary="Arbeidsgivere brukeren har tilgang til")
def employer_list(
    request: AuthenticatedRequest, limit: int = 100, offset: int = 0
) -> list[EmployerOut]:
    employers = employer_list_for_user(user=request.user)[offset : offset + min(limit, 500)]
    return [EmployerOut.from_model(employer) for employer in employers]


@router.get("/{uuid:employer_id}", response=EmployerOut, summary="Én arbeidsgiver")
def employer_detail(request: AuthenticatedRequest, employer_id: UUID) -> EmployerOut:
    access = employer_get_for_user(user=request.user, employer_id=employer_id, purpose=Purpose.API)
    return EmployerOut.from_model(access.employer)
