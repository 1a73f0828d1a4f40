"""What the person is owed: «Last ned mine opplysninger» (GDPR art. 15 and 20) and
«Be om retting» (art. 16). The jobseeker reaches these in their own login; the advisor
who may change the candidate makes the same export on request, and handles corrections.
"""

from __future__ import annotations

import json
from uuid import UUID

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspill.agreements.pdf import render_pdf
from samspill.candidates import services
from samspill.candidates.access import (
    correction_get_for_user,
    export_for_user,
    own_candidate,
    own_corrections_for_user,
)
from samspill.candidates.export import for_display
from samspill.candidates.forms import CorrectionRequestForm, CorrectionResolveForm
from samspill.core.pages import submit
from samspill.lib.http import AuthenticatedRequest

EXPORT_PAGE = "candidates/export.html"
EXPORT_PDF = "candidates/export_pdf.html"
FILENAME = "mine-opplysninger"


def _export(request: AuthenticatedRequest, candidate_id: UUID | None, fmt: str) -> HttpResponse:
    access = export_for_user(user=request.user, candidate_id=candidate_id, fmt=fmt)
    if fmt == "json":
        body = json.dumps(access.data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        context = {
            "data": for_display(access.data),
            "own": access.own,
            "candidate_uuid": access.candidate.uuid,
        }
        if fmt == "html":
            return render(request, EXPORT_PAGE, context)
        response = HttpResponse(render_pdf(EXPORT_PDF, context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}.{fmt}"'
    return response


@require_GET
def own_export(request: AuthenticatedRequest, fmt: str = "html") -> HttpResponse:
    return _export(request, None, fmt)


@require_GET
def candidate_export(
    request: AuthenticatedRequest, candidate_id: UUID, fmt: str = "html"
) -> HttpResponse:
    return _export(request, candidate_id, fmt)


@require_http_methods(["GET", "POST"])
def own_corrections(request: AuthenticatedRequest) -> HttpResponse:
    """«Be om retting»: ask for a correction, and see what became of earlier requests."""
    form = CorrectionRequestForm(request.POST if request.method == "POST" else None)
    response = submit(
        request,
        form,
        lambda: services.correction_request_create(
            actor=request.user,
            candidate=own_candidate(user=request.user, object_type="correction_request"),
            **form.cleaned_data,
        ),
        done=_("Takk! Veilederen din har fått beskjed."),
        then=lambda _request: reverse("candidates:corrections"),
    )
    if response is not None:
        return response
    requests = own_corrections_for_user(user=request.user)[1]
    return render(request, "candidates/corrections.html", {"form": form, "requests": requests})


@require_http_methods(["GET", "POST"])
def correction_resolve(
    request: AuthenticatedRequest, candidate_id: UUID, correction_id: UUID
) -> HttpResponse:
    access = correction_get_for_user(
        user=request.user, candidate_id=candidate_id, correction_id=correction_id
    )
    form = CorrectionResolveForm(request.POST if request.method == "POST" else None)
    response = submit(
        request,
        form,
        lambda: services.correction_request_resolve(
            actor=request.user, request=access.request, note=form.cleaned_data["note"]
        ),
        done=_("Ønsket om retting er markert som behandlet."),
        then=lambda _request: reverse(
            "candidates:detail", kwargs={"candidate_id": access.candidate.uuid}
        ),
    )
    context = {"access": access, "form": form}
    return response or render(request, "candidates/correction_resolve.html", context)
