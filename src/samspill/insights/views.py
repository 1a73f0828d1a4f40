"""Innsikt pages for managers: outcomes and retention, caseload and follow-up, the equity
monitor, IPS fidelity reviews and pilot evaluation; and registering jobs on a process.
Every table can be downloaded as CSV or XLSX (``?format=csv&tabell=<name>``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.core.pages import submit
from samspill.employers.access import employer_list_for_user
from samspill.insights import access, charts, selectors, services
from samspill.insights import tables as insights_tables
from samspill.insights.exports import FORMATS, export
from samspill.insights.fidelity import (
    ITEM_BY_CODE,
    ITEMS,
    MAX_TOTAL,
    band_ranges,
    review_totals,
    suggestions,
)
from samspill.insights.forms import (
    EvaluationForm,
    FidelityReviewForm,
    JobEndForm,
    JobForm,
    ScopeForm,
)
from samspill.insights.models import FidelityReview
from samspill.insights.stats import SUPPRESSED
from samspill.insights.tables import Table
from samspill.lib.http import AuthenticatedRequest
from samspill.processes.access import process_get_for_user
from samspill.rules import (
    IPS_EMPLOYER_CONTACTS_PER_WEEK,
    IPS_MAX_CASELOAD,
    SMALL_NUMBER_LIMIT,
    STAYED_IN_WORK_MONTHS,
)


def _scope(request: AuthenticatedRequest) -> tuple[access.Scope, ScopeForm]:
    probe = access.scope_for_user(user=request.user, purpose=Purpose.CASE_WORK)
    form = ScopeForm(request.GET or None, teams=probe.teams, advisors=probe.advisors)
    team = advisor = None
    if form.is_valid():
        team = form.cleaned_data["team"]
        advisor = form.cleaned_data["advisor"]
    scope = access.scope_for_user(
        user=request.user,
        purpose=Purpose.CASE_WORK,
        team_id=team.uuid if team else None,
        advisor_id=advisor.uuid if advisor else None,
    )
    return scope, form


def _page(
    request: AuthenticatedRequest,
    template: str,
    tables: dict[str, Table],
    context: dict[str, Any],
) -> HttpResponse:
    """Render the page, or send one of its tables as a file (logged as an export)."""
    fmt, name = request.GET.get("format", ""), request.GET.get("tabell", "")
    if fmt in FORMATS and name in tables:
        audit_record(
            actor=request.user,
            subject=Subject("insights", None),
            action=Action.EXPORT,
            purpose=Purpose.CASE_WORK,
            detail=f"{name}.{fmt}",
        )
        return export(tables[name], fmt)
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("tabell", None)
    context |= {
        "tables": tables,
        "query": query.urlencode(),
        "suppressed": SUPPRESSED,
        "small_number_limit": SMALL_NUMBER_LIMIT.value,
    }
    return render(request, template, context)


@require_GET
def outcomes(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    today = timezone.localdate()
    year = selectors.outcomes_last_year(scope.processes, today)
    curve = selectors.retention(scope.processes, today)
    quarters = selectors.employment_rate(
        scope.processes, selectors.quarters_back(today, selectors.QUARTERS)
    )
    tables = {
        t.name: t
        for t in (
            insights_tables.results(year),
            insights_tables.retention(curve),
            insights_tables.employment(quarters),
        )
    }
    context = {
        "scope": scope,
        "form": form,
        "curve": curve,
        "timing": selectors.timings(scope.processes, today),
        "retention_chart": charts.retention_chart(curve),
        "rate_chart": charts.rate_chart(quarters),
    }
    return _page(request, "insights/outcomes.html", tables, context)


@require_GET
def caseload(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    today = timezone.localdate()
    followup = selectors.followup_figures(scope.processes, today)
    rows = selectors.caseload(scope.processes, today)
    tables = {
        t.name: t
        for t in (insights_tables.followup(followup), insights_tables.caseload(rows, followup))
    }
    context = {
        "scope": scope,
        "form": form,
        "limit": IPS_MAX_CASELOAD.value,
        "contacts": IPS_EMPLOYER_CONTACTS_PER_WEEK.value,
        "timing": selectors.timings(scope.processes, today),
        "followup": followup,
    }
    return _page(request, "insights/caseload.html", tables, context)


@require_GET
def equity(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    result = selectors.equity(scope.processes, timezone.localdate())
    dimensions: dict[str, list[selectors.GroupRow]] = {}
    for row in result.rows:
        dimensions.setdefault(row.dimension, []).append(row)
    context = {
        "scope": scope,
        "form": form,
        "result": result,
        "dimensions": dimensions,
        "steps": selectors.STEPS,
        "stayed_months": STAYED_IN_WORK_MONTHS.value,
    }
    tables = {"likeverd": insights_tables.equity(result)}
    return _page(request, "insights/equity.html", tables, context)


@require_GET
def fidelity(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    rows = review_totals(access.reviews_for_user(user=request.user))
    context = {
        "scope": scope,
        "form": form,
        "rows": rows,
        "max_total": MAX_TOTAL,
        "bands": band_ranges(),
        "items": len(ITEMS),
    }
    tables = {"fidelitet": insights_tables.fidelity(rows)}
    return _page(request, "insights/fidelity.html", tables, context)


@require_http_methods(["GET", "POST"])
def fidelity_new(request: AuthenticatedRequest, team_id: UUID) -> HttpResponse:
    team = access.team_for_review(user=request.user, team_id=team_id)
    today = timezone.localdate()
    suggested = suggestions(access.team_processes(user=request.user, team=team), today)
    initial: dict[str, object] = {"reviewed_on": today}
    initial |= {f"score_{code}": s.score for code, s in suggested.items()}
    initial |= {f"evidence_{code}": s.figures for code, s in suggested.items()}
    form = FidelityReviewForm(request.POST or None, initial=initial)

    def save() -> FidelityReview:
        data = form.cleaned_data
        return services.fidelity_review_save(
            actor=request.user,
            team=team,
            reviewed_on=data["reviewed_on"],
            reviewers=data["reviewers"],
            notes=data["notes"],
            scores={i.code: data[f"score_{i.code}"] for i in ITEMS},
            item_notes={i.code: data[f"notes_{i.code}"] for i in ITEMS},
            evidence={i.code: data[f"evidence_{i.code}"] for i in ITEMS},
        )

    response = submit(
        request,
        form,
        save,
        done=_("Fidelitetsgjennomgangen er lagret."),
        then=lambda review: reverse("insights:fidelity_review", kwargs={"review_id": review.uuid}),
    )
    context = {"team": team, "form": form, "suggested": suggested}
    return response or render(request, "insights/fidelity_form.html", context)


@require_GET
def fidelity_review(request: AuthenticatedRequest, review_id: UUID) -> HttpResponse:
    review = access.review_get_for_user(user=request.user, review_id=review_id)
    [summary] = review_totals([review])
    rows = [(ITEM_BY_CODE[s.item], s) for s in review.scores.all() if s.item in ITEM_BY_CODE]
    context = {"review": review, "summary": summary, "rows": rows, "max_total": MAX_TOTAL}
    return render(request, "insights/fidelity_review.html", context)


@require_GET
def evaluation(request: AuthenticatedRequest) -> HttpResponse:
    access.scope_for_user(user=request.user, purpose=Purpose.CASE_WORK)
    offices = access.offices_for_evaluation(user=request.user)
    form = EvaluationForm(request.GET or None, offices=offices)
    context: dict[str, Any] = {"form": form}
    tables: dict[str, Table] = {}
    if form.is_valid():
        data = form.cleaned_data
        pilots = {o.pk: True for o in data["pilot"]} | {o.pk: False for o in data["control"]}
        periods = {
            False: (data["before_from"], data["before_to"]),
            True: (data["after_from"], data["after_to"]),
        }
        cells = selectors.did_cells(pilots, periods, data["outcome"])
        groups = selectors.did_groups(cells)
        if any(not rate.n for rate in groups.values()):
            context["empty"] = True
        else:
            tables["gjennomsnitt"] = insights_tables.did_means(groups)
            context |= {
                "result": selectors.did_estimate(cells),
                "chart": charts.did_chart(groups),
                "offices_n": len(pilots),
            }
    return _page(request, "insights/evaluation.html", tables, context)


# -- jobs on a process ---------------------------------------------------------------------


def _process_url(process_uuid: UUID) -> Callable[[object], str]:
    return lambda _: reverse("processes:detail", kwargs={"process_id": process_uuid})


@require_http_methods(["GET", "POST"])
def job_create(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    process_access = process_get_for_user(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    process = process_access.process
    form = JobForm(
        request.POST or None,
        employers=employer_list_for_user(user=request.user),
        initial={
            "employer": process.employer,
            "started_on": timezone.localdate(),
            "competitive": True,
        },
    )
    response = submit(
        request,
        form,
        lambda: services.job_start(
            actor=request.user, process=process, data=services.JobInput(**form.cleaned_data)
        ),
        done=_("Jobbstarten er registrert."),
        then=_process_url(process.uuid),
    )
    context = {"access": process_access, "form": form}
    return response or render(request, "insights/job_form.html", context)


@require_http_methods(["GET", "POST"])
def job_end(request: AuthenticatedRequest, job_id: UUID) -> HttpResponse:
    job_access = access.job_get_for_user(user=request.user, job_id=job_id, for_change=True)
    job = job_access.job
    form = JobEndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    response = submit(
        request,
        form,
        lambda: services.job_end(
            actor=request.user,
            job=job,
            ended_on=form.cleaned_data["ended_on"],
            reason=form.cleaned_data["end_reason"],
        ),
        done=_("Jobbslutten er registrert. Oppfølgingen fortsetter."),
        then=_process_url(job.process.uuid),
    )
    context = {"job": job, "access": job_access.process, "form": form}
    return response or render(request, "insights/job_end.html", context)
