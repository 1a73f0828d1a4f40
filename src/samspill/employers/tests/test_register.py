"""The employer contact's register: last visit, last contact and open openings come from
the query itself, so the page costs the same number of queries for 5 or 40 employers."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from samspill.conftest import World
from samspill.employers.models import Employer, OpeningStatus
from samspill.employers.selectors import employer_register
from samspill.employers.tests.factories import (
    EmployerContactFactory,
    EmployerFactory,
    OpeningFactory,
    WorkplaceFactory,
)
from samspill.rules import EMPLOYER_NOT_CONTACTED_AFTER

OSLO = ZoneInfo("Europe/Oslo")
TODAY = datetime.date(2026, 6, 1)

#: session, user, the second-factor device, the count for the paginator, one page of
#: annotated employers.
REGISTER_QUERIES = 5


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _busy_employer(n: int) -> None:
    employer = EmployerFactory()
    workplace = WorkplaceFactory(employer=employer)
    OpeningFactory(workplace=workplace, status=OpeningStatus.OPEN)
    OpeningFactory(workplace=workplace, status=OpeningStatus.FILLED)
    EmployerContactFactory(employer=employer, occurred_on=TODAY - datetime.timedelta(days=n))
    EmployerContactFactory(
        employer=employer, kind="phone", occurred_on=TODAY - datetime.timedelta(days=n // 2)
    )


@pytest.mark.parametrize("extra", [5, 40])
def test_register_query_count_does_not_grow(
    world: World, client: Client, django_assert_num_queries, extra: int
) -> None:
    for n in range(extra):
        _busy_employer(n * 5)
    client.force_login(world.employer_contact)
    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get("/arbeidsgivere/")
    assert response.status_code == 200
    assert len(response.context["employers"]) == extra + 2
    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get("/arbeidsgivere/", {"not_contacted": "on", "sector": "warehouse"})
    assert response.status_code == 200


def test_the_60_days_rule_draws_the_line(world: World) -> None:
    assert EMPLOYER_NOT_CONTACTED_AFTER.value == datetime.timedelta(days=60)
    assert "Kartlegging" in EMPLOYER_NOT_CONTACTED_AFTER.source
    on_the_line = TODAY - EMPLOYER_NOT_CONTACTED_AFTER.value
    EmployerContactFactory(employer=world.employer_org, occurred_on=on_the_line)
    EmployerContactFactory(
        employer=world.employer_org_other,
        occurred_on=on_the_line - datetime.timedelta(days=1),
        kind="message",
    )
    never = EmployerFactory(name="Aldri Kontaktet AS")
    rows = employer_register(Employer.objects.all(), not_contacted=True)
    assert [e.name for e in rows] == [never.name, world.employer_org_other.name]
    flagged = {e.pk: e.not_contacted for e in employer_register(Employer.objects.all())}
    assert flagged == {
        world.employer_org.pk: False,
        world.employer_org_other.pk: True,
        never.pk: True,
    }


def test_last_visit_is_the_latest_visit_and_last_contact_any_kind(world: World) -> None:
    EmployerContactFactory(employer=world.employer_org, occurred_on=datetime.date(2026, 3, 1))
    EmployerContactFactory(employer=world.employer_org, occurred_on=datetime.date(2026, 4, 1))
    EmployerContactFactory(
        employer=world.employer_org, occurred_on=datetime.date(2026, 5, 1), kind="phone"
    )
    row = employer_register(Employer.objects.filter(pk=world.employer_org.pk)).get()
    assert row.last_visit == datetime.date(2026, 4, 1)  # type: ignore[attr-defined]
    assert row.last_contact == datetime.date(2026, 5, 1)  # type: ignore[attr-defined]


def test_employer_contact_start_page_lists_who_is_due(world: World, client: Client) -> None:
    EmployerContactFactory(
        employer=world.employer_org, occurred_on=TODAY, made_by=world.employer_contact
    )
    client.force_login(world.employer_contact)
    response = client.get("/")
    html = response.content.decode()
    assert "Arbeidsgivere som ikke er kontaktet på 60 dager" in html
    due = [e.name for e in response.context["employers"]]
    assert due == [world.employer_org_other.name]
    assert response.context["due_count"] == 1
    assert "Mine siste kontakter" in html
    assert world.employer_org.name in html  # in «mine siste kontakter»


def test_with_htmx_the_filters_return_only_the_results_at_the_same_query_count(
    world: World, client: Client, django_assert_num_queries: Any
) -> None:
    _busy_employer(100)  # not contacted for 100 days
    _busy_employer(10)
    client.force_login(world.employer_contact)
    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get("/arbeidsgivere/", {"not_contacted": "on"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert 'name="q"' not in html  # the form stays as it is in the page
    shown = response.context["employers"]
    assert shown
    assert all(employer.not_contacted for employer in shown)
    assert f"{len(shown)} arbeidsgivere" in html
    assert 'hx-swap-oob="innerHTML:#arbeidsgivere-status"' in html


def test_without_htmx_the_register_is_the_whole_page_with_the_form_wired_for_htmx(
    world: World, client: Client
) -> None:
    client.force_login(world.employer_contact)
    html = client.get("/arbeidsgivere/", {"q": "x"}).content.decode()
    assert html.startswith("<!doctype html>")
    assert 'hx-get="/arbeidsgivere/" hx-target="#arbeidsgivere-treff" hx-push-url="true"' in html
    assert '<div id="arbeidsgivere-treff"' in html
    assert "hx-swap-oob" not in html
