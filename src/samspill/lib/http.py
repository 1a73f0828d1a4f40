"""The one typed request class that views receive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from samspill.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """A request behind ``LoginRequiredMiddleware``: the user is always a real ``User``."""

    user: User
    htmx: HtmxDetails
