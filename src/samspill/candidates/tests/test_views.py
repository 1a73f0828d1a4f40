"""Candidate profile pages through the Django test client.

Profile (``/kandidater/<uuid>/``), kartlegging and needs forms for staff; «Min profil» and
«Hva jeg deler» for the jobseeker. The clock is frozen at 1 June 2026 (Oslo).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils.html import escape

from samspill.audit.models import AuditEvent, Outcome
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    ConsentRecord,
    ProfileVersion,
)
from samspill.candidates.services import (
    consent_record,
    needs_update,
    profile_update,
    profile_update_own,
)
from samspill.conftest import OUTSIDERS, World

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO)
TODAY = NOW.date()
STALE = datetime.date(2025, 1, 10)  # more than six months before TODAY
SECRET_DETAIL = "Blir svært sliten av støy etter behandling"


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def candidate(world: World) -> Candidate:
    """``world``'s candidate with a kartlegging, own words, one stale and one fresh need."""
    candidate = world.process.candidate
    profile_update(
        actor=world.advisor,
        candidate=candidate,
        interests="Lager og logistikk",
        hours_min=20,
        hours_max=30,
    )
    profile_update_own(
        actor=world.jobseeker,
        candidate=candidate,
        own_interests="Jeg liker å sortere ting",
        own_strengths="Jeg er alltid presis",
    )
    needs_update(
        actor=world.advisor,
        candidate=candidate,
        needs={"quiet_environment": SECRET_DETAIL},
        on=STALE,
    )
    AccommodationNeed.objects.create(
        candidate=candidate, code="hearing", detail="Bruker høreapparat", last_confirmed=TODAY
    )
    candidate.refresh_from_db()
    return candidate


def _detail(candidate: Candidate) -> str:
    return f"/kandidater/{candidate.uuid}/"


def _edit(candidate: Candidate) -> str:
    return f"/kandidater/{candidate.uuid}/kartlegging/"


def _needs(candidate: Candidate) -> str:
    return f"/kandidater/{candidate.uuid}/behov/"


def _confirm(candidate: Candidate) -> str:
    return f"/kandidater/{candidate.uuid}/behov/bekreft/"


def _field_errors(html: str, field: str) -> str:
    """The text of the error area that belongs to one form field (see core/field.html)."""
    match = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert match, f"no error area for {field}"
    return match.group(1)


def _all_errors(html: str) -> list[str]:
    return re.findall(r'class="aksel-error-message[^"]*">(.*?)</p>', html)


def _section(html: str, heading_id: str) -> str:
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.DOTALL)
    assert match, f"no section {heading_id}"
    return match.group(0)


def _kartlegging(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "interests": "Kantine",
        "resources": "",
        "experience": "",
        "education": "",
        "hours_min": "10",
        "hours_max": "20",
        "times_of_day": ["day"],
        "sectors": ["canteen"],
        "places": "Oslo, Bærum",
        "max_commute_km": "",
        "avoid": "",
        "need_level": "situasjonsbestemt",
        "main_goal": "get_work",
        "benefit": "aap",
    }
    return {**data, **overrides}


def _stored(candidate: Candidate) -> tuple[Any, ...]:
    fresh = Candidate.objects.get(pk=candidate.pk)
    return (
        fresh.interests,
        fresh.hours_min,
        fresh.hours_max,
        fresh.sectors,
        fresh.places,
        fresh.benefit,
        fresh.profile_version,
        ProfileVersion.objects.filter(candidate=candidate).count(),
    )


# --- the profile page -----------------------------------------------------------------------


def test_advisor_sees_the_profile_with_own_words_and_needs(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    response = client.get(_detail(candidate))
    assert response.status_code == 200
    html = response.content.decode()

    assert escape(candidate.full_name) in html
    assert candidate.phone in html
    assert candidate.email in html
    heading = re.search(r'<h2 id="egne-ord"[^>]*>(.*?)</h2>', html, re.DOTALL)
    assert heading
    assert "egne ord" in heading.group(1)
    own = _section(html, "egne-ord")
    assert "Jeg liker å sortere ting" in own
    assert "Jeg er alltid presis" in own
    assert "Lager og logistikk" in html
    assert "20–30 timer per uke" in html
    needs = _section(html, "behov")
    assert SECRET_DETAIL in needs
    assert "Bruker høreapparat" in needs
    assert needs.count("Bør gjennomgås") == 1  # only the stale need
    stale_item = re.search(r"<li><strong>Stille og rolig miljø</strong>.*?</li>", needs, re.DOTALL)
    assert stale_item
    assert "Bør gjennomgås" in stale_item.group(0)
    assert "bekreftet 10.01.2025" in stale_item.group(0)
    assert "Endre kartlegging" in html
    assert "Bekreft at behovene gjelder uendret" in html


def test_the_page_read_is_logged(world: World, candidate: Candidate, client: Client) -> None:
    client.force_login(world.advisor)
    client.get(_detail(candidate))
    event = AuditEvent.objects.get(actor=world.advisor, object_type="profile", action="view")
    assert event.subject_uuid == candidate.uuid
    assert event.outcome == Outcome.ALLOWED


def test_the_page_shows_what_changed_since_the_last_visit(
    world: World, candidate: Candidate, client: Client, frozen_clock: time_machine.Traveller
) -> None:
    client.force_login(world.advisor)
    assert "Endret siden du så profilen" not in client.get(_detail(candidate)).content.decode()
    frozen_clock.shift(datetime.timedelta(hours=2))
    profile_update(actor=world.manager, candidate=candidate, hours_max=35)
    frozen_clock.shift(datetime.timedelta(hours=2))
    client.force_login(world.advisor)  # four idle hours: logged out meanwhile, back in now

    html = client.get(_detail(candidate)).content.decode()

    changes = _section(html, "endringer")
    assert "Endret siden du så profilen" in changes
    assert "Timer per uke, mest" in changes
    assert ">30<" in changes
    assert ">35<" in changes
    assert escape(world.manager.display_name) in changes
    assert "Endret siden" not in client.get(_detail(candidate)).content.decode()


def test_employer_sees_only_what_was_consented(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.employer)
    response = client.get(_detail(candidate))
    assert response.status_code == 200
    html = response.content.decode()

    assert escape(candidate.full_name) in html  # consented: name and age
    assert "28 år" in html
    assert candidate.phone not in html
    assert candidate.email not in html
    assert "egne ord" not in html
    assert "Jeg liker å sortere ting" not in html
    assert "Lager og logistikk" not in html
    assert "timer per uke" not in html
    assert "Innsatsbehov" not in html
    assert SECRET_DETAIL not in html
    assert "Stille og rolig miljø" not in html
    assert "Endre kartlegging" not in html


def test_employer_sees_a_shared_need_by_its_employer_text_only(
    world: World, candidate: Candidate, client: Client
) -> None:
    consent_record(
        actor=world.jobseeker,
        candidate=candidate,
        items=["name", "contact", "interests", "need:quiet_environment"],
    )
    client.force_login(world.employer)
    html = client.get(_detail(candidate)).content.decode()

    assert candidate.phone in html
    assert candidate.email in html
    assert "Jeg liker å sortere ting" in html  # own words shared with "interests"
    assert "Jeg er alltid presis" not in html  # "strengths" was not shared
    needs = _section(html, "behov")
    assert "Kan trenge et stille og rolig miljø" in needs
    assert SECRET_DETAIL not in html
    assert "Bruker høreapparat" not in html
    assert "bekreftet" not in needs
    assert "Bør gjennomgås" not in html
    assert "Bekreft at behovene" not in html


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404_for_the_profile(
    world: World, candidate: Candidate, client: Client, persona: str
) -> None:
    client.force_login(world.persona(persona))
    response = client.get(_detail(candidate))
    assert response.status_code == 404
    assert candidate.last_name not in response.content.decode()
    assert AuditEvent.objects.filter(
        actor=world.persona(persona), object_type="profile", outcome=Outcome.DENIED
    ).exists()


# --- the kartlegging form -------------------------------------------------------------------


def test_kartlegging_form_shows_the_current_values(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    response = client.get(_edit(candidate))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="hours_min" value="20"' in html
    assert "Lager og logistikk</textarea>" in html


def test_kartlegging_with_fewer_max_than_min_hours_shows_the_error_at_hours_max(
    world: World, candidate: Candidate, client: Client
) -> None:
    before = _stored(candidate)
    client.force_login(world.advisor)

    response = client.post(_edit(candidate), _kartlegging(hours_min="30", hours_max="10"))

    assert response.status_code == 200
    html = response.content.decode()
    reworded = "Det høyeste antallet timer kan ikke være lavere enn det laveste."
    assert reworded in _field_errors(html, "hours_max")
    assert _all_errors(html) == [reworded]
    assert _stored(candidate) == before


def test_kartlegging_with_too_many_hours_shows_the_error_at_the_field(
    world: World, candidate: Candidate, client: Client
) -> None:
    before = _stored(candidate)
    client.force_login(world.advisor)
    response = client.post(_edit(candidate), _kartlegging(hours_max="61"))
    assert response.status_code == 200
    assert "mellom 1 og 60" in _field_errors(response.content.decode(), "hours_max")
    assert _stored(candidate) == before


def test_valid_kartlegging_is_saved_and_redirects_to_the_profile(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    response = client.post(_edit(candidate), _kartlegging())
    assert response.status_code == 302
    assert response["Location"] == _detail(candidate)

    fresh = Candidate.objects.get(pk=candidate.pk)
    assert fresh.interests == "Kantine"
    assert (fresh.hours_min, fresh.hours_max) == (10, 20)
    assert fresh.sectors == ["canteen"]
    assert fresh.places == ["Oslo", "Bærum"]
    assert fresh.benefit == "aap"
    assert fresh.own_interests == "Jeg liker å sortere ting"  # own words untouched
    latest = ProfileVersion.objects.filter(candidate=candidate).order_by("-number").first()
    assert latest is not None
    assert latest.changed_by == world.advisor
    assert "Kartleggingen er lagret." in client.get(_detail(candidate)).content.decode()


def test_kartlegging_cannot_overwrite_own_words(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    client.post(_edit(candidate), _kartlegging(own_interests="Veilederens ord"))
    assert Candidate.objects.get(pk=candidate.pk).own_interests == "Jeg liker å sortere ting"


# --- the needs form -------------------------------------------------------------------------


def test_a_need_described_but_not_checked_is_an_error_at_its_checkbox(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    before = list(AccommodationNeed.objects.filter(candidate=candidate).values())

    response = client.post(
        _needs(candidate),
        {
            "need_quiet_environment": "on",
            "detail_quiet_environment": SECRET_DETAIL,
            "detail_avoid_heavy_lifting": "Vondt i ryggen",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    errors = _field_errors(html, "need_avoid_heavy_lifting")
    assert "Kryss av for behovet, eller fjern beskrivelsen." in errors
    assert len(_all_errors(html)) == 1
    assert list(AccommodationNeed.objects.filter(candidate=candidate).values()) == before


def test_valid_needs_are_saved_and_confirmed_today(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _needs(candidate),
        {
            "need_quiet_environment": "on",
            "detail_quiet_environment": SECRET_DETAIL,
            "need_avoid_heavy_lifting": "on",
            "detail_avoid_heavy_lifting": " Vondt i ryggen ",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _detail(candidate)

    needs = {n.code: n for n in AccommodationNeed.objects.filter(candidate=candidate)}
    assert set(needs) == {"quiet_environment", "avoid_heavy_lifting"}  # hearing unchecked
    assert needs["avoid_heavy_lifting"].detail == "Vondt i ryggen"
    assert {n.last_confirmed for n in needs.values()} == {TODAY}
    assert {n.confirmed_by for n in needs.values()} == {world.advisor}


def test_needs_form_shows_the_current_needs(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    html = client.get(_needs(candidate)).content.decode()
    checked = re.search(r'<input[^>]*name="need_quiet_environment"[^>]*>', html)
    unchecked = re.search(r'<input[^>]*name="need_sight"[^>]*>', html)
    assert checked
    assert "checked" in checked.group(0)
    assert unchecked
    assert "checked" not in unchecked.group(0)
    assert SECRET_DETAIL in html


def test_advisor_confirms_the_needs_unchanged(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.advisor)
    response = client.post(_confirm(candidate))
    assert response.status_code == 302
    assert response["Location"] == _detail(candidate)
    needs = AccommodationNeed.objects.filter(candidate=candidate)
    assert {n.last_confirmed for n in needs} == {TODAY}
    assert {n.detail for n in needs} == {SECRET_DETAIL, "Bruker høreapparat"}
    html = client.get(_detail(candidate)).content.decode()
    assert "Bør gjennomgås" not in html
    assert "2 behov er bekreftet som uendret i dag." in html


def test_confirming_needs_takes_a_post(world: World, candidate: Candidate, client: Client) -> None:
    client.force_login(world.advisor)
    assert client.get(_confirm(candidate)).status_code == 405
    assert (
        AccommodationNeed.objects.get(candidate=candidate, code="quiet_environment").last_confirmed
        == STALE
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [("employer", 403), ("jobseeker", 403), *((name, 404) for name in OUTSIDERS)],
)
@pytest.mark.parametrize("url", [_edit, _needs, _confirm])
def test_only_staff_with_access_may_use_the_forms(
    world: World, candidate: Candidate, client: Client, persona: str, status: int, url: Any
) -> None:
    before = _stored(candidate)
    client.force_login(world.persona(persona))

    response = client.post(url(candidate), _kartlegging() | {"need_hearing": "on"})

    assert response.status_code == status
    assert _stored(candidate) == before
    assert (
        AccommodationNeed.objects.get(candidate=candidate, code="quiet_environment").last_confirmed
        == STALE
    )
    assert AuditEvent.objects.filter(
        actor=world.persona(persona), object_type="profile", outcome=Outcome.DENIED
    ).exists()


# --- «Min profil» ---------------------------------------------------------------------------


def test_jobseeker_sees_and_saves_own_words(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.jobseeker)
    response = client.get("/meg/profil/")
    assert response.status_code == 200
    assert "Jeg liker å sortere ting</textarea>" in response.content.decode()

    response = client.post(
        "/meg/profil/",
        {
            "own_interests": "  Jeg liker dyr ",
            "own_strengths": "Jeg er alltid presis",
            "own_motivation": "Jeg vil bidra",
            "own_wishes": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/meg/profil/"
    fresh = Candidate.objects.get(pk=candidate.pk)
    assert fresh.own_interests == "Jeg liker dyr"
    assert fresh.own_motivation == "Jeg vil bidra"
    assert fresh.own_updated_at == NOW
    assert fresh.interests == "Lager og logistikk"  # the advisor's part is untouched
    assert "Takk! Det du skrev er lagret." in client.get("/meg/profil/").content.decode()


def test_own_words_longer_than_allowed_are_refused_at_the_field(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.jobseeker)
    response = client.post("/meg/profil/", {"own_interests": "x" * 2001})
    assert response.status_code == 200
    assert _field_errors(response.content.decode(), "own_interests")
    assert Candidate.objects.get(pk=candidate.pk).own_interests == "Jeg liker å sortere ting"


@pytest.mark.parametrize("persona", ["advisor", "manager", "employer", "partner", "admin"])
@pytest.mark.parametrize("url", ["/meg/profil/", "/meg/deling/"])
def test_only_jobseekers_have_own_pages(
    world: World, candidate: Candidate, client: Client, persona: str, url: str
) -> None:
    client.force_login(world.persona(persona))
    assert client.get(url).status_code == 404
    assert client.post(url, {"own_interests": "x", "items": ["name"]}).status_code == 404
    fresh = Candidate.objects.get(pk=candidate.pk)
    assert fresh.own_interests == "Jeg liker å sortere ting"
    assert ConsentRecord.objects.filter(candidate=candidate).count() == 1


# --- «Hva jeg deler» ------------------------------------------------------------------------


def _history(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", _section(html, "historikk"), re.DOTALL)


def test_jobseeker_chooses_what_to_share_and_withdraws(
    world: World, candidate: Candidate, frozen_clock: time_machine.Traveller
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.jobseeker)
    html = client.get("/meg/deling/").content.decode()
    assert 'value="need:quiet_environment"' in html  # their own needs can be shared
    assert 'value="need:sight"' not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token
    csrf = token.group(1)

    frozen_clock.shift(datetime.timedelta(minutes=5))  # within the session's eight hours
    response = client.post(
        "/meg/deling/",
        {"csrfmiddlewaretoken": csrf, "items": ["name", "contact", "need:quiet_environment"]},
    )
    assert response.status_code == 302
    current = ConsentRecord.objects.filter(candidate=candidate).first()
    assert current is not None
    assert current.items == ["contact", "name", "need:quiet_environment"]
    assert current.recorded_by == world.jobseeker

    frozen_clock.shift(datetime.timedelta(minutes=5))
    response = client.post("/meg/deling/", {"csrfmiddlewaretoken": csrf})  # nothing checked
    assert response.status_code == 302
    records = list(ConsentRecord.objects.filter(candidate=candidate))
    assert len(records) == 3
    assert records[0].items == []  # withdrawn: the newest row shares nothing
    assert records[1].items == ["contact", "name", "need:quiet_environment"]

    history = _history(client.get("/meg/deling/").content.decode())
    assert len(history) == 3
    assert "ingenting delt" in history[0]
    assert "gjelder nå" in history[0]
    assert "3 ting delt" in history[1]
    assert "gjelder nå" not in history[1]
    assert "2 ting delt" in history[2]  # the first choice, name and age
    assert "01.06.2026 12:10" in history[0]
    assert "01.06.2026 12:05" in history[1]


def test_after_withdrawing_the_employer_sees_nothing(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.jobseeker)
    client.post("/meg/deling/", {})
    client.force_login(world.employer)
    html = client.get(_detail(candidate)).content.decode()
    assert escape(candidate.full_name) not in html
    assert "Kandidat (navn ikke delt)" in html


def test_an_item_that_cannot_be_shared_is_refused(
    world: World, candidate: Candidate, client: Client
) -> None:
    client.force_login(world.jobseeker)
    response = client.post("/meg/deling/", {"items": ["name", "need_level"]})
    assert response.status_code == 200
    assert _field_errors(response.content.decode(), "items")
    assert ConsentRecord.objects.filter(candidate=candidate).count() == 1
