"""Candidates in the JSON API: profiles, needs, own words, consent and the portfolio."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status
from pydantic import field_validator

from samspill.accounts.models import Role
from samspill.api_errors import request_fields, service_errors
from samspill.audit.models import Purpose
from samspill.candidates import selectors, services
from samspill.candidates.access import (
    candidate_profile_for_user,
    duplicate_for_user,
    own_profile_for_user,
    require_intake,
)
from samspill.candidates.intake import DuplicateCandidate
from samspill.candidates.models import Benefit, Gender, MainGoal, NeedLevel, TimeOutsideWork
from samspill.candidates.presentation import Surface
from samspill.core.schemas import CandidateOut, LongText, PageNumber, ShortText, choice
from samspill.employers.models import Sector
from samspill.followup.selectors import has_employer_contact
from samspill.lib.choices import TimeOfDay
from samspill.lib.http import AuthenticatedRequest
from samspill.processes import portfolio
from samspill.processes.access import (
    process_aggregate_for_user,
    process_page_for_user,
    require_portfolio,
)
from samspill.processes.intake import intake_register
from samspill.processes.models import InclusionProcess, Referral
from samspill.processes.selectors import advisors_at

router = Router(tags=["candidates"])


class PortfolioRowOut(Schema):
    process_id: UUID
    candidate_id: UUID
    name: str | None
    age: int | None
    phase: str
    phase_since: date
    started_on: date
    employer: str | None
    needs_due_for_review: bool
    employer_contact: bool


class PortfolioOut(Schema):
    page: int
    pages: int
    count: int
    counts: dict[str, int]
    items: list[PortfolioRowOut]


class PortfolioFilters(Schema):
    fase: str = Field("aktive", description="aktive, alle, or a phase")
    innsats: str = ""
    ytelse: str = ""
    dager: str = Field("", description="90, 180 or 365: started more than this long ago")
    unge: bool = False
    behov: bool = Field(False, description="only those with needs due for review")
    uten_kontakt: bool = Field(False, description="only those with no employer contact yet")
    sorter: str = Field("start", description="start, eldst, fase or navn")
    side: PageNumber = 1


@router.get("/portfolio", response=PortfolioOut, summary="Min portefølje, med filtre og tall")
def portfolio_list(request: AuthenticatedRequest, filters: Query[PortfolioFilters]) -> PortfolioOut:
    user, today = request.user, timezone.localdate()
    require_portfolio(user=user)
    form = portfolio.PortfolioFilterForm(filters.model_dump())
    chosen = form.filters()

    def scope(queryset: QuerySet[InclusionProcess]) -> QuerySet[InclusionProcess]:
        return queryset.filter(advisor=user) if user.role == Role.ADVISOR else queryset

    page = process_page_for_user(
        user=user,
        purpose=Purpose.API,
        page_number=filters.side,
        narrow=lambda queryset: portfolio.narrow(
            scope(queryset), chosen, today, employer_contact=has_employer_contact
        ),
        ordering=portfolio.ordering(chosen),
    )
    counts = process_aggregate_for_user(
        user=user,
        aggregate=lambda queryset: portfolio.counts(
            scope(queryset), today, employer_contact=has_employer_contact
        ),
    )
    return PortfolioOut(
        page=page.number,
        pages=page.paginator.num_pages,
        count=page.paginator.count,
        counts={value: n for value, _, n in counts.phases}
        | {
            "active": counts.active,
            "young": counts.young,
            "needs_due": counts.needs_due,
            "no_employer_contact": counts.no_employer_contact,
        },
        items=[
            PortfolioRowOut(
                process_id=row.process.uuid,
                candidate_id=row.candidate.uuid,
                name=row.candidate.name,
                age=row.candidate.age,
                phase=row.process.phase,
                phase_since=row.process.phase_since,
                started_on=row.process.started_on,
                employer=row.process.employer.name if row.process.employer else None,
                needs_due_for_review=bool(getattr(row.process, "needs_due", False)),
                employer_contact=bool(getattr(row.process, "employer_contact", False)),
            )
            for row in page.object_list
        ],
    )


@router.get("/{uuid:candidate_id}", response=CandidateOut, summary="Én kandidat med profil")
def candidate_detail(request: AuthenticatedRequest, candidate_id: UUID) -> CandidateOut:
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=Purpose.API
    )
    return CandidateOut.from_view(access.view)


class ProfileIn(Schema):
    """The advisor's kartlegging. Leave out what should stay as it is."""

    need_level: choice(NeedLevel) | None = None  # type: ignore[valid-type]
    main_goal: choice(MainGoal, blank=True) | None = None  # type: ignore[valid-type]
    benefit: choice(Benefit, blank=True) | None = None  # type: ignore[valid-type]
    time_outside_work: choice(TimeOutsideWork, blank=True) | None = None  # type: ignore[valid-type]
    interests: LongText | None = None
    resources: LongText | None = None
    experience: LongText | None = None
    education: LongText | None = None
    hours_min: Annotated[int, Field(ge=1, le=60)] | None = None
    hours_max: Annotated[int, Field(ge=1, le=60)] | None = None
    #: null (like []) means none chosen.
    times_of_day: Annotated[list[choice(TimeOfDay)], Field(max_length=4)] | None = None  # type: ignore[valid-type]
    sectors: Annotated[list[choice(Sector)], Field(max_length=50)] | None = None  # type: ignore[valid-type]
    places: Annotated[list[ShortText], Field(max_length=50)] | None = None
    max_commute_km: Annotated[int, Field(ge=0, le=1000)] | None = None
    avoid: LongText | None = None

    @field_validator("times_of_day", "sectors", "places")
    @classmethod
    def _none_is_empty(cls, value: list[str] | None) -> list[str]:
        return [] if value is None else value

    @field_validator(
        "main_goal",
        "benefit",
        "time_outside_work",
        "interests",
        "resources",
        "experience",
        "education",
        "avoid",
    )
    @classmethod
    def _none_is_blank(cls, value: str | None) -> str:
        return "" if value is None else value

    @field_validator("need_level")
    @classmethod
    def _need_level_is_required(cls, value: str | None) -> str:
        if value is None:
            raise ValueError(gettext("Velg innsatsbehov."))
        return value


class ChangedOut(Schema):
    changed: list[str]


@router.patch("/{uuid:candidate_id}/profile", response=ChangedOut, summary="Endre kartleggingen")
def profile_update(
    request: AuthenticatedRequest, candidate_id: UUID, payload: ProfileIn
) -> ChangedOut:
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=Purpose.API, for_change=True
    )
    values: dict[str, Any] = payload.model_dump(exclude_unset=True)
    changed = services.profile_update(actor=request.user, candidate=access.candidate, **values)
    return ChangedOut(changed=changed)


class NeedIn(Schema):
    code: ShortText
    detail: LongText = ""


@router.put(
    "/{uuid:candidate_id}/needs", response=ChangedOut, summary="Sett behov for tilrettelegging"
)
def needs_update(
    request: AuthenticatedRequest, candidate_id: UUID, payload: list[NeedIn]
) -> ChangedOut:
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=Purpose.API, for_change=True
    )
    needs = {need.code: need.detail for need in payload}
    changed = services.needs_update(actor=request.user, candidate=access.candidate, needs=needs)
    return ChangedOut(changed=changed)


class OwnWordsIn(Schema):
    interests: LongText | None = None
    strengths: LongText | None = None
    motivation: LongText | None = None
    wishes: LongText | None = None


@router.get("/me/profile", response=CandidateOut, summary="Min profil (arbeidssøker)")
def own_profile(request: AuthenticatedRequest) -> CandidateOut:
    return CandidateOut.from_view(own_profile_for_user(user=request.user).view)


@router.put("/me/profile", response=ChangedOut, summary="Skriv med egne ord (arbeidssøker)")
def own_profile_update(request: AuthenticatedRequest, payload: OwnWordsIn) -> ChangedOut:
    access = own_profile_for_user(user=request.user)
    values = {
        f"own_{k}": v for k, v in payload.model_dump(exclude_unset=True).items() if v is not None
    }
    changed = services.profile_update_own(actor=request.user, candidate=access.candidate, **values)
    return ChangedOut(changed=changed)


class ConsentOut(Schema):
    items: list[str]
    shareable: list[str]
    history: list[tuple[str, list[str]]]


class ConsentIn(Schema):
    items: Annotated[list[ShortText], Field(max_length=200)]


def _consent_out(access: Any) -> ConsentOut:
    state = selectors.consent_state(candidate=access.candidate)
    return ConsentOut(
        items=state.items,
        shareable=sorted(services.shareable_items(access.candidate)),
        history=[(r.recorded_at.isoformat(), list(r.items)) for r in state.history],
    )


@router.get("/me/consent", response=ConsentOut, summary="Hva jeg deler med arbeidsgivere")
def own_consent(request: AuthenticatedRequest) -> ConsentOut:
    return _consent_out(own_profile_for_user(user=request.user, surface=Surface.SHARING))


@router.put("/me/consent", response=ConsentOut, summary="Endre eller trekke samtykke")
def own_consent_update(request: AuthenticatedRequest, payload: ConsentIn) -> ConsentOut:
    access = own_profile_for_user(user=request.user, surface=Surface.SHARING)
    services.consent_record(actor=request.user, candidate=access.candidate, items=payload.items)
    return _consent_out(access)


class RegisterIn(Schema):
    """A new jobseeker and their first process (as «Registrer ny jobbsøker»)."""

    first_name: ShortText
    last_name: ShortText
    national_id: ShortText = Field(description="fødselsnummer or D-nummer, 11 digits")
    gender: choice(Gender)  # type: ignore[valid-type]
    municipality: ShortText
    need_level: choice(NeedLevel)  # type: ignore[valid-type]
    phone: Annotated[str, Field(max_length=20)] = ""
    email: ShortText = ""
    referral: choice(Referral)  # type: ignore[valid-type]
    started_on: date | None = None
    advisor_id: UUID | None = Field(None, description="an advisor at your office; default you")
    wish: LongText = ""


class RegisteredOut(Schema):
    candidate_id: UUID
    process_id: UUID


@router.post("", response={201: RegisteredOut}, summary="Registrer ny jobbsøker og start forløpet")
def candidate_register(request: AuthenticatedRequest, payload: RegisterIn) -> Status[RegisteredOut]:
    user = request.user
    require_intake(user=user)
    values = payload.model_dump()
    advisor_id = values.pop("advisor_id") or user.uuid
    advisor = (
        advisors_at(office=user.office).filter(uuid=advisor_id).first() if user.office else None
    )
    if advisor is None:
        raise ValidationError({"advisor_id": gettext("Velg en veileder ved ditt eget NAV-kontor.")})
    with request_fields(advisor="advisor_id"):
        try:
            process = intake_register(actor=user, advisor=advisor, **values)
        except DuplicateCandidate as duplicate:
            errors = service_errors(duplicate)
            existing = duplicate_for_user(
                user=user, existing=duplicate.existing, surface=Surface.NONE
            )
            if existing is not None:
                errors["existing_candidate_id"] = [str(existing.uuid)]
            raise ValidationError(errors) from None
    return Status(201, RegisteredOut(candidate_id=process.candidate.uuid, process_id=process.uuid))
