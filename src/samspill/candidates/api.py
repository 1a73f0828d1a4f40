from __future__ import annotations

from uuid import UUID

from ninja import Router

from samspill.accounts.access import candidate_get_for_user
from samspill.audit.models import Purpose
from samspill.core.http import AuthenticatedRequest
from samspill.core.schemas import CandidateOut

router = Router(tags=["candidates"])


@router.get("/{uuid:candidate_id}", response=CandidateOut, summary="Én kandidat")
def candidate_detail(request: AuthenticatedRequest, candidate_id: UUID) -> CandidateOut:
    view = candidate_get_for_user(user=request.user, candidate_id=candidate_id, purpose=Purpose.API)
    return CandidateOut.from_view(view)
