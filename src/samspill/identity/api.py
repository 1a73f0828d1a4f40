from __future__ import annotations

from uuid import UUID

from ninja import Router, Schema

from samspill.lib.http import AuthenticatedRequest

router = Router(tags=["accounts"])


class MeOut(Schema):
    id: UUID
    username: str
    name: str
    role: str
    office: str | None


@router.get("/me", response=MeOut, summary="Den innloggede brukeren")
def me(request: AuthenticatedRequest) -> MeOut:
    user = request.user
    return MeOut(
        id=user.uuid,
        username=user.username,
        name=user.display_name,
        role=user.role,
        office=user.office.name if user.office else None,
    )
