"""The API's error answers: Norwegian, JSON, one shape.

Every error is ``{"detail": "…"}``, except 422, which is ``{"detail": {field: [messages]}}``
with the field named as in the request (``__all__`` for the request as a whole), whether the
error comes from pydantic (a wrong type, a number out of range) or from a service. The
schemas for these shapes, and the helper that declares them on each operation, are in
``core/schemas.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InputError

#: Pydantic's error types, in Norwegian; ``{…}`` are filled from the error's context.
_MESSAGES: dict[str, str] = {
    "missing": N_("Feltet må fylles ut."),
    "int_type": N_("Skriv et helt tall."),
    "int_parsing": N_("Skriv et helt tall."),
    "int_from_float": N_("Skriv et helt tall."),
    "int_parsing_size": N_("Tallet er for stort."),
    "float_type": N_("Skriv et tall."),
    "float_parsing": N_("Skriv et tall."),
    "finite_number": N_("Skriv et tall."),
    "decimal_type": N_("Skriv et tall."),
    "decimal_parsing": N_("Skriv et tall."),
    "decimal_max_digits": N_("Tallet har for mange siffer."),
    "decimal_max_places": N_("Tallet har for mange desimaler."),
    "decimal_whole_digits": N_("Tallet har for mange siffer før komma."),
    "greater_than": N_("Skriv et tall større enn {gt}."),
    "greater_than_equal": N_("Skriv et tall som er minst {ge}."),
    "less_than": N_("Skriv et tall mindre enn {lt}."),
    "less_than_equal": N_("Skriv et tall som er høyst {le}."),
    "string_type": N_("Skriv tekst."),
    "string_too_short": N_("Skriv minst {min_length} tegn."),
    "string_too_long": N_("Skriv høyst {max_length} tegn."),
    "string_pattern_mismatch": N_("Verdien har feil format."),
    "string_unicode": N_("Teksten har ugyldige tegn."),
    "bool_type": N_("Skriv true eller false."),
    "bool_parsing": N_("Skriv true eller false."),
    "date_type": N_("Skriv en dato som ÅÅÅÅ-MM-DD."),
    "date_parsing": N_("Skriv en dato som ÅÅÅÅ-MM-DD."),
    "date_from_datetime_parsing": N_("Skriv en dato som ÅÅÅÅ-MM-DD."),
    "date_from_datetime_inexact": N_("Skriv en dato uten klokkeslett."),
    "datetime_type": N_("Skriv et tidspunkt som ÅÅÅÅ-MM-DDTtt:mm."),
    "datetime_parsing": N_("Skriv et tidspunkt som ÅÅÅÅ-MM-DDTtt:mm."),
    "datetime_from_date_parsing": N_("Skriv et tidspunkt som ÅÅÅÅ-MM-DDTtt:mm."),
    "uuid_type": N_("Skriv en gyldig id (UUID)."),
    "uuid_parsing": N_("Skriv en gyldig id (UUID)."),
    "uuid_version": N_("Skriv en gyldig id (UUID)."),
    "literal_error": N_("Velg en av: {expected}."),
    "enum": N_("Velg en av: {expected}."),
    "list_type": N_("Skriv en liste."),
    "tuple_type": N_("Skriv en liste."),
    "set_type": N_("Skriv en liste."),
    "too_short": N_("Listen må ha minst {min_length} elementer."),
    "too_long": N_("Listen kan ha høyst {max_length} elementer."),
    "dict_type": N_("Skriv et objekt."),
    "model_type": N_("Skriv et objekt."),
    "model_attributes_type": N_("Skriv et objekt."),
    "json_invalid": N_("Forespørselen er ikke gyldig JSON."),
    "json_type": N_("Forespørselen er ikke gyldig JSON."),
    "extra_forbidden": N_("Feltet finnes ikke."),
    "none_required": N_("Feltet skal være tomt."),
}
_FALLBACK = N_("Ugyldig verdi.")
#: Where ninja says the value came from; the parameter's own name follows for bodies.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def _message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    context = dict(error.get("ctx") or {})
    if kind == "value_error":  # our own validators: their text is already Norwegian
        return str(context.get("error") or error.get("msg", _FALLBACK)).removeprefix(
            "Value error, "
        )
    if "expected" in context:
        context["expected"] = str(context["expected"]).replace(" or ", " eller ")
    template = _(_MESSAGES.get(kind, _FALLBACK))
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        return _(_FALLBACK)


def field_of(location: Sequence[Any]) -> str:
    """``("body", "payload", "pilot", "before", "n")`` → ``pilot.before.n``: the field as
    the request named it (a body's parameter name is not part of the request)."""
    parts = list(location)
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        if source == "body" and len(parts) > 1:
            parts.pop(0)
    return ".".join(str(part) for part in parts) or NON_FIELD_ERRORS


def input_errors(errors: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Pydantic's errors as ``{field: [Norwegian messages]}``."""
    out: dict[str, list[str]] = {}
    for error in errors:
        messages = out.setdefault(field_of(error.get("loc", ())), [])
        message = _message(error)
        if message not in messages:
            messages.append(message)
    return out


def service_errors(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return dict(error.message_dict)
    return {NON_FIELD_ERRORS: list(error.messages)}


def install(api: NinjaAPI) -> None:
    """Register the handlers on ``api`` (status and message per kind of error)."""

    def detail(request: HttpRequest, message: str, status: int) -> HttpResponse:
        return api.create_response(request, {"detail": message}, status=status)

    def fixed(message: str, status: int) -> Callable[[HttpRequest, Exception], HttpResponse]:
        return lambda request, exc: detail(request, _(message), status)

    api.add_exception_handler(
        PermissionDenied, cast(Any, fixed(_("Du har ikke tilgang til dette."), 403))
    )
    api.add_exception_handler(Http404, cast(Any, fixed(_("Fant ikke det du ba om."), 404)))
    api.add_exception_handler(
        AuthenticationError,
        cast(Any, fixed(_("Du må logge inn eller sende en gyldig API-nøkkel."), 401)),
    )
    api.add_exception_handler(
        RequestDataTooBig, cast(Any, fixed(_("Forespørselen er for stor."), 413))
    )
    for many in (TooManyFieldsSent, TooManyFilesSent):
        api.add_exception_handler(
            many, cast(Any, fixed(_("Forespørselen har for mange felt eller filer."), 400))
        )

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja's own 400 is «Cannot parse request body»; other statuses carry our text.
        message = _("Forespørselen kunne ikke leses.") if exc.status_code == 400 else str(exc)
        return detail(request, message, exc.status_code)

    def validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": service_errors(exc)}, status=422)

    def input_error(request: HttpRequest, exc: InputError) -> HttpResponse:
        return api.create_response(request, {"detail": input_errors(exc.errors)}, status=422)

    api.add_exception_handler(HttpError, cast(Any, http_error))
    api.add_exception_handler(ValidationError, cast(Any, validation))
    api.add_exception_handler(InputError, cast(Any, input_error))


def unknown_path(request: HttpRequest, path: str = "") -> HttpResponse:
    """Anything under /api/ that matches no operation (an id that is not a UUID, a typo):
    a JSON 404 like every other, not the HTML page."""
    from samspill.api import api

    return api.create_response(request, {"detail": _("Fant ikke det du ba om.")}, status=404)


def declare(api: NinjaAPI) -> None:
    """Declare on every operation the error statuses it can answer, with the shared
    schemas (``core/schemas.py``), so the OpenAPI schema lists every status:

    - 401: every operation needs a login or a token;
    - 403 and 404: every operation goes through the access policy, which refuses a change
      the role may not make (403) and hides what the user may not see (404), and an id
      that names nothing is 404;
    - 422: an operation with parameters or a body, or any write (a value refused, by
      pydantic or by the service, at its field; a write without a body, like reopening a
      process, can still be refused by its service);
    - 400 and 413: an operation with a JSON body (unreadable, or over the size limit).
    """
    from samspill.core.schemas import ErrorOut, ValidationErrorOut

    for entry in api._routers:
        router = entry[1]
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                sources = {model.__ninja_param_source__ for model in operation.models}
                codes: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
                if sources - {"path"} or set(operation.methods) - {"GET"}:
                    codes[422] = ValidationErrorOut
                if "body" in sources:
                    codes |= {400: ErrorOut, 413: ErrorOut}
                for code, schema in codes.items():
                    operation.response_models.setdefault(
                        code, operation._create_response_model(schema)
                    )


@contextmanager
def request_fields(**names: str) -> Iterator[None]:
    """Key a service's errors to the request's field names: ``request_fields(end_on="end")``
    turns an error at the service's ``end_on`` into one at the request's ``end``."""
    try:
        yield
    except ValidationError as error:
        errors = service_errors(error)
        raise ValidationError(
            {names.get(field, field): messages for field, messages in errors.items()}
        ) from None
