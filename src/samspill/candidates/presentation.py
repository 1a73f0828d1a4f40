"""A candidate as one user may see them: fields they may not see are ``None``.

Pages and the API never render a ``Candidate`` model for someone outside the support
team; they render these views, built by the access functions from the fields the
access policy grants. Accommodation needs reach employers only by their employer text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.utils import timezone

from samspill.candidates.models import (
    AccommodationNeed,
    Benefit,
    Candidate,
    CandidateField,
    MainGoal,
    NeedLevel,
    TimeOutsideWork,
)
from samspill.candidates.needs import CATEGORY_OF, NEED_CONSENT_PREFIX, NEED_TYPES
from samspill.candidates.profile import display
from samspill.lib.dates import add_months
from samspill.rules import NEED_REVIEW_AFTER_MONTHS


@dataclass(frozen=True)
class NeedView:
    code: str
    category: str
    label: str
    detail: str | None
    last_confirmed: date | None
    due_for_review: bool


@dataclass(frozen=True)
class OwnWords:
    """What the jobseeker wrote themself, shown as theirs."""

    interests: str | None
    strengths: str | None
    motivation: str | None
    wishes: str | None
    updated_at: datetime | None

    @property
    def is_empty(self) -> bool:
        return not any((self.interests, self.strengths, self.motivation, self.wishes))


@dataclass(frozen=True)
class ProfileView:
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
    own: OwnWords
    needs: list[NeedView]

    @property
    def needs_due_for_review(self) -> int:
        return sum(need.due_for_review for need in self.needs)


def review_cutoff(today: date | None = None) -> date:
    """Needs last confirmed before this date are due for review."""
    return add_months(today or timezone.localdate(), -NEED_REVIEW_AFTER_MONTHS.value)


def _need_views(
    needs: Iterable[AccommodationNeed], fields: frozenset[str], today: date
) -> list[NeedView]:
    cutoff, full = review_cutoff(today), CandidateField.NEEDS in fields
    views = []
    for need in needs:
        kind = NEED_TYPES.get(need.code)
        if kind is None or not (full or f"{NEED_CONSENT_PREFIX}{need.code}" in fields):
            continue
        views.append(
            NeedView(
                code=need.code,
                category=CATEGORY_OF[need.code].label,
                label=kind.label if full else kind.employer_text,
                detail=need.detail if full else None,
                last_confirmed=need.last_confirmed if full else None,
                due_for_review=full and need.last_confirmed < cutoff,
            )
        )
    return views


def _hours(candidate: Candidate) -> str | None:
    low, high = candidate.hours_min, candidate.hours_max
    if low is None and high is None:
        return None
    if high is None:
        return f"minst {low} timer per uke"
    if low is None:
        return f"inntil {high} timer per uke"
    if low == high:
        return f"{low} timer per uke"
    return f"{low}–{high} timer per uke"


def build_profile(
    candidate: Candidate, fields: frozenset[str], needs: Iterable[AccommodationNeed]
) -> ProfileView:
    def has(field: CandidateField) -> bool:
        return field in fields

    def text(field: CandidateField, value: str) -> str | None:
        return value if has(field) else None

    interests, strengths = CandidateField.INTERESTS, CandidateField.STRENGTHS
    situation = has(CandidateField.SITUATION)
    places = has(CandidateField.PLACES)
    return ProfileView(
        interests=text(interests, candidate.interests),
        resources=text(strengths, candidate.resources),
        experience=text(CandidateField.EXPERIENCE, candidate.experience),
        education=text(CandidateField.EXPERIENCE, candidate.education),
        hours=_hours(candidate) if has(CandidateField.WISHES) else None,
        times_of_day=(
            display("times_of_day", candidate.times_of_day) if has(CandidateField.WISHES) else None
        ),
        sectors=display("sectors", candidate.sectors) if places else None,
        places=display("places", candidate.places) if places else None,
        max_commute_km=candidate.max_commute_km if places else None,
        avoid=candidate.avoid if places else None,
        main_goal=str(MainGoal(candidate.main_goal).label) if situation else None,
        benefit=str(Benefit(candidate.benefit).label) if situation else None,
        time_outside_work=(
            str(TimeOutsideWork(candidate.time_outside_work).label)
            if situation and candidate.time_outside_work
            else None
        ),
        own=OwnWords(
            interests=text(interests, candidate.own_interests),
            strengths=text(strengths, candidate.own_strengths),
            motivation=text(interests, candidate.own_motivation),
            wishes=text(interests, candidate.own_wishes),
            updated_at=candidate.own_updated_at,
        ),
        needs=_need_views(needs, fields, timezone.localdate()),
    )


@dataclass(frozen=True)
class CandidateView:
    uuid: UUID
    fields: frozenset[str]
    name: str | None
    age: int | None
    municipality: str | None
    phone: str | None
    email: str | None
    birth_date: date | None
    need_level: str | None
    gender: str | None
    profile: ProfileView | None = None

    @classmethod
    def build(
        cls,
        candidate: Candidate,
        fields: frozenset[str],
        needs: Iterable[AccommodationNeed] | None = None,
    ) -> CandidateView:
        """``needs`` given (even empty) means: include the profile (detail pages)."""

        def has(field: CandidateField) -> bool:
            return field in fields

        return cls(
            uuid=candidate.uuid,
            fields=fields,
            name=candidate.full_name if has(CandidateField.NAME) else None,
            age=candidate.age_on(timezone.localdate()) if has(CandidateField.AGE) else None,
            municipality=candidate.municipality if has(CandidateField.MUNICIPALITY) else None,
            phone=candidate.phone if has(CandidateField.CONTACT) else None,
            email=candidate.email if has(CandidateField.CONTACT) else None,
            birth_date=candidate.birth_date if has(CandidateField.BIRTH_DATE) else None,
            need_level=(
                str(NeedLevel(candidate.need_level).label)
                if has(CandidateField.NEED_LEVEL)
                else None
            ),
            gender=candidate.get_gender_display() if has(CandidateField.GENDER) else None,
            profile=None if needs is None else build_profile(candidate, fields, needs),
        )

    @property
    def display_name(self) -> str:
        return self.name or "Kandidat (navn ikke delt)"
