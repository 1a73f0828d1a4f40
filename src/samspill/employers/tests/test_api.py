"""The employer and opening API through the Django test client (session authentication)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from samspill.audit.models import AuditEvent, Outcome
from samspill.conftest import World
from samspill.employers.models import Employer, EmployerContact, Opening, OpeningStatus, Task
from samspill.employers.tests.factories import TaskFactory, WorkplaceFactory

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _send(client: Client, method: str, url: str, body: dict[str, Any]) -> Any:
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def _employer(world: World) -> str:
    return f"/api/employers/{world.employer_org.uuid}"


def test_create_employer_with_an_invalid_org_number_is_422_in_norwegian(
    world: World, client: Client
) -> None:
    client.force_login(world.employer_contact)
    before = Employer.objects.count()
    response = _send(
        client,
        "post",
        "/api/employers",
        {"org_number": "974760674", "name": "Feil AS", "sector": "retail"},
    )
    assert response.status_code == 422
    (message,) = response.json()["detail"]["org_number"]
    assert "kontrollsifferet stemmer ikke" in message
    assert Employer.objects.count() == before


def test_create_and_update_an_employer(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = _send(
        client,
        "post",
        "/api/employers",
        {"org_number": "974 760 673", "name": "API AS", "sector": "office", "size": "1-4"},
    )
    assert response.status_code == 201
    created = response.json()
    assert created["org_number"] == "974760673"
    url = f"/api/employers/{created['id']}"
    response = _send(
        client, "put", url, {"name": "API AS", "sector": "office", "wishes": "Lett kontorarbeid"}
    )
    assert response.status_code == 200
    assert response.json()["wishes"] == "Lett kontorarbeid"
    detail = client.get(url).json()
    assert detail["inclusion_history"][0] == {"phase": "mapping", "count": 0}
    assert detail["last_contact"] is None


def test_the_employers_own_user_reads_but_cannot_write(world: World, client: Client) -> None:
    client.force_login(world.employer)
    detail = client.get(_employer(world)).json()
    assert detail["name"] == world.employer_org.name
    assert detail["last_visit"] is None  # NAV's contact log is not theirs
    assert {"phase": "trial", "count": 1} in detail["inclusion_history"]
    tasks = client.get(f"{_employer(world)}/workplaces/{world.workplace.uuid}/tasks").json()
    assert [t["name"] for t in tasks] == [world.task.name]
    response = _send(client, "put", _employer(world), {"name": "Kapret AS", "sector": "retail"})
    assert response.status_code == 403
    assert client.get(f"{_employer(world)}/contacts").status_code == 403
    assert AuditEvent.objects.filter(actor=world.employer, outcome=Outcome.DENIED).count() == 2
    response = _send(
        client,
        "post",
        "/api/employers",
        {"org_number": "974760673", "name": "X", "sector": "retail"},
    )
    assert response.status_code == 403


def test_register_list_with_filters(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    rows = client.get("/api/employers", {"not_contacted": "true"}).json()
    assert {r["name"] for r in rows} == {world.employer_org.name, world.employer_org_other.name}
    ours = next(r for r in rows if r["id"] == str(world.employer_org.uuid))
    assert ours["open_openings"] == 1
    assert client.get("/api/employers", {"q": "finnes-ikke"}).json() == []


def test_contact_persons(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_employer(world)}/contact-persons"
    response = _send(client, "post", url, {"name": "Ola", "role": "HR", "phone": "123"})
    assert response.status_code == 422
    assert "åtte siffer" in response.json()["detail"]["phone"][0]
    response = _send(client, "post", url, {"name": "Ola", "role": "HR", "phone": "98765432"})
    assert response.status_code == 201
    person = response.json()
    response = _send(
        client,
        "put",
        f"{url}/{person['id']}",
        {"name": "Ola", "role": "Leder", "phone": "98765432"},
    )
    assert response.json()["role"] == "Leder"
    assert len(client.get(url).json()) == 2


def test_workplaces_and_tasks(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = _send(
        client,
        "post",
        f"{_employer(world)}/workplaces",
        {
            "name": "Terminalen",
            "address": "Havneveien 3",
            "municipality": "Drammen",
            "latitude": 59.74,
            "longitude": 10.2,
            "buddy_available": True,
            "introduction_routine": "Fadder første uke",
        },
    )
    assert response.status_code == 201
    workplace = response.json()
    assert workplace["introduction_routine"] == "Fadder første uke"
    tasks_url = f"{_employer(world)}/workplaces/{workplace['id']}/tasks"
    body = {
        "name": "Pakking og merking",
        "demands": {"standing": 3, "pace": 5},
        "time_of_day": ["day"],
        "hours_per_week": "15",
    }
    response = _send(client, "post", tasks_url, body)
    assert response.status_code == 422
    assert response.json()["detail"] == {"demands.pace": ["Skriv et tall som er høyst 3."]}
    response = _send(client, "post", tasks_url, {**body, "demands": {"standing": 3}})
    assert response.status_code == 201
    task = response.json()
    assert task["demands"]["standing"] == 3
    assert task["demands"]["heavy_lifting"] == 0
    response = _send(client, "put", f"{tasks_url}/{task['id']}", {**body, "demands": {}})
    assert response.json()["demands"]["standing"] == 0


def test_contacts_are_logged_and_shown_as_last_visit(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_employer(world)}/contacts"
    response = _send(
        client,
        "post",
        url,
        {"occurred_on": "2026-05-20", "kind": "visit", "summary": "Omvisning"},
    )
    assert response.status_code == 201
    assert EmployerContact.objects.get().made_by == world.employer_contact
    response = _send(
        client,
        "post",
        url,
        {
            "occurred_on": "2026-05-21",
            "kind": "phone",
            "summary": "Ringte",
            "made_by": str(world.jobseeker.uuid),
        },
    )
    assert response.status_code == 422
    assert "made_by" in response.json()["detail"]
    detail = client.get(_employer(world)).json()
    assert detail["last_visit"] == "2026-05-20"
    assert [c["kind"] for c in client.get(url).json()] == ["visit"]


def _opening_body(world: World, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "workplace_id": str(world.workplace.uuid),
        "kind": "job",
        "purpose": "employment",
        "title": "Lagermedarbeider",
        "hours_per_week": "37.5",
        "task_ids": [str(world.task.uuid)],
        "starts_on": "2026-09-01",
        "application_deadline": "2026-08-01",
    }
    body.update(changes)
    return body


def test_openings_create_list_and_change_status(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_employer(world)}/openings"
    response = _send(client, "post", url, _opening_body(world, application_deadline="2026-09-02"))
    assert response.status_code == 422
    assert "application_deadline" in response.json()["detail"]
    response = _send(client, "post", url, _opening_body(world))
    assert response.status_code == 201
    opening = response.json()
    assert opening["status"] == "draft"
    assert opening["task_ids"] == [str(world.task.uuid)]
    status_url = f"{url}/{opening['id']}/status"
    assert client.get(status_url).json()["allowed_next"] == ["open", "cancelled"]
    response = _send(client, "post", status_url, {"to_status": "filled"})
    assert response.status_code == 422
    assert "kan ikke gå fra «Utkast» til «Besatt»" in response.json()["detail"]["to_status"][0]
    response = _send(client, "post", status_url, {"to_status": "open"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "open"
    assert [h["to_status"] for h in body["history"]] == ["draft", "open"]
    assert body["history"][1]["changed_by"] == world.employer_contact.display_name
    listed = client.get(url, {"status": "open"}).json()
    assert {o["id"] for o in listed} == {opening["id"], str(world.opening.uuid)}


def test_opening_tasks_must_come_from_this_employer_and_workplace(
    world: World, client: Client
) -> None:
    foreign_task = TaskFactory(workplace=WorkplaceFactory(employer=world.employer_org_other))
    sibling_task = TaskFactory(
        workplace=WorkplaceFactory(employer=world.employer_org, name="Butikk")
    )
    client.force_login(world.advisor)
    url = f"{_employer(world)}/openings"
    before = Opening.objects.count()
    response = _send(client, "post", url, _opening_body(world, task_ids=[str(foreign_task.uuid)]))
    assert response.status_code == 422
    assert "finnes ikke hos arbeidsgiveren" in response.json()["detail"]["task_ids"][0]
    response = _send(client, "post", url, _opening_body(world, task_ids=[str(sibling_task.uuid)]))
    assert response.status_code == 422
    assert "annen arbeidsplass" in response.json()["detail"]["task_ids"][0]
    assert Opening.objects.count() == before
    assert Task.objects.filter(pk=foreign_task.pk).exists()


def test_employer_user_cannot_change_opening_status(world: World, client: Client) -> None:
    client.force_login(world.employer)
    status_url = f"{_employer(world)}/openings/{world.opening.uuid}/status"
    assert client.get(status_url).json()["status"] == "open"
    response = _send(client, "post", status_url, {"to_status": "filled"})
    assert response.status_code == 403
    world.opening.refresh_from_db()
    assert world.opening.status == OpeningStatus.OPEN


def test_the_openapi_schema_tags_the_operations(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    schema = client.get("/api/openapi.json").json()
    tags = {
        (path, method): operation["tags"]
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
    assert tags[("/api/employers", "post")] == ["employers"]
    assert tags[("/api/employers/{employer_id}/workplaces/{workplace_id}/tasks", "post")] == [
        "employers"
    ]
    assert tags[("/api/employers/{employer_id}/openings/{opening_id}/status", "post")] == [
        "openings"
    ]
