"""Intake pages: register a jobseeker (and open their first process); the identity number
unmasked on request."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspill.accounts.models import User
from samspill.candidates.access import duplicate_for_user, national_id_for_user, require_intake
from samspill.candidates.forms import RegisterForm
from samspill.candidates.intake import DuplicateCandidate
from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest
from samspill.processes.intake import intake_register
from samspill.processes.selectors import advisors_at


@require_http_methods(["GET", "POST"])
def candidate_register(request: AuthenticatedRequest) -> HttpResponse:
    """«Registrer ny jobbsøker»: the person and their first process, in one step."""
    user = request.user
    require_intake(user=user)
    initial = {"started_on": timezone.localdate(), "advisor": user.uuid}
    form = RegisterForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        advisors=advisors_at(office=user.office) if user.office else User.objects.none(),
    )
    context: dict[str, Any] = {"form": form, "office": user.office}
    if request.method == "POST" and form.is_valid():
        try:
            process = intake_register(actor=user, **form.cleaned_data)
        except DuplicateCandidate as duplicate:
            add_service_errors(form, duplicate)
            context["existing"] = duplicate_for_user(user=user, existing=duplicate.existing)
            context["duplicate"] = True
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Jobbsøkeren er registrert, og forløpet er startet."))
            return redirect("processes:detail", process_id=process.uuid)
    return render(request, "candidates/register.html", context)


@require_GET
def candidate_national_id(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    """The whole identity number, for the staff who follow the person up; logged."""
    access = national_id_for_user(user=request.user, candidate_id=candidate_id)
    return render(request, "candidates/national_id.html", {"access": access})
