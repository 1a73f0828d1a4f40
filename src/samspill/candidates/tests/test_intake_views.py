"""Intake pages through the Django client: «Registrer ny jobbsøker» and the identity
number on request. Identity numbers are synthetic (valid check digits, made-up people)."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samspill.audit.models import Action, AuditEvent, Outcome
from samspill.candidates.models import Candidate, CandidateField
from samspill.candidates.tests.factories import synthetic_national_id
from samspill.conftest import World
from samspill.processes.models import InclusionProcess, Referral

URL = "/kandidater/ny/"
NUMBER = synthetic_national_id(datetime.date(1985, 11, 30))
#: Queries of the empty registration page: session, user, second factor, the office's
#: advisors for the select, the denied-or-allowed check writes nothing.
REGISTER_PAGE_QUERIES = 5


def _data(world: World, **overrides: str) -> dict[str, str]:
    return {
        "first_name": "Kari",
        "last_name": "Nordmann",
        "national_id": NUMBER,
        "gender": "female",
        "municipality": "Oslo",
        "phone": "",
        "email": "",
        "need_level": "standard",
        "referral": Referral.SCHOOL,
        "started_on": timezone.localdate().isoformat(),
        "advisor": str(world.advisor.uuid),
        "wish": "Jobbe i butikk",
    } | overrides


def _field_errors(html: str, field: str) -> str:
    match = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert match, f"no error area for {field}"
    return match.group(1)


def _counts() -> tuple[int, int]:
    return Candidate.objects.count(), InclusionProcess.objects.count()


@pytest.mark.parametrize("persona", ["advisor", "manager"])
def test_staff_who_work_cases_get_the_form(world: World, client: Client, persona: str) -> None:
    client.force_login(world.persona(persona))
    html = client.get(URL).content.decode()
    assert "Registrer ny jobbsøker" in html
    assert "Alle som ønsker ordinært arbeid kan starte" in html  # no readiness gate
    assert "NAV Grünerløkka" in html
    assert world.advisor.display_name in html
    assert world.advisor_other_office.display_name not in html


def test_the_register_page_query_count_is_pinned(
    world: World, client: Client, django_assert_num_queries: Any
) -> None:
    client.force_login(world.advisor)
    client.get(URL)  # the first request of a session settles its own bookkeeping
    with django_assert_num_queries(REGISTER_PAGE_QUERIES):
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    "persona", ["employer", "partner", "jobseeker", "employer_contact", "admin"]
)
def test_others_are_refused_with_a_denied_row(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    before = _counts()
    assert client.get(URL).status_code == 403
    assert client.post(URL, _data(world)).status_code == 403
    denied = AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED, action=Action.CREATE)
    assert denied.count() == 2
    assert _counts() == before


def test_registering_opens_the_process_and_shows_it(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(URL, _data(world))
    candidate = Candidate.objects.get(national_id=NUMBER)
    process = candidate.processes.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("processes:detail", args=[process.uuid])
    assert (process.referral, process.wish) == (Referral.SCHOOL, "Jobbe i butikk")
    assert candidate.birth_date == datetime.date(1985, 11, 30)
    html = client.get(response["Location"]).content.decode()
    assert "Jobbsøkeren er registrert" in html
    assert "Skole eller utdanning" in html
    assert NUMBER[6:] not in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("national_id", NUMBER[:10], "Fødselsnummeret har 11 sifre; du skrev 10."),
        ("national_id", NUMBER[:5] + "abcdef", "Fødselsnummeret kan bare ha sifre."),
        ("national_id", NUMBER[:10] + str((int(NUMBER[10]) + 1) % 10), "Kontrollsifrene"),
        ("national_id", "", "Skriv fødselsnummeret eller D-nummeret."),
        ("first_name", "", "Skriv fornavnet."),
        ("referral", "", "Velg hvor personen kom fra."),
    ],
)
def test_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    world: World, client: Client, field: str, value: str, message: str
) -> None:
    client.force_login(world.advisor)
    before = _counts()
    response = client.post(URL, _data(world, **{field: value}))
    assert response.status_code == 200
    assert message in _field_errors(response.content.decode(), field)
    assert _counts() == before


def test_a_duplicate_links_to_the_person_the_user_may_see(world: World, client: Client) -> None:
    existing = world.process.candidate
    existing.national_id = NUMBER
    existing.save(update_fields=["national_id"])
    client.force_login(world.advisor)
    before = _counts()
    html = client.post(URL, _data(world, first_name="Annen")).content.decode()
    assert "Denne personen er allerede registrert." in html
    assert f'href="/kandidater/{existing.uuid}/"' in html
    assert existing.full_name in html
    assert _counts() == before
    row = AuditEvent.objects.filter(actor=world.advisor, object_uuid=existing.uuid).last()
    assert row is not None
    assert (row.outcome, row.fields) == (Outcome.ALLOWED, [CandidateField.NAME])


def test_a_duplicate_outside_the_users_reach_is_neutral_and_logged(
    world: World, client: Client
) -> None:
    existing = world.process.candidate
    existing.national_id = NUMBER
    existing.save(update_fields=["national_id"])
    user = world.advisor_other_office
    client.force_login(user)
    before = _counts()
    html = client.post(
        URL, _data(world, advisor=str(user.uuid), first_name="Annen")
    ).content.decode()
    assert "Denne personen er allerede registrert." in html
    assert "Du har ikke tilgang til personen" in html
    assert str(existing.uuid) not in html
    assert existing.full_name not in html
    assert _counts() == before
    assert AuditEvent.objects.filter(
        actor=user, object_uuid=existing.uuid, outcome=Outcome.DENIED
    ).exists()


# --- the identity number, masked and on request ---------------------------------------------


def _numbered(world: World) -> Candidate:
    candidate = world.process.candidate
    candidate.national_id = NUMBER
    candidate.save(update_fields=["national_id"])
    return candidate


def test_the_profile_shows_the_number_masked(world: World, client: Client) -> None:
    candidate = _numbered(world)
    client.force_login(world.advisor)
    html = client.get(f"/kandidater/{candidate.uuid}/").content.decode()
    assert f"{NUMBER[:6]} *****" in html
    assert NUMBER[6:] not in html
    assert f"/kandidater/{candidate.uuid}/fodselsnummer/" in html


@pytest.mark.parametrize("persona", ["advisor", "manager"])
def test_staff_who_follow_the_person_up_see_it_whole_and_it_is_logged(
    world: World, client: Client, persona: str
) -> None:
    candidate = _numbered(world)
    user = world.persona(persona)
    client.force_login(user)
    html = client.get(f"/kandidater/{candidate.uuid}/fodselsnummer/").content.decode()
    assert f"{NUMBER[:6]} {NUMBER[6:]}" in html
    row = AuditEvent.objects.filter(actor=user, object_uuid=candidate.uuid).last()
    assert row is not None
    assert CandidateField.NATIONAL_ID in row.fields
    assert row.detail == "fødselsnummer vist på forespørsel"


@pytest.mark.parametrize("persona", ["employer", "partner", "jobseeker", "employer_contact"])
def test_no_one_else_sees_the_number(world: World, client: Client, persona: str) -> None:
    candidate = _numbered(world)
    user = world.persona(persona)
    if persona in ("partner", "employer_contact"):  # even when invited into the process
        world.process.members.create(user=user, role=persona, purpose="Samarbeid")
    client.force_login(user)
    assert client.get(f"/kandidater/{candidate.uuid}/fodselsnummer/").status_code == 404
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).exists()
    html = client.get(f"/kandidater/{candidate.uuid}/").content.decode()
    assert NUMBER[6:] not in html
    assert "fodselsnummer/" not in html


@pytest.mark.parametrize(
    ("persona", "page"),
    [("advisor", "/"), ("advisor", "/forlop/portefolje/"), ("manager", "/forlop/portefolje/")],
)
def test_the_link_is_where_the_advisor_works(
    world: World, client: Client, persona: str, page: str
) -> None:
    client.force_login(world.persona(persona))
    html = client.get(page).content.decode()
    assert f'href="{URL}"' in html
    assert "Registrer ny jobbsøker" in html


def test_the_persons_own_export_holds_where_they_came_from_and_what_they_wanted(
    world: World, client: Client
) -> None:
    process = world.process
    process.referral, process.wish = Referral.MUNICIPALITY, "Snekker, helst ute"
    process.save(update_fields=["referral", "wish"])
    client.force_login(world.jobseeker)
    html = client.get("/meg/mine-opplysninger/").content.decode()
    assert "Kommunen" in html
    assert "Snekker, helst ute" in html
