"""The follow-up plan page costs the same number of queries for a few rows as for many:
plan items, NAV's commitments and concerns. «I dag» is pinned in ``test_worklist.py``."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samspill.conftest import World
from samspill.followup.tests.factories import (
    CommitmentFactory,
    ConcernFactory,
    PlanFactory,
    PlanItemFactory,
)

#: session, user, the second-factor device, the process with its access check, then one
#: read each for the plan with its items, the schedule, commitments, concerns, contacts,
#: the plan history and the staff offered as owners.
PLAN_QUERIES = 13


def _busy(world: World, rows: int) -> None:
    plan = PlanFactory(process=world.process)
    for i in range(rows):
        PlanItemFactory(plan=plan, label=f"Samtale {i}")
        CommitmentFactory(process=world.process, title=f"Forpliktelse {i}")
        ConcernFactory(process=world.process, reported_by=world.employer)


@pytest.mark.parametrize("rows", [2, 12])
def test_the_plan_page_does_not_grow_with_items_commitments_and_concerns(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    _busy(world, rows)
    client.force_login(world.advisor)
    url = reverse("followup:plan", kwargs={"process_id": world.process.uuid})
    with django_assert_num_queries(PLAN_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["commitments"]) == rows
    assert len(response.context["plan"].items.all()) == rows
