"""«I dag»: the worklist and the user's new notices."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from samspill.followup.access import worklist_for_user
from samspill.followup.forms import TeamForm
from samspill.lib.http import AuthenticatedRequest
from samspill.notifications import selectors as notification_selectors


def _team_id(raw: str | None) -> UUID | None:
    try:
        return UUID(raw) if raw else None
    except ValueError:
        return None


@require_GET
def today(request: AuthenticatedRequest) -> HttpResponse:
    worklist = worklist_for_user(user=request.user, team_id=_team_id(request.GET.get("team")))
    context = {
        "worklist": worklist,
        "team_form": TeamForm(request.GET or None, teams=worklist.teams)
        if worklist.teams
        else None,
        "notifications": notification_selectors.unread_for(user=request.user),
        "today": timezone.localdate(),
    }
    # htmx: after «Marker som utført» (whose redirect lands here) only the list is swapped.
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "followup/today.html" + ("#marked" if partial else ""), context)
