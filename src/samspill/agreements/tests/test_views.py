"""Agreement pages and PDFs through the Django client: who sees which version, approval in
each party's own login, concurrent edits, and real PDFs."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client, RequestFactory
from django.urls import reverse

from samspill.agreements import pdf
from samspill.agreements.access import agreement_get_for_user
from samspill.agreements.models import Agreement, Stage
from samspill.agreements.tests.factories import PlacedProcessFactory
from samspill.agreements.tests.helpers import WAGE_SUBSIDY, complete, send
from samspill.agreements.views import page_context
from samspill.audit.models import AuditEvent, Purpose
from samspill.conftest import World
from samspill.employers.tests.factories import WorkplaceFactory


def _url(name: str, world: World) -> str:
    return reverse(f"agreements:{name}", kwargs={"agreement_id": world.agreement.uuid})


def test_advisor_drafts_an_agreement_from_a_placed_process(world: World, client: Client) -> None:
    process = PlacedProcessFactory(
        advisor=world.advisor, workplace=WorkplaceFactory(employer=world.employer_org)
    )
    client.force_login(world.advisor)
    response = client.post(reverse("agreements:create", kwargs={"process_id": process.uuid}))
    agreement = Agreement.objects.get(process=process)
    assert response.url == reverse("agreements:edit", kwargs={"agreement_id": agreement.uuid})
    assert agreement.nav_contact == world.advisor
    assert "utenomting" in agreement.support_duties
    page = client.get(reverse("processes:detail", kwargs={"process_id": process.uuid}))
    assert agreement.get_purpose_display() in page.content.decode()


def _form_data(agreement: Agreement, **changes: Any) -> dict[str, Any]:
    data = {
        "revision": agreement.revision,
        "employer_contact": agreement.employer_contact.uuid if agreement.employer_contact else "",
        "nav_contact_phone": agreement.nav_contact_phone,
        "purpose": agreement.purpose,
        "goals": agreement.goals,
        "tasks": agreement.tasks,
        "start_on": agreement.start_on or "",
        "end_on": agreement.end_on or "",
        "hours_per_week": agreement.hours_per_week or "",
        "measure": agreement.measure,
        "employer_duties": agreement.employer_duties,
        "support_duties": agreement.support_duties,
        "followup_frequency": agreement.followup_frequency,
        "if_absent": agreement.if_absent,
        "if_conflict": agreement.if_conflict,
        "if_not_working": agreement.if_not_working,
        "ending": agreement.ending,
    }
    return data | changes


def test_edit_form_saves_and_shows_rule_messages_at_the_field(world: World, client: Client) -> None:
    agreement = complete(world.agreement, world.advisor)
    client.force_login(world.advisor)
    response = client.post(_url("edit", world), _form_data(agreement, tasks="Kasse"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.tasks == "Kasse"
    response = client.post(_url("edit", world), _form_data(agreement, end_on="2030-01-01"))
    assert response.status_code == 200
    assert "Arbeidstrening kan vare i høyst 18 måneder" in response.content.decode()


def test_a_stale_form_is_refused_and_keeps_what_was_typed(world: World, client: Client) -> None:
    agreement = complete(world.agreement, world.advisor)
    stale = _form_data(agreement, tasks="Mine endringer")
    complete(agreement, world.manager, tasks="Lederens endringer")
    client.force_login(world.advisor)
    response = client.post(_url("edit", world), stale)
    body = response.content.decode()
    assert response.status_code == 200
    assert "ble endret av" in body
    assert "Mine endringer" in body  # nothing typed is lost
    agreement.refresh_from_db()
    assert agreement.tasks == "Lederens endringer"


def test_each_party_sees_its_version_and_every_display_is_logged(
    world: World, client: Client
) -> None:
    complete(
        world.agreement, world.advisor, **WAGE_SUBSIDY, percentage=30, override_reason="Intern"
    )
    client.force_login(world.employer)
    body = client.get(_url("detail", world)).content.decode()
    assert "Dette lover NAV" in body
    assert "Intern" not in body  # NAV-internal reason
    assert "innsats" not in body  # never the need level
    assert "Navn, Alder" in body  # what the candidate consented to share
    client.force_login(world.jobseeker)
    body = client.get(_url("detail", world)).content.decode()
    assert "Begrunnelse for skjønn" in body
    assert "Tilskuddstrinn" in body
    views = AuditEvent.objects.filter(object_type="agreement", object_uuid=world.agreement.uuid)
    assert {e.actor_id for e in views} >= {world.employer.pk, world.jobseeker.pk}


def test_jobseeker_and_employer_approve_in_their_own_logins(world: World, client: Client) -> None:
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    for persona in (world.jobseeker, world.employer, world.advisor):
        client.force_login(persona)
        page = client.get(_url("detail", world)).content.decode()
        assert "Jeg godkjenner avtalen" in page
        client.post(_url("approve", world), {"revision": agreement.revision})
    agreement.refresh_from_db()
    assert agreement.stage == Stage.CONCLUDED
    client.force_login(world.employer)
    assert client.post(_url("edit", world), {}).status_code == 403


def test_the_pdfs_render(world: World, client: Client) -> None:
    complete(world.agreement, world.advisor, **WAGE_SUBSIDY)
    client.force_login(world.advisor)
    for name in ("pdf", "employer_pdf"):
        response = client.get(_url(name, world))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def _text(document: Any) -> str:
    words: list[str] = []

    def walk(box: Any) -> None:
        if hasattr(box, "text") and isinstance(box.text, str):
            words.append(box.text)
        for child in getattr(box, "children", []) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(words)


def test_the_employer_version_is_one_page_in_plain_language(world: World, client: Client) -> None:
    long = " ".join(["Lang tekst om oppgavene på arbeidsplassen."] * 60)
    agreement = complete(
        world.agreement, world.advisor, **WAGE_SUBSIDY, tasks=long, goals=long, training=long
    )
    request = RequestFactory().get("/")
    request.user = world.advisor
    access = agreement_get_for_user(
        user=world.advisor, agreement_id=agreement.uuid, purpose=Purpose.CASE_WORK
    )
    context = page_context(request, access)  # type: ignore[arg-type]
    document = pdf.render_document(pdf.EMPLOYER, context)
    assert len(document.pages) == 1
    text = _text(document)
    assert "Dette lover NAV" in text
    assert agreement.nav_contact_phone in text
    full = pdf.render_document(pdf.FULL, context)
    assert len(full.pages) >= 2  # the full record keeps every word


def test_edit_form_keeps_the_drafts_employer_contact(world: World, client: Client) -> None:
    agreement = complete(world.agreement, world.advisor)
    contact = agreement.employer_contact
    assert contact is not None
    client.force_login(world.advisor)
    body = client.get(_url("edit", world)).content.decode()
    assert f'<option value="{contact.uuid}" selected>' in body


def test_the_measure_decides_which_of_its_fields_the_form_shows(
    world: World, client: Client
) -> None:
    agreement = complete(world.agreement, world.advisor, mentor_name="Kari Mentor")
    client.force_login(world.advisor)
    body = client.get(_url("edit", world)).content.decode()
    assert 'id="id_tasks"' in body
    assert 'id="id_monthly_wage"' not in body
    assert 'id="id_mentor_name"' not in body
    # Saving the work trial keeps the hidden field's value.
    response = client.post(_url("edit", world), _form_data(agreement, tasks="Kasse"))
    assert response.url == _url("detail", world)
    agreement.refresh_from_db()
    assert agreement.mentor_name == "Kari Mentor"
    # Choosing a wage subsidy leads back to the form, now with the wage fields.
    response = client.post(
        _url("edit", world), _form_data(agreement, measure=WAGE_SUBSIDY["measure"])
    )
    assert response.url == _url("edit", world)
    body = client.get(_url("edit", world)).content.decode()
    assert 'id="id_monthly_wage"' in body
    assert 'id="id_mentor_name"' not in body


def test_a_bad_post_shows_an_error_summary_linking_to_each_field(
    world: World, client: Client
) -> None:
    agreement = complete(world.agreement, world.advisor)
    client.force_login(world.advisor)
    data = _form_data(agreement, start_on="i morgen", hours_per_week="900")
    body = client.post(_url("edit", world), data).content.decode()
    assert "Rett opp dette før du går videre" in body
    summary = body.split('class="aksel-error-summary"', 1)[1].split("</section>", 1)[0]
    targets = re.findall(r'href="#([\w-]+)"', summary)
    assert set(targets) == {"id_start_on", "id_hours_per_week"}
    for target in targets:
        assert f'id="{target}"' in body
