"""The employer contact log and the employer's page (its workplaces, openings and contacts)
cost the same number of queries for a few rows as for many. The register is pinned in
``test_register.py``."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samspill.conftest import World
from samspill.employers.tests.factories import (
    EmployerContactFactory,
    OpeningFactory,
    TaskFactory,
    WorkplaceFactory,
)

#: session, user, the second-factor device, the employer, the paginator's count, the
#: summary (last contact and visit), one page of contacts with who made them and where.
CONTACT_LOG_QUERIES = 7
#: session, user, device, the employer, the contact summary, the processes placed there
#: (phase counts and the paginator's count), contact persons, workplaces, openings, and the
#: latest contacts.
DETAIL_QUERIES = 11


def _busy(world: World, rows: int) -> None:
    for i in range(rows):
        workplace = WorkplaceFactory(employer=world.employer_org, name=f"Avdeling {i}")
        TaskFactory(workplace=workplace)
        OpeningFactory(workplace=workplace)
        EmployerContactFactory(
            employer=world.employer_org,
            workplace=workplace,
            occurred_on=datetime.date(2026, 5, 1) - datetime.timedelta(days=i),
        )


@pytest.mark.parametrize("rows", [2, 20])
def test_the_contact_log_does_not_grow_with_the_contacts(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    _busy(world, rows)
    client.force_login(world.employer_contact)
    url = reverse("employers:contact_log", kwargs={"employer_id": world.employer_org.uuid})
    with django_assert_num_queries(CONTACT_LOG_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", [2, 20])
def test_the_employer_page_does_not_grow_with_workplaces_and_openings(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    _busy(world, rows)
    client.force_login(world.employer_contact)
    url = reverse("employers:detail", kwargs={"employer_id": world.employer_org.uuid})
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["openings"]) == rows + 1
