"""The follow-up API (tag ``followup``): the worklist, plans, contacts, commitments, concerns.

Every operation loads the process through the same access functions as the pages.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from samspill.accounts.models import Role
from samspill.api_errors import request_fields
from samspill.audit.models import Purpose
from samspill.candidates.presentation import Surface
from samspill.core.schemas import EventDate, LongText, ShortText, choice
from samspill.employers.access import employer_list_for_user
from samspill.followup import selectors, services
from samspill.followup.access import (
    concern_reporter_access,
    concerns_reader_access,
    followup_process_for_user,
    worklist_for_user,
)
from samspill.followup.models import Commitment, Concern, ConcernKind, Contact, Form, Party, Place
from samspill.followup.plan_templates import TEMPLATES
from samspill.followup.selectors import ScheduledItem
from samspill.lib.http import AuthenticatedRequest

router = Router(tags=["followup"])
_PROCESS = "/processes/{uuid:process_id}/followup"


class WorklistLineOut(Schema):
    kind: str
    why: str
    due: date | None
    overdue: bool
    urgent: bool
    party: str
    process_id: UUID
    candidate: str | None
    advisor: str
    action: str
    action_url: str


class WorklistOut(Schema):
    total: int
    team: str | None
    lines: list[WorklistLineOut]


@router.get("/followup/today", response=WorklistOut, summary="«I dag»: arbeidslisten min")
def today(request: AuthenticatedRequest, team: UUID | None = None) -> WorklistOut:
    worklist = worklist_for_user(user=request.user, team_id=team)
    return WorklistOut(
        total=worklist.total,
        team=worklist.team.name if worklist.team else None,
        lines=[
            WorklistLineOut(
                kind=row.line.kind,
                why=row.line.why,
                due=row.line.due,
                overdue=row.line.overdue,
                urgent=row.line.urgent,
                party=row.line.party,
                process_id=row.line.process.uuid,
                candidate=row.candidate.display_name,
                advisor=row.line.process.advisor.display_name,
                action=row.line.action_label,
                action_url=row.line.action_url,
            )
            for row in worklist.rows
        ],
    )


class ItemOut(Schema):
    id: UUID
    label: str
    party: str
    form: str
    first_due_on: date
    interval_days: int | None
    ends_on: date | None
    next_due: date | None

    @classmethod
    def from_entry(cls, entry: ScheduledItem) -> ItemOut:
        item = entry.item
        return cls(
            id=item.uuid,
            label=item.label,
            party=item.party,
            form=item.form,
            first_due_on=item.first_due_on,
            interval_days=item.interval_days,
            ends_on=item.ends_on,
            next_due=entry.due,
        )


class PlanOut(Schema):
    id: UUID | None
    template: str | None
    title: str | None
    starts_on: date | None
    minimum_until: date | None
    items: list[ItemOut]


class PlanIn(Schema):
    template: choice(sorted(TEMPLATES))  # type: ignore[valid-type]
    starts_on: EventDate


def _plan_out(request: AuthenticatedRequest, process_id: UUID) -> PlanOut:
    access = followup_process_for_user(
        user=request.user, process_id=process_id, surface=Surface.NONE
    )
    plan = selectors.active_plan(process=access.process)
    items = [ItemOut.from_entry(e) for e in selectors.schedule_of(process=access.process)]
    if plan is None:
        return PlanOut(
            id=None, template=None, title=None, starts_on=None, minimum_until=None, items=[]
        )
    return PlanOut(
        id=plan.uuid,
        template=plan.template,
        title=plan.title,
        starts_on=plan.starts_on,
        minimum_until=plan.minimum_until,
        items=items,
    )


@router.get(_PROCESS + "/plan", response=PlanOut, summary="Oppfølgingsplanen med neste datoer")
def plan_detail(request: AuthenticatedRequest, process_id: UUID) -> PlanOut:
    return _plan_out(request, process_id)


@router.post(_PROCESS + "/plan", response={201: PlanOut}, summary="Ny plan fra en mal")
def plan_start(request: AuthenticatedRequest, process_id: UUID, payload: PlanIn) -> Status[PlanOut]:
    access = followup_process_for_user(
        user=request.user, process_id=process_id, surface=Surface.NONE
    )
    services.followup_start_plan(actor=request.user, process=access.process, **payload.dict())
    return Status(201, _plan_out(request, process_id))


class FollowupContactOut(Schema):
    """A logged follow-up conversation on a process (not the employer's contact log)."""

    id: UUID
    party: choice(Party)  # type: ignore[valid-type]
    form: choice(Form)  # type: ignore[valid-type]
    place: choice(Place)  # type: ignore[valid-type]
    on: date
    note: str
    plan_item_id: UUID | None
    outside_work: bool
    outside_work_owner: str

    @classmethod
    def from_model(cls, contact: Contact) -> FollowupContactOut:
        return cls(
            id=contact.uuid,
            party=contact.party,
            form=contact.form,
            place=contact.place,
            on=contact.on,
            note=contact.note,
            plan_item_id=contact.plan_item.uuid if contact.plan_item else None,
            outside_work=contact.outside_work,
            outside_work_owner=contact.outside_work_owner,
        )


class FollowupContactIn(Schema):
    party: choice(Party)  # type: ignore[valid-type]
    form: choice(Form)  # type: ignore[valid-type]
    place: choice(Place)  # type: ignore[valid-type]
    on: EventDate
    note: LongText = ""
    employer_id: UUID | None = None
    plan_item_id: UUID | None = None
    outside_work: bool = False
    outside_work_owner: ShortText = ""


@router.get(_PROCESS + "/contacts", response=list[FollowupContactOut], summary="Siste kontakter")
def contact_list(request: AuthenticatedRequest, process_id: UUID) -> list[FollowupContactOut]:
    access = followup_process_for_user(
        user=request.user, process_id=process_id, surface=Surface.NONE
    )
    return [FollowupContactOut.from_model(c) for c in selectors.contacts_of(process=access.process)]


@router.post(_PROCESS + "/contacts", response={201: FollowupContactOut}, summary="Logg en kontakt")
def contact_create(
    request: AuthenticatedRequest, process_id: UUID, payload: FollowupContactIn
) -> Status[FollowupContactOut]:
    access = followup_process_for_user(
        user=request.user, process_id=process_id, surface=Surface.NONE
    )
    data = payload.dict()
    employer_id, item_id = data.pop("employer_id"), data.pop("plan_item_id")
    employers = employer_list_for_user(user=request.user)
    employer = employers.filter(uuid=employer_id).first() if employer_id else None
    item = (
        selectors.active_items(process=access.process).filter(uuid=item_id).first()
        if item_id
        else None
    )
    if item_id and item is None:
        raise ValidationError({"plan_item_id": _("Fant ikke den planlagte kontakten i forløpet.")})
    with request_fields(employer="employer_id", plan_item="plan_item_id"):
        contact = services.followup_log_contact(
            actor=request.user, process=access.process, employer=employer, plan_item=item, **data
        )
    return Status(201, FollowupContactOut.from_model(contact))


class FollowupCommitmentOut(Schema):
    id: UUID
    title: str
    deadline: date
    owner: str
    done_on: date | None

    @classmethod
    def from_model(cls, commitment: Commitment) -> FollowupCommitmentOut:
        return cls(
            id=commitment.uuid,
            title=commitment.title,
            deadline=commitment.deadline,
            owner=commitment.owner.display_name,
            done_on=commitment.done_on,
        )


class CommitmentIn(Schema):
    title: ShortText
    deadline: EventDate
    owner_id: UUID | None = None


@router.get(
    _PROCESS + "/commitments", response=list[FollowupCommitmentOut], summary="NAVs forpliktelser"
)
def commitment_list(request: AuthenticatedRequest, process_id: UUID) -> list[FollowupCommitmentOut]:
    access = followup_process_for_user(
        user=request.user, process_id=process_id, surface=Surface.NONE
    )
    return [
        FollowupCommitmentOut.from_model(c)
        for c in selectors.commitments_of(process=access.process)
    ]


@router.post(
    _PROCESS + "/commitments", response={201: FollowupCommitmentOut}, summary="Ny forpliktelse"
)
def commitment_create(
    request: AuthenticatedRequest, process_id: UUID, payload: CommitmentIn
) -> Status[FollowupCommitmentOut]:
    access = followup_process_for_user(
        user=request.user, process_id=process_id, surface=Surface.NONE
    )
    staff = selectors.staff_at(process=access.process)
    owner = staff.filter(uuid=payload.owner_id).first() if payload.owner_id else request.user
    if owner is None:
        raise ValidationError({"owner_id": _("Den ansvarlige må være ansatt ved NAV-kontoret.")})
    commitment = services.followup_add_commitment(
        actor=request.user,
        process=access.process,
        title=payload.title,
        deadline=payload.deadline,
        owner=owner,
    )
    return Status(201, FollowupCommitmentOut.from_model(commitment))


class ConcernOut(Schema):
    id: UUID
    kind: str
    text: str
    reported_at: datetime
    respond_by: date
    responded_at: datetime | None
    response: str

    @classmethod
    def from_model(cls, concern: Concern) -> ConcernOut:
        return cls(
            id=concern.uuid,
            kind=concern.kind,
            text=concern.text,
            reported_at=concern.reported_at,
            respond_by=concern.respond_by,
            responded_at=concern.responded_at,
            response=concern.response,
        )


class ConcernIn(Schema):
    kind: choice(ConcernKind)  # type: ignore[valid-type]
    text: LongText


@router.get(_PROCESS + "/concerns", response=list[ConcernOut], summary="Henvendelser")
def concern_list(request: AuthenticatedRequest, process_id: UUID) -> list[ConcernOut]:
    access = concerns_reader_access(user=request.user, process_id=process_id, purpose=Purpose.API)
    if request.user.role == Role.EMPLOYER:
        concerns = selectors.concerns_for_employer(process=access.process, user=request.user)
    else:
        concerns = selectors.concerns_of(process=access.process)
    return [ConcernOut.from_model(c) for c in concerns]


@router.post(_PROCESS + "/concerns", response={201: ConcernOut}, summary="Meld fra (arbeidsgiver)")
def concern_create(
    request: AuthenticatedRequest, process_id: UUID, payload: ConcernIn
) -> Status[ConcernOut]:
    access = concern_reporter_access(user=request.user, process_id=process_id)
    concern = services.followup_report_concern(
        actor=request.user, process=access.process, kind=payload.kind, text=payload.text
    )
    return Status(201, ConcernOut.from_model(concern))
