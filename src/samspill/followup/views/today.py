"""«I dag» (the worklist) and the user's notifications."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from samspill.accounts.access import worklist_for_user
from samspill.followup import selectors
from samspill.followup.forms import PreferenceForm, TeamForm
from samspill.followup.models import EmailMode, Notification, NotificationPreference
from samspill.lib.http import AuthenticatedRequest


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
        "notifications": selectors.notifications_for(user=request.user),
        "today": timezone.localdate(),
    }
    return render(request, "followup/today.html", context)


@require_http_methods(["GET", "POST"])
def notifications(request: AuthenticatedRequest) -> HttpResponse:
    """The user's own notices, marking them read, and the e-mail preference."""
    user = request.user
    preference = NotificationPreference.objects.filter(user=user).first()
    current = preference.email_mode if preference else EmailMode.IMMEDIATE
    form = PreferenceForm(
        request.POST if "email_mode" in request.POST else None, initial={"email_mode": current}
    )
    if request.method == "POST":
        if "les" in request.POST:
            Notification.objects.filter(recipient=user, read_at__isnull=True).update(
                read_at=timezone.now()
            )
            messages.success(request, "Varslene er markert som lest.")
            return redirect("followup:notifications")
        if form.is_valid():
            NotificationPreference.objects.update_or_create(
                user=user, defaults={"email_mode": form.cleaned_data["email_mode"]}
            )
            messages.success(request, "Innstillingen er lagret.")
            return redirect("followup:notifications")
    context = {
        "form": form,
        "unread": selectors.notifications_for(user=user, limit=100),
        "recent": Notification.objects.filter(recipient=user, read_at__isnull=False)[:20],
    }
    return render(request, "followup/notifications.html", context)
