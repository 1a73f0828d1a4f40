"""API schemas shared by several apps."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Schema

from samspill.accounts.access import CandidateView


class CandidateOut(Schema):
    """A candidate as the caller may see them: fields they may not see are null."""

    id: UUID
    visible_fields: list[str]
    name: str | None
    age: int | None
    municipality: str | None
    phone: str | None
    email: str | None
    birth_date: date | None
    need_level: str | None

    @classmethod
    def from_view(cls, view: CandidateView) -> CandidateOut:
        return cls(
            id=view.uuid,
            visible_fields=sorted(view.fields),
            name=view.name,
            age=view.age,
            municipality=view.municipality,
            phone=view.phone,
            email=view.email,
            birth_date=view.birth_date,
            need_level=view.need_level,
        )
