"""The employer side of the JSON API, tag ``employers``: employers, contact persons,
workplaces, tasks, contacts and visits (openings are in ``openings_api.py``).

Everything is loaded through ``employer_get_for_user`` and then looked up inside that
employer (``employers/access.py``), exactly as the pages do; writes go through the same
services, so a refused write answers 422 with the same Norwegian message at the same field.
"""

from __future__ import annotations

from typing import Annotated, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from ninja import Router, Status
from pydantic import Field

from samspill.accounts.models import User
from samspill.audit.models import Purpose
from samspill.core.schemas import Offset, ShortText, choice
from samspill.employers import access as scoped
from samspill.employers import selectors, services
from samspill.employers.access import employer_get_for_user, employer_list_for_user
from samspill.employers.models import Employer, Sector, Task
from samspill.employers.schemas import (
    ContactPersonIn,
    ContactPersonOut,
    EmployerContactIn,
    EmployerContactOut,
    EmployerDetailOut,
    EmployerIn,
    EmployerOut,
    EmployerUpdateIn,
    PhaseCountOut,
    TaskIn,
    TaskOut,
    WorkplaceIn,
    WorkplaceOut,
)
from samspill.lib.http import AuthenticatedRequest
from samspill.processes import selectors as process_selectors

M = TypeVar("M", bound=Model)
router = Router(tags=["employers"])
#: A page of a list: at most 500 rows.
Limit = Annotated[int, Field(ge=0, le=500)]

_EMPLOYER = "/{uuid:employer_id}"
_WORKPLACE = _EMPLOYER + "/workplaces/{uuid:workplace_id}"


def _employer(request: AuthenticatedRequest, employer_id: UUID, change: bool = False) -> Employer:
    return employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.API, for_change=change
    ).employer


def _workplace(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID, change: bool = False
) -> scoped.WorkplaceAccess:
    return scoped.workplace_get_for_user(
        user=request.user,
        employer_id=employer_id,
        workplace_id=workplace_id,
        purpose=Purpose.API,
        for_change=change,
    )


# -- employers -----------------------------------------------------------------------------


@router.get("", response=list[EmployerOut], summary="Arbeidsgivere brukeren har tilgang til")
def employer_list(
    request: AuthenticatedRequest,
    limit: Limit = 100,
    offset: Offset = 0,
    q: ShortText = "",
    sector: choice(Sector, blank=True) = "",  # type: ignore[valid-type]
    not_contacted: bool = False,
) -> list[EmployerOut]:
    rows = selectors.employer_register(
        employer_list_for_user(user=request.user),
        query=q,
        sector=sector,
        not_contacted=not_contacted,
    )
    staff = scoped.sees_contact_log(request.user)
    page = rows[offset : offset + limit]
    return [EmployerOut.from_model(employer, staff=staff) for employer in page]


@router.post("", response={201: EmployerOut}, summary="Registrer en arbeidsgiver")
def employer_create(request: AuthenticatedRequest, payload: EmployerIn) -> Status[EmployerOut]:
    scoped.require_editor(user=request.user, purpose=Purpose.API, what="employer")
    employer = services.employer_create(actor=request.user, **payload.dict())
    return Status(201, EmployerOut.from_model(employer))


def _detail(user: User, employer: Employer) -> EmployerDetailOut:
    staff = scoped.sees_contact_log(user)
    row = selectors.employer_register(Employer.objects.filter(pk=employer.pk)).get()
    out = EmployerDetailOut(**EmployerOut.from_model(row, staff=staff).dict())
    if scoped.sees_inclusion_history(user, employer):
        out.inclusion_notes = employer.inclusion_notes
        history = process_selectors.inclusion_history(employer=employer)
        out.inclusion_history = [PhaseCountOut(phase=p, count=n) for p, n in history]
    return out


@router.get(_EMPLOYER, response=EmployerDetailOut, summary="Én arbeidsgiver")
def employer_detail(request: AuthenticatedRequest, employer_id: UUID) -> EmployerDetailOut:
    return _detail(request.user, _employer(request, employer_id))


@router.put(_EMPLOYER, response=EmployerDetailOut, summary="Endre en arbeidsgiver")
def employer_update(
    request: AuthenticatedRequest, employer_id: UUID, payload: EmployerUpdateIn
) -> EmployerDetailOut:
    employer = _employer(request, employer_id, change=True)
    services.employer_update(actor=request.user, employer=employer, **payload.dict())
    return _detail(request.user, employer)


# -- contact persons -----------------------------------------------------------------------


@router.get(
    _EMPLOYER + "/contact-persons", response=list[ContactPersonOut], summary="Kontaktpersoner"
)
def contact_person_list(request: AuthenticatedRequest, employer_id: UUID) -> list[ContactPersonOut]:
    employer = _employer(request, employer_id)
    return [ContactPersonOut.from_model(p) for p in selectors.contact_persons_of(employer=employer)]


@router.post(
    _EMPLOYER + "/contact-persons", response={201: ContactPersonOut}, summary="Ny kontaktperson"
)
def contact_person_create(
    request: AuthenticatedRequest, employer_id: UUID, payload: ContactPersonIn
) -> Status[ContactPersonOut]:
    employer = _employer(request, employer_id, change=True)
    person = services.contact_person_create(actor=request.user, employer=employer, **payload.dict())
    return Status(201, ContactPersonOut.from_model(person))


@router.get(
    _EMPLOYER + "/contact-persons/{uuid:contact_person_id}",
    response=ContactPersonOut,
    summary="Én kontaktperson",
)
def contact_person_detail(
    request: AuthenticatedRequest, employer_id: UUID, contact_person_id: UUID
) -> ContactPersonOut:
    access = employer_get_for_user(user=request.user, employer_id=employer_id, purpose=Purpose.API)
    person = scoped.contact_person_get_for_user(
        user=request.user,
        access=access,
        contact_person_id=contact_person_id,
        purpose=Purpose.API,
        for_change=False,
    )
    return ContactPersonOut.from_model(person)


@router.put(
    _EMPLOYER + "/contact-persons/{uuid:contact_person_id}",
    response=ContactPersonOut,
    summary="Endre en kontaktperson",
)
def contact_person_update(
    request: AuthenticatedRequest,
    employer_id: UUID,
    contact_person_id: UUID,
    payload: ContactPersonIn,
) -> ContactPersonOut:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.API, for_change=True
    )
    person = scoped.contact_person_get_for_user(
        user=request.user,
        access=access,
        contact_person_id=contact_person_id,
        purpose=Purpose.API,
        for_change=True,
    )
    person = services.contact_person_update(
        actor=request.user, contact_person=person, **payload.dict()
    )
    return ContactPersonOut.from_model(person)


# -- workplaces ----------------------------------------------------------------------------


@router.get(_EMPLOYER + "/workplaces", response=list[WorkplaceOut], summary="Arbeidsplasser")
def workplace_list(request: AuthenticatedRequest, employer_id: UUID) -> list[WorkplaceOut]:
    employer = _employer(request, employer_id)
    workplaces = selectors.workplaces_of(employer=employer).select_related("employer")
    return [WorkplaceOut.from_model(w) for w in workplaces]


@router.post(_EMPLOYER + "/workplaces", response={201: WorkplaceOut}, summary="Ny arbeidsplass")
def workplace_create(
    request: AuthenticatedRequest, employer_id: UUID, payload: WorkplaceIn
) -> Status[WorkplaceOut]:
    employer = _employer(request, employer_id, change=True)
    workplace = services.workplace_create(actor=request.user, employer=employer, **payload.dict())
    return Status(201, WorkplaceOut.from_model(workplace))


@router.get(_WORKPLACE, response=WorkplaceOut, summary="Én arbeidsplass med arbeidsmiljø")
def workplace_detail(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID
) -> WorkplaceOut:
    return WorkplaceOut.from_model(_workplace(request, employer_id, workplace_id).workplace)


@router.put(_WORKPLACE, response=WorkplaceOut, summary="Endre en arbeidsplass")
def workplace_update(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID, payload: WorkplaceIn
) -> WorkplaceOut:
    access = _workplace(request, employer_id, workplace_id, change=True)
    workplace = services.workplace_update(
        actor=request.user, workplace=access.workplace, **payload.dict()
    )
    return WorkplaceOut.from_model(workplace)


# -- tasks ---------------------------------------------------------------------------------


@router.get(_WORKPLACE + "/tasks", response=list[TaskOut], summary="Kartlagte arbeidsoppgaver")
def task_list(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID
) -> list[TaskOut]:
    access = _workplace(request, employer_id, workplace_id)
    return [TaskOut.from_model(t) for t in selectors.tasks_of(workplace=access.workplace)]


@router.post(_WORKPLACE + "/tasks", response={201: TaskOut}, summary="Kartlegg en oppgave")
def task_create(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID, payload: TaskIn
) -> Status[TaskOut]:
    access = _workplace(request, employer_id, workplace_id, change=True)
    task = services.task_create(actor=request.user, workplace=access.workplace, **payload.dict())
    return Status(201, TaskOut.from_model(task))


def _task(
    request: AuthenticatedRequest,
    employer_id: UUID,
    workplace_id: UUID,
    task_id: UUID,
    change: bool = False,
) -> Task:
    access = _workplace(request, employer_id, workplace_id, change=change)
    return scoped.task_get_for_user(
        user=request.user, access=access, task_id=task_id, purpose=Purpose.API, for_change=change
    )


@router.get(_WORKPLACE + "/tasks/{uuid:task_id}", response=TaskOut, summary="Én oppgave")
def task_detail(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID, task_id: UUID
) -> TaskOut:
    return TaskOut.from_model(_task(request, employer_id, workplace_id, task_id))


@router.put(_WORKPLACE + "/tasks/{uuid:task_id}", response=TaskOut, summary="Endre en oppgave")
def task_update(
    request: AuthenticatedRequest,
    employer_id: UUID,
    workplace_id: UUID,
    task_id: UUID,
    payload: TaskIn,
) -> TaskOut:
    task = _task(request, employer_id, workplace_id, task_id, change=True)
    return TaskOut.from_model(services.task_update(actor=request.user, task=task, **payload.dict()))


# -- contacts and visits -------------------------------------------------------------------


@router.get(
    _EMPLOYER + "/contacts", response=list[EmployerContactOut], summary="Kontakter og besøk"
)
def contact_list(
    request: AuthenticatedRequest, employer_id: UUID, limit: Limit = 100, offset: Offset = 0
) -> list[EmployerContactOut]:
    access = scoped.contact_log_access(
        user=request.user, employer_id=employer_id, purpose=Purpose.API
    )
    contacts = selectors.contacts_of(employer=access.employer)
    page = contacts[offset : offset + limit]
    return [EmployerContactOut.from_model(c) for c in page]


def _by_uuid(queryset: QuerySet[M], uuid: UUID | None, field: str, message: str) -> M | None:
    """An optional reference in the payload, looked up where the caller may pick from."""
    if uuid is None:
        return None
    found = queryset.filter(uuid=uuid).first()
    if found is None:
        raise ValidationError({field: message})
    return found


@router.post(
    _EMPLOYER + "/contacts", response={201: EmployerContactOut}, summary="Registrer en kontakt"
)
def contact_create(
    request: AuthenticatedRequest, employer_id: UUID, payload: EmployerContactIn
) -> Status[EmployerContactOut]:
    access = scoped.contact_log_access(
        user=request.user, employer_id=employer_id, purpose=Purpose.API, for_change=True
    )
    staff = selectors.contact_staff(actor=request.user)
    made_by = _by_uuid(
        staff, payload.made_by, "made_by", _("Fant ingen slik ansatt ved ditt kontor.")
    )
    workplace = _by_uuid(
        access.employer.workplaces.all(),
        payload.workplace_id,
        "workplace_id",
        _("Arbeidsplassen finnes ikke hos arbeidsgiveren."),
    )
    contact = services.employer_log_contact(
        actor=request.user,
        employer=access.employer,
        occurred_on=payload.occurred_on,
        kind=payload.kind,
        summary=payload.summary,
        made_by=made_by,
        workplace=workplace,
    )
    return Status(201, EmployerContactOut.from_model(contact))
