"""Employer pages through the Django test client: the forms show Norwegian errors at the
field and save nothing; the employer's own users can look but not change; records of one
employer cannot be reached under another."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils.html import escape

from samspill.audit.models import Action, AuditEvent, Outcome
from samspill.conftest import World
from samspill.employers.models import (
    ContactPerson,
    Employer,
    EmployerContact,
    Opening,
    OpeningStatus,
    Task,
    Workplace,
)
from samspill.employers.tests.factories import (
    EmployerContactFactory,
    TaskFactory,
    WorkplaceFactory,
)

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _field_errors(html: str, field: str) -> str:
    """The text of the error area that belongs to one form field (see core/field.html)."""
    match = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert match, f"no error area for {field}"
    return match.group(1)


def _base(world: World) -> str:
    return f"/arbeidsgivere/{world.employer_org.uuid}/"


def _workplace(world: World) -> str:
    return f"{_base(world)}arbeidsplasser/{world.workplace.uuid}/"


def _opening(world: World) -> str:
    return f"{_base(world)}stillinger/{world.opening.uuid}/"


GOOD_EMPLOYER = {
    "org_number": "974 760 673",
    "name": "Brønnøysund Lager AS",
    "sector": "warehouse",
    "size": "20-99",
    "ia_agreement": "on",
    "wishes": "Ønsker en ung person til lett lagerarbeid",
    "inclusion_notes": "",
}


# --- employers ------------------------------------------------------------------------------


def test_employer_contact_registers_an_employer(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    response = client.post("/arbeidsgivere/ny/", GOOD_EMPLOYER)
    employer = Employer.objects.get(org_number="974760673")
    assert response.status_code == 302
    assert response["Location"] == f"/arbeidsgivere/{employer.uuid}/"
    assert employer.size == "20-99"
    assert employer.ia_agreement is True
    page = client.get(response["Location"]).content.decode()
    assert "Ønsker en ung person til lett lagerarbeid" in page
    assert "974 760 673" in page


def test_a_wrong_org_number_is_shown_at_the_field_and_nothing_is_saved(
    world: World, client: Client
) -> None:
    client.force_login(world.advisor)
    before = Employer.objects.count()
    response = client.post("/arbeidsgivere/ny/", {**GOOD_EMPLOYER, "org_number": "974760674"})
    assert response.status_code == 200
    errors = _field_errors(response.content.decode(), "org_number")
    assert "kontrollsifferet stemmer ikke" in errors
    assert Employer.objects.count() == before
    assert not AuditEvent.objects.filter(actor=world.advisor, action=Action.CREATE).exists()


def test_edit_employer_keeps_the_org_number(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    url = f"{_base(world)}endre/"
    assert client.get(url).status_code == 200
    data = {
        "name": "Nytt Navn AS",
        "sector": "retail",
        "size": "",
        "wishes": "",
        "inclusion_notes": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    world.employer_org.refresh_from_db()
    assert world.employer_org.name == "Nytt Navn AS"
    response = client.post(url, {**data, "name": "  "})
    assert "påkrevet" in _field_errors(response.content.decode(), "name")


@pytest.mark.parametrize(
    "path",
    [
        "endre/",
        "kontaktpersoner/ny/",
        "kontakter/ny/",
        "arbeidsplasser/ny/",
        "stillinger/ny/",
    ],
)
def test_the_employers_own_user_is_refused_every_form(
    world: World, client: Client, path: str
) -> None:
    client.force_login(world.employer)
    before = AuditEvent.objects.filter(actor=world.employer, outcome=Outcome.DENIED).count()
    assert client.get(_base(world) + path).status_code == 403
    assert client.post(_base(world) + path, {"name": "X"}).status_code == 403
    after = AuditEvent.objects.filter(actor=world.employer, outcome=Outcome.DENIED).count()
    assert after == before + 2


def test_the_employers_own_user_can_view_but_not_change_the_mapping(
    world: World, client: Client
) -> None:
    client.force_login(world.employer)
    detail = client.get(_base(world)).content.decode()
    assert escape(world.contact_person.name) in detail
    assert escape(world.opening.title) in detail
    assert "Erfaring med inkludering" in detail  # their own inclusion history
    assert "Kontakt og besøk" not in detail  # NAV's own notes
    assert "Endre opplysninger" not in detail
    workplace = client.get(_workplace(world)).content.decode()
    assert escape(world.task.name) in workplace
    assert "Kartlegg en ny oppgave" not in workplace
    opening = client.get(_opening(world)).content.decode()
    assert "Endre status" not in opening
    for path in (
        _workplace(world) + "endre/",
        _workplace(world) + "oppgaver/ny/",
        _workplace(world) + f"oppgaver/{world.task.uuid}/endre/",
        _opening(world) + "endre/",
        _opening(world) + "status/",
        _base(world) + f"kontaktpersoner/{world.contact_person.uuid}/",
    ):
        assert client.get(path).status_code == 403, path
    assert client.post(_opening(world) + "status/", {"to_status": "filled"}).status_code == 403
    world.opening.refresh_from_db()
    assert world.opening.status == OpeningStatus.OPEN
    assert client.get(_base(world) + "kontakter/").status_code == 403


def test_a_workplace_of_another_employer_is_404_under_this_one(
    world: World, client: Client
) -> None:
    foreign = WorkplaceFactory(employer=world.employer_org_other)
    client.force_login(world.advisor)
    url = f"{_base(world)}arbeidsplasser/{foreign.uuid}/"
    assert client.get(url).status_code == 404
    assert (
        client.get(
            f"/arbeidsgivere/{world.employer_org_other.uuid}/arbeidsplasser/{foreign.uuid}/"
        ).status_code
        == 200
    )
    event = AuditEvent.objects.get(actor=world.advisor, outcome=Outcome.DENIED)
    assert event.object_uuid == foreign.uuid
    assert event.object_type == "workplace"


# --- contact persons ----------------------------------------------------------------------


def test_add_edit_and_remove_a_contact_person(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_base(world)}kontaktpersoner/ny/"
    response = client.post(url, {"name": "Per Butikksjef", "role": "Butikksjef", "phone": "12"})
    assert "åtte siffer" in _field_errors(response.content.decode(), "phone")
    response = client.post(
        url, {"name": "Per Butikksjef", "role": "Butikksjef", "phone": "+47 912 34 567"}
    )
    assert response.status_code == 302
    person = ContactPerson.objects.get(name="Per Butikksjef")
    assert person.phone == "91234567"
    edit = f"{_base(world)}kontaktpersoner/{person.uuid}/"
    response = client.post(
        edit, {"name": "Per Butikksjef", "role": "Daglig leder", "phone": "91234567"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.role == "Daglig leder"
    assert client.post(edit, {"remove": "1"}).status_code == 302
    assert not ContactPerson.objects.filter(pk=person.pk).exists()


# --- contacts and visits ------------------------------------------------------------------


def test_log_a_visit_and_see_it_as_last_visit(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_base(world)}kontakter/ny/"
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "occurred_on": "2026-07-01",
        "kind": "visit",
        "made_by": str(world.employer_contact.uuid),
        "workplace": str(world.workplace.uuid),
        "summary": "Omvisning; de trenger folk i pakkeavdelingen.",
    }
    response = client.post(url, data)
    assert "frem i tid" in _field_errors(response.content.decode(), "occurred_on")
    assert not EmployerContact.objects.exists()
    response = client.post(url, {**data, "occurred_on": "2026-05-28"})
    assert response.status_code == 302
    log = client.get(f"{_base(world)}kontakter/").content.decode()
    assert "28.05.2026" in log
    assert "Omvisning; de trenger folk i pakkeavdelingen." in log


def test_manager_can_read_the_contact_log_but_not_add_to_it(world: World, client: Client) -> None:
    EmployerContactFactory(employer=world.employer_org, summary="Ringte om sommerjobb")
    client.force_login(world.manager)
    assert "Ringte om sommerjobb" in client.get(f"{_base(world)}kontakter/").content.decode()
    assert client.get(f"{_base(world)}kontakter/ny/").status_code == 403


# --- workplaces and tasks -----------------------------------------------------------------


GOOD_WORKPLACE = {
    "name": "Terminalen",
    "address": "Havneveien 3",
    "municipality": "Drammen",
    "latitude": "59,744",
    "longitude": "10,204",
    "introduction_routine": "Første uke sammen med fadder",
    "buddy_available": "on",
}


def test_register_a_workplace_with_its_environment(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(f"{_base(world)}arbeidsplasser/ny/", GOOD_WORKPLACE)
    workplace = Workplace.objects.get(name="Terminalen")
    assert response.status_code == 302
    assert response["Location"] == f"{_base(world)}arbeidsplasser/{workplace.uuid}/"
    assert workplace.latitude == pytest.approx(59.744)
    assert workplace.buddy_available is True
    page = client.get(response["Location"]).content.decode()
    assert "Første uke sammen med fadder" in page


def test_coordinates_outside_norway_are_refused_at_the_field(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        f"{_base(world)}arbeidsplasser/ny/", {**GOOD_WORKPLACE, "latitude": "48,85"}
    )
    assert "må ligge i Norge" in _field_errors(response.content.decode(), "latitude")
    assert not Workplace.objects.filter(name="Terminalen").exists()


def _task_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Plukk av varer med truck",
        "description": "Plukke paller etter ordreliste.",
        "time_of_day": ["day", "evening"],
        "hours_per_week": "22,5",
        "physical_load": "2",
        "heavy_lifting": "3",
        "standing": "2",
        "customer_contact": "0",
        "hygiene": "0",
        "reading_writing": "1",
        "numeracy": "1",
        "pace": "3",
        "social_interaction": "1",
        "working_alone": "2",
        "noise": "3",
    }
    data.update(changes)
    return data


def test_map_a_task_and_edit_it(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_workplace(world)}oppgaver/ny/"
    assert client.get(url).status_code == 200
    response = client.post(url, _task_data())
    assert response.status_code == 302
    task = Task.objects.get(name="Plukk av varer med truck")
    assert task.heavy_lifting == 3
    assert task.time_of_day == ["day", "evening"]
    assert str(task.hours_per_week) == "22.5"
    page = client.get(_workplace(world)).content.decode()
    assert "Plukk av varer med truck" in page
    assert "Tunge løft" in page
    edit = f"{_workplace(world)}oppgaver/{task.uuid}/endre/"
    response = client.post(edit, _task_data(adaptable="on", adaptation_note=""))
    assert "Skriv hvordan oppgaven kan tilrettelegges." in _field_errors(
        response.content.decode(), "adaptation_note"
    )
    task.refresh_from_db()
    assert task.adaptable is False


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"time_of_day": []}, "time_of_day", "Velg minst ett tidspunkt."),
        ({"hours_per_week": "45"}, "hours_per_week", "mellom 0,5 og 40"),
        ({"pace": "4"}, "pace", "gyldig valg"),
    ],
)
def test_bad_task_input_is_shown_at_the_field(
    world: World, client: Client, changes: dict[str, object], field: str, words: str
) -> None:
    client.force_login(world.advisor)
    before = Task.objects.count()
    response = client.post(f"{_workplace(world)}oppgaver/ny/", _task_data(**changes))
    assert words in _field_errors(response.content.decode(), field)
    assert Task.objects.count() == before


# --- openings -----------------------------------------------------------------------------


def _opening_data(world: World, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "workplace": str(world.workplace.uuid),
        "kind": "trial_place",
        "purpose": "training",
        "title": "Arbeidstrening på lager",
        "description": "",
        "tasks": [str(world.task.uuid)],
        "hours_per_week": "20",
        "starts_on": "2026-08-15",
        "ends_on": "2026-11-15",
        "application_deadline": "2026-07-01",
    }
    data.update(changes)
    return data


def test_create_an_opening_as_a_draft(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    response = client.post(f"{_base(world)}stillinger/ny/", _opening_data(world))
    opening = Opening.objects.get(title="Arbeidstrening på lager")
    assert response.status_code == 302
    assert response["Location"] == f"{_base(world)}stillinger/{opening.uuid}/"
    assert opening.status == OpeningStatus.DRAFT
    assert list(opening.tasks.all()) == [world.task]
    page = client.get(response["Location"]).content.decode()
    assert "Utkast" in page
    assert escape(world.task.name) in page


def test_a_deadline_after_the_start_is_refused_at_the_field(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    before = Opening.objects.count()
    response = client.post(
        f"{_base(world)}stillinger/ny/", _opening_data(world, application_deadline="2026-09-01")
    )
    assert "Søknadsfristen må være før" in _field_errors(
        response.content.decode(), "application_deadline"
    )
    assert Opening.objects.count() == before


def test_a_task_from_another_workplace_is_refused_at_the_field(
    world: World, client: Client
) -> None:
    other_task = TaskFactory(
        workplace=WorkplaceFactory(employer=world.employer_org, name="Butikken")
    )
    client.force_login(world.advisor)
    response = client.post(
        f"{_base(world)}stillinger/ny/", _opening_data(world, tasks=[str(other_task.uuid)])
    )
    assert "er kartlagt på en annen arbeidsplass" in _field_errors(
        response.content.decode(), "tasks"
    )
    assert not Opening.objects.filter(title="Arbeidstrening på lager").exists()


def test_change_status_through_the_table(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    url = f"{_opening(world)}status/"
    page = client.get(url).content.decode()
    assert "På vent" in page
    assert 'value="draft"' not in page  # open → draft is not in the table
    response = client.post(url, {"to_status": "cancelled", "reason": ""})
    assert "Skriv hvorfor stillingen avlyses." in _field_errors(response.content.decode(), "reason")
    response = client.post(url, {"to_status": "filled"})
    assert response.status_code == 302
    world.opening.refresh_from_db()
    assert world.opening.status == OpeningStatus.FILLED
    page = client.get(_opening(world)).content.decode()
    assert "Endre stillingen" not in page  # filled is final
    assert client.get(f"{_opening(world)}endre/").status_code == 200
    response = client.post(f"{_opening(world)}endre/", _opening_data(world))
    assert "kan ikke endres" in response.content.decode()


# --- the register -------------------------------------------------------------------------


def test_register_filters_not_contacted_and_search(world: World, client: Client) -> None:
    EmployerContactFactory(employer=world.employer_org, occurred_on=datetime.date(2026, 5, 20))
    EmployerContactFactory(
        employer=world.employer_org_other,
        occurred_on=datetime.date(2026, 3, 1),  # 92 days before 1 June
        kind="phone",
    )
    client.force_login(world.employer_contact)
    page = client.get("/arbeidsgivere/").content.decode()
    assert "20.05.2026" in page
    assert "01.03.2026" in page
    stale = client.get("/arbeidsgivere/?not_contacted=on")
    names = [e.name for e in stale.context["employers"]]
    assert names == [world.employer_org_other.name]
    found = client.get("/arbeidsgivere/", {"q": world.employer_org.name})
    assert [e.name for e in found.context["employers"]] == [world.employer_org.name]
    by_sector = client.get("/arbeidsgivere/", {"sector": "kindergarten"})
    assert list(by_sector.context["employers"]) == []


def test_the_register_counts_open_openings(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    rows = client.get("/arbeidsgivere/").context["employers"]
    counts = {e.pk: e.open_openings for e in rows}
    assert counts[world.employer_org.pk] == 1
    assert counts[world.employer_org_other.pk] == 0


def test_import_is_refused_for_roles_that_do_not_register(world: World, client: Client) -> None:
    for persona in ("manager", "employer", "partner"):
        user = world.persona(persona)
        client.force_login(user)
        assert client.get("/arbeidsgivere/import/").status_code == 403
        assert client.get("/arbeidsgivere/ny/").status_code == 403
        assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).exists()
