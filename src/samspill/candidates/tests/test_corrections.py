"""«Be om retting» (GDPR art. 16): the services, the pages and the worklist selector."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import Client

from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.access import candidate_profile_for_user
from samspill.candidates.corrections import open_corrections
from samspill.candidates.models import CorrectionRequest
from samspill.candidates.services import correction_request_create, correction_request_resolve
from samspill.conftest import World
from samspill.notifications.models import Notification
from samspill.processes.tests.factories import ProcessFactory


def _create(world: World, **kwargs: str) -> CorrectionRequest:
    values = {"field": "municipality", "text": "Jeg har flyttet til Bærum.", **kwargs}
    return correction_request_create(
        actor=world.jobseeker, candidate=world.process.candidate, **values
    )


def test_a_request_is_stored_logged_and_the_advisor_notified(world: World) -> None:
    request = _create(world)
    assert request.created_by == world.jobseeker
    assert request.is_open
    event = AuditEvent.objects.get(object_type="correction_request", action=Action.CREATE)
    assert event.subject_uuid == world.process.candidate.uuid
    assert event.purpose == Purpose.OWN_DATA
    notice = Notification.objects.get(recipient=world.advisor)
    assert world.process.candidate.last_name not in notice.title  # notices name no one
    assert str(world.process.candidate.uuid) in notice.url


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"text": "   "}, "text", "Skriv hva som er feil, og hva det skal være."),
        ({"field": "diagnosis"}, "field", "Velg hvilke opplysninger som er feil."),
        ({"text": "x" * 2001}, "text", "Skriv kortere (høyst 2000 tegn)."),
    ],
)
def test_bad_input_gets_a_norwegian_message_at_the_field(
    world: World, values: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _create(world, **values)
    assert caught.value.message_dict == {field: [message]}
    assert not CorrectionRequest.objects.exists()
    assert not Notification.objects.exists()


def test_only_the_person_themself_can_ask(world: World) -> None:
    for actor in (world.jobseeker_other, world.advisor):
        with pytest.raises(ValidationError):
            correction_request_create(
                actor=actor, candidate=world.process.candidate, field="name", text="Feil navn"
            )
    assert not CorrectionRequest.objects.exists()


def test_the_advisor_resolves_it_with_a_note(world: World) -> None:
    request = _create(world)
    resolved = correction_request_resolve(actor=world.advisor, request=request, note="Rettet.")
    assert resolved.resolved_by == world.advisor
    assert resolved.resolution_note == "Rettet."
    assert not resolved.is_open
    event = AuditEvent.objects.get(object_type="correction_request", action=Action.CHANGE)
    assert event.actor == world.advisor
    assert Notification.objects.filter(recipient=world.jobseeker).exists()
    with pytest.raises(ValidationError, match="allerede behandlet"):
        correction_request_resolve(actor=world.advisor, request=request, note="Igjen.")


def test_resolving_needs_a_note_and_an_advisor_who_follows_the_person(world: World) -> None:
    request = _create(world)
    with pytest.raises(ValidationError) as caught:
        correction_request_resolve(actor=world.advisor, request=request, note="  ")
    assert caught.value.message_dict == {"note": ["Skriv kort hva som ble gjort med ønsket."]}
    for outsider in (world.advisor_other_office, world.jobseeker, world.employer):
        with pytest.raises(ValidationError):
            correction_request_resolve(actor=outsider, request=request, note="Rettet.")
    request.refresh_from_db()
    assert request.is_open


def test_open_corrections_per_process_in_one_query(
    world: World, django_assert_num_queries: object
) -> None:
    first, second = _create(world), _create(world, field="name", text="Stavet feil.")
    correction_request_resolve(actor=world.advisor, request=second, note="Rettet.")
    other = ProcessFactory()
    with django_assert_num_queries(1):  # type: ignore[operator]
        found = open_corrections([world.process.pk, other.pk])
    assert list(found) == [world.process.pk]
    [line] = found[world.process.pk]
    assert line.request == first
    assert "bostedskommune" in line.why
    assert line.action_url == (f"/kandidater/{world.process.candidate.uuid}/retting/{first.uuid}/")
    assert not line.overdue(first.created_at.date())


# -- Pages -------------------------------------------------------------------------------------

URL = "/meg/retting/"


def test_the_jobseeker_asks_and_sees_the_status(world: World, client: Client) -> None:
    client.force_login(world.jobseeker)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Be om retting" in page.content.decode()
    response = client.post(URL, {"field": "municipality", "text": "Jeg bor i Bærum nå."})
    assert response.status_code == 302
    html = client.get(URL).content.decode()
    assert "Venter på veilederen" in html
    assert "Jeg bor i Bærum nå." in html
    request = CorrectionRequest.objects.get()
    correction_request_resolve(actor=world.advisor, request=request, note="Kommunen er rettet.")
    html = client.get(URL).content.decode()
    assert "Behandlet" in html
    assert "Kommunen er rettet." in html
    assert "<strong>Bostedskommune</strong>" in html  # the item in words, not its code


def test_an_empty_request_is_shown_again_with_the_message_at_the_field(
    world: World, client: Client
) -> None:
    client.force_login(world.jobseeker)
    response = client.post(URL, {"field": "", "text": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "field": ["Velg hvilke opplysninger som er feil."],
        "text": ["Skriv hva som er feil, og hva det skal være."],
    }
    assert not CorrectionRequest.objects.exists()


@pytest.mark.parametrize("persona", ["advisor", "employer", "partner"])
def test_only_a_jobseeker_has_the_page(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"field": "name", "text": "x"}).status_code == 404
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).count() == 2
    assert not CorrectionRequest.objects.exists()


def _resolve_url(world: World, request: CorrectionRequest) -> str:
    return f"/kandidater/{world.process.candidate.uuid}/retting/{request.uuid}/"


def test_the_advisor_marks_it_handled(world: World, client: Client) -> None:
    request = _create(world)
    client.force_login(world.advisor)
    page = client.get(_resolve_url(world, request))
    assert page.status_code == 200
    assert "Jeg har flyttet til Bærum." in page.content.decode()
    empty = client.post(_resolve_url(world, request), {"note": ""})
    assert empty.context["form"].errors == {"note": ["Skriv kort hva som ble gjort med ønsket."]}
    done = client.post(_resolve_url(world, request), {"note": "Rettet i kartleggingen."})
    assert done.status_code == 302
    request.refresh_from_db()
    assert request.resolution_note == "Rettet i kartleggingen."


@pytest.mark.parametrize("persona", ["jobseeker", "jobseeker_other", "employer", "partner"])
def test_others_cannot_resolve(world: World, client: Client, persona: str) -> None:
    request = _create(world)
    user = world.persona(persona)
    client.force_login(user)
    assert client.post(_resolve_url(world, request), {"note": "Rettet."}).status_code == 404
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).exists()
    request.refresh_from_db()
    assert request.is_open


def test_a_request_of_another_candidate_is_404(world: World, client: Client) -> None:
    mine = _create(world)
    other = ProcessFactory(advisor=world.advisor)
    client.force_login(world.advisor)
    url = f"/kandidater/{other.candidate.uuid}/retting/{mine.uuid}/"
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(actor=world.advisor, outcome=Outcome.DENIED).exists()


def test_the_candidate_page_panel_lists_open_requests_with_a_button(world: World) -> None:
    open_one = _create(world, text="Åpent ønske")
    done = _create(world, text="Ferdig ønske")
    correction_request_resolve(actor=world.advisor, request=done, note="Ok.")
    access = candidate_profile_for_user(
        user=world.advisor, candidate_id=world.process.candidate.uuid, purpose=Purpose.CASE_WORK
    )
    html = render_to_string("candidates/_corrections_panel.html", {"access": access})
    assert "Åpent ønske" in html
    assert "Ferdig ønske" not in html
    assert f'action="{_resolve_url(world, open_one)}"' in html
    assert "Marker som behandlet" in html
