"""The JSON API for openings, tag ``openings``: list, detail, create, edit, change status.

Openings are reached under their employer (``/api/employers/{id}/openings/...``) through
``employer_get_for_user``, like every other part of the workplace mapping.
"""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status

from samspill.api_errors import request_fields
from samspill.audit.models import Purpose
from samspill.core.schemas import choice
from samspill.employers import access as scoped
from samspill.employers import selectors, services
from samspill.employers.access import employer_get_for_user
from samspill.employers.models import Employer, Opening, OpeningStatus, Task
from samspill.employers.schemas import (
    OpeningIn,
    OpeningOut,
    OpeningStatusOut,
    OpeningUpdateIn,
    StatusChangeIn,
    StatusChangeOut,
)
from samspill.employers.transitions import allowed_next_statuses
from samspill.lib.http import AuthenticatedRequest

router = Router(tags=["openings"])

_OPENINGS = "/employers/{uuid:employer_id}/openings"
_OPENING = _OPENINGS + "/{uuid:opening_id}"


def _opening(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID, change: bool = False
) -> Opening:
    return scoped.opening_get_for_user(
        user=request.user,
        employer_id=employer_id,
        opening_id=opening_id,
        purpose=Purpose.API,
        for_change=change,
    ).opening


def _tasks(employer: Employer, task_ids: list[UUID]) -> list[Task]:
    """The tasks named in the payload, from this employer's mapping only."""
    found = {
        t.uuid: t for t in selectors.tasks_of_employer(employer=employer).filter(uuid__in=task_ids)
    }
    missing = [str(uuid) for uuid in task_ids if uuid not in found]
    if missing:
        raise ValidationError(
            {
                "task_ids": _("Disse oppgavene finnes ikke hos arbeidsgiveren: %(missing)s.")
                % {"missing": ", ".join(missing)}
            }
        )
    return [found[uuid] for uuid in task_ids]


def _input(employer: Employer, payload: OpeningUpdateIn) -> services.OpeningInput:
    data = payload.dict(exclude={"task_ids", "workplace_id"})
    return services.OpeningInput(**data, tasks=_tasks(employer, payload.task_ids))


@router.get(_OPENINGS, response=list[OpeningOut], summary="Stillinger og praksisplasser")
def opening_list(
    request: AuthenticatedRequest,
    employer_id: UUID,
    status: choice(OpeningStatus, blank=True) = "",  # type: ignore[valid-type]
) -> list[OpeningOut]:
    employer = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.API
    ).employer
    openings = selectors.openings_of(employer=employer, status=status).prefetch_related("tasks")
    return [OpeningOut.from_model(opening) for opening in openings]


@router.post(_OPENINGS, response={201: OpeningOut}, summary="Ny stilling eller praksisplass")
def opening_create(
    request: AuthenticatedRequest, employer_id: UUID, payload: OpeningIn
) -> Status[OpeningOut]:
    employer = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.API, for_change=True
    ).employer
    workplace = employer.workplaces.filter(uuid=payload.workplace_id).first()
    if workplace is None:
        raise ValidationError({"workplace_id": _("Arbeidsplassen finnes ikke hos arbeidsgiveren.")})
    with request_fields(tasks="task_ids", workplace="workplace_id"):
        opening = services.opening_create(
            actor=request.user, workplace=workplace, data=_input(employer, payload)
        )
    return Status(201, OpeningOut.from_model(opening))


@router.get(_OPENING, response=OpeningOut, summary="Én stilling eller praksisplass")
def opening_detail(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID
) -> OpeningOut:
    return OpeningOut.from_model(_opening(request, employer_id, opening_id))


@router.put(_OPENING, response=OpeningOut, summary="Endre en stilling eller praksisplass")
def opening_update(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID, payload: OpeningUpdateIn
) -> OpeningOut:
    opening = _opening(request, employer_id, opening_id, change=True)
    employer = opening.workplace.employer
    with request_fields(tasks="task_ids", workplace="workplace_id"):
        opening = services.opening_update(
            actor=request.user, opening=opening, data=_input(employer, payload)
        )
    return OpeningOut.from_model(opening)


def _status(opening: Opening) -> OpeningStatusOut:
    return OpeningStatusOut(
        status=opening.status,
        allowed_next=[s.value for s in allowed_next_statuses(opening.status)],
        history=[StatusChangeOut.from_model(c) for c in selectors.status_history(opening=opening)],
    )


@router.get(_OPENING + "/status", response=OpeningStatusOut, summary="Status og historikk")
def opening_status(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID
) -> OpeningStatusOut:
    return _status(_opening(request, employer_id, opening_id))


@router.post(_OPENING + "/status", response=OpeningStatusOut, summary="Endre status")
def opening_change_status(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID, payload: StatusChangeIn
) -> OpeningStatusOut:
    opening = _opening(request, employer_id, opening_id, change=True)
    opening = services.opening_change_status(
        actor=request.user, opening=opening, to_status=payload.to_status, reason=payload.reason
    )
    return _status(opening)
