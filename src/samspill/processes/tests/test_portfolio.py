"""Min portefølje (``/forlop/portefolje/``): scope, filters, counts, sorting and paging.

The clock is frozen at 1 June 2026 (Oslo). ``portfolio`` gives ``world.advisor`` five
processes that differ in every filter, with each date on or next to its boundary.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from samspill.accounts.models import Role, User
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import AuditEvent
from samspill.candidates.models import AccommodationNeed, Candidate
from samspill.conftest import World
from samspill.lib.dates import add_months
from samspill.processes.models import InclusionProcess, Phase
from samspill.processes.tests.factories import MemberFactory, ProcessFactory

OSLO = ZoneInfo("Europe/Oslo")
TODAY = datetime.date(2026, 6, 1)
URL = "/forlop/portefolje/"
UUID_LINK = re.compile(r'href="/forlop/([0-9a-f-]{36})/"')


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


@dataclass
class Portfolio:
    mapping: InclusionProcess
    search: InclusionProcess
    trial: InclusionProcess  # world.process
    employment: InclusionProcess
    closed: InclusionProcess
    colleague: InclusionProcess  # another advisor's, at the same office


def _process(advisor: User, *, candidate: dict[str, Any], **fields: Any) -> InclusionProcess:
    return ProcessFactory(
        advisor=advisor, **{f"candidate__{k}": v for k, v in candidate.items()}, **fields
    )


def _need(process: InclusionProcess, confirmed: datetime.date) -> None:
    AccommodationNeed.objects.create(
        candidate=process.candidate, code="hearing", last_confirmed=confirmed
    )


@pytest.fixture
def portfolio(world: World) -> Portfolio:
    advisor, six_months_ago = world.advisor, add_months(TODAY, -6)
    mapping = _process(
        advisor,
        candidate={
            "last_name": "Aas",
            "benefit": "aap",
            "need_level": "standard",
            "birth_date": datetime.date(1996, 6, 2),
        },  # turns 30 tomorrow: young
        phase=Phase.MAPPING,
        started_on=TODAY - datetime.timedelta(days=90),  # exactly 90 days: not "more than"
        phase_since=datetime.date(2026, 5, 1),
    )
    search = _process(
        advisor,
        candidate={
            "last_name": "Berg",
            "benefit": "uforetrygd",
            "need_level": "spesielt_tilpasset",
            "birth_date": datetime.date(2000, 1, 1),
        },
        phase=Phase.JOB_SEARCH,
        started_on=datetime.date(2025, 5, 31),  # 366 days
        phase_since=datetime.date(2026, 2, 1),
    )
    _need(search, six_months_ago - datetime.timedelta(days=1))  # due for review
    trial = world.process
    Candidate.objects.filter(pk=trial.candidate_id).update(last_name="Dahl", benefit="aap")
    InclusionProcess.objects.filter(pk=trial.pk).update(
        started_on=datetime.date(2026, 1, 15), phase_since=datetime.date(2026, 3, 1)
    )  # 137 days; born 1998: young
    employment = _process(
        advisor,
        candidate={
            "last_name": "Eide",
            "benefit": "sosialhjelp",
            "need_level": "varig_tilpasset",
            "birth_date": datetime.date(1996, 6, 1),
        },  # 30 today: not young
        phase=Phase.EMPLOYMENT,
        started_on=datetime.date(2025, 10, 1),  # 243 days
        phase_since=datetime.date(2026, 1, 1),
    )
    _need(employment, six_months_ago)  # exactly six months: not yet due
    closed = _process(
        advisor,
        candidate={"last_name": "Fosse", "benefit": "aap", "birth_date": datetime.date(2001, 1, 1)},
        phase=Phase.CLOSED,
        started_on=datetime.date(2024, 1, 1),
        phase_since=datetime.date(2026, 4, 1),
        ended_on=datetime.date(2026, 4, 1),
    )
    _need(closed, datetime.date(2024, 1, 1))
    colleague = UserFactory(role=Role.ADVISOR, office=world.office, team=world.advisor.team)
    colleague_process = _process(
        colleague,
        candidate={"last_name": "Aase", "benefit": "aap", "birth_date": datetime.date(2001, 1, 1)},
        phase=Phase.MAPPING,
        started_on=datetime.date(2024, 1, 1),
    )
    _need(colleague_process, datetime.date(2024, 1, 1))
    trial.refresh_from_db()
    return Portfolio(mapping, search, trial, employment, closed, colleague_process)


def _get(client: Client, user: User, query: str = "") -> str:
    client.force_login(user)
    response = client.get(f"{URL}{query}")
    assert response.status_code == 200
    return response.content.decode()


def _rows(html: str) -> list[str]:
    """The processes listed in the table, in the order shown."""
    return UUID_LINK.findall(html)


def _count_after(html: str, field: str) -> int:
    """The «(n aktive)» count printed next to a checkbox filter."""
    match = re.search(rf'name="{field}".*?\((\d+) aktive\)', html, re.DOTALL)
    assert match, f"no count next to {field}"
    return int(match.group(1))


def _ids(*processes: InclusionProcess) -> set[str]:
    return {str(p.uuid) for p in processes}


# --- scope ----------------------------------------------------------------------------------


def test_advisor_sees_only_own_active_processes_by_default(
    world: World, portfolio: Portfolio, client: Client
) -> None:
    html = _get(client, world.advisor)
    p = portfolio
    assert set(_rows(html)) == _ids(p.mapping, p.search, p.trial, p.employment)
    assert len(_rows(html)) == 4
    assert "4 forløp." in html


def test_every_row_shown_is_logged(world: World, portfolio: Portfolio, client: Client) -> None:
    _get(client, world.advisor)
    logged = AuditEvent.objects.filter(actor=world.advisor, object_type="process", action="view")
    p = portfolio
    assert {str(e.object_uuid) for e in logged} == _ids(p.mapping, p.search, p.trial, p.employment)
    assert logged.count() == 4


def test_manager_sees_the_offices_processes(
    world: World, portfolio: Portfolio, client: Client
) -> None:
    p = portfolio
    html = _get(client, world.manager)
    assert set(_rows(html)) == _ids(p.mapping, p.search, p.trial, p.employment, p.colleague)
    assert "Alle aktive (5)" in html
    html = _get(client, world.manager, "?fase=alle")
    other_office = InclusionProcess.objects.get(advisor=world.advisor_other_office)
    assert str(other_office.uuid) not in _rows(html)
    assert len(_rows(html)) == 6


def test_another_advisor_does_not_see_this_advisors_processes(
    world: World, portfolio: Portfolio, client: Client
) -> None:
    colleague = portfolio.colleague.advisor
    assert set(_rows(_get(client, colleague, "?fase=alle"))) == _ids(portfolio.colleague)


# --- filters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?fase=aktive", ["mapping", "search", "trial", "employment"]),
        ("?fase=mapping", ["mapping"]),
        ("?fase=job_search", ["search"]),
        ("?fase=trial", ["trial"]),
        ("?fase=retention", []),
        ("?fase=closed", ["closed"]),
        ("?fase=alle", ["mapping", "search", "trial", "employment", "closed"]),
        ("?innsats=varig_tilpasset", ["employment"]),
        ("?innsats=standard", ["mapping"]),
        ("?ytelse=aap", ["mapping", "trial"]),  # the closed one has AAP too, but is closed
        ("?ytelse=aap&fase=alle", ["mapping", "trial", "closed"]),
        ("?ytelse=dagpenger", []),
        ("?dager=90", ["search", "trial", "employment"]),  # mapping: exactly 90 days
        ("?dager=180", ["search", "employment"]),
        ("?dager=365", ["search"]),
        ("?unge=on", ["mapping", "search", "trial"]),  # Eide turns 30 today
        ("?behov=on", ["search"]),  # Eide's need is exactly six months old
        ("?behov=on&fase=alle", ["search", "closed"]),
        ("?unge=on&ytelse=aap&dager=90", ["trial"]),
    ],
)
def test_each_filter_narrows_the_list(
    world: World, portfolio: Portfolio, client: Client, query: str, expected: list[str]
) -> None:
    html = _get(client, world.advisor, query)
    assert set(_rows(html)) == _ids(*(getattr(portfolio, name) for name in expected))
    assert f"{len(expected)} forløp." in html
    if not expected:
        assert "Ingen forløp passer filtrene." in html


def test_rows_with_needs_due_are_marked(world: World, portfolio: Portfolio, client: Client) -> None:
    html = _get(client, world.advisor)
    rows = re.findall(r'<tr class="aksel-table__row">\s*<td.*?</tr>', html, re.DOTALL)
    marked = {UUID_LINK.search(row).group(1) for row in rows if "Behov bør gjennomgås" in row}  # type: ignore[union-attr]
    assert marked == _ids(portfolio.search)


def test_counts_on_the_page_match_the_advisors_processes(
    world: World, portfolio: Portfolio, client: Client
) -> None:
    # The counts describe the whole portfolio, whatever the filters show.
    for query in ("", "?fase=closed&innsats=standard"):
        html = _get(client, world.advisor, query)
        assert "Alle aktive (4)" in html
        assert "Kartlegging (1)" in html
        assert "Jobbsøk og jobbutvikling (1)" in html
        assert "Utprøving (1)" in html
        assert "Ansettelse (1)" in html
        assert "Jobbfastholdelse (0)" in html
        assert "Avsluttet (1)" in html
        assert _count_after(html, "unge") == 3
        assert _count_after(html, "behov") == 1
        assert "2 aktive har vart mer enn et halvt år." in html  # Berg and Eide


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["mapping", "trial", "employment", "search"]),  # newest start first
        ("?sorter=start", ["mapping", "trial", "employment", "search"]),
        ("?sorter=eldst", ["search", "employment", "trial", "mapping"]),
        ("?sorter=navn", ["mapping", "search", "trial", "employment"]),  # Aas, Berg, Dahl, Eide
        ("?sorter=fase", ["employment", "search", "trial", "mapping"]),  # longest in phase
        ("?sorter=navn&fase=alle", ["mapping", "search", "trial", "employment", "closed"]),
    ],
)
def test_sort_options(
    world: World, portfolio: Portfolio, client: Client, query: str, expected: list[str]
) -> None:
    html = _get(client, world.advisor, query)
    assert _rows(html) == [str(getattr(portfolio, name).uuid) for name in expected]


@pytest.mark.parametrize(
    "query",
    [
        "?fase=bogus",
        "?innsats=høy",
        "?ytelse=lønn",
        "?dager=42",
        "?dager=-1",
        "?sorter=DROP TABLE",
        "?side=abc",
        "?side=99",  # past the end: the last page, which is the only one
        "?side=-1",
        "?fase=&innsats=&ytelse=&dager=&sorter=",
    ],
)
def test_invalid_values_fall_back_to_the_defaults(
    world: World, portfolio: Portfolio, client: Client, query: str
) -> None:
    html = _get(client, world.advisor, query)
    p = portfolio
    expected = [p.mapping, p.trial, p.employment, p.search]  # active, newest start first
    assert _rows(html) == [str(process.uuid) for process in expected]


# --- paging ---------------------------------------------------------------------------------


FILTERS = "?fase=mapping&ytelse=aap&sorter=navn&unge=on"


@pytest.fixture
def many(world: World) -> list[InclusionProcess]:
    """55 young AAP receivers in kartlegging for ``world.advisor``, and one on dagpenger."""
    _process(world.advisor, candidate={"benefit": "dagpenger"}, phase=Phase.MAPPING)
    return [
        _process(world.advisor, candidate={"benefit": "aap"}, phase=Phase.MAPPING)
        for _ in range(55)
    ]


def _page_link(html: str, label: str) -> str:
    link = re.search(rf'<a class="aksel-link" href="([^"]*)">{label}</a>', html)
    assert link, f"no link «{label}»"
    return unescape(link.group(1))


def test_the_next_page_link_keeps_the_filters(
    world: World, many: list[InclusionProcess], client: Client
) -> None:
    html = _get(client, world.advisor, FILTERS)
    assert "Side 1 av 2" in html
    link = _page_link(html, "Neste side")
    assert parse_qs(urlsplit(link).query) == {
        "fase": ["mapping"],
        "ytelse": ["aap"],
        "sorter": ["navn"],
        "unge": ["on"],
        "side": ["2"],
    }


def test_the_phase_links_keep_the_other_filters(
    world: World, portfolio: Portfolio, client: Client
) -> None:
    html = _get(client, world.advisor, "?ytelse=aap&side=1")
    link = re.search(r'<a href="([^"]*)"[^>]*>Kartlegging \(1\)</a>', html)
    assert link
    assert parse_qs(urlsplit(unescape(link.group(1))).query) == {
        "ytelse": ["aap"],
        "fase": ["mapping"],
    }


def test_the_second_page_is_filtered_like_the_first(
    world: World, many: list[InclusionProcess], client: Client
) -> None:
    html = _get(client, world.advisor, FILTERS)
    first_page = _rows(html)
    assert len(first_page) == 50
    assert "55 forløp." in html

    html = _get(client, world.advisor, f"{FILTERS}&side=2")

    second_page = _rows(html)
    assert len(second_page) == 5
    assert "Side 2 av 2" in html
    assert set(first_page) | set(second_page) == _ids(*many)
    names = [
        InclusionProcess.objects.select_related("candidate").get(uuid=uuid).candidate.last_name
        for uuid in first_page + second_page
    ]
    assert names == sorted(names)  # the sort holds across pages
    assert "Neste side" not in html
    assert "side=1" in _page_link(html, "Forrige side")


# --- query count ----------------------------------------------------------------------------

#: Session, user, the second-factor device, page of processes, their count, the counts
#: aggregate, the audit rows.
PORTFOLIO_QUERIES = 7


@pytest.mark.parametrize("total", [5, 60])
def test_the_page_costs_the_same_queries_for_5_and_60_processes(
    world: World, client: Client, django_assert_num_queries: Any, total: int
) -> None:
    for index in range(total - 1):  # world.process is the first
        process = _process(world.advisor, candidate={}, phase=list(Phase)[index % 6])
        _need(process, datetime.date(2025, 1, 1))
    MemberFactory(process=world.process)  # a partner in a process changes nothing
    assert InclusionProcess.objects.filter(advisor=world.advisor).count() == total
    client.force_login(world.advisor)

    with django_assert_num_queries(PORTFOLIO_QUERIES):
        response = client.get(f"{URL}?fase=alle&sorter=navn")

    assert response.status_code == 200
    assert len(_rows(response.content.decode())) == min(total, 50)


# --- who may use the portfolio ------------------------------------------------------------


@pytest.mark.parametrize(
    "persona", ["employer", "jobseeker", "partner", "employer_contact", "admin"]
)
def test_other_roles_cannot_use_the_portfolio(world: World, client: Client, persona: str) -> None:
    # Its filters would tell an employer or partner the need level, benefit, age and
    # needs of candidates they may see, none of which they may be shown.
    for member in ("partner", "employer_contact"):
        MemberFactory(process=world.process, user=world.persona(member))
    client.force_login(world.persona(persona))
    level = world.process.candidate.need_level

    response = client.get(f"{URL}?fase=alle&innsats={level}")

    assert response.status_code == 404
    assert str(world.process.uuid) not in response.content.decode()
    assert not AuditEvent.objects.filter(
        actor=world.persona(persona), object_type="process", outcome="allowed"
    ).exists()


# --- htmx -----------------------------------------------------------------------------------


def test_with_htmx_a_filter_returns_only_the_results_and_the_status_line(
    world: World, portfolio: Portfolio, client: Client, django_assert_num_queries: Any
) -> None:
    client.force_login(world.advisor)
    with django_assert_num_queries(PORTFOLIO_QUERIES):
        response = client.get(f"{URL}?ytelse=aap", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert set(_rows(html)) == _ids(portfolio.mapping, portfolio.trial)
    assert "<html" not in html
    assert 'name="ytelse"' not in html  # the form stays as it is in the page
    assert 'hx-swap-oob="innerHTML:#portefolje-status"' in html
    assert "2 forløp." in html


def test_without_htmx_the_same_address_is_the_whole_page_with_the_form_wired_for_htmx(
    world: World, portfolio: Portfolio, client: Client
) -> None:
    html = _get(client, world.advisor, "?ytelse=aap")
    assert html.startswith("<!doctype html>")
    assert set(_rows(html)) == _ids(portfolio.mapping, portfolio.trial)
    assert 'method="get"' in html
    assert 'hx-get="/forlop/portefolje/" hx-target="#portefolje-treff" hx-push-url="true"' in html
    assert '<div id="portefolje-treff"' in html
    assert "hx-swap-oob" not in html


def test_htmx_restoring_history_gets_the_whole_page(world: World, client: Client) -> None:
    html = _get_with(
        client, world.advisor, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert html.startswith("<!doctype html>")


def _get_with(client: Client, user: User, **headers: str) -> str:
    client.force_login(user)
    response = client.get(URL, **headers)  # type: ignore[arg-type]
    assert response.status_code == 200
    return response.content.decode()
