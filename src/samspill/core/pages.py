"""What pages share: the purpose of a read by role, and the form → service → redirect round."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect

from samspill.accounts.models import Role
from samspill.audit.models import Purpose
from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest

T = TypeVar("T")

_PURPOSE_BY_ROLE: dict[str, Purpose] = {
    Role.EMPLOYER: Purpose.EMPLOYER_PORTAL,
    Role.JOBSEEKER: Purpose.OWN_DATA,
    Role.PARTNER: Purpose.PARTNER_WORK,
}


def purpose(request: AuthenticatedRequest) -> Purpose:
    return _PURPOSE_BY_ROLE.get(request.user.role, Purpose.CASE_WORK)


def submit(
    request: AuthenticatedRequest,
    form: forms.Form,
    save: Callable[[], T],
    *,
    done: str,
    then: Callable[[T], str],
) -> HttpResponse | None:
    """On a valid POST, call the service; its errors go to their fields, success redirects.

    Returns ``None`` when the form is to be shown (again).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, done)
    return redirect(then(saved))
