"""Every Innsikt page, download and API answer runs a fixed number of queries: the count is
pinned with a little data and stays the same with more (advisors, processes, jobs, contacts,
plans, concerns, reviews)."""

from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.conftest import World
from samspill.employers.tests.factories import EmployerContactFactory
from samspill.followup.models import Contact
from samspill.followup.tests.factories import ConcernFactory, PlanFactory, PlanItemFactory
from samspill.insights.tests.factories import FidelityReviewFactory, JobFactory
from samspill.processes.models import Phase, PhaseChange
from samspill.processes.tests.factories import ProcessFactory

#: Every staff request reads the session, the user and the second-factor device; the
#: manager's scope reads the office. The figures follow, one grouped query each (what the
#: selectors count, never a query per row). A page then renders the scope form (teams,
#: advisors) and the layout (the office); a download writes one export audit row instead.
OUTCOMES = 4 + 9  # outcomes (3), retention, quarterly rate (2), timings (3)
CASELOAD = 4 + 10  # follow-up (3), per advisor (4), timings (3)
EQUITY = 4 + 1  # one grouped query over every combination of the dimensions
FIDELITY = 4 + 2  # the reviews and their scores (prefetched)
#: The evaluation reads no scope; it validates the chosen offices (2) and counts the cells
#: per office, before and after (2).
EVALUATION = 3 + 4

PAGES = ("outcomes", "caseload", "equity", "fidelity", "evaluation")

#: label (see ``_requests``) → queries.
PINNED: dict[str, int] = {
    "outcomes": OUTCOMES + 3,
    "caseload": CASELOAD + 3,
    "equity": EQUITY + 3,
    "fidelity": FIDELITY + 1,  # the teams to review (no scope form on this page)
    "evaluation": EVALUATION + 3,  # the offices to choose from (2) and the layout's office
    **{
        f"outcomes.{n}.{f}": OUTCOMES + 1
        for n in ("resultater", "i_jobb", "sysselsetting")
        for f in ("csv", "xlsx")
    },
    **{
        f"caseload.{n}.{f}": CASELOAD + 1
        for n in ("oppfolging", "saksmengde")
        for f in ("csv", "xlsx")
    },
    **{f"equity.likeverd.{f}": EQUITY + 1 for f in ("csv", "xlsx")},
    **{f"fidelity.fidelitet.{f}": FIDELITY + 1 for f in ("csv", "xlsx")},
    "evaluation.gjennomsnitt.csv": EVALUATION + 3,  # offices to choose from (2), audit row
    #: One review and its scores, through the manager's office.
    "review": 3 + 2,
    #: The team, then the suggestions: per advisor (4), timings (3), jobs of the last year
    #: (2), contacts of the last year (1).
    "new review": 3 + 1 + 10,
    #: The API reads no form and renders no layout.
    "api.outcomes": OUTCOMES - 3,  # no timings
    "api.caseload": 4 + 4,  # per advisor only
    "api.equity": EQUITY,
    #: One table by name: the scope, then only the queries of that table.
    "api.tables.resultater": 4 + 3,
    "api.tables.i_jobb": 4 + 1,
    "api.tables.sysselsetting": 4 + 2,
    "api.tables.oppfolging": 4 + 3,
    "api.tables.saksmengde": 4 + 4 + 3,
    "api.tables.likeverd": EQUITY,
}


def _grow(world: World, n: int) -> None:
    """``n`` more advisors at the manager's office, each with a process that has a job (every
    other one ended), an employer visit, a follow-up plan with a concern, a trial behind it;
    and a fidelity review of the team with every item scored."""
    today = timezone.localdate()
    for i in range(n):
        advisor = UserFactory(role=Role.ADVISOR, office=world.office, team=world.team)
        process = ProcessFactory(
            advisor=advisor,
            employer=world.employer_org,
            started_on=today - datetime.timedelta(days=400 + i),
            phase=Phase.EMPLOYMENT,
        )
        JobFactory(
            process=process,
            employer=world.employer_org,
            started_on=today - datetime.timedelta(days=300),
            ended_on=today - datetime.timedelta(days=30) if i % 2 else None,
        )
        PhaseChange.objects.create(
            process=process, to_phase=Phase.TRIAL, effective_on=process.started_on
        )
        Contact.objects.create(
            process=process,
            party="employer",
            form="visit",
            place="workplace",
            on=today - datetime.timedelta(days=7),
            logged_by=advisor,
        )
        EmployerContactFactory(
            employer=world.employer_org,
            made_by=advisor,
            occurred_on=today - datetime.timedelta(days=3),
        )
        plan = PlanFactory(process=process, starts_on=today - datetime.timedelta(days=60))
        PlanItemFactory(plan=plan, first_due_on=today - datetime.timedelta(days=i))
        ConcernFactory(process=process, respond_by=today - datetime.timedelta(days=1))
        FidelityReviewFactory(
            team=world.team, reviewed_on=today - datetime.timedelta(days=i), score=3 + i % 3
        )


def _evaluation_query(world: World) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "pilot": [str(world.office.uuid)],
        "control": [str(world.other_office.uuid)],
        "before_from": (today - datetime.timedelta(days=800)).isoformat(),
        "before_to": (today - datetime.timedelta(days=401)).isoformat(),
        "after_from": (today - datetime.timedelta(days=400)).isoformat(),
        "after_to": today.isoformat(),
        "outcome": "job",
    }


def _requests(world: World) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, url, query) for every page, download and API answer of Innsikt."""
    url = {page: reverse(f"insights:{page}") for page in PAGES}
    out = [(page, url[page], {}) for page in PAGES if page != "evaluation"]
    out.append(("evaluation", url["evaluation"], _evaluation_query(world)))
    downloads = {
        "outcomes": ("resultater", "i_jobb", "sysselsetting"),
        "caseload": ("oppfolging", "saksmengde"),
        "equity": ("likeverd",),
        "fidelity": ("fidelitet",),
    }
    for page, names in downloads.items():
        for name in names:
            for fmt in ("csv", "xlsx"):
                out.append((f"{page}.{name}.{fmt}", url[page], {"tabell": name, "format": fmt}))
    query = _evaluation_query(world) | {"tabell": "gjennomsnitt", "format": "csv"}
    out.append(("evaluation.gjennomsnitt.csv", url["evaluation"], query))
    out.append(("review", reverse("insights:fidelity_review", args=[world.review.uuid]), {}))
    out.append(("new review", reverse("insights:fidelity_new", args=[world.team.uuid]), {}))
    for endpoint in ("outcomes", "caseload", "equity"):
        out.append((f"api.{endpoint}", f"/api/insights/{endpoint}", {}))
    for name in ("resultater", "i_jobb", "sysselsetting", "oppfolging", "saksmengde", "likeverd"):
        out.append((f"api.tables.{name}", f"/api/insights/tables/{name}", {}))
    return out


def _check(client: Client, world: World, assert_num_queries: Any) -> None:
    for label, url, query in _requests(world):
        with assert_num_queries(PINNED[label]):
            response = client.get(url, query)
        assert response.status_code == 200, label


def test_every_insights_page_download_and_answer_has_a_fixed_query_count(
    world: World, client: Client, django_assert_num_queries: Any
) -> None:
    assert {label for label, _, _ in _requests(world)} == set(PINNED)
    client.force_login(world.manager)
    _grow(world, 2)
    _check(client, world, django_assert_num_queries)
    _grow(world, 6)
    _check(client, world, django_assert_num_queries)
    page = client.get(reverse("insights:caseload"))
    assert len(page.context["tables"]["saksmengde"].rows) == 1 + 2 + 6  # advisor + grown
    page = client.get(reverse("insights:fidelity"))
    assert len(page.context["rows"]) == 1 + 2 + 6  # world's review + grown
