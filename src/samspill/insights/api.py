"""The JSON API for Innsikt, tag ``insights``: read-only figures for managers (the same
access and small-number suppression as the pages), and the difference-in-differences
estimate from counts."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from samspill.audit.models import Purpose
from samspill.insights import access, selectors, tables
from samspill.insights.stats import Rate, did_from_counts, shown
from samspill.lib.http import AuthenticatedRequest

router = Router(tags=["insights"])


class Group(Schema):
    n: Annotated[int, Field(ge=0, le=10_000_000)]
    k: Annotated[int, Field(ge=0, le=10_000_000)]


class Periods(Schema):
    before: Group
    after: Group


class DidIn(Schema):
    pilot: Periods
    control: Periods


class DidOut(Schema):
    estimate_pp: float
    ci_low_pp: float
    ci_high_pp: float
    pilot_before: float
    pilot_after: float
    control_before: float
    control_after: float


@router.post("/did", response=DidOut, summary="Forskjell-i-forskjeller fra antall")
def did(request: AuthenticatedRequest, payload: DidIn) -> DidOut:
    """For figures from elsewhere: four groups of people (``n``) and how many had the
    outcome (``k``). Returns the estimate in percentage points with a 95 % interval."""
    cells = {
        "pilot.before": payload.pilot.before,
        "pilot.after": payload.pilot.after,
        "control.before": payload.control.before,
        "control.after": payload.control.after,
    }
    errors = {
        name: _("n må være minst 1, og k mellom 0 og n.")
        for name, cell in cells.items()
        if cell.n < 1 or not 0 <= cell.k <= cell.n
    }
    if errors:
        raise ValidationError(errors)
    result = did_from_counts(*(Rate(cell.k, cell.n) for cell in cells.values()))
    return DidOut(
        estimate_pp=round(result.estimate_pp, 4),
        ci_low_pp=round(result.ci_low_pp, 4),
        ci_high_pp=round(result.ci_high_pp, 4),
        pilot_before=result.pilot_before,
        pilot_after=result.pilot_after,
        control_before=result.control_before,
        control_after=result.control_after,
    )


class OutcomesOut(Schema):
    scope: str
    served: str
    with_job: str
    job_starts: str
    competitive_starts: str
    completed_trials: str
    retention: dict[str, float | None]
    employment_rate: dict[str, str]


@router.get("/outcomes", response=OutcomesOut, summary="Resultater og varighet i jobb")
def outcomes(
    request: AuthenticatedRequest, team: UUID | None = None, advisor: UUID | None = None
) -> OutcomesOut:
    scope = access.scope_for_user(
        user=request.user, purpose=Purpose.API, team_id=team, advisor_id=advisor
    )
    today = timezone.localdate()
    year = selectors.outcomes_last_year(scope.processes, today)
    curve = selectors.retention(scope.processes, today)
    quarters = selectors.employment_rate(
        scope.processes, selectors.quarters_back(today, selectors.QUARTERS)
    )
    cells = tables.result_cells(year)
    return OutcomesOut(
        scope=scope.label,
        served=cells["served"],
        with_job=cells["with_job"],
        job_starts=cells["job_starts"],
        competitive_starts=cells["competitive_starts"],
        completed_trials=cells["completed_trials"],
        retention={f"{m}m": share for m, share in tables.retention_points(curve)},
        employment_rate={q.label: q.rate.percent() for q in quarters},
    )


class AdvisorOut(Schema):
    advisor: str
    active: int
    searching: int
    in_work: int
    employer_contacts_per_week: float
    job_starts: str


@router.get("/caseload", response=list[AdvisorOut], summary="Saksmengde per veileder")
def caseload(request: AuthenticatedRequest, team: UUID | None = None) -> list[AdvisorOut]:
    scope = access.scope_for_user(user=request.user, purpose=Purpose.API, team_id=team)
    return [
        AdvisorOut(
            advisor=row.name,
            active=row.active,
            searching=row.searching,
            in_work=row.in_work,
            employer_contacts_per_week=round(row.employer_contacts_per_week, 2),
            job_starts=shown(row.job_starts),
        )
        for row in selectors.caseload(scope.processes, timezone.localdate())
    ]


class TableOut(Schema):
    name: str
    title: str
    columns: list[str]
    rows: list[list[str | int | float]]


TableName = Literal["resultater", "i_jobb", "sysselsetting", "oppfolging", "saksmengde", "likeverd"]


@router.get("/tables/{name}", response=TableOut, summary="En tabell fra oversiktene")
def table(
    request: AuthenticatedRequest,
    name: TableName,
    team: UUID | None = None,
    advisor: UUID | None = None,
) -> TableOut:
    """Any table of the overview pages, cell for cell as on the page and in its download."""
    scope = access.scope_for_user(
        user=request.user, purpose=Purpose.API, team_id=team, advisor_id=advisor
    )
    built = tables.BUILDERS[name](scope.processes, timezone.localdate())
    return TableOut(
        name=built.name,
        title=built.title,
        columns=[str(c) for c in built.columns],
        rows=[list(row) for row in built.rows],
    )


class GroupOut(Schema):
    dimension: str
    group: str
    people: str
    rates: dict[str, str]
    clearly_below: list[str]


@router.get("/equity", response=list[GroupOut], summary="Likeverdsmonitor")
def equity(request: AuthenticatedRequest, team: UUID | None = None) -> list[GroupOut]:
    scope = access.scope_for_user(user=request.user, purpose=Purpose.API, team_id=team)
    result = selectors.equity(scope.processes, timezone.localdate())
    return [
        GroupOut(
            dimension=str(row.dimension),
            group=str(row.group),
            people=row.people,
            rates=tables.group_cells(row),
            clearly_below=[step for step, flagged in row.flags.items() if flagged],
        )
        for row in [result.office, *result.rows]
    ]
