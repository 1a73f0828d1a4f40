"""Innsynslogg: who has looked at or changed a person's data."""

from __future__ import annotations

from uuid import UUID

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from samspill.accounts.access import (
    audit_candidates_for_user,
    audit_log_for_user,
    deny_audit_search,
)
from samspill.accounts.models import Role
from samspill.audit.forms import PersonSearchForm
from samspill.core.http import AuthenticatedRequest


@require_GET
def audit_search(request: AuthenticatedRequest) -> HttpResponse:
    if request.user.role != Role.MANAGER:
        deny_audit_search(user=request.user)
    form = PersonSearchForm(request.GET or None)
    found = (
        audit_candidates_for_user(user=request.user, query=form.cleaned_data["q"])
        if form.is_valid()
        else None
    )
    return render(request, "audit/search.html", {"form": form, "found": found})


@require_GET
def audit_log(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    candidate, events = audit_log_for_user(user=request.user, candidate_id=candidate_id)
    page = Paginator(events, 100).get_page(request.GET.get("side"))
    return render(request, "audit/log.html", {"candidate": candidate, "page": page})


@require_GET
def audit_own(request: AuthenticatedRequest) -> HttpResponse:
    """The jobseeker's own log: 'who has seen my data'."""
    candidate = getattr(request.user, "candidate", None)
    if request.user.role != Role.JOBSEEKER or candidate is None:
        raise Http404
    return redirect("audit:log", candidate_id=candidate.uuid)
