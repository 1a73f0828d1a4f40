"""Responses that may hold personal data are never stored by a browser or a proxy."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, get_resolver, get_urlconf, resolve
from django.utils.cache import add_never_cache_headers

from samspill.core import error_pages

logger = logging.getLogger(__name__)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` (and ``private``) on every page and API response.

    Pages and API answers are built per user from personal records, so none may stay in
    a shared computer's browser cache or a proxy after logging out. Static files (served
    by WhiteNoise before this middleware runs) keep their long cache lifetimes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


#: Features no Samspill page uses; ``()`` switches each off for the page and every frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response: no camera, microphone, location, payment…

    Django's ``SecurityMiddleware`` has no setting for this header (Django 5.2).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


DATABASE_ERRORS = (OperationalError, InterfaceError)
_UNAVAILABLE = "_samspill_database_unavailable"


def _note_database_error(sender: object, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Marks a request whose uncaught exception was the database going away.

    Exceptions in other middleware (the session or user lookup, the first queries of
    nearly every request) never reach ``process_exception``: Django turns them into a
    500 response at once. It sends this signal first, with the exception being handled.
    """
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, _UNAVAILABLE, True)


got_request_exception.connect(_note_database_error, dispatch_uid="samspill-database-unavailable")


def _roll_back_and_drop_connections() -> None:
    """Roll back what the request left open and drop broken connections.

    An ``atomic`` block (every service) has already rolled back when the error left it;
    this also ends a transaction opened outside one, and closes the connection so the
    next request connects afresh. Connections still inside an atomic block belong to
    whoever opened it (a test's transaction), who rolls it back.
    """
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        with contextlib.suppress(*DATABASE_ERRORS):
            if connection.connection is not None and not connection.get_autocommit():
                connection.rollback()
        with contextlib.suppress(*DATABASE_ERRORS):
            connection.close()


class DatabaseUnavailableMiddleware:
    """503 with ``Retry-After`` (a Norwegian page, or JSON under /api/) when the database
    does not answer, instead of a 500 and a traceback; nothing is left half-written."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _UNAVAILABLE, False):
            _roll_back_and_drop_connections()
            return error_pages.database_unavailable(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error(
            "Database unavailable: %s (%s: %s)",
            request.path,
            type(exception).__name__,
            exception,
        )
        _roll_back_and_drop_connections()
        return error_pages.database_unavailable(request)


class DebugNotFoundMiddleware:
    """In the demo (``DEBUG``), a 404 is Samspill's own page, not Django's debug page.

    Django shows its technical 404 page whenever ``DEBUG`` is on, whatever ``handler404``
    says, and that page lists every URL pattern. With ``DEBUG`` off this does nothing:
    ``handler404`` in the URLconf answers.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.DEBUG and response.status_code == 404 and not _resolves(request):
            return _handler404(request, Http404())
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if settings.DEBUG and isinstance(exception, Http404):
            return _handler404(request, exception)
        return None


def _resolves(request: HttpRequest) -> bool:
    try:
        resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return True


def _handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    resolver = get_resolver(getattr(request, "urlconf", None) or get_urlconf())
    handler: Callable[..., HttpResponse] = resolver.resolve_error_handler(404)
    return handler(request, exception=exception)
