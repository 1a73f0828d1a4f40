"""Innsynslogg through the Django test client: search, one person's log, the jobseeker's own."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils.html import escape

from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.models import Candidate
from samspill.conftest import World


@pytest.fixture
def kari(world: World) -> Candidate:
    """The candidate of ``world.process`` with a known name (Faker's vary from run to run)."""
    candidate = world.process.candidate
    candidate.first_name, candidate.last_name = "Kari", "Nordmann"
    candidate.save()
    return candidate


def _log_url(world: World) -> str:
    return f"/innsynslogg/{world.process.candidate.uuid}/"


@pytest.mark.parametrize("query", ["nord", "NORDMANN", "ari", "kari nordm"])
def test_manager_finds_the_candidate_by_part_of_the_name(
    world: World, kari: Candidate, client: Client, query: str
) -> None:
    client.force_login(world.manager)
    response = client.get("/innsynslogg/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kari Nordmann" in html
    assert _log_url(world) in html
    assert "17.05.1998" in html  # born, to tell namesakes apart


def test_search_with_several_words_needs_all_of_them(
    world: World, kari: Candidate, client: Client
) -> None:
    client.force_login(world.manager)
    hit = client.get("/innsynslogg/", {"q": "Kari Nordmann"})
    assert [person.uuid for person in hit.context["found"]] == [kari.uuid]
    miss = client.get("/innsynslogg/", {"q": "Kari Hansen"})
    assert miss.context["found"] == []
    assert "0 treff" in miss.content.decode()


def test_the_managers_search_is_logged(world: World, kari: Candidate, client: Client) -> None:
    client.force_login(world.manager)
    client.get("/innsynslogg/", {"q": "nordm"})
    event = AuditEvent.objects.get(actor=world.manager, subject_uuid=kari.uuid)
    assert event.action == Action.VIEW
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.AUDIT_REVIEW
    assert event.detail == "søk: nordm"


def test_manager_at_another_office_does_not_find_the_candidate(
    world: World, kari: Candidate, client: Client
) -> None:
    client.force_login(world.manager_other_office)
    response = client.get("/innsynslogg/", {"q": "Nordmann"})
    assert response.status_code == 200
    assert response.context["found"] == []
    assert "Kari Nordmann" not in response.content.decode()
    assert not AuditEvent.objects.filter(subject_uuid=kari.uuid).exists()


def test_a_one_letter_search_is_refused_with_a_message(world: World, client: Client) -> None:
    client.force_login(world.manager)
    response = client.get("/innsynslogg/", {"q": "a"})
    assert response.status_code == 200
    assert response.context["found"] is None
    assert "minst 2 tegn" in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_the_log_shows_a_denied_attempt_by_an_outsider(world: World, client: Client) -> None:
    outsider = world.advisor_other_office
    client.force_login(outsider)
    assert client.get(f"/forlop/{world.process.uuid}/").status_code == 404

    client.force_login(world.advisor)
    assert client.get(f"/forlop/{world.process.uuid}/").status_code == 200

    client.force_login(world.manager)
    response = client.get(_log_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Innsynslogg for {escape(world.process.candidate.full_name)}" in html
    assert escape(outsider.display_name) in html
    assert "<strong>Avvist</strong>" in html
    assert "forløpet er utenfor brukerens tilgang" in html
    assert escape(world.advisor.display_name) in html
    rows = response.context["page"].object_list
    assert {(e.actor_id, e.outcome) for e in rows} >= {
        (outsider.pk, Outcome.DENIED),
        (world.advisor.pk, Outcome.ALLOWED),
    }


def test_opening_the_log_is_itself_logged(world: World, client: Client) -> None:
    client.force_login(world.manager)
    client.get(_log_url(world))
    event = AuditEvent.objects.get(actor=world.manager, object_type="audit_log")
    assert event.purpose == Purpose.AUDIT_REVIEW
    assert event.outcome == Outcome.ALLOWED
    assert event.subject_uuid == world.process.candidate.uuid
    # ... and is therefore on the log the next person opens.
    client.force_login(world.jobseeker)
    html = client.get(_log_url(world)).content.decode()
    assert escape(world.manager.display_name) in html


def test_jobseeker_gets_their_own_log_in_plain_words(world: World, client: Client) -> None:
    client.force_login(world.jobseeker)
    response = client.get("/innsynslogg/min/")
    assert response.status_code == 200
    assert "Hvem har sett mine opplysninger" in response.content.decode()


def test_jobseeker_cannot_read_someone_elses_log(world: World, client: Client) -> None:
    client.force_login(world.jobseeker_other)
    assert client.get(_log_url(world)).status_code == 404
    denied = AuditEvent.objects.get(actor=world.jobseeker_other)
    assert denied.outcome == Outcome.DENIED
    assert denied.subject_uuid == world.process.candidate.uuid


def test_own_log_is_404_for_everyone_but_jobseekers(world: World, client: Client) -> None:
    for persona in ("advisor", "manager", "employer"):
        client.force_login(world.persona(persona))
        assert client.get("/innsynslogg/min/").status_code == 404, persona


def test_advisor_cannot_search(world: World, client: Client) -> None:
    for persona in ("advisor", "employer_contact", "jobseeker", "admin"):
        client.force_login(world.persona(persona))
        response = client.get("/innsynslogg/", {"q": world.process.candidate.last_name})
        assert response.status_code == 404, persona
    review = AuditEvent.objects.filter(purpose=Purpose.AUDIT_REVIEW)
    assert not review.filter(outcome=Outcome.ALLOWED).exists()
    assert review.filter(outcome=Outcome.DENIED).count() == 4


def test_advisor_cannot_open_the_log(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    assert client.get(_log_url(world)).status_code == 404
    assert AuditEvent.objects.filter(actor=world.advisor, outcome=Outcome.DENIED).exists()
