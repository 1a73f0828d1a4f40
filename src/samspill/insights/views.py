"""Innsikt pages for managers: outcomes and retention, caseload and follow-up, the equity
monitor, IPS fidelity reviews and pilot evaluation; and registering jobs on a process.
Every table can be downloaded as CSV or XLSX (``?format=csv&tabell=<name>``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from samspill.accounts.access import employer_list_for_user, process_get_for_user
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.core.pages import submit
from samspill.followup.models import PlanParty
from samspill.insights import access, selectors, services
from samspill.insights.charts import Series, line_chart, step_chart
from samspill.insights.exports import FORMATS, Table, export
from samspill.insights.fidelity import ITEM_BY_CODE, ITEMS, MAX_TOTAL, band, suggestions
from samspill.insights.forms import (
    EvaluationForm,
    FidelityReviewForm,
    JobEndForm,
    JobForm,
    ScopeForm,
)
from samspill.insights.stats import Rate, did_regression, shown
from samspill.lib.http import AuthenticatedRequest
from samspill.rules import (
    IPS_EMPLOYER_CONTACTS_PER_WEEK,
    IPS_EMPLOYMENT_RATE_BENCHMARKS,
    IPS_MAX_CASELOAD,
    RETENTION_MONTHS,
)

QUARTERS = 12
DAYS_PER_MONTH = 30.44


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
    return render(request, template, {**context, "tables": tables, "query": query.urlencode()})


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %".replace(".", ",")


@require_GET
def outcomes(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    today = timezone.localdate()
    year = selectors.outcomes(scope.processes, today - timedelta(days=365), today)
    curve = selectors.retention(scope.processes, today)
    quarters = selectors.employment_rate(scope.processes, selectors.quarters_back(today, QUARTERS))
    timing = selectors.timings(scope.processes, today)
    hidden = curve.people < 5
    retention_rows = [
        (f"{m} måneder", "<5" if hidden else _pct(curve.at(m * DAYS_PER_MONTH)))
        for m in RETENTION_MONTHS.value
    ]
    tables = {
        "resultater": Table(
            "resultater",
            "Resultater siste 12 måneder",
            ["Mål", "Antall"],
            [
                ("Personer fulgt opp", shown(year.served)),
                ("Personer som fikk jobb", shown(year.with_job)),
                ("Jobbstarter", shown(year.job_starts)),
                ("  herav ordinære jobber", shown(year.competitive_starts)),
                ("  herav med lønnstilskudd", shown(year.subsidised_starts)),
                ("Fullførte arbeidsutprøvinger (ikke et resultat)", shown(year.completed_trials)),
            ],
        ),
        "i_jobb": Table(
            "i_jobb",
            "Andel fortsatt i jobb (Kaplan-Meier)",
            ["Tid etter jobbstart", "Andel i jobb"],
            retention_rows,
        ),
        "sysselsetting": Table(
            "sysselsetting",
            "Sysselsettingsrate per kvartal (IPS)",
            ["Kvartal", "Fulgt opp", "I ordinær jobb", "Andel"],
            [(q.label, shown(q.served), shown(q.working), q.rate.percent()) for q in quarters],
        ),
    }
    minimum, average, excellent = IPS_EMPLOYMENT_RATE_BENCHMARKS.value
    context = {
        "scope": scope,
        "form": form,
        "year": year,
        "curve": curve,
        "hidden": hidden,
        "timing": timing,
        "retention_chart": None
        if hidden
        else step_chart(
            "Andel fortsatt i jobb etter jobbstart",
            "Kaplan-Meier-kurve: andelen som fortsatt er i jobb, måned for måned etter "
            "jobbstart. Tallene står i tabellen under.",
            [
                ("Andel i jobb", curve.days, curve.share),
                ("95 % nedre grense", curve.days, curve.low),
            ],
            max_x=min(curve.days[-1], 24 * DAYS_PER_MONTH) if curve.days else 1,
        ),
        "rate_chart": line_chart(
            "Sysselsettingsrate per kvartal",
            "Andelen som var i ordinær jobb i kvartalet blant dem som ble fulgt opp, med IPS' "
            "referanseverdier. Tallene står i tabellen under.",
            [q.label for q in quarters],
            [
                Series("Kontoret", [None if q.rate.hidden else q.rate.value for q in quarters]),
                Series("IPS minimum 31 %", [minimum] * len(quarters)),
                Series("IPS snitt 41 %", [average] * len(quarters)),
                Series("IPS svært god 50 %", [excellent] * len(quarters)),
            ],
        ),
    }
    return _page(request, "insights/outcomes.html", tables, context)


@require_GET
def caseload(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    today = timezone.localdate()
    rows = selectors.caseload(scope.processes, today)
    limit, contacts = IPS_MAX_CASELOAD.value, IPS_EMPLOYER_CONTACTS_PER_WEEK.value
    followup = selectors.followup_figures(scope.processes, today)
    parties = [(p.value, str(p.label)) for p in PlanParty]

    def on_schedule(advisor_id: int, party: str) -> str:
        rate = followup.by_advisor.get(advisor_id, {}).get(party)
        return "–" if rate is None else rate.percent()

    tables = {
        "oppfolging": Table(
            "oppfolging",
            "Planlagt oppfølging i rute i dag",
            ["Med hvem", "I rute", "Planlagte kontakter som løper"],
            [
                (
                    label,
                    followup.on_schedule[party].percent() if party in followup.on_schedule else "–",
                    shown(followup.on_schedule[party].n) if party in followup.on_schedule else "0",
                )
                for party, label in parties
            ]
            + [
                (
                    "Henvendelser fra arbeidsgivere besvart innen fristen",
                    followup.concerns_in_time.percent(),
                    shown(followup.concerns_in_time.n),
                )
            ],
        ),
        "saksmengde": Table(
            "saksmengde",
            "Saksmengde og arbeidsgiverkontakt per veileder",
            [
                "Veileder",
                "Aktive forløp",
                "I kartlegging eller jobbsøk",
                "I jobb",
                "Personlige arbeidsgiverkontakter per uke",
                "Jobbstarter siste år",
                *(f"Oppfølging i rute: {label.lower()}" for _, label in parties),
            ],
            [
                (
                    r.name,
                    f"{r.active} (over {limit})" if r.active > limit else r.active,
                    r.searching,
                    r.in_work,
                    f"{r.employer_contacts_per_week:.1f}".replace(".", ",")
                    + (f" (under {contacts})" if r.employer_contacts_per_week < contacts else ""),
                    shown(r.job_starts),
                    *(on_schedule(r.advisor_id, party) for party, _ in parties),
                )
                for r in rows
            ],
        ),
    }
    context = {
        "scope": scope,
        "form": form,
        "rows": rows,
        "limit": limit,
        "contacts": contacts,
        "timing": selectors.timings(scope.processes, today),
        "followup": followup,
    }
    return _page(request, "insights/caseload.html", tables, context)


@require_GET
def equity(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    result = selectors.equity(scope.processes, timezone.localdate())
    columns = ["Gruppe", "Personer"]
    for _, label in selectors.STEPS:
        columns += [label, "95 % KI", "Klart lavere"]

    def cells(row: selectors.GroupRow) -> list[str | int | float]:
        out: list[str | int | float] = [f"{row.dimension}: {row.group}", shown(row.n)]
        for step, _ in selectors.STEPS:
            rate = row.rates[step]
            out += [rate.percent(), rate.interval_text(), "ja" if row.flags.get(step) else ""]
        return out

    tables = {
        "likeverd": Table(
            "likeverd",
            "Likeverdsmonitor",
            columns,
            [cells(result.office), *[cells(row) for row in result.rows]],
        )
    }
    dimensions: dict[str, list[selectors.GroupRow]] = {}
    for row in result.rows:
        dimensions.setdefault(row.dimension, []).append(row)
    context = {
        "scope": scope,
        "form": form,
        "result": result,
        "dimensions": dimensions,
        "steps": selectors.STEPS,
    }
    return _page(request, "insights/equity.html", tables, context)


@require_GET
def fidelity(request: AuthenticatedRequest) -> HttpResponse:
    scope, form = _scope(request)
    reviews = access.reviews_for_user(user=request.user)
    rows = [(r, sum(s.score for s in r.scores.all())) for r in reviews]
    tables = {
        "fidelitet": Table(
            "fidelitet",
            "IPS-fidelitet over tid",
            ["Team", "Dato", "Sum", "Nivå"],
            [(r.team.name, r.reviewed_on.isoformat(), total, band(total)) for r, total in rows],
        )
    }
    context = {"scope": scope, "form": form, "rows": rows, "max_total": MAX_TOTAL}
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

    def save() -> object:
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
        done="Fidelitetsgjennomgangen er lagret.",
        then=lambda review: reverse(
            "insights:fidelity_review",
            kwargs={"review_id": review.uuid},  # type: ignore[attr-defined]
        ),
    )
    context = {"team": team, "form": form, "suggested": suggested}
    return response or render(request, "insights/fidelity_form.html", context)


@require_GET
def fidelity_review(request: AuthenticatedRequest, review_id: UUID) -> HttpResponse:
    review = access.review_get_for_user(user=request.user, review_id=review_id)
    scores = list(review.scores.all())
    total = sum(s.score for s in scores)
    rows = [(ITEM_BY_CODE[s.item], s) for s in scores if s.item in ITEM_BY_CODE]
    context = {
        "review": review,
        "rows": rows,
        "total": total,
        "band": band(total),
        "max_total": MAX_TOTAL,
    }
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
        problems = _evaluation_problems(data)
        for field, message in problems.items():
            form.add_error(field, message)
        if not problems:
            context |= _evaluate(data, tables)
    return _page(request, "insights/evaluation.html", tables, context)


def _evaluation_problems(data: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if set(data["pilot"]) & set(data["control"]):
        problems["control"] = "Et kontor kan ikke være både pilot og kontroll."
    if data["before_from"] > data["before_to"]:
        problems["before_to"] = "Før-perioden må slutte etter at den starter."
    if data["after_from"] > data["after_to"]:
        problems["after_to"] = "Etter-perioden må slutte etter at den starter."
    if not problems and data["after_from"] <= data["before_to"]:
        problems["after_from"] = "Etter-perioden må starte etter at før-perioden er slutt."
    return problems


def _evaluate(data: dict[str, Any], tables: dict[str, Table]) -> dict[str, Any]:
    offices = {o.pk: True for o in data["pilot"]} | {o.pk: False for o in data["control"]}
    periods = {
        False: (data["before_from"], data["before_to"]),
        True: (data["after_from"], data["after_to"]),
    }
    cells = selectors.did_cells(offices, periods, data["outcome"])
    groups: dict[tuple[bool, bool], Rate] = {}
    for pilot in (True, False):
        for after in (False, True):
            chosen = [c for c in cells if c.pilot == pilot and c.after == after]
            groups[(pilot, after)] = Rate(sum(c.k for c in chosen), sum(c.n for c in chosen))
    if any(not rate.n for rate in groups.values()):
        return {"empty": True}
    y, p, a, o = [], [], [], []
    for c in cells:
        y += [1.0] * c.k + [0.0] * (c.n - c.k)
        p += [c.pilot] * c.n
        a += [c.after] * c.n
        o += [c.office_id] * c.n
    result = did_regression(y, p, a, o)
    rows = [
        ("Pilot", groups[(True, False)].percent(), groups[(True, True)].percent()),
        ("Kontroll", groups[(False, False)].percent(), groups[(False, True)].percent()),
    ]
    tables["gjennomsnitt"] = Table(
        "gjennomsnitt", "Andel med utfallet per gruppe og periode", ["Gruppe", "Før", "Etter"], rows
    )
    chart = line_chart(
        "Pilot og kontroll før og etter",
        "Andelen med utfallet i pilot- og kontrollkontorene i før- og etterperioden. Tallene "
        "står i tabellen over.",
        ["Før", "Etter"],
        [
            Series(
                "Pilot",
                [
                    None if r.hidden else r.value
                    for r in (groups[(True, False)], groups[(True, True)])
                ],
            ),
            Series(
                "Kontroll",
                [
                    None if r.hidden else r.value
                    for r in (groups[(False, False)], groups[(False, True)])
                ],
            ),
        ],
    )
    return {
        "result": result,
        "groups": groups,
        "rows": rows,
        "chart": chart,
        "offices_n": len(offices),
    }


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
        done="Jobbstarten er registrert.",
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
        done="Jobbslutten er registrert. Oppfølgingen fortsetter.",
        then=_process_url(job.process.uuid),
    )
    context = {"job": job, "access": job_access.process, "form": form}
    return response or render(request, "insights/job_end.html", context)
