"""The agreements list on the jobseeker's and the employer's start pages costs the same
number of queries for a few agreements as for many."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from samspill.agreements.tests.factories import AgreementFactory, PlacedProcessFactory
from samspill.conftest import World

#: session, user, the person's processes (the paginator's count and the page) and their audit
#: row, the agreements with process, candidate, employer and both contacts, one bulk audit
#: insert for them, the plan items and the latest contacts (the next planned contacts), and
#: the session's idle timestamp (a savepoint, the update, its release).
JOBSEEKER_START_QUERIES = 12
#: The same, and the consents of the processes' candidates and the employer itself.
EMPLOYER_START_QUERIES = 14


@pytest.mark.parametrize("rows", [2, 15])
def test_the_jobseekers_agreements_do_not_grow_the_page(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        AgreementFactory(process=world.process, workplace=world.workplace)
    client.force_login(world.jobseeker)
    with django_assert_num_queries(JOBSEEKER_START_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    assert len(response.context["agreements"]) == rows + 1


@pytest.mark.parametrize("rows", [2, 15])
def test_the_employers_agreements_do_not_grow_the_page(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        process = PlacedProcessFactory(advisor=world.advisor, workplace=world.workplace)
        AgreementFactory(process=process, complete=True)
    client.force_login(world.employer)
    with django_assert_num_queries(EMPLOYER_START_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    assert len(response.context["agreements"]) == rows + 1
