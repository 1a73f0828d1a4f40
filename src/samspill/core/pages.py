"""What pages share: the form → service → redirect round (the purpose of a read is
``policy.audit.purpose_for``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect

from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest

T = TypeVar("T")


def submit(
    request: AuthenticatedRequest,
    form: forms.Form,
    save: Callable[[], T],
    *,
    done: str | Callable[[T], str],
    then: Callable[[T], str],
) -> HttpResponse | None:
    """On a valid POST, call the service; its errors go to their fields, success redirects.

    ``done`` is the success message, or a function of what the service returned that
    gives it. Returns ``None`` when the form is to be shown (again), with status 200.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, done(saved) if callable(done) else done)
    return redirect(then(saved))
