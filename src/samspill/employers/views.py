from __future__ import annotations

from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samspill.accounts.access import (
    employer_get_for_user,
    employer_list_for_user,
    process_page_for_user,
)
from samspill.audit.models import Purpose
from samspill.core.http import AuthenticatedRequest
from samspill.employers import selectors


@require_GET
def employer_list(request: AuthenticatedRequest) -> HttpResponse:
    page = Paginator(employer_list_for_user(user=request.user), 50).get_page(
        request.GET.get("side")
    )
    return render(request, "employers/list.html", {"employers": page.object_list, "page": page})


@require_GET
def employer_detail(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK
    )
    context = {
        "access": access,
        "workplaces": selectors.workplaces_of(employer=access.employer),
        "page": process_page_for_user(
            user=request.user, purpose=Purpose.CASE_WORK, employer=access.employer
        ),
    }
    return render(request, "employers/detail.html", context)
