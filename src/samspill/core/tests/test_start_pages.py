"""The start page for every role, logging in, and the health check."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils.html import escape
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import AuditEvent, Purpose
from samspill.conftest import World
from samspill.identity.second_factor import totp_code
from samspill.processes.tests.factories import MemberFactory, ProcessFactory


def _start(client: Client, world: World, persona: str) -> str:
    client.force_login(world.persona(persona))
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_advisor_start(world: World, client: Client) -> None:
    html = _start(client, world, "advisor")
    assert f"Hei, {escape(world.advisor.first_name)}" in html
    assert "Mine forløp per fase" in html
    assert escape(world.process.candidate.full_name) in html


def test_employer_contact_start(world: World, client: Client) -> None:
    html = _start(client, world, "employer_contact")
    assert "Forløp jeg er med i" in html
    assert "Du er ikke invitert inn i noen forløp ennå." in html
    assert escape(world.employer_org.name) in html  # the employer register


def test_manager_start(world: World, client: Client) -> None:
    html = _start(client, world, "manager")
    assert "NAV Grünerløkka" in html
    assert "Forløp per veileder" in html
    assert "Åpne Innsynslogg" in html
    assert escape(world.advisor.display_name) in html
    # Aggregates only: the manager's start page shows no candidate.
    assert escape(world.process.candidate.full_name) not in html


def test_partner_start_lists_only_invited_processes(world: World, client: Client) -> None:
    html = _start(client, world, "partner")
    assert "Forløp du er invitert inn i" in html
    assert "Du er ikke invitert inn i noen forløp nå." in html
    assert escape(world.process.candidate.full_name) not in html

    MemberFactory(process=world.process, user=world.partner)
    html = _start(client, world, "partner")
    assert escape(world.process.candidate.full_name) in html


def test_employer_start(world: World, client: Client) -> None:
    html = _start(client, world, "employer")
    assert escape(world.employer_org.name) in html
    assert "Våre kandidater" in html
    assert escape(world.process.candidate.full_name) in html
    assert world.process.candidate.phone not in html


def test_jobseeker_start(world: World, client: Client) -> None:
    html = _start(client, world, "jobseeker")
    assert f"Hei, {escape(world.jobseeker.first_name)}" in html
    assert "Mitt forløp" in html
    assert "Utprøving" in html
    assert "Se hvem som har sett opplysningene dine" in html


def test_admin_start_has_no_personal_data(world: World, client: Client) -> None:
    html = _start(client, world, "admin")
    assert "Administrasjon" in html
    assert "Brukere per rolle" in html
    assert "NAV Alna" in html
    assert escape(world.process.candidate.full_name) not in html


def test_start_pages_log_the_rows_they_show(world: World, client: Client) -> None:
    _start(client, world, "employer")
    events = AuditEvent.objects.filter(actor=world.employer)
    assert {e.object_type for e in events} == {"process", "agreement"}
    for event in events:
        assert event.purpose == Purpose.EMPLOYER_PORTAL
        assert event.subject_uuid == world.process.candidate.uuid


def test_a_user_without_a_role_is_refused(db: None, client: Client) -> None:
    client.force_login(UserFactory(role="", office=None))
    response = client.get("/")
    assert response.status_code == 403
    assert "Du har ingen rolle i Samspill" in response.content.decode()


# --- logging in -----------------------------------------------------------------------------


def test_anonymous_is_sent_to_the_login_page(db: None, client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/logg-inn/?next=/"


def test_login_with_username_and_password(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get("/logg-inn/")
    assert page.status_code == 200
    assert "Logg inn i Samspill" in page.content.decode()
    token = client.cookies["csrftoken"].value

    device = TOTPDevice.objects.create(user=world.advisor, name="Testapp", confirmed=True)
    response = client.post(
        "/logg-inn/",
        {"username": "advisor", "password": "test-passord-123", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    asked = client.get(response["Location"])  # staff: not in before the second factor
    assert asked.status_code == 302
    assert asked["Location"].startswith("/logg-inn/kode/")
    response = client.post(
        asked["Location"],
        {"code": totp_code(device), "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    start = client.get("/")
    assert start.status_code == 200
    assert start.context["user"] == world.advisor


def test_login_with_a_wrong_password_says_so_in_norwegian(world: World, client: Client) -> None:
    response = client.post("/logg-inn/", {"username": "advisor", "password": "feil-passord"})
    assert response.status_code == 200
    assert "Vennligst oppgi korrekt" in response.content.decode()
    assert client.get("/").status_code == 302


def test_login_follows_next(world: World, client: Client) -> None:
    response = client.post(
        "/logg-inn/?next=/forlop/",
        {"username": "manager", "password": "test-passord-123", "next": "/forlop/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/forlop/"


def test_inactive_users_cannot_log_in(world: World, client: Client) -> None:
    world.advisor.is_active = False
    world.advisor.save()
    response = client.post("/logg-inn/", {"username": "advisor", "password": "test-passord-123"})
    assert response.status_code == 200
    assert client.get("/").status_code == 302


# --- health check ---------------------------------------------------------------------------


def test_healthz_answers_without_login(db: None, client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


# --- query counts ---------------------------------------------------------------------------

#: session, user, the second-factor device, count, one page of processes, one bulk audit
#: insert, phase counts; and «I dag»:
#: the processes in scope, plan items, latest contacts, open concerns, commitments near their
#: deadline, open correction requests, one bulk audit insert for the lines shown, unread
#: notifications.
ADVISOR_START_QUERIES = 15


@pytest.mark.parametrize("extra", [5, 40])
def test_advisor_start_query_count_does_not_grow(
    world: World, client: Client, django_assert_num_queries, extra: int
) -> None:
    colleague = UserFactory(role=Role.ADVISOR, office=world.office)
    for i in range(extra):
        ProcessFactory(advisor=world.advisor, employer=world.employer_org if i % 2 else None)
        ProcessFactory(advisor=colleague)  # same office, not on the advisor's own page
    client.force_login(world.advisor)
    with django_assert_num_queries(ADVISOR_START_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == extra + 1
    counts = dict(response.context["phase_counts"])
    assert sum(counts.values()) == extra + 1


@pytest.mark.parametrize("extra", [5, 40])
def test_manager_start_query_count_does_not_grow(
    world: World, client: Client, django_assert_num_queries, extra: int
) -> None:
    for _ in range(extra):
        ProcessFactory(advisor=UserFactory(role=Role.ADVISOR, office=world.office))
    client.force_login(world.manager)
    with django_assert_num_queries(5):  # session, user, device, office, one grouped count
        response = client.get("/")
    assert response.status_code == 200
    assert len(response.context["rows"]) == extra + 1
