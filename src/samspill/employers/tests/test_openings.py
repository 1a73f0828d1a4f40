"""Openings: dates in order, tasks from the same workplace, and every status change through
the one transition table, recorded with who and when."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samspill.audit.models import Action, AuditEvent
from samspill.conftest import World
from samspill.employers import services
from samspill.employers.models import Opening, OpeningStatus, OpeningStatusChange
from samspill.employers.services import OpeningInput
from samspill.employers.tests.factories import OpeningFactory, TaskFactory, WorkplaceFactory
from samspill.employers.transitions import OPENING_TRANSITIONS, allowed_next_statuses

OSLO = ZoneInfo("Europe/Oslo")
D = datetime.date


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _input(world: World, **changes: Any) -> OpeningInput:
    data: dict[str, Any] = {
        "kind": "trial_place",
        "purpose": "trial",
        "title": "Praksisplass på lager",
        "hours_per_week": Decimal("20"),
        "tasks": [world.task],
        "starts_on": D(2026, 8, 1),
        "ends_on": D(2026, 10, 31),
        "application_deadline": D(2026, 7, 1),
    }
    data.update(changes)
    return OpeningInput(**data)


def _counts() -> tuple[int, int, int]:
    return Opening.objects.count(), OpeningStatusChange.objects.count(), AuditEvent.objects.count()


def test_create_starts_as_draft_with_a_first_status_row(world: World) -> None:
    opening = services.opening_create(
        actor=world.employer_contact, workplace=world.workplace, data=_input(world)
    )
    assert opening.status == OpeningStatus.DRAFT
    assert opening.created_by == world.employer_contact
    assert list(opening.tasks.all()) == [world.task]
    (first,) = opening.status_changes.all()
    assert (first.from_status, first.to_status, first.changed_by) == (
        "",
        OpeningStatus.DRAFT,
        world.employer_contact,
    )
    event = AuditEvent.objects.get(object_type="opening", object_uuid=opening.uuid)
    assert event.action == Action.CREATE


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"application_deadline": D(2026, 8, 2)}, "application_deadline", "før eller samme dag"),
        ({"ends_on": D(2026, 7, 31)}, "ends_on", "etter oppstart (01.08.2026)"),
        ({"ends_on": D(2026, 8, 1)}, "ends_on", "etter oppstart"),
        ({"starts_on": None, "application_deadline": None}, "starts_on", "Oppgi oppstart"),
        ({"title": " "}, "title", "tittel"),
        ({"kind": "gig"}, "kind", "Velg type"),
        ({"purpose": "fun"}, "purpose", "Velg formål"),
        ({"hours_per_week": Decimal("60")}, "hours_per_week", "mellom 0,5 og 40"),
    ],
)
def test_refused_input_saves_nothing(
    world: World, changes: dict[str, Any], field: str, words: str
) -> None:
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        services.opening_create(
            actor=world.advisor, workplace=world.workplace, data=_input(world, **changes)
        )
    errors = caught.value.message_dict
    assert list(errors) == [field]
    assert words in errors[field][0]
    assert _counts() == before


def test_a_deadline_on_the_start_day_is_fine(world: World) -> None:
    opening = services.opening_create(
        actor=world.advisor,
        workplace=world.workplace,
        data=_input(world, application_deadline=D(2026, 8, 1)),
    )
    assert opening.application_deadline == opening.starts_on


def test_a_task_from_another_workplace_is_refused(world: World) -> None:
    shop = WorkplaceFactory(employer=world.employer_org, name="Butikken")
    shop_task = TaskFactory(workplace=shop, name="Kasse")
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        services.opening_create(
            actor=world.advisor,
            workplace=world.workplace,
            data=_input(world, tasks=[world.task, shop_task]),
        )
    (message,) = caught.value.message_dict["tasks"]
    assert "«Kasse» er kartlagt på en annen arbeidsplass" in message
    assert _counts() == before


def test_update_replaces_tasks_and_is_audited(world: World) -> None:
    second = TaskFactory(workplace=world.workplace, name="Varemottak")
    opening = services.opening_update(
        actor=world.advisor, opening=world.opening, data=_input(world, tasks=[second])
    )
    assert list(opening.tasks.all()) == [second]
    assert AuditEvent.objects.filter(object_uuid=opening.uuid, action=Action.CHANGE).exists()


def test_update_refused_leaves_the_tasks(world: World) -> None:
    with pytest.raises(ValidationError):
        services.opening_update(
            actor=world.advisor,
            opening=world.opening,
            data=_input(world, tasks=[], application_deadline=D(2026, 9, 1)),
        )
    assert list(world.opening.tasks.all()) == [world.task]


# --- the transition table ---------------------------------------------------------------------

ALL_MOVES = list(itertools.product(OpeningStatus, OpeningStatus))


@pytest.mark.parametrize(("current", "target"), ALL_MOVES, ids=[f"{a}->{b}" for a, b in ALL_MOVES])
def test_every_move_follows_the_table(
    world: World, current: OpeningStatus, target: OpeningStatus
) -> None:
    opening = OpeningFactory(workplace=world.workplace, status=current)
    before = _counts()
    allowed = target in OPENING_TRANSITIONS[current]
    if not allowed:
        with pytest.raises(ValidationError) as caught:
            services.opening_change_status(
                actor=world.advisor, opening=opening, to_status=target, reason="Grunn"
            )
        assert "to_status" in caught.value.message_dict
        assert _counts() == before
        opening.refresh_from_db()
        assert opening.status == current
        return
    changed = services.opening_change_status(
        actor=world.advisor, opening=opening, to_status=target, reason="Grunn"
    )
    assert changed.status == target
    row = OpeningStatusChange.objects.get(opening=opening)
    assert (row.from_status, row.to_status, row.changed_by) == (current, target, world.advisor)
    assert row.changed_at is not None
    event = AuditEvent.objects.get(object_uuid=opening.uuid)
    assert event.detail == f"status: {current} → {target}"


def test_the_table_is_the_issues_flow() -> None:
    assert allowed_next_statuses("draft") == [OpeningStatus.OPEN, OpeningStatus.CANCELLED]
    assert OpeningStatus.PAUSED in OPENING_TRANSITIONS[OpeningStatus.OPEN]
    assert OpeningStatus.OPEN in OPENING_TRANSITIONS[OpeningStatus.PAUSED]
    assert not OPENING_TRANSITIONS[OpeningStatus.FILLED]
    assert not OPENING_TRANSITIONS[OpeningStatus.CANCELLED]


def test_cancelling_needs_a_reason(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        services.opening_change_status(
            actor=world.advisor, opening=world.opening, to_status="cancelled", reason=" "
        )
    assert caught.value.message_dict == {"reason": ["Skriv hvorfor stillingen avlyses."]}


def test_an_opening_whose_deadline_has_passed_cannot_be_opened(world: World) -> None:
    opening = OpeningFactory(
        workplace=world.workplace, status=OpeningStatus.DRAFT, application_deadline=D(2026, 5, 31)
    )
    with pytest.raises(ValidationError) as caught:
        services.opening_change_status(actor=world.advisor, opening=opening, to_status="open")
    assert "har gått ut" in caught.value.message_dict["to_status"][0]


def test_a_filled_opening_cannot_be_edited(world: World) -> None:
    services.opening_change_status(actor=world.advisor, opening=world.opening, to_status="filled")
    world.opening.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        services.opening_update(actor=world.advisor, opening=world.opening, data=_input(world))
    assert "besatt og kan ikke endres" in caught.value.messages[0]


def test_the_whole_life_of_an_opening_is_recorded(world: World) -> None:
    opening = services.opening_create(
        actor=world.employer_contact, workplace=world.workplace, data=_input(world)
    )
    for target in ("open", "paused", "open", "filled"):
        opening = services.opening_change_status(
            actor=world.employer_contact, opening=opening, to_status=target
        )
    history = [(c.from_status, c.to_status) for c in opening.status_changes.order_by("id")]
    assert history == [
        ("", "draft"),
        ("draft", "open"),
        ("open", "paused"),
        ("paused", "open"),
        ("open", "filled"),
    ]
