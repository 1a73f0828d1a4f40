"""Opening pages: create and edit an opening, see it, and change its status."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspill.audit.models import Purpose
from samspill.core.pages import submit
from samspill.employers import access as scoped
from samspill.employers import selectors, services
from samspill.employers.access import employer_get_for_user
from samspill.employers.forms import OpeningCreateForm, OpeningForm, OpeningStatusForm
from samspill.employers.models import Opening
from samspill.employers.transitions import EDITABLE_STATUSES, allowed_next_statuses
from samspill.lib.http import AuthenticatedRequest
from samspill.policy import may_use_matching
from samspill.policy.audit import purpose_for


def _opening_url(opening: Opening) -> str:
    return reverse(
        "employers:opening",
        kwargs={"employer_id": opening.workplace.employer.uuid, "opening_id": opening.uuid},
    )


def _opening_initial(opening: Opening) -> dict[str, Any]:
    initial = {name: getattr(opening, name) for name in OpeningForm.base_fields if name != "tasks"}
    initial["tasks"] = [task.uuid for task in opening.tasks.all()]
    return initial


@require_http_methods(["GET", "POST"])
def opening_create(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    employer = access.employer
    form = OpeningCreateForm(
        request.POST or None,
        workplaces=selectors.workplaces_of(employer=employer),
        tasks=selectors.tasks_of_employer(employer=employer),
        initial={"workplace": request.GET.get("arbeidsplass")},
    )
    response = submit(
        request,
        form,
        lambda: services.opening_create(
            actor=request.user,
            workplace=form.cleaned_data["workplace"],
            data=form.opening_input(),
        ),
        done=_("Stillingen er lagret som utkast."),
        then=_opening_url,
    )
    context = {"form": form, "employer": employer}
    return response or render(request, "employers/opening_form.html", context)


@require_GET
def opening_detail(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID
) -> HttpResponse:
    access = scoped.opening_get_for_user(
        user=request.user,
        employer_id=employer_id,
        opening_id=opening_id,
        purpose=purpose_for(request.user),
    )
    opening = access.opening
    context = {
        "access": access,
        "employer": access.employer,
        "opening": opening,
        "history": selectors.status_history(opening=opening),
        "editable": access.can_change and opening.status in EDITABLE_STATUSES,
        "next_statuses": allowed_next_statuses(opening.status) if access.can_change else [],
        "can_match": may_use_matching(request.user),
    }
    return render(request, "employers/opening_detail.html", context)


@require_http_methods(["GET", "POST"])
def opening_edit(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID
) -> HttpResponse:
    access = scoped.opening_get_for_user(
        user=request.user,
        employer_id=employer_id,
        opening_id=opening_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    opening = access.opening
    form = OpeningForm(
        request.POST or None,
        tasks=selectors.tasks_of_employer(employer=access.employer),
        initial=_opening_initial(opening),
    )
    response = submit(
        request,
        form,
        lambda: services.opening_update(
            actor=request.user, opening=opening, data=form.opening_input()
        ),
        done=_("Stillingen er oppdatert."),
        then=_opening_url,
    )
    context = {"form": form, "employer": access.employer, "opening": opening}
    return response or render(request, "employers/opening_form.html", context)


@require_http_methods(["GET", "POST"])
def opening_status(
    request: AuthenticatedRequest, employer_id: UUID, opening_id: UUID
) -> HttpResponse:
    access = scoped.opening_get_for_user(
        user=request.user,
        employer_id=employer_id,
        opening_id=opening_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    opening = access.opening
    form = OpeningStatusForm(request.POST or None, current_status=opening.status)
    response = submit(
        request,
        form,
        lambda: services.opening_change_status(
            actor=request.user, opening=opening, **form.cleaned_data
        ),
        done=_("Statusen er endret."),
        then=_opening_url,
    )
    context = {"form": form, "employer": access.employer, "opening": opening}
    return response or render(request, "employers/opening_status.html", context)
