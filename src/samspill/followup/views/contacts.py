from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samspill.employers.access import employer_list_for_user
from samspill.followup import selectors, services
from samspill.followup.access import followup_process_for_user
from samspill.followup.forms import ContactForm
from samspill.followup.models import Form, Party, Place, PlanItem, PlanParty
from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest
from samspill.processes.models import InclusionProcess


def _initial(
    request: AuthenticatedRequest, items: list[PlanItem], employer: object
) -> dict[str, object]:
    # A phone call, not in person: the untouched form is valid (only the note is free text).
    initial: dict[str, object] = {
        "on": timezone.localdate(),
        "employer": employer,
        "party": Party.JOBSEEKER,
        "form": Form.PHONE,
        "place": Place.REMOTE,
    }
    chosen = next((i for i in items if str(i.uuid) == request.GET.get("punkt")), None)
    if chosen is not None:
        remote = chosen.form in (Form.PHONE, Form.VIDEO, Form.MESSAGE)
        initial |= {
            "plan_item": chosen,
            "party": chosen.party if chosen.party != PlanParty.BOTH else Party.BOTH,
            "form": chosen.form,
            "place": Place.REMOTE if remote else Place.WORKPLACE,
        }
    elif request.GET.get("part") in Party.values:
        initial["party"] = request.GET["part"]
    return initial


@require_http_methods(["GET", "POST"])
def log_contact(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = followup_process_for_user(user=request.user, process_id=process_id)
    items = selectors.active_items(process=access.process)
    form = ContactForm(
        request.POST if request.method == "POST" else None,
        employers=employer_list_for_user(user=request.user),
        plan_items=items,
        initial=_initial(request, list(items), access.process.employer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_log_contact(
                actor=request.user, process=access.process, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _logged_message(access.process))
            return redirect("followup:plan", process_id=access.process.uuid)
    return render(request, "followup/log_contact.html", {"access": access, "form": form})


def _logged_message(process: InclusionProcess) -> str:
    upcoming = [s for s in selectors.schedule_of(process=process) if s.due is not None]
    if not upcoming:
        return _("Kontakten er logget.")
    first = min(upcoming, key=lambda s: s.due or timezone.localdate())
    return _("Kontakten er logget. Neste planlagte kontakt: %(label)s, %(due)s.") % {
        "label": first.item.label,
        "due": date_format(first.due or timezone.localdate(), "SHORT_DATE_FORMAT"),
    }
