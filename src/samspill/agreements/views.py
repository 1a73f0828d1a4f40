"""Agreement pages: thin views (access function → form → service → redirect)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspill.accounts.models import Role
from samspill.agreements import pdf, permissions, selectors, services
from samspill.agreements.access import AgreementAccess, agreement_get_for_user
from samspill.agreements.forms import (
    SECTIONS,
    AgreementForm,
    CancelForm,
    ChangeForm,
    CommitmentForm,
    RevisionForm,
)
from samspill.agreements.measures import fields_hidden_for
from samspill.agreements.models import Agreement, Stage
from samspill.agreements.transitions import EDITABLE
from samspill.audit.models import Purpose
from samspill.lib.forms import add_service_errors
from samspill.lib.http import AuthenticatedRequest
from samspill.policy.audit import purpose_for
from samspill.processes.access import process_get_for_user


def _get(
    request: AuthenticatedRequest, agreement_id: UUID, *, change: bool = False
) -> AgreementAccess:
    purpose = Purpose.CASE_WORK if change else purpose_for(request.user)
    return agreement_get_for_user(
        user=request.user, agreement_id=agreement_id, purpose=purpose, for_change=change
    )


def _stale_warning(agreement: Agreement) -> dict[str, int] | None:
    """A draft is warned a week before it is cancelled for being untouched."""
    if agreement.stale_warned_at is None or agreement.stage not in EDITABLE:
        return None
    return {"weeks": services.STALE_AFTER_WEEKS - 1}


def page_context(request: AuthenticatedRequest, access: AgreementAccess) -> dict[str, Any]:
    agreement = access.agreement
    return {
        "access": access,
        "agreement": agreement,
        "candidate": access.process.candidate,
        "status": selectors.status_of(agreement, timezone.localdate()),
        "measure": selectors.measure_of(agreement),
        "referrals": selectors.referrals_of(agreement),
        "calculation": selectors.calculation_of(agreement),
        "commitments": list(agreement.commitments.all()),
        "approvals": selectors.active_approvals(agreement),
        "withdrawn": list(selectors.withdrawn_approvals(agreement)),
        "waiting_for": selectors.waiting_for(agreement),
        "versions": selectors.versions_of(agreement),
        "shared": access.shared.labels + access.shared.needs,
        "missing": selectors.missing(agreement) if agreement.stage == Stage.DRAFT else {},
        "offered": permissions.offered_to(request.user, agreement),
        "stale_warning": _stale_warning(agreement),
        "revision_form": RevisionForm(initial={"revision": agreement.revision}),
    }


@require_GET
def agreement_detail(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    access = _get(request, agreement_id)
    context = page_context(request, access)
    if context["offered"].edit:
        context["commitment_form"] = CommitmentForm(
            initial={"revision": access.agreement.revision, "owner": request.user.display_name}
        )
    template = "employer" if access.employer_version else "detail"
    return render(request, f"agreements/{template}.html", context)


@require_POST
def agreement_create(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    try:
        agreement = services.agreement_create(actor=request.user, process=access.process)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("processes:detail", process_id=access.process.uuid)
    messages.success(request, _("Utkastet til avtale er laget."))
    return redirect("agreements:edit", agreement_id=agreement.uuid)


@require_http_methods(["GET", "POST"])
def agreement_edit(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    access = _get(request, agreement_id, change=True)
    agreement = access.agreement
    assert agreement.process.employer is not None or agreement.workplace is not None
    contacts = (
        agreement.process.employer.contact_persons.all() if agreement.process.employer else []
    )
    form = AgreementForm(
        request.POST if request.method == "POST" else None,
        instance=agreement,
        contacts=contacts,
        initial={"revision": agreement.revision},
    )
    measure_before = agreement.measure
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(
                actor=request.user,
                agreement=agreement,
                revision=form.cleaned_data["revision"],
                values=form.values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Avtalen er lagret."))
            if fields_hidden_for(agreement.measure) != fields_hidden_for(measure_before):
                # Another measure has other fields: back to the form to fill them in.
                messages.info(request, _("Fyll ut feltene for tiltaket du valgte."))
                return redirect("agreements:edit", agreement_id=agreement.uuid)
            return redirect("agreements:detail", agreement_id=agreement.uuid)
    sections = [
        (title, [form[name] for name in names if name in form.fields]) for title, names in SECTIONS
    ]
    context = {"access": access, "form": form, "sections": sections}
    return render(request, "agreements/edit.html", context)


def _revision_action(
    request: AuthenticatedRequest, agreement_id: UUID, action: Any, done: str, *, change: bool
) -> HttpResponse:
    access = _get(request, agreement_id, change=change)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Last siden på nytt og prøv igjen."))
    else:
        try:
            action(
                actor=request.user,
                agreement=access.agreement,
                revision=form.cleaned_data["revision"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
    return redirect("agreements:detail", agreement_id=access.agreement.uuid)


@require_POST
def agreement_send(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    return _revision_action(
        request,
        agreement_id,
        services.agreement_send,
        _("Avtalen er sendt til godkjenning."),
        change=True,
    )


@require_POST
def agreement_approve(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    return _revision_action(
        request,
        agreement_id,
        services.agreement_approve,
        _("Du har godkjent avtalen."),
        change=False,
    )


@require_POST
def agreement_conclude(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    return _revision_action(
        request, agreement_id, services.agreement_conclude, _("Avtalen er inngått."), change=True
    )


@require_POST
def agreement_commitment(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    access = _get(request, agreement_id, change=True)
    agreement = access.agreement
    if "remove" in request.POST:
        form = RevisionForm(request.POST)
        if form.is_valid():
            try:
                services.agreement_remove_commitment(
                    actor=request.user,
                    agreement=agreement,
                    revision=form.cleaned_data["revision"],
                    commitment_id=request.POST["remove"],
                )
            except ValidationError as error:  # also an id that is no UUID
                messages.error(request, " ".join(error.messages))
        return redirect("agreements:detail", agreement_id=agreement.uuid)
    commitment_form = CommitmentForm(request.POST)
    if commitment_form.is_valid():
        try:
            services.agreement_add_commitment(
                actor=request.user, agreement=agreement, **commitment_form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(commitment_form, error)
        else:
            messages.success(request, _("Forpliktelsen er lagt til."))
            return redirect("agreements:detail", agreement_id=agreement.uuid)
    context = page_context(request, access) | {"commitment_form": commitment_form}
    return render(request, "agreements/detail.html", context, status=400)


@require_http_methods(["GET", "POST"])
def agreement_change(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    access = _get(request, agreement_id, change=True)
    agreement = access.agreement
    employer = agreement.process.employer
    form = ChangeForm(
        request.POST if request.method == "POST" else None,
        instance=agreement,
        contacts=employer.contact_persons.all() if employer else [],
        staff=agreement.process.office.staff.filter(role__in=(Role.ADVISOR, Role.MANAGER)),
        initial={"revision": agreement.revision},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_change(
                actor=request.user,
                agreement=agreement,
                revision=form.cleaned_data["revision"],
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                values=form.values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Endringen er lagret som en ny versjon."))
            return redirect("agreements:detail", agreement_id=agreement.uuid)
    return render(request, "agreements/change.html", {"access": access, "form": form})


@require_http_methods(["GET", "POST"])
def agreement_cancel(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    access = _get(request, agreement_id, change=True)
    form = CancelForm(
        request.POST if request.method == "POST" else None,
        initial={"revision": access.agreement.revision},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_cancel(
                actor=request.user, agreement=access.agreement, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Avtalen er avbrutt."))
            return redirect("agreements:detail", agreement_id=access.agreement.uuid)
    return render(request, "agreements/cancel.html", {"access": access, "form": form})


def _pdf(request: AuthenticatedRequest, agreement_id: UUID, *, employer: bool) -> HttpResponse:
    access = _get(request, agreement_id)
    employer = employer or access.employer_version
    template = pdf.EMPLOYER if employer else pdf.FULL
    content = pdf.render_pdf(template, page_context(request, access))
    name = "avtale-arbeidsgiver.pdf" if employer else "avtale.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_GET
def agreement_pdf(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    return _pdf(request, agreement_id, employer=False)


@require_GET
def agreement_employer_pdf(request: AuthenticatedRequest, agreement_id: UUID) -> HttpResponse:
    return _pdf(request, agreement_id, employer=True)
