"""The start page for each role, and the health check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.db.utils import Error as DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samspill.accounts import selectors as account_selectors
from samspill.accounts.models import Role, User
from samspill.agreements.access import agreement_list_for_user
from samspill.audit.models import Purpose
from samspill.candidates.presentation import Surface
from samspill.employers.access import employer_list_for_user
from samspill.followup import selectors as followup_selectors
from samspill.followup.access import worklist_for_user
from samspill.lib.http import AuthenticatedRequest
from samspill.notifications import selectors as notification_selectors
from samspill.processes import selectors as process_selectors
from samspill.processes.access import process_page_for_user
from samspill.processes.models import Phase


def _advisor(user: User) -> dict[str, Any]:
    return {
        "worklist": worklist_for_user(user=user),
        "notifications": notification_selectors.unread_for(user=user),
        "page": process_page_for_user(
            user=user, purpose=Purpose.PORTFOLIO, advisor=user, active_only=True
        ),
        "phase_counts": process_selectors.phase_counts_for_advisor(advisor=user),
    }


def _manager(user: User) -> dict[str, Any]:
    assert user.office is not None  # guaranteed by a database constraint
    return {
        "office": user.office,
        "rows": process_selectors.phase_counts_by_advisor(office=user.office),
        "phases": Phase.choices,
    }


def _employer_contact(user: User) -> dict[str, Any]:
    from samspill.employers import selectors as employer_selectors

    due = employer_selectors.employer_register(
        employer_list_for_user(user=user), not_contacted=True
    )
    return {
        "employers": due[:10],
        "due_count": due.count(),
        "recent_contacts": employer_selectors.recent_contacts_by(user=user)[:5],
        "page": process_page_for_user(user=user, purpose=Purpose.PARTNER_WORK),
    }


def _partner(user: User) -> dict[str, Any]:
    return {"page": process_page_for_user(user=user, purpose=Purpose.PARTNER_WORK)}


def _with_next_contacts(page: Any, parties: tuple[str, ...]) -> dict[str, Any]:
    """The page of processes and, per process, the next planned contact with these parties."""
    upcoming = followup_selectors.next_contacts(
        process_ids=[row.process.pk for row in page.object_list], parties=parties
    )
    return {
        "page": page,
        "rows": [(row, upcoming.get(row.process.pk)) for row in page.object_list],
    }


def _employer(user: User) -> dict[str, Any]:
    page = process_page_for_user(user=user, purpose=Purpose.EMPLOYER_PORTAL)
    return {
        "employer": user.employer,
        "agreements": agreement_list_for_user(user=user, purpose=Purpose.EMPLOYER_PORTAL),
        **_with_next_contacts(page, followup_selectors.EMPLOYER_PLAN_PARTIES),
    }


def _jobseeker(user: User) -> dict[str, Any]:
    # The person's own processes: the page greets them by their login, shows nothing of
    # their record.
    page = process_page_for_user(user=user, purpose=Purpose.OWN_DATA, surface=Surface.NONE)
    return {
        "agreements": agreement_list_for_user(user=user, purpose=Purpose.OWN_DATA),
        **_with_next_contacts(page, followup_selectors.JOBSEEKER_PARTIES),
    }


def _admin(user: User) -> dict[str, Any]:
    return {
        "role_counts": account_selectors.role_counts(),
        "offices": account_selectors.office_list(),
    }


START_PAGES: dict[str, Callable[[User], dict[str, Any]]] = {
    Role.ADVISOR: _advisor,
    Role.EMPLOYER_CONTACT: _employer_contact,
    Role.MANAGER: _manager,
    Role.PARTNER: _partner,
    Role.EMPLOYER: _employer,
    Role.JOBSEEKER: _jobseeker,
    Role.ADMIN: _admin,
}


@require_GET
def start(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    builder = START_PAGES.get(user.role)
    if builder is None:
        return render(request, "core/start_none.html", status=403)
    return render(request, f"core/start_{user.role}.html", builder(user))


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not (for load balancers and probes)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
