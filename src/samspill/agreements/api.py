"""The agreements API (tag ``agreements``): the wage-subsidy calculation, agreements, approval."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from samspill.agreements import measures, selectors, services, subsidy
from samspill.agreements.access import (
    AgreementAccess,
    agreement_get_for_user,
    agreements_for_process,
)
from samspill.audit.models import Purpose
from samspill.candidates.models import NeedLevel
from samspill.core.schemas import EventDate, LongText, choice
from samspill.lib.http import AuthenticatedRequest

router = Router(tags=["agreements"])


Rate = Annotated[Decimal, Field(ge=0, le=Decimal("0.5"), max_digits=6, decimal_places=4)]


class WageSubsidyIn(Schema):
    monthly_wage: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    #: Rates as decimals (0.12 is 12 %), 0–0.5.
    holiday_pay_rate: Rate | None = None
    pension_rate: Rate | None = None
    employer_tax_rate: Rate | None = None
    measure: choice(sorted(measures.MEASURES))  # type: ignore[valid-type]
    need_level: choice(NeedLevel)  # type: ignore[valid-type]
    percentage: Annotated[int, Field(ge=0, le=100)] | None = None
    start: EventDate
    end: EventDate
    participant_age: Annotated[int, Field(ge=0, le=120)] | None = None
    override_reason: LongText = ""


#: The rules name the agreement's fields; the request names some of them differently.
_REQUEST_FIELDS = {"start_on": "start", "end_on": "end", "age": "participant_age"}


class StepOut(Schema):
    start: date
    end: date
    percentage: int
    monthly_subsidy: int


class PeriodOut(Schema):
    start: date
    end: date
    percentage: int
    amount: int


class WageSubsidyOut(Schema):
    monthly_cost: int | None
    steps: list[StepOut]
    periods: list[PeriodOut]
    total: int | None
    departed_from: list[str]


def _enforce(terms: measures.Terms, override_reason: str) -> list[str]:
    violations = measures.check(terms)
    errors: dict[str, list[str]] = {}
    for violation in violations:
        if not (violation.overridable and override_reason.strip()):
            field = _REQUEST_FIELDS.get(violation.field, violation.field)
            errors.setdefault(field, []).append(violation.message)
    if errors:
        raise ValidationError(errors)
    return [v.rule for v in violations if v.overridable]


@router.post(
    "/wage-subsidy",
    response=WageSubsidyOut,
    summary="Regn ut lønnstilskudd (uten avtale)",
    description="Missing wage or rates give no figure (null) rather than a wrong one; a "
    "broken rule gives 422 with the Norwegian explanation at its field.",
)
def wage_subsidy(request: AuthenticatedRequest, payload: WageSubsidyIn) -> WageSubsidyOut:
    terms = measures.Terms(
        measure=payload.measure,
        need_level=payload.need_level,
        start=payload.start,
        end=payload.end,
        percentage=payload.percentage,
        age=payload.participant_age,
    )
    departed = _enforce(terms, payload.override_reason)
    rates = None
    if None not in (payload.holiday_pay_rate, payload.pension_rate, payload.employer_tax_rate):
        rates = subsidy.Rates(
            Decimal(payload.holiday_pay_rate or 0),
            Decimal(payload.pension_rate or 0),
            Decimal(payload.employer_tax_rate or 0),
        )
    result = subsidy.calculate(
        monthly_wage=payload.monthly_wage, rates=rates, schedule=measures.schedule(terms)
    )
    if result is None:
        return WageSubsidyOut(
            monthly_cost=None, steps=[], periods=[], total=None, departed_from=departed
        )
    return WageSubsidyOut(
        monthly_cost=result.monthly_cost,
        steps=[StepOut(**vars(step)) for step in result.steps],
        periods=[PeriodOut(**vars(period)) for period in result.periods],
        total=result.total,
        departed_from=departed,
    )


class AgreementCommitmentOut(Schema):
    text: str
    deadline: date
    owner: str


class ApprovalOut(Schema):
    party: str
    by: str
    at: datetime


class VersionOut(Schema):
    number: int
    created_at: datetime
    hash: str
    change_reason: str
    changes: list[str]


class AgreementOut(Schema):
    """The employer's version holds no NAV-internal details (``employer_version`` is true)."""

    id: UUID
    process_id: UUID
    employer_version: bool
    stage: str
    status: str
    revision: int
    purpose: str
    goals: str
    tasks: str
    start_on: date | None
    end_on: date | None
    hours_per_week: Decimal | None
    measure: str
    employer: str
    employer_contact: str | None
    employer_contact_phone: str | None
    nav_contact: str | None
    nav_contact_phone: str
    commitments: list[AgreementCommitmentOut]
    approvals: list[ApprovalOut]
    waiting_for: list[str]
    monthly_subsidy: list[StepOut]
    shared_with_employer: list[str]
    #: The jobseeker's name, if the caller may see it.
    candidate: str | None
    override_reason: str | None
    versions: list[VersionOut]

    @classmethod
    def from_access(cls, access: AgreementAccess) -> AgreementOut:
        agreement, process = access.agreement, access.agreement.process
        calculation = selectors.calculation_of(agreement)
        contact = agreement.employer_contact
        return cls(
            id=agreement.uuid,
            process_id=process.uuid,
            employer_version=access.employer_version,
            stage=agreement.stage,
            status=selectors.status_of(agreement, timezone.localdate()).code,
            revision=agreement.revision,
            purpose=agreement.purpose,
            goals=agreement.goals,
            tasks=agreement.tasks,
            start_on=agreement.start_on,
            end_on=agreement.end_on,
            hours_per_week=agreement.hours_per_week,
            measure=agreement.measure,
            employer=process.employer.name if process.employer else "",
            employer_contact=contact.name if contact else None,
            employer_contact_phone=contact.phone if contact else None,
            nav_contact=agreement.nav_contact.display_name if agreement.nav_contact else None,
            nav_contact_phone=agreement.nav_contact_phone,
            commitments=[
                AgreementCommitmentOut(text=c.text, deadline=c.deadline, owner=c.owner)
                for c in agreement.commitments.all()
            ],
            approvals=[
                ApprovalOut(party=a.party, by=a.user.display_name, at=a.approved_at)
                for a in selectors.active_approvals(agreement).values()
            ],
            waiting_for=selectors.waiting_for(agreement),
            monthly_subsidy=[StepOut(**vars(s)) for s in calculation.steps] if calculation else [],
            shared_with_employer=access.shared.labels + access.shared.needs,
            candidate=access.process.candidate.name,
            override_reason=None if access.employer_version else agreement.override_reason,
            versions=[
                VersionOut(
                    number=v.version.number,
                    created_at=v.version.created_at,
                    hash=v.version.hash,
                    change_reason=v.version.change_reason,
                    changes=[f"{label}: {old} → {new}" for label, old, new in v.changes],
                )
                for v in selectors.versions_of(agreement)
            ],
        )


@router.get("/process/{uuid:process_id}", response=list[AgreementOut], summary="Et forløps avtaler")
def agreement_list(request: AuthenticatedRequest, process_id: UUID) -> list[AgreementOut]:
    _, agreements = agreements_for_process(
        user=request.user, process_id=process_id, purpose=Purpose.API
    )
    return [
        AgreementOut.from_access(
            agreement_get_for_user(user=request.user, agreement_id=a.uuid, purpose=Purpose.API)
        )
        for a in agreements
    ]


@router.get("/{uuid:agreement_id}", response=AgreementOut, summary="Én avtale")
def agreement_detail(request: AuthenticatedRequest, agreement_id: UUID) -> AgreementOut:
    access = agreement_get_for_user(
        user=request.user, agreement_id=agreement_id, purpose=Purpose.API
    )
    return AgreementOut.from_access(access)


Revision = Annotated[int, Field(ge=1, le=1_000_000)]


def _revision(access: AgreementAccess, revision: int | None) -> int:
    """The revision the caller saw (query ``?revision=``); without it, the current one."""
    return access.agreement.revision if revision is None else revision


@router.post("/{uuid:agreement_id}/approve", response=AgreementOut, summary="Godkjenn avtalen")
def agreement_approve(
    request: AuthenticatedRequest, agreement_id: UUID, revision: Revision | None = None
) -> AgreementOut:
    access = agreement_get_for_user(
        user=request.user, agreement_id=agreement_id, purpose=Purpose.API
    )
    services.agreement_approve(
        actor=request.user, agreement=access.agreement, revision=_revision(access, revision)
    )
    return agreement_detail(request, agreement_id)


@router.post(
    "/{uuid:agreement_id}/conclude", response=AgreementOut, summary="Inngå avtalen (fire øyne)"
)
def agreement_conclude(
    request: AuthenticatedRequest, agreement_id: UUID, revision: Revision | None = None
) -> AgreementOut:
    access = agreement_get_for_user(
        user=request.user, agreement_id=agreement_id, purpose=Purpose.API, for_change=True
    )
    services.agreement_conclude(
        actor=request.user, agreement=access.agreement, revision=_revision(access, revision)
    )
    return agreement_detail(request, agreement_id)
