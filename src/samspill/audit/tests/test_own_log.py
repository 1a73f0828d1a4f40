"""«Hvem har sett mine opplysninger»: the jobseeker's own log through the Django client."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.conftest import World

URL = "/innsynslogg/min/"


def _log(world: World, actor: object, **kwargs: object) -> AuditEvent:
    uuid = world.process.candidate.uuid
    values = {"action": Action.VIEW, "purpose": Purpose.CASE_WORK, **kwargs}
    return audit_record(actor=actor, subject=Subject("process", uuid, uuid), **values)  # type: ignore[arg-type]


@pytest.fixture
def named(world: World) -> World:
    world.advisor.first_name, world.advisor.last_name = "Kari", "Nordmann"
    world.advisor.save()
    world.employer_org.name = "Bakeriet AS"
    world.employer_org.save()
    return world


def test_the_jobseeker_reads_who_when_why_and_what_in_plain_words(
    named: World, client: Client
) -> None:
    world = named
    _log(world, world.advisor, fields=["name", "interests", "needs"])
    _log(world, world.employer, purpose=Purpose.EMPLOYER_PORTAL, detail="felt: age, name")
    _log(world, world.advisor_other_office, outcome=Outcome.DENIED, detail="utenfor tilgang")
    client.force_login(world.jobseeker)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hvem har sett mine opplysninger" in html
    assert "Kari Nordmann, veileder" in html
    assert "så på forløpet ditt" in html
    assert "For å følge deg opp" in html
    which = "Navn, interesser og hva du vil jobbe med og behov for tilrettelegging"
    assert escape(which) in html
    assert "Bakeriet AS (arbeidsgiver)" in html
    assert "Navn og alder" in html
    assert "forsøkte å se forløpet ditt, men fikk ikke tilgang" in html
    for raw in ("case_work", "employer_portal", "felt:", "process", "denied", "interests"):
        assert not re.search(rf"\b{raw}\b", html), raw


def test_newest_first_and_the_persons_own_reads_are_left_out(named: World, client: Client) -> None:
    world = named
    _log(world, world.manager)
    client.force_login(world.jobseeker)
    client.get("/meg/profil/")  # the person's own read
    _log(world, world.advisor)
    response = client.get(URL)
    rows = response.context["page"].object_list
    assert [row.who.split(",")[0] for row in rows] == [
        "Kari Nordmann",
        world.manager.display_name,
    ]
    assert all(row.who != "Du selv" for row in rows)


def test_the_log_is_paginated(world: World, client: Client) -> None:
    start = timezone.now() - timedelta(days=1)
    uuid = world.process.candidate.uuid
    AuditEvent.objects.bulk_create(
        AuditEvent(
            at=start + timedelta(minutes=i),
            actor=world.advisor,
            actor_name=f"Rad {i}",
            actor_role=world.advisor.role,
            action=Action.VIEW,
            outcome=Outcome.ALLOWED,
            purpose=Purpose.CASE_WORK,
            object_type="process",
            subject_uuid=uuid,
        )
        for i in range(60)
    )
    client.force_login(world.jobseeker)
    first = client.get(URL)
    assert len(first.context["page"].object_list) == 50
    assert first.context["page"].object_list[0].who == "Rad 59, veileder"
    assert "Eldre" in first.content.decode()
    second = client.get(URL, {"side": 2})
    assert [row.who for row in second.context["page"].object_list][-1] == "Rad 0, veileder"


def test_opening_the_own_log_is_logged(world: World, client: Client) -> None:
    client.force_login(world.jobseeker)
    client.get(URL)
    event = AuditEvent.objects.get(actor=world.jobseeker, object_type="audit_log")
    assert event.outcome == Outcome.ALLOWED
    assert event.subject_uuid == world.process.candidate.uuid


@pytest.mark.parametrize("persona", ["advisor", "manager", "employer", "partner", "admin"])
def test_only_a_jobseeker_has_an_own_log(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    assert client.get(URL).status_code == 404
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).exists()


def test_the_start_page_links_to_the_rights_pages(world: World, client: Client) -> None:
    client.force_login(world.jobseeker)
    html = client.get("/").content.decode()
    for url in (URL, "/meg/mine-opplysninger/", "/meg/retting/"):
        assert f'href="{url}"' in html
