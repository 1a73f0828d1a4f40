import datetime

from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

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


def test_the_untouched_form_saves_with_its_initial_values(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    form = client.get(_url(world)).context["form"]
    values = {field.name: field.value() for field in form if field.value() is not None}
    values = {k: getattr(v, "uuid", v) for k, v in values.items() if v is not False}
    response = client.post(_url(world), values)
    assert response.status_code == 302, response.context["form"].errors
    assert (Contact.objects.get().party, Contact.objects.get().place) == ("jobseeker", "remote")


def test_a_visit_logged_on_the_process_shows_on_the_employers_contact_log(
    world: World, client: Client
) -> None:
    client.force_login(world.advisor)
    visit = {"party": "employer", "form": "visit", "place": "workplace", "on": "2026-03-02"}
    assert (
        client.post(_url(world), visit | {"note": "Kandidaten trenger pauser"}).status_code == 302
    )
    client.force_login(world.employer_contact)
    page = client.get(f"/arbeidsgivere/{world.employer_org.uuid}/kontakter/").content.decode()
    with translation.override("nb"):
        day = date_format(datetime.date(2026, 3, 2), "SHORT_DATE_FORMAT")
    assert page.count(day) >= 2  # «Siste besøk», «Siste kontakt» and the entry itself
    assert "oppfølgingen av et inkluderingsforløp" in page
    assert "pauser" not in page
