"""Error pages that say what happened and what the person can do, in Norwegian.

Pages get the site's layout (``base.html``) where that is safe; the 500 and 503 pages are
standalone HTML that need neither the database nor the request context. Under ``/api/``
the same errors are JSON. No page says whether a record exists: a record the person may
not see and a record that does not exist give the same 404.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
#: Seconds a client is asked to wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _json(detail: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """A page in the site's layout, with the request context (menu, user, CSRF token)."""
    body = loader.render_to_string(template, request=request)
    return HttpResponse(body, status=status)


def _standalone(template: str, status: int) -> HttpResponse:
    """A page rendered without the request: no database, no session, no context processors."""
    return HttpResponse(loader.get_template(template).render(), status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return _json(_("Forespørselen kunne ikke leses. Sjekk innholdet og prøv igjen."), 400)
    return _page(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return _json(_("Du har ikke tilgang til dette."), 403)
    return _page(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return _json(_("Fant ikke det du ba om, eller du har ikke tilgang til det."), 404)
    return _page(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return _json(_("Noe gikk galt hos oss. Prøv igjen om litt."), 500)
    return _standalone("500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: usually an old form or a session that ran out."""
    if is_api(request):
        return _json(
            _("Forespørselen ble avvist av sikkerhetshensyn. Last inn og prøv igjen."), 403
        )
    return _page(request, "403_csrf.html", 403)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 while the database does not answer: standalone, since nothing can be looked up."""
    if is_api(request):
        response: HttpResponse = _json(
            _("Tjenesten er midlertidig utilgjengelig. Ingenting ble lagret. Prøv igjen om litt."),
            503,
        )
    else:
        response = _standalone("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
