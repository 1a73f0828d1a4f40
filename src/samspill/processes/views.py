"""Process pages: thin views (access function → form → service → redirect)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspill.accounts import selectors as account_selectors
from samspill.accounts.models import Role, User
from samspill.agreements import permissions as agreement_permissions
from samspill.agreements import selectors as agreement_selectors
from samspill.audit.models import Purpose
from samspill.candidates import intake
from samspill.candidates.access import candidate_profile_for_user
from samspill.candidates.presentation import Surface
from samspill.core.pages import submit
from samspill.employers.access import employer_list_for_user
from samspill.followup.selectors import contacts_of, has_employer_contact
from samspill.insights.selectors import jobs_of
from samspill.lib.http import AuthenticatedRequest
from samspill.matching.selectors import matches_of
from samspill.policy.audit import purpose_for
from samspill.processes import portfolio, selectors, services
from samspill.processes.access import (
    process_aggregate_for_user,
    process_get_for_user,
    process_page_for_user,
    require_portfolio,
)
from samspill.processes.forms import EndForm, InviteMemberForm, PhaseChangeForm, ProcessOpenForm
from samspill.processes.models import InclusionProcess


def _detail_url(process: InclusionProcess) -> str:
    return reverse("processes:detail", kwargs={"process_id": process.uuid})


@require_GET
def process_list(request: AuthenticatedRequest) -> HttpResponse:
    page = process_page_for_user(
        user=request.user, purpose=Purpose.PORTFOLIO, page_number=request.GET.get("side")
    )
    return render(request, "processes/list.html", {"page": page})


@require_GET
def portfolio_view(request: AuthenticatedRequest) -> HttpResponse:
    """Min portefølje: an advisor's own processes (a manager's: the office's)."""
    user, today = request.user, timezone.localdate()
    require_portfolio(user=user)
    form = portfolio.PortfolioFilterForm(request.GET or None)
    filters = form.filters()

    def scope(queryset: QuerySet[InclusionProcess]) -> QuerySet[InclusionProcess]:
        return queryset.filter(advisor=user) if user.role == Role.ADVISOR else queryset

    page = process_page_for_user(
        user=user,
        purpose=Purpose.PORTFOLIO,
        page_number=request.GET.get("side"),
        narrow=lambda queryset: portfolio.narrow(
            scope(queryset), filters, today, employer_contact=has_employer_contact
        ),
        ordering=portfolio.ordering(filters),
    )
    counts = process_aggregate_for_user(
        user=user,
        aggregate=lambda queryset: portfolio.counts(
            scope(queryset), today, employer_contact=has_employer_contact
        ),
    )
    context = {
        "page": page,
        "form": form,
        "counts": counts,
        "filters": filters,
        "may_register": intake.may_register(user),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = "processes/portfolio.html" + ("#filtered" if partial else "")
    return render(request, template, context)


@require_GET
def process_detail(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = process_get_for_user(
        user=request.user,
        process_id=process_id,
        purpose=purpose_for(request.user),
        surface=Surface.CARD,
    )
    context = {
        "access": access,
        "history": selectors.phase_history(process=access.process),
        "members": selectors.active_members(process=access.process) if access.can_change else [],
        "contacts": contacts_of(process=access.process) if access.can_change else [],
        "matches": matches_of(access.process) if access.can_change else [],
        "jobs": jobs_of(access.process) if access.can_change else [],
        "agreements": agreement_selectors.agreements_of(process=access.process),
        "may_create_agreement": agreement_permissions.create_refusal(request.user, access.process)
        is None,
        "may_end": services.end_refusal(request.user, access.process) is None,
        "may_reopen": services.reopen_refusal(request.user, access.process) is None,
    }
    return render(request, "processes/detail.html", context)


@require_http_methods(["GET", "POST"])
def process_change_phase(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    process = access.process
    form = PhaseChangeForm(
        request.POST if request.method == "POST" else None,
        current_phase=process.phase,
        employers=employer_list_for_user(user=request.user),
        initial={"effective_on": timezone.localdate(), "employer": process.employer},
    )
    response = submit(
        request,
        form,
        lambda: services.process_change_phase(
            actor=request.user, process=process, **form.cleaned_data
        ),
        done=_("Fasen er endret."),
        then=lambda _change: _detail_url(process),
    )
    context = {"access": access, "form": form}
    return response or render(request, "processes/change_phase.html", context)


@require_http_methods(["GET", "POST"])
def process_invite(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = InviteMemberForm(
        request.POST if request.method == "POST" else None,
        users=account_selectors.partners_for_invitation(),
    )
    response = submit(
        request,
        form,
        lambda: services.process_invite_member(
            actor=request.user, process=access.process, **form.cleaned_data
        ),
        done=_("Deltakeren er invitert inn i forløpet."),
        then=lambda _member: _detail_url(access.process),
    )
    return response or render(request, "processes/invite.html", {"access": access, "form": form})


@require_http_methods(["GET", "POST"])
def process_end(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    """«Avslutt løpet»: a reason, and the date; offered while ``end_refusal`` allows it."""
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = EndForm(
        request.POST if request.method == "POST" else None,
        initial={"ended_on": timezone.localdate()},
    )
    refusal = services.end_refusal(request.user, access.process)
    if refusal is not None:
        form.add_error(None, refusal)  # the form is then invalid, and submit() saves nothing
    response = submit(
        request,
        form,
        lambda: services.process_end(
            actor=request.user, process=access.process, **form.cleaned_data
        ),
        done=_("Forløpet er avsluttet."),
        then=_detail_url,
    )
    return response or render(request, "processes/end.html", {"access": access, "form": form})


@require_POST
def process_reopen(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    """«Gjenåpne»: back to kartlegging, the history kept."""
    access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    try:
        services.process_reopen(actor=request.user, process=access.process)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Forløpet er gjenåpnet."))
    return redirect("processes:detail", process_id=access.process.uuid)


@require_http_methods(["GET", "POST"])
def process_open(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    """«Start nytt forløp» for a person whose processes have all ended."""
    user = request.user
    access = candidate_profile_for_user(
        user=user, candidate_id=candidate_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = ProcessOpenForm(
        request.POST if request.method == "POST" else None,
        initial={"started_on": timezone.localdate(), "advisor": user.uuid},
        advisors=selectors.advisors_at(office=user.office) if user.office else User.objects.none(),
    )
    refusal = services.open_refusal(user, access.candidate)
    if refusal is not None:
        form.add_error(None, refusal)  # the form is then invalid, and submit() saves nothing
    response = submit(
        request,
        form,
        lambda: services.process_open(actor=user, candidate=access.candidate, **form.cleaned_data),
        done=_("Forløpet er startet."),
        then=_detail_url,
    )
    return response or render(request, "processes/open.html", {"access": access, "form": form})
