"""«Sletting og anonymisering»: the manager sees their own office's next 30 days; everyone
else gets 404 and a denied audit row."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samspill.audit.models import AuditEvent, Outcome, Purpose
from samspill.conftest import World
from samspill.lib.dates import add_months
from samspill.processes.tests.factories import ProcessFactory
from samspill.retention.tests.helpers import close, fill_record

URL = reverse("retention:due")


def _page(client: Client, world: World, persona: str) -> str:
    client.force_login(world.persona(persona))
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_manager_sees_what_goes_in_the_next_30_days_at_their_office(
    client: Client, world: World
) -> None:
    fill_record(world)
    # Ended 24 months less 20 days ago: anonymised in 20 days.
    ended = add_months(timezone.localdate(), -24) + datetime.timedelta(days=20)
    world.process.phase_since = ended
    world.process.save()
    close(world.process, world.advisor, on=ended)
    # Ended 24 months less 40 days ago: not within 30 days.
    later = ProcessFactory(advisor=world.advisor, phase_since=ended)
    close(later, world.advisor, on=ended + datetime.timedelta(days=20))
    page = _page(client, world, "manager")
    assert "Sletting og anonymisering" in page
    assert str(world.process.uuid)[:8] in page
    assert str(later.uuid)[:8] not in page
    assert "Kandidaten anonymiseres" in page
    assert add_months(ended, 24).strftime("%d.%m.%Y") in page
    assert world.process.candidate.first_name not in page  # no names on the page
    other = _page(client, world, "manager_other_office")
    assert str(world.process.uuid)[:8] not in other


def test_start_page_links_to_it(client: Client, world: World) -> None:
    client.force_login(world.manager)
    assert URL in client.get("/").content.decode()


@pytest.mark.parametrize(
    "persona", ["advisor", "employer_contact", "partner", "employer", "jobseeker", "admin"]
)
def test_everyone_else_gets_404_and_a_denied_audit_row(
    client: Client, world: World, persona: str
) -> None:
    user = world.persona(persona)
    client.force_login(user)
    assert client.get(URL).status_code == 404
    row = AuditEvent.objects.get(actor=user, outcome=Outcome.DENIED)
    assert (row.object_type, row.purpose) == ("retention", Purpose.RETENTION)


def _due_soon(world: World) -> None:
    ended = add_months(timezone.localdate(), -24) + datetime.timedelta(days=10)
    process = ProcessFactory(
        advisor=world.advisor, phase_since=ended, started_on=ended - datetime.timedelta(days=90)
    )
    close(process, world.advisor, on=ended)


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_list(client: Client, world: World) -> None:
    client.force_login(world.manager)
    _due_soon(world)
    one = _queries(client)
    for _ in range(5):
        _due_soon(world)
    assert client.get(URL).content.decode().count("Kandidaten anonymiseres") == 6
    assert _queries(client) == one
