"""Session rules for logged-in users: idle timeout, absolute age, the second factor."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from samspill.accounts.models import User
from samspill.identity.second_factor import app_device
from samspill.identity.services import session_record_logout

#: Session keys: when the user last made a request, and when the session began (seconds).
LAST_ACTIVITY_KEY = "samspill_last_activity"
STARTED_KEY = "samspill_session_started"
#: Set in the fresh session after Samspill logged someone out, for the login page to say why.
LOGGED_OUT_KEY = "samspill_logged_out"
#: The activity time is written at most this often (seconds), to spare a session write.
ACTIVITY_RESOLUTION = 30


def idle_timeout_seconds() -> int:
    return int(settings.SAMSPILL_IDLE_TIMEOUT_MINUTES) * 60


class IdleTimeoutMiddleware:
    """Log out after ``SAMSPILL_IDLE_TIMEOUT_MINUTES`` without a request, and after
    ``SESSION_COOKIE_AGE`` whatever happens (a session is not kept alive for ever by
    activity). Both logouts are in the audit trail and explained on the login page.
    The base template warns a few minutes before and offers to stay logged in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        session = request.session
        now = time.time()
        started = session.setdefault(STARTED_KEY, now)
        last = session.get(LAST_ACTIVITY_KEY)
        reason = ""
        if last is not None and now - last > idle_timeout_seconds():
            reason = "idle"
        elif now - started > settings.SESSION_COOKIE_AGE:
            reason = "age"
        if reason:
            user = request.user
            assert isinstance(user, User)
            logout(request)
            request.session[LOGGED_OUT_KEY] = reason
            minutes = settings.SAMSPILL_IDLE_TIMEOUT_MINUTES
            session_record_logout(
                user=user,
                reason=_("%(minutes)s minutter uten aktivitet") % {"minutes": minutes}
                if reason == "idle"
                else _("økten var eldre enn lengste tillatte tid"),
            )
        elif last is None or now - last >= ACTIVITY_RESOLUTION:
            session[LAST_ACTIVITY_KEY] = now


def second_factor_exempt(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a view that a user without a confirmed second factor may reach (the code page)."""
    view.second_factor_exempt = True  # type: ignore[attr-defined]
    return view


class SecondFactorMiddleware:
    """Staff (``User.needs_second_factor``) reach nothing until the session is verified.

    Pages send them to the code page (or to enrolment when they have no app yet); the
    session-authenticated API treats them as not logged in (401). A bearer token is
    unaffected: tokens are issued only in verified sessions or by an administrator.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        user = request.user
        if not isinstance(user, User) or not user.needs_second_factor:
            return None
        # is_verified() is installed on the user by django-otp's OTPMiddleware.
        if user.is_verified():  # type: ignore[attr-defined]
            return None
        match = request.resolver_match
        if match is not None and "api" in match.namespaces:
            request.user = AnonymousUser()
            return None
        if getattr(view_func, "second_factor_exempt", False) or not getattr(
            view_func, "login_required", True
        ):
            return None
        target = "identity:second_factor" if app_device(user) else "identity:enrol"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
