"""The portals show the next planned contact and whom to call; the API under tag followup."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils.html import escape

from samspill.conftest import World
from samspill.followup.models import Contact
from samspill.followup.services import followup_start_plan
from samspill.identity.services import api_token_create

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def planned(world: World) -> World:
    world.advisor.phone = "41234567"
    world.advisor.save()
    followup_start_plan(
        actor=world.advisor, process=world.process, template="after_hire", starts_on=TODAY
    )
    return world


def test_jobseeker_sees_next_contact_and_contact_person(planned: World, client: Client) -> None:
    client.force_login(planned.jobseeker)
    page = client.get("/").content.decode()
    assert "Neste planlagte kontakt" in page
    assert "Ukentlig kontakt første måned (telefon), 04.06.2026" in page
    assert escape(planned.advisor.display_name) in page
    assert "41234567" in page


def test_employer_sees_next_contact_whom_to_call_and_how_to_report(
    planned: World, client: Client
) -> None:
    client.force_login(planned.employer)
    page = client.get("/").content.decode()
    assert "Oppfølging av arbeidsgiveren (besøk på arbeidsplassen), 15.06.2026" in page
    assert "41234567" in page
    assert f"/forlop/{planned.process.uuid}/meld-fra/" in page


def test_utenomting_needs_an_owner(planned: World, client: Client) -> None:
    client.force_login(planned.advisor)
    url = f"/forlop/{planned.process.uuid}/kontakt/"
    data = {
        "party": "jobseeker",
        "form": "meeting",
        "place": "home",
        "on": "2026-06-01",
        "outside_work": "on",
    }
    response = client.post(url, data)
    assert "Skriv hvem som følger opp utenomtinget" in response.content.decode()
    assert not Contact.objects.exists()
    response = client.post(url, data | {"outside_work_owner": "Kommunens boligkontor"})
    assert response.status_code == 302
    page = client.get(f"/forlop/{planned.process.uuid}/oppfolging/").content.decode()
    assert "Utenomting: Kommunens boligkontor" in page


def test_api_worklist_plan_contacts_and_concerns(planned: World, client: Client) -> None:
    token = api_token_create(user=planned.advisor)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    today = client.get("/api/followup/today", **auth).json()
    assert today["total"] == len(today["lines"]) > 0
    assert {line["kind"] for line in today["lines"]} >= {"employer_contact"}
    base = f"/api/processes/{planned.process.uuid}/followup"
    plan = client.get(f"{base}/plan", **auth).json()
    weekly = next(i for i in plan["items"] if i["label"] == "Ukentlig kontakt første måned")
    assert weekly["next_due"] == "2026-06-04"
    created = client.post(
        f"{base}/contacts",
        {
            "party": "jobseeker",
            "form": "phone",
            "place": "remote",
            "on": "2026-06-01",
            "plan_item_id": weekly["id"],
        },
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    plan = client.get(f"{base}/plan", **auth).json()
    weekly = next(i for i in plan["items"] if i["label"] == "Ukentlig kontakt første måned")
    assert weekly["next_due"] == "2026-06-08"
    bad = client.post(
        f"{base}/contacts",
        {"party": "jobseeker", "form": "phone", "place": "home", "on": "2026-06-01"},
        content_type="application/json",
        **auth,
    )
    assert bad.status_code == 422
    assert "place" in bad.json()["detail"]

    employer_auth = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=planned.employer)}"}
    reported = client.post(
        f"{base}/concerns",
        {"kind": "training", "text": "Trenger mer opplæring i kassa"},
        content_type="application/json",
        **employer_auth,
    )
    assert reported.status_code == 201
    assert reported.json()["respond_by"] == "2026-06-02"
    assert len(client.get(f"{base}/concerns", **employer_auth).json()) == 1
    assert client.get(f"{base}/plan", **employer_auth).status_code == 403
