"""The audit log pages cost the same number of queries for a few rows as for many: the
manager's search, one person's log, and the jobseeker's «Hvem har sett mine opplysninger»."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates.tests.factories import CandidateFactory
from samspill.conftest import World
from samspill.processes.tests.factories import ProcessFactory

#: session, user, the second-factor device, the candidates matching the name, one bulk
#: audit insert for the rows shown.
SEARCH_QUERIES = 5
#: session, user, device, the candidate, whether it is at the manager's office, the read's
#: audit row, the paginator's count, one page of events.
LOG_QUERIES = 8
#: session, user, the person's candidate (twice: the access check and the log's subject),
#: the read's audit row, the paginator's count, one page of events with their actors and
#: employers, and the session's idle timestamp (a savepoint, the update, its release).
OWN_QUERIES = 10


def _seen_by_many(world: World, rows: int) -> None:
    """``rows`` reads of the jobseeker's data, by people of every kind."""
    candidate = world.process.candidate
    subject = Subject("process", candidate.uuid, candidate.uuid)
    actors = [world.advisor, world.manager, world.employer, world.advisor_other_office]
    for i in range(rows):
        actor = actors[i % len(actors)]
        denied = actor == world.advisor_other_office
        audit_record(
            actor=actor,
            subject=subject,
            action=Action.VIEW,
            purpose=Purpose.EMPLOYER_PORTAL if actor == world.employer else Purpose.CASE_WORK,
            outcome=Outcome.DENIED if denied else Outcome.ALLOWED,
            detail="felt: name, age",
        )


@pytest.mark.parametrize("rows", [2, 30])
def test_the_managers_search_does_not_grow_with_the_hits(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    advisor = UserFactory(role=Role.ADVISOR, office=world.office)
    for _ in range(rows):
        ProcessFactory(advisor=advisor, candidate=CandidateFactory(last_name="Nordmann"))
    client.force_login(world.manager)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get("/innsynslogg/", {"q": "nordmann"})
    assert response.status_code == 200
    assert len(response.context["found"]) == min(rows, 20)


@pytest.mark.parametrize("rows", [2, 40])
def test_one_persons_log_does_not_grow_with_the_events(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    _seen_by_many(world, rows)
    client.force_login(world.manager)
    with django_assert_num_queries(LOG_QUERIES):
        response = client.get(f"/innsynslogg/{world.process.candidate.uuid}/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) >= rows


@pytest.mark.parametrize("rows", [2, 40])
def test_the_jobseekers_own_log_does_not_grow_with_the_events(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    _seen_by_many(world, rows)
    client.force_login(world.jobseeker)
    with django_assert_num_queries(OWN_QUERIES):
        response = client.get("/innsynslogg/min/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) >= rows
