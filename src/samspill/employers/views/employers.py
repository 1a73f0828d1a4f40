"""Employer pages: the register, one employer, its contact persons and its contact log."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspill.audit.models import Purpose
from samspill.core.pages import submit
from samspill.employers import access as scoped
from samspill.employers import selectors, services
from samspill.employers.access import employer_get_for_user, employer_list_for_user
from samspill.employers.forms import (
    ContactLogForm,
    ContactPersonForm,
    EmployerCreateForm,
    EmployerForm,
    RegisterFilterForm,
)
from samspill.employers.models import ContactPerson, Employer
from samspill.lib.http import AuthenticatedRequest
from samspill.policy import EMPLOYER_EDITOR_ROLES
from samspill.policy.audit import purpose_for
from samspill.processes import selectors as process_selectors
from samspill.processes.access import process_page_for_user
from samspill.rules import EMPLOYER_NOT_CONTACTED_AFTER

REGISTER_PAGE_SIZE = 50


def _detail_url(employer: Employer) -> str:
    return reverse("employers:detail", kwargs={"employer_id": employer.uuid})


@require_GET
def employer_list(request: AuthenticatedRequest) -> HttpResponse:
    """The employer contact's register, with filters; the filters survive paging."""
    form = RegisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.employer_register(
        employer_list_for_user(user=request.user),
        query=filters.get("q", ""),
        sector=filters.get("sector", ""),
        not_contacted=filters.get("not_contacted", False),
    )
    page = Paginator(rows, REGISTER_PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    context = {
        "form": form,
        "employers": page.object_list,
        "page": page,
        "query": query.urlencode(),
        "can_register": request.user.role in EMPLOYER_EDITOR_ROLES,
        "days": EMPLOYER_NOT_CONTACTED_AFTER.value.days,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "employers/list.html" + ("#filtered" if partial else ""), context)


@require_http_methods(["GET", "POST"])
def employer_create(request: AuthenticatedRequest) -> HttpResponse:
    scoped.require_editor(user=request.user, purpose=Purpose.CASE_WORK, what="employer")
    form = EmployerCreateForm(request.POST or None)
    response = submit(
        request,
        form,
        lambda: services.employer_create(actor=request.user, **form.cleaned_data),
        done=_("Arbeidsgiveren er registrert."),
        then=_detail_url,
    )
    return response or render(request, "employers/employer_form.html", {"form": form})


@require_GET
def employer_detail(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=purpose_for(request.user)
    )
    employer, user = access.employer, request.user
    staff = scoped.sees_contact_log(user)
    context = {
        "access": access,
        "contact_persons": selectors.contact_persons_of(employer=employer),
        "workplaces": selectors.workplaces_of(employer=employer),
        "openings": selectors.openings_of(employer=employer),
        "staff": staff,
        "summary": selectors.contact_summary(employer=employer) if staff else None,
        "contacts": selectors.contacts_of(employer=employer)[:5] if staff else [],
        "history": (
            process_selectors.inclusion_history(employer=employer)
            if scoped.sees_inclusion_history(user, employer)
            else None
        ),
        "page": process_page_for_user(user=user, purpose=purpose_for(user), employer=employer),
    }
    return render(request, "employers/detail.html", context)


@require_http_methods(["GET", "POST"])
def employer_edit(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    employer = access.employer
    initial = {name: getattr(employer, name) for name in EmployerForm.base_fields}
    form = EmployerForm(request.POST or None, initial=initial)
    response = submit(
        request,
        form,
        lambda: services.employer_update(
            actor=request.user, employer=employer, **form.cleaned_data
        ),
        done=_("Endringene er lagret."),
        then=_detail_url,
    )
    context = {"form": form, "employer": employer}
    return response or render(request, "employers/employer_form.html", context)


def _person_initial(person: ContactPerson | None) -> dict[str, str]:
    if person is None:
        return {}
    return {name: getattr(person, name) for name in ContactPersonForm.base_fields}


@require_http_methods(["GET", "POST"])
def contact_person_create(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = ContactPersonForm(request.POST or None)
    response = submit(
        request,
        form,
        lambda: services.contact_person_create(
            actor=request.user, employer=access.employer, **form.cleaned_data
        ),
        done=_("Kontaktpersonen er lagt til."),
        then=lambda person: _detail_url(person.employer),
    )
    context = {"form": form, "employer": access.employer}
    return response or render(request, "employers/contact_person_form.html", context)


@require_http_methods(["GET", "POST"])
def contact_person_edit(
    request: AuthenticatedRequest, employer_id: UUID, contact_person_id: UUID
) -> HttpResponse:
    access = employer_get_for_user(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    person = scoped.contact_person_get_for_user(
        user=request.user,
        access=access,
        contact_person_id=contact_person_id,
        purpose=Purpose.CASE_WORK,
        for_change=True,
    )
    if request.method == "POST" and "remove" in request.POST:
        services.contact_person_remove(actor=request.user, contact_person=person)
        messages.success(request, _("Kontaktpersonen er fjernet."))
        return redirect(_detail_url(access.employer))
    form = ContactPersonForm(request.POST or None, initial=_person_initial(person))
    response = submit(
        request,
        form,
        lambda: services.contact_person_update(
            actor=request.user, contact_person=person, **form.cleaned_data
        ),
        done=_("Kontaktpersonen er oppdatert."),
        then=lambda saved: _detail_url(saved.employer),
    )
    context = {"form": form, "employer": access.employer, "person": person}
    return response or render(request, "employers/contact_person_form.html", context)


@require_GET
def contact_log(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = scoped.contact_log_access(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK
    )
    contacts = selectors.contacts_of(employer=access.employer)
    page = Paginator(contacts, 50).get_page(request.GET.get("side"))
    context = {
        "access": access,
        "page": page,
        "summary": selectors.contact_summary(employer=access.employer),
    }
    return render(request, "employers/contact_log.html", context)


@require_http_methods(["GET", "POST"])
def contact_log_create(request: AuthenticatedRequest, employer_id: UUID) -> HttpResponse:
    access = scoped.contact_log_access(
        user=request.user, employer_id=employer_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    employer = access.employer
    form = ContactLogForm(
        request.POST or None,
        staff=selectors.contact_staff(actor=request.user),
        workplaces=selectors.workplaces_of(employer=employer),
        initial={"occurred_on": timezone.localdate(), "made_by": request.user.uuid},
    )
    response = submit(
        request,
        form,
        lambda: services.employer_log_contact(
            actor=request.user, employer=employer, **form.cleaned_data
        ),
        done=_("Kontakten er registrert."),
        then=lambda contact: reverse(
            "employers:contact_log", kwargs={"employer_id": contact.employer.uuid}
        ),
    )
    context = {"form": form, "employer": employer}
    return response or render(request, "employers/contact_log_form.html", context)
