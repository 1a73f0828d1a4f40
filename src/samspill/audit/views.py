"""Innsynslogg: who has looked at or changed a person's data."""

from __future__ import annotations

from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samspill.accounts.models import Role
from samspill.audit.access import (
    audit_candidates_for_user,
    audit_log_for_user,
    deny_audit_search,
    own_access_log_for_user,
)
from samspill.audit.forms import PersonSearchForm
from samspill.audit.plain import describe
from samspill.lib.http import AuthenticatedRequest


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


#: Rows per page of the jobseeker's own log.
OWN_PER_PAGE = 50


@require_GET
def audit_own(request: AuthenticatedRequest) -> HttpResponse:
    """«Hvem har sett mine opplysninger»: the jobseeker's own log, in plain words."""
    events = own_access_log_for_user(user=request.user)
    page = Paginator(events, OWN_PER_PAGE).get_page(request.GET.get("side"))
    page.object_list = [describe(e, viewer=request.user) for e in page.object_list]  # type: ignore[misc]
    return render(request, "audit/own.html", {"page": page})
