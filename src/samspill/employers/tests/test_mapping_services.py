"""Services for the workplace mapping against the real database: each rule, its Norwegian
message at the right field, the audit row, and nothing saved when a rule is broken."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import Action, AuditEvent
from samspill.conftest import World
from samspill.employers import services
from samspill.employers.models import (
    ContactPerson,
    Demand,
    EmployerContact,
    Task,
    Workplace,
)
from samspill.employers.tests.factories import WorkplaceFactory


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (ContactPerson, Workplace, Task, EmployerContact, AuditEvent)
    )


def _refused(call: Any, **kwargs: Any) -> dict[str, list[str]]:
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    assert _counts() == before, "nothing may be saved when a rule is broken"
    return caught.value.message_dict


def _audit(subject_type: str, uuid: Any) -> AuditEvent:
    return AuditEvent.objects.get(object_type=subject_type, object_uuid=uuid)


# --- employers --------------------------------------------------------------------------------


def test_employer_update_checks_sector_and_size(world: World) -> None:
    errors = _refused(
        services.employer_update,
        actor=world.advisor,
        employer=world.employer_org,
        name="",
        sector="bakery",
        ia_agreement=False,
        size="huge",
        wishes="",
        inclusion_notes="",
    )
    assert set(errors) == {"name", "sector", "size"}
    world.employer_org.refresh_from_db()
    assert world.employer_org.name.startswith("Testbedrift")


def test_employer_update_saves_and_audits(world: World) -> None:
    services.employer_update(
        actor=world.employer_contact,
        employer=world.employer_org,
        name="Lager Øst AS",
        sector="warehouse",
        ia_agreement=False,
        size="5-19",
        wishes=" Ønsker en ung person til lett kontorarbeid ",
        inclusion_notes="Har hatt to på arbeidstrening.",
    )
    world.employer_org.refresh_from_db()
    assert world.employer_org.wishes == "Ønsker en ung person til lett kontorarbeid"
    event = _audit("employer", world.employer_org.uuid)
    assert (event.action, event.actor) == (Action.CHANGE, world.employer_contact)


# --- contact persons --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("912 34 567", "91234567"),
        ("+47 912 34 567", "91234567"),
        ("0047-91234567", "91234567"),
        ("22 12 34 56", "22123456"),
        ("+46 70 123 45 67", "+46701234567"),
    ],
)
def test_phone_numbers_are_normalized(world: World, typed: str, stored: str) -> None:
    person = services.contact_person_create(
        actor=world.advisor, employer=world.employer_org, name="Kari", role="HR", phone=typed
    )
    assert person.phone == stored
    assert _audit("contact_person", person.uuid).action == Action.CREATE


@pytest.mark.parametrize("phone", ["", "1234567", "912345678", "tlf 912"])
def test_bad_phone_numbers_are_refused(world: World, phone: str) -> None:
    errors = _refused(
        services.contact_person_create,
        actor=world.advisor,
        employer=world.employer_org,
        name="Kari",
        role="HR",
        phone=phone,
    )
    assert list(errors) == ["phone"]


def test_contact_person_needs_name_and_role(world: World) -> None:
    errors = _refused(
        services.contact_person_create,
        actor=world.advisor,
        employer=world.employer_org,
        name=" ",
        role="",
        phone="91234567",
    )
    assert set(errors) == {"name", "role"}


def test_removing_a_contact_person_is_audited(world: World) -> None:
    uuid = world.contact_person.uuid
    services.contact_person_remove(actor=world.advisor, contact_person=world.contact_person)
    assert not ContactPerson.objects.filter(uuid=uuid).exists()
    assert _audit("contact_person", uuid).detail == "fjernet kontaktpersonen"


# --- contacts and visits ----------------------------------------------------------------------


@time_machine.travel(datetime.date(2026, 6, 1))
def test_log_contact_rules(world: World) -> None:
    foreign = WorkplaceFactory(employer=world.employer_org_other)
    errors = _refused(
        services.employer_log_contact,
        actor=world.advisor,
        employer=world.employer_org,
        occurred_on=datetime.date(2026, 6, 2),
        kind="letter",
        summary="  ",
        made_by=world.jobseeker,
        workplace=foreign,
    )
    assert set(errors) == {"occurred_on", "kind", "summary", "made_by", "workplace"}
    assert "frem i tid" in errors["occurred_on"][0]


@time_machine.travel(datetime.date(2026, 6, 1))
def test_log_contact_on_behalf_of_a_colleague(world: World) -> None:
    colleague = UserFactory(role=Role.EMPLOYER_CONTACT, office=world.office)
    contact = services.employer_log_contact(
        actor=world.advisor,
        employer=world.employer_org,
        occurred_on=datetime.date(2026, 5, 30),
        kind="visit",
        summary="Omvisning i lageret.",
        made_by=colleague,
        workplace=world.workplace,
    )
    assert (contact.made_by, contact.recorded_by) == (colleague, world.advisor)
    assert _audit("employer_contact", contact.uuid).actor == world.advisor


# --- workplaces -------------------------------------------------------------------------------


WORKPLACE = {
    "name": "Plukklageret",
    "address": "Industriveien 4",
    "municipality": "Alna",
    "latitude": 59.93,
    "longitude": 10.83,
}


def test_workplace_with_environment(world: World) -> None:
    workplace = services.workplace_create(
        actor=world.employer_contact,
        employer=world.employer_org,
        buddy_available=True,
        introduction_routine=" Første dag med leder ",
        recruitment_need="Trenger to til høsten",
        **WORKPLACE,
    )
    assert workplace.introduction_routine == "Første dag med leder"
    assert workplace.buddy_available is True
    assert _audit("workplace", workplace.uuid).action == Action.CREATE


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"name": ""}, {"name"}),
        ({"address": " ", "municipality": ""}, {"address", "municipality"}),
        ({"latitude": 48.85, "longitude": 40.0}, {"latitude", "longitude"}),
        ({"latitude": None}, {"latitude"}),
    ],
)
def test_workplace_rules(world: World, changes: dict[str, Any], fields: set[str]) -> None:
    errors = _refused(
        services.workplace_create,
        actor=world.advisor,
        employer=world.employer_org,
        **{**WORKPLACE, **changes},
    )
    assert set(errors) == fields


def test_workplace_update_does_not_touch_the_object_when_refused(world: World) -> None:
    name = world.workplace.name
    _refused(
        services.workplace_update,
        actor=world.advisor,
        workplace=world.workplace,
        **{**WORKPLACE, "latitude": 10.0, "name": "Nytt navn"},
    )
    assert world.workplace.name == name


def test_unknown_environment_fields_are_a_programming_error(world: World) -> None:
    with pytest.raises(TypeError):
        services.workplace_create(
            actor=world.advisor, employer=world.employer_org, colour="blå", **WORKPLACE
        )


# --- tasks ------------------------------------------------------------------------------------


def _task(world: World, **changes: Any) -> Task:
    data: dict[str, Any] = {
        "actor": world.advisor,
        "workplace": world.workplace,
        "name": "Pakking og merking",
        "demands": {"standing": 3, "pace": 2},
        "time_of_day": ["evening", "day"],
        "hours_per_week": Decimal("12.5"),
    }
    data.update(changes)
    return services.task_create(**data)


def test_task_demands_default_to_none_and_times_are_ordered(world: World) -> None:
    task = _task(world)
    assert task.demand_levels()[Demand.STANDING] == 3
    assert task.demand_levels()[Demand.HEAVY_LIFTING] == 0
    assert set(task.demand_levels()) == set(Demand)
    assert task.time_of_day == ["day", "evening"]
    assert _audit("task", task.uuid).action == Action.CREATE


def test_every_demand_is_a_task_field() -> None:
    fields = {field.name for field in Task._meta.get_fields()}
    assert {demand.value for demand in Demand} <= fields


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"demands": {"pace": 4}}, "pace"),
        ({"demands": {"singing": 1}}, "demands"),
        ({"time_of_day": []}, "time_of_day"),
        ({"time_of_day": ["morning"]}, "time_of_day"),
        ({"hours_per_week": Decimal("0")}, "hours_per_week"),
        ({"hours_per_week": Decimal("41")}, "hours_per_week"),
        ({"hours_per_week": Decimal("7.25")}, "hours_per_week"),
        ({"hours_per_week": None}, "hours_per_week"),
        ({"adaptable": True, "adaptation_note": " "}, "adaptation_note"),
    ],
)
def test_task_rules(world: World, changes: dict[str, Any], field: str) -> None:
    errors = _refused(_task, world=world, **changes)
    assert list(errors) == [field]


def test_task_update_replaces_the_demands(world: World) -> None:
    task = services.task_update(
        actor=world.employer_contact,
        task=world.task,
        name="Plukk av varer med truck",
        demands={"heavy_lifting": 3},
        time_of_day=["night"],
        hours_per_week=30,
        adaptable=True,
        adaptation_note="Kan gjøres uten tunge løft med truck.",
    )
    task.refresh_from_db()
    assert task.heavy_lifting == 3
    assert task.standing == 0  # left out, so «Ingen»
    assert task.adaptable is True
    assert AuditEvent.objects.filter(object_uuid=task.uuid, action=Action.CHANGE).count() == 1


def test_two_warehouses_map_the_same_task_differently(world: World) -> None:
    other = WorkplaceFactory(employer=world.employer_org_other, name="Hovedlager")
    ours = _task(world, name="Plukk", demands={"heavy_lifting": 3, "pace": 3})
    theirs = _task(world, workplace=other, name="Plukk", demands={"heavy_lifting": 1, "pace": 1})
    assert ours.demand_levels() != theirs.demand_levels()
