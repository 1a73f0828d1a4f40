"""The follow-up page of a process: plan, next contacts, commitments, concerns, history."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspill.followup import selectors, services
from samspill.followup.access import (
    commitment_for_user,
    followup_process_for_user,
    plan_item_for_user,
)
from samspill.followup.forms import CommitmentForm, PlanEndForm, PlanItemForm, PlanStartForm
from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest


@require_GET
def plan(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = followup_process_for_user(user=request.user, process_id=process_id)
    process = access.process
    context = {
        "access": access,
        "plan": selectors.active_plan(process=process),
        "schedule": selectors.schedule_of(process=process),
        "today": timezone.localdate(),
        "commitments": selectors.commitments_of(process=process),
        "concerns": selectors.concerns_of(process=process),
        "contacts": selectors.contacts_of(process=process, limit=10),
        "history": selectors.plan_history(process=process),
        "commitment_form": CommitmentForm(
            owners=selectors.staff_at(process=process), initial={"owner": process.advisor}
        ),
    }
    return render(request, "followup/plan.html", context)


@require_http_methods(["GET", "POST"])
def plan_new(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = followup_process_for_user(user=request.user, process_id=process_id)
    current = selectors.active_plan(process=access.process)
    form = PlanStartForm(
        request.POST if request.method == "POST" else None,
        initial={"starts_on": access.process.phase_since},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_start_plan(
                actor=request.user, process=access.process, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Oppfølgingsplanen er laget. Juster den sammen med partene.")
            )
            return redirect("followup:plan", process_id=access.process.uuid)
    context = {"access": access, "form": form, "current": current}
    return render(request, "followup/plan_new.html", context)


@require_http_methods(["GET", "POST"])
def plan_end(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = followup_process_for_user(user=request.user, process_id=process_id)
    current = selectors.active_plan(process=access.process)
    if current is None:
        raise Http404
    form = PlanEndForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_end_plan(actor=request.user, plan=current, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Oppfølgingen er avsluttet, og begrunnelsen er lagret."))
            return redirect("followup:plan", process_id=access.process.uuid)
    return render(
        request, "followup/plan_end.html", {"access": access, "form": form, "plan": current}
    )


@require_http_methods(["GET", "POST"])
def item_new(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = followup_process_for_user(user=request.user, process_id=process_id)
    current = selectors.active_plan(process=access.process)
    if current is None:
        raise Http404
    form = PlanItemForm(
        request.POST if request.method == "POST" else None,
        initial={"first_due_on": timezone.localdate(), "interval_days": 30},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_add_item(actor=request.user, plan=current, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Kontakten er lagt til i planen."))
            return redirect("followup:plan", process_id=access.process.uuid)
    context = {"access": access, "form": form, "item": None}
    return render(request, "followup/item_form.html", context)


@require_http_methods(["GET", "POST"])
def item_edit(request: AuthenticatedRequest, process_id: UUID, item_id: UUID) -> HttpResponse:
    access, item = plan_item_for_user(user=request.user, process_id=process_id, item_id=item_id)
    initial = {
        name: getattr(item, name)
        for name in ("label", "party", "form", "first_due_on", "interval_days", "ends_on")
    }
    form = PlanItemForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and "fjern" in request.POST:
        try:
            services.followup_remove_item(actor=request.user, item=item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Kontakten er fjernet fra planen."))
        return redirect("followup:plan", process_id=access.process.uuid)
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_change_item(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Planen er endret."))
            return redirect("followup:plan", process_id=access.process.uuid)
    context = {"access": access, "form": form, "item": item}
    return render(request, "followup/item_form.html", context)


@require_http_methods(["GET", "POST"])
def commitment_new(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = followup_process_for_user(user=request.user, process_id=process_id)
    form = CommitmentForm(
        request.POST if request.method == "POST" else None,
        owners=selectors.staff_at(process=access.process),
        initial={"owner": access.process.advisor},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_add_commitment(
                actor=request.user, process=access.process, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Forpliktelsen er lagt til."))
            return redirect("followup:plan", process_id=access.process.uuid)
    return render(request, "followup/commitment_form.html", {"access": access, "form": form})


@require_POST
def commitment_done(
    request: AuthenticatedRequest, process_id: UUID, commitment_id: UUID
) -> HttpResponse:
    access, commitment = commitment_for_user(
        user=request.user, process_id=process_id, commitment_id=commitment_id
    )
    try:
        services.followup_complete_commitment(actor=request.user, commitment=commitment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Forpliktelsen er markert som utført."))
    # «I dag» sends its own address along, to come back to it (and its team filter).
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("followup:plan", process_id=access.process.uuid)
