"""«Varsler»: the user's own notices, marking them read, and the e-mail preference.

Every user sees only their own notices, so the access check is being logged in.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samspill.core.pages import submit
from samspill.lib.http import AuthenticatedRequest
from samspill.notifications import selectors, services
from samspill.notifications.forms import PreferenceForm

#: The list shows at most this many unread and this many read notices.
UNREAD_SHOWN = 100
READ_SHOWN = 20


@require_http_methods(["GET", "POST"])
def notification_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST" and "les" in request.POST:
        services.notifications_mark_read(user=user)
        messages.success(request, _("Varslene er markert som lest."))
        return redirect("notifications:list")
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"email_mode": selectors.email_mode_of(user=user)},
    )
    response = submit(
        request,
        form,
        lambda: services.notification_preference_set(
            user=user, email_mode=form.cleaned_data["email_mode"]
        ),
        done=_("Innstillingen er lagret."),
        then=lambda _preference: reverse("notifications:list"),
    )
    if response is not None:
        return response
    context = {
        "form": form,
        "unread": selectors.unread_for(user=user, limit=UNREAD_SHOWN),
        "recent": selectors.read_for(user=user, limit=READ_SHOWN),
    }
    return render(request, "notifications/list.html", context)
