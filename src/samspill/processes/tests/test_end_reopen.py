"""Ending a process with a reason, reopening it, and one open process per person: the
services against the database and the pages through the client.

``world.process`` is in the phase ``trial`` since 1 March 2026; the clock is frozen at
1 June 2026 (Oslo).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from samspill.audit.models import AuditEvent, Outcome
from samspill.conftest import World
from samspill.processes.models import EndReason, InclusionProcess, Phase, Referral
from samspill.processes.services import (
    end_refusal,
    process_end,
    process_open,
    process_reopen,
    reopen_refusal,
)
from samspill.processes.tests.factories import ProcessFactory

OSLO = ZoneInfo("Europe/Oslo")
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _end(world: World, **values: Any) -> InclusionProcess:
    return process_end(
        actor=world.advisor, process=world.process, **({"reason": EndReason.MOVED} | values)
    )


# --- services ---------------------------------------------------------------------------


def test_ending_records_the_reason_in_the_history(world: World) -> None:
    process = _end(world)
    process.refresh_from_db()
    assert (process.phase, process.ended_on, process.end_reason) == (
        Phase.CLOSED,
        TODAY,
        EndReason.MOVED,
    )
    last = process.phase_changes.last()
    assert last is not None
    assert (last.from_phase, last.to_phase, last.reason) == (
        Phase.TRIAL,
        Phase.CLOSED,
        "Har flyttet",
    )


def test_other_needs_words(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _end(world, reason=EndReason.OTHER, other="  ")
    assert caught.value.message_dict == {"other": ["Skriv hvorfor forløpet avsluttes."]}
    world.process.refresh_from_db()
    assert world.process.phase == Phase.TRIAL
    process = _end(world, reason=EndReason.OTHER, other="Startet på skole")
    last = process.phase_changes.last()
    assert last is not None
    assert last.reason == "Annet: Startet på skole"


def test_the_end_date_is_checked_at_its_own_name(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _end(world, ended_on=datetime.date(2026, 2, 1))
    assert list(caught.value.message_dict) == ["ended_on"]
    assert "01.03.2026" in caught.value.message_dict["ended_on"][0]


@pytest.mark.parametrize("reason", ["", "ferdig"])
def test_ending_needs_a_known_reason(world: World, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _end(world, reason=reason)
    assert "reason" in caught.value.message_dict


def test_reopening_goes_back_to_kartlegging_and_keeps_the_history(world: World) -> None:
    _end(world, reason=EndReason.WANTS_TO_STOP)
    before = list(world.process.phase_changes.values_list("to_phase", "reason"))
    process = process_reopen(actor=world.advisor, process=world.process)
    process.refresh_from_db()
    assert (process.phase, process.ended_on, process.end_reason) == (Phase.MAPPING, None, "")
    after = list(process.phase_changes.values_list("to_phase", "reason"))
    assert after == [*before, (Phase.MAPPING, "Gjenåpnet")]
    assert (Phase.CLOSED, "Vil ikke fortsette") in after


def test_the_predicates_say_what_the_services_do(world: World) -> None:
    assert end_refusal(world.advisor, world.process) is None
    assert reopen_refusal(world.advisor, world.process) is not None
    with pytest.raises(ValidationError, match="Bare et avsluttet forløp"):
        process_reopen(actor=world.advisor, process=world.process)
    _end(world)
    world.process.refresh_from_db()
    assert end_refusal(world.advisor, world.process) is not None
    with pytest.raises(ValidationError, match="allerede avsluttet"):
        _end(world)
    assert reopen_refusal(world.advisor, world.process) is None
    assert end_refusal(world.employer, world.process) is not None


def test_a_person_has_one_open_process_at_a_time(world: World) -> None:
    candidate = world.process.candidate
    with pytest.raises(ValidationError, match="allerede et åpent forløp"):
        process_open(actor=world.advisor, candidate=candidate, advisor=world.advisor)
    _end(world)
    second = process_open(
        actor=world.advisor, candidate=candidate, advisor=world.advisor, referral=Referral.SELF
    )
    assert second.referral == Referral.SELF
    # The first can no longer be reopened while the second is open.
    assert reopen_refusal(world.advisor, world.process) is not None
    with pytest.raises(ValidationError, match="allerede et åpent forløp"):
        process_reopen(actor=world.advisor, process=world.process)


def test_the_database_holds_one_open_process_per_person(world: World) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        ProcessFactory(candidate=world.process.candidate, advisor=world.advisor)


# --- pages ------------------------------------------------------------------------------


def _page(process: InclusionProcess, action: str = "") -> str:
    return f"/forlop/{process.uuid}/{action}"


def test_the_process_page_offers_ending_while_open_and_reopening_when_closed(
    world: World, client: Client
) -> None:
    client.force_login(world.advisor)
    html = client.get(_page(world.process)).content.decode()
    assert _page(world.process, "avslutt/") in html
    assert _page(world.process, "gjenapne/") not in html
    _end(world)
    html = client.get(_page(world.process)).content.decode()
    assert _page(world.process, "avslutt/") not in html
    assert _page(world.process, "fase/") not in html  # reopening is the way back
    assert _page(world.process, "gjenapne/") in html
    assert "har flyttet" in html


def test_the_end_form_ends_with_a_reason(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    html = client.get(_page(world.process, "avslutt/")).content.decode()
    assert "Har jobb og trenger ikke mer oppfølging" in html
    response = client.post(
        _page(world.process, "avslutt/"),
        {"reason": "job_kept", "other": "", "ended_on": "2026-05-30"},
    )
    assert response.status_code == 302
    world.process.refresh_from_db()
    assert (world.process.phase, world.process.ended_on) == (
        Phase.CLOSED,
        datetime.date(2026, 5, 30),
    )


def test_the_end_form_shows_bad_input_at_the_field(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _page(world.process, "avslutt/"), {"reason": "other", "other": "", "ended_on": "2026-05-30"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Skriv hvorfor forløpet avsluttes." in html
    world.process.refresh_from_db()
    assert world.process.phase == Phase.TRIAL


def test_reopen_button_reopens(world: World, client: Client) -> None:
    _end(world)
    client.force_login(world.manager)
    response = client.post(_page(world.process, "gjenapne/"))
    assert response.status_code == 302
    world.process.refresh_from_db()
    assert world.process.phase == Phase.MAPPING


@pytest.mark.parametrize("persona", ["employer", "jobseeker", "partner"])
def test_parties_outside_nav_cannot_end_or_reopen(
    world: World, client: Client, persona: str
) -> None:
    user = world.persona(persona)
    if persona == "partner":
        world.process.members.create(user=user, role="partner", purpose="Hjelpemidler")
    client.force_login(user)
    assert client.get(_page(world.process, "avslutt/")).status_code == 403
    assert client.post(_page(world.process, "gjenapne/")).status_code == 403
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).count() == 2
    world.process.refresh_from_db()
    assert world.process.phase == Phase.TRIAL


def test_a_new_process_starts_from_the_persons_page_once_the_last_has_ended(
    world: World, client: Client
) -> None:
    candidate = world.process.candidate
    page, start = f"/kandidater/{candidate.uuid}/", f"/forlop/ny/{candidate.uuid}/"
    client.force_login(world.advisor)
    assert start not in client.get(page).content.decode()
    refused = client.post(start, {"referral": "self", "started_on": "2026-06-01"})
    assert "allerede et åpent forløp" in refused.content.decode()
    assert candidate.processes.count() == 1
    _end(world)
    assert start in client.get(page).content.decode()
    html = client.get(start).content.decode()
    assert "Alle som ønsker ordinært arbeid kan starte" in html
    response = client.post(
        start,
        {
            "referral": "municipality",
            "started_on": "2026-06-01",
            "advisor": str(world.advisor.uuid),
            "wish": "Prøve igjen",
        },
    )
    assert response.status_code == 302
    new = candidate.processes.exclude(pk=world.process.pk).get()
    assert (new.phase, new.referral, new.wish) == (Phase.MAPPING, "municipality", "Prøve igjen")
