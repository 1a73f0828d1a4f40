from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from samspill.accounts.access import employer_list_for_user, process_get_for_user
from samspill.audit.models import Purpose
from samspill.core.errors import add_service_errors
from samspill.core.http import AuthenticatedRequest
from samspill.followup import services
from samspill.followup.forms import ContactForm


@require_http_methods(["GET", "POST"])
def log_contact(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = ContactForm(
        request.POST if request.method == "POST" else None,
        employers=employer_list_for_user(user=request.user),
        initial={"on": timezone.localdate(), "employer": access.process.employer},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_log_contact(
                actor=request.user, process=access.process, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Kontakten er logget.")
            return redirect("processes:detail", process_id=access.process.uuid)
    return render(request, "followup/log_contact.html", {"access": access, "form": form})
