"""Workplace pages: the workplace with its environment and mapped tasks, and their forms."""

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
from samspill.employers.forms import TaskForm, WorkplaceForm
from samspill.employers.models import Demand, Task, Workplace
from samspill.lib.http import AuthenticatedRequest
from samspill.policy import may_use_matching
from samspill.policy.audit import purpose_for


def _workplace_url(workplace: Workplace) -> str:
    return reverse(
        "employers:workplace",
        kwargs={"employer_id": workplace.employer.uuid, "workplace_id": workplace.uuid},
    )


def _workplace_initial(workplace: Workplace) -> dict[str, Any]:
    return {name: getattr(workplace, name) for name in WorkplaceForm.base_fields}


@require_http_methods(["GET", "POST"])
def workplace_create(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = WorkplaceForm(request.POST or None)
    response = submit(
        request,
        form,
        lambda: services.workplace_create(
            actor=request.user, employer=access.employer, **form.cleaned_data
        ),
        done=_("Arbeidsplassen er registrert."),
        then=_workplace_url,
    )
    context = {"form": form, "employer": access.employer}
    return response or render(request, "employers/workplace_form.html", context)


@require_GET
def workplace_detail(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID
) -> HttpResponse:
    access = scoped.workplace_get_for_user(
        user=request.user,
        employer_id=employer_id,
        workplace_id=workplace_id,
        purpose=purpose_for(request.user),
    )
    workplace = access.workplace
    tasks = list(selectors.tasks_of(workplace=workplace))
    context = {
        "access": access,
        "employer": access.employer,
        "workplace": workplace,
        "tasks": tasks,
        "matrix": selectors.demand_matrix(tasks),
        "openings": selectors.openings_of(employer=access.employer, workplace=workplace),
        "can_match": bool(tasks) and may_use_matching(request.user),
    }
    return render(request, "employers/workplace_detail.html", context)


@require_http_methods(["GET", "POST"])
def workplace_edit(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID
) -> HttpResponse:
    access = scoped.workplace_get_for_user(
        user=request.user,
        employer_id=employer_id,
        workplace_id=workplace_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    workplace = access.workplace
    form = WorkplaceForm(request.POST or None, initial=_workplace_initial(workplace))
    response = submit(
        request,
        form,
        lambda: services.workplace_update(
            actor=request.user, workplace=workplace, **form.cleaned_data
        ),
        done=_("Arbeidsplassen er oppdatert."),
        then=_workplace_url,
    )
    context = {"form": form, "employer": access.employer, "workplace": workplace}
    return response or render(request, "employers/workplace_form.html", context)


def _task_initial(task: Task) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(task, name) for name in TaskForm.base_fields}
    initial.update({demand.value: getattr(task, demand.value) for demand in Demand})
    return initial


@require_http_methods(["GET", "POST"])
def task_create(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID
) -> HttpResponse:
    access = scoped.workplace_get_for_user(
        user=request.user,
        employer_id=employer_id,
        workplace_id=workplace_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    form = TaskForm(request.POST or None, initial={"time_of_day": ["day"]})
    response = submit(
        request,
        form,
        lambda: services.task_create(
            actor=request.user, workplace=access.workplace, **form.service_kwargs()
        ),
        done=_("Oppgaven er kartlagt."),
        then=lambda task: _workplace_url(task.workplace),
    )
    context = {"form": form, "employer": access.employer, "workplace": access.workplace}
    return response or render(request, "employers/task_form.html", context)


@require_http_methods(["GET", "POST"])
def task_edit(
    request: AuthenticatedRequest, employer_id: UUID, workplace_id: UUID, task_id: UUID
) -> HttpResponse:
    access = scoped.workplace_get_for_user(
        user=request.user,
        employer_id=employer_id,
        workplace_id=workplace_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    task = scoped.task_get_for_user(
        user=request.user,
        access=access,
        task_id=task_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    form = TaskForm(request.POST or None, initial=_task_initial(task))
    response = submit(
        request,
        form,
        lambda: services.task_update(actor=request.user, task=task, **form.service_kwargs()),
        done=_("Oppgaven er oppdatert."),
        then=lambda saved: _workplace_url(saved.workplace),
    )
    context = {
        "form": form,
        "employer": access.employer,
        "workplace": access.workplace,
        "task": task,
    }
    return response or render(request, "employers/task_form.html", context)
