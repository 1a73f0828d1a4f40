from django.test import Client

from samspill.conftest import World
from samspill.followup.models import Contact


def _url(world: World) -> str:
    return f"/forlop/{world.process.uuid}/kontakt/"


def test_advisor_logs_a_contact_and_sees_it_on_the_process(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    assert client.get(_url(world)).status_code == 200
    response = client.post(
        _url(world),
        {
            "party": "jobseeker",
            "form": "meeting",
            "place": "community",
            "on": "2026-03-02",
            "note": "Kaffe og CV",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/forlop/{world.process.uuid}/").content.decode()
    assert "Kaffe og CV" in page


def test_bad_input_shows_the_message_at_the_field(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _url(world), {"party": "jobseeker", "form": "phone", "place": "home", "on": "2026-03-02"}
    )
    assert response.status_code == 200
    assert "Ikke fysisk" in response.content.decode()
    assert not Contact.objects.exists()


def test_employer_may_not_log_contacts(world: World, client: Client) -> None:
    client.force_login(world.employer)
    assert client.get(_url(world)).status_code == 403


def test_portfolio_filter_no_employer_contact(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    page = client.get("/forlop/portefolje/?uten_kontakt=on").content.decode()
    assert world.process.candidate.full_name in page
    client.post(
        _url(world),
        {"party": "employer", "form": "visit", "place": "workplace", "on": "2026-03-02"},
    )
    page = client.get("/forlop/portefolje/?uten_kontakt=on").content.decode()
    assert world.process.candidate.full_name not in page
