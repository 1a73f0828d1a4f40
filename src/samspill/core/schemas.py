"""API schemas shared by several apps."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Schema

from samspill.candidates.presentation import CandidateView, ProfileView


class NeedOut(Schema):
    code: str
    category: str
    label: str
    detail: str | None
    last_confirmed: date | None
    due_for_review: bool


class OwnWordsOut(Schema):
    interests: str | None
    strengths: str | None
    motivation: str | None
    wishes: str | None
    updated_at: datetime | None


class ProfileOut(Schema):
    """The profile sections the caller may see; the others are null."""

    interests: str | None
    resources: str | None
    experience: str | None
    education: str | None
    hours: str | None
    times_of_day: str | None
    sectors: str | None
    places: str | None
    max_commute_km: int | None
    avoid: str | None
    main_goal: str | None
    benefit: str | None
    time_outside_work: str | None
    own_words: OwnWordsOut
    needs: list[NeedOut]

    @classmethod
    def from_view(cls, view: ProfileView) -> ProfileOut:
        own = view.own
        return cls(
            interests=view.interests,
            resources=view.resources,
            experience=view.experience,
            education=view.education,
            hours=view.hours,
            times_of_day=view.times_of_day,
            sectors=view.sectors,
            places=view.places,
            max_commute_km=view.max_commute_km,
            avoid=view.avoid,
            main_goal=view.main_goal,
            benefit=view.benefit,
            time_outside_work=view.time_outside_work,
            own_words=OwnWordsOut(
                interests=own.interests,
                strengths=own.strengths,
                motivation=own.motivation,
                wishes=own.wishes,
                updated_at=own.updated_at,
            ),
            needs=[NeedOut(**need.__dict__) for need in view.needs],
        )


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
    gender: str | None
    profile: ProfileOut | None = None

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
            gender=view.gender,
            profile=ProfileOut.from_view(view.profile) if view.profile else None,
        )
