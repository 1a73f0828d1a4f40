"""The JSON API (django-ninja) at /api/; OpenAPI schema at /api/openapi.json if switched on.

Authentication: ``Authorization: Bearer <token>`` (``manage.py api_token USERNAME``) or the
browser session. Every operation loads records through the same access functions as the
pages, so the API can never show more than the user could see in the browser.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, re_path
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from samspill import api_errors
from samspill.accounts.models import TokenScope, User
from samspill.identity.services import api_token_authenticate


class BearerToken(HttpBearer):
    """A valid token (not expired, not revoked) of an active user; a ``read`` token may
    only read (GET, HEAD, OPTIONS), anything else is 403."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = api_token_authenticate(token=token)
        if found is None:
            return None
        if found.scope == TokenScope.READ and request.method not in ("GET", "HEAD", "OPTIONS"):
            raise HttpError(
                403,
                gettext(
                    "Denne API-nøkkelen kan bare lese. Lag en nøkkel med tilgang «Lese og "
                    "endre» under «API-nøkler» for å endre noe."
                ),
            )
        request.user = found.user
        return found.user


api = NinjaAPI(
    title="Samspill API",
    version="1",
    description="Samspill: arbeidsinkludering. All operations respect the access policy.",
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
    # The schema and the interactive docs only where switched on (on in development).
    openapi_url="/openapi.json" if settings.SAMSPILL_API_DOCS else None,
    docs_url="/docs" if settings.SAMSPILL_API_DOCS else None,
)


api_errors.install(api)


def _register_routers() -> None:
    from samspill.agreements.api import router as agreements_router
    from samspill.candidates.api import router as candidates_router
    from samspill.employers.api import router as employers_router
    from samspill.employers.openings_api import router as openings_router
    from samspill.followup.api import router as followup_router
    from samspill.identity.api import router as accounts_router
    from samspill.insights.api import router as insights_router
    from samspill.matching.api import router as matching_router
    from samspill.notifications.api import router as notifications_router
    from samspill.processes.api import router as processes_router

    api.add_router("/", accounts_router)
    api.add_router("/processes", processes_router)
    api.add_router("/candidates", candidates_router)
    api.add_router("/employers", employers_router)
    api.add_router("/", openings_router)
    api.add_router("/matching", matching_router)
    api.add_router("/insights", insights_router)
    api.add_router("/agreements", agreements_router)
    api.add_router("/", followup_router)
    api.add_router("/", notifications_router)


def _exempt_from_login_redirect(patterns: list[URLPattern | URLResolver]) -> None:
    """API views answer 401 themselves instead of redirecting to the login page."""
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback.login_required = False  # type: ignore[attr-defined]


_register_routers()
api_errors.declare(api)
#: The URL patterns, built once so the login exemption sticks to the callbacks in use.
api_urls = api.urls
api_urls[0].append(re_path(r"^(?P<path>.*)$", api_errors.unknown_path, name="unknown"))
_exempt_from_login_redirect(api_urls[0])
