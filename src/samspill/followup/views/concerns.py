"""Employer concerns: the employer reports from the portal, the contact person answers."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samspill.followup import selectors, services
from samspill.followup.access import concern_for_user, concern_reporter_access
from samspill.followup.forms import ConcernAnswerForm, ConcernForm
from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest


@require_http_methods(["GET", "POST"])
def concern_new(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    """«Meld fra»: in under a minute, and always with whom to call."""
    access = concern_reporter_access(user=request.user, process_id=process_id)
    form = ConcernForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            concern = services.followup_report_concern(
                actor=request.user, process=access.process, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Takk, vi har fått beskjeden. Du får svar senest %(respond_by)s.")
                % {"respond_by": date_format(concern.respond_by, "SHORT_DATE_FORMAT")},
            )
            return redirect("followup:concern_new", process_id=access.process.uuid)
    context = {
        "access": access,
        "form": form,
        "concerns": selectors.concerns_for_employer(process=access.process, user=request.user),
        "next_contact": selectors.next_contacts(
            process_ids=[access.process.pk], parties=selectors.EMPLOYER_PLAN_PARTIES
        ).get(access.process.pk),
    }
    return render(request, "followup/concern_new.html", context)


@require_http_methods(["GET", "POST"])
def concern_answer(
    request: AuthenticatedRequest, process_id: UUID, concern_id: UUID
) -> HttpResponse:
    access, concern = concern_for_user(
        user=request.user, process_id=process_id, concern_id=concern_id
    )
    form = ConcernAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_answer_concern(
                actor=request.user, concern=concern, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Svaret er lagret, og arbeidsgiveren ser det."))
            return redirect("followup:plan", process_id=access.process.uuid)
    context = {"access": access, "form": form, "concern": concern}
    return render(request, "followup/concern_answer.html", context)
