"""«I dag»: who needs me today, with the reason and the action; overdue stays until done."""

import datetime
import re
from html import unescape
from typing import Any

import pytest
import time_machine
from django.test import Client

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import TeamFactory, UserFactory
from samspill.audit.models import AuditEvent
from samspill.candidates.models import AccommodationNeed
from samspill.conftest import World
from samspill.followup import services
from samspill.followup.models import Contact, Form, Party, Place
from samspill.followup.tests.factories import CommitmentFactory, ConcernFactory
from samspill.processes.tests.factories import ProcessFactory

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        yield


def _lines(client: Client, user: Any, url: str = "/i-dag/") -> list[Any]:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return [row.line for row in response.context["worklist"].rows]


def _kinds(lines: list[Any]) -> list[str]:
    return [line.kind for line in lines]


def _met_employer(world: World, on: datetime.date = datetime.date(2026, 1, 20)) -> None:
    Contact.objects.create(
        process=world.process, party=Party.EMPLOYER, form=Form.VISIT, place=Place.WORKPLACE, on=on
    )


def test_placed_process_without_a_plan_asks_for_one(world: World, client: Client) -> None:
    _met_employer(world)
    lines = _lines(client, world.advisor)
    assert _kinds(lines) == ["plan"]
    assert lines[0].why == "Utprøving uten oppfølgingsplan"
    assert lines[0].action_url == f"/forlop/{world.process.uuid}/oppfolging/ny/"


def test_overdue_contacts_stay_until_logged_and_logging_moves_the_schedule(
    world: World, client: Client
) -> None:
    _met_employer(world)
    services.followup_start_plan(
        actor=world.advisor,
        process=world.process,
        template="work_trial",
        starts_on=datetime.date(2026, 5, 1),
    )
    lines = _lines(client, world.advisor)
    contact_lines = [line for line in lines if line.kind == "contact"]
    labels = {line.why.split(" (")[0] for line in contact_lines}
    assert labels == {
        "Samtale før oppstart",
        "Ukentlig kontakt første måned",
        "Samtale med arbeidssøkeren",
        "Oppfølging av arbeidsgiveren",
        "Trekantsamtale på arbeidsplassen",
    }
    assert all(line.overdue for line in contact_lines)
    three_way = next(line for line in contact_lines if line.why.startswith("Trekant"))
    assert "forfalt 31.05.2026" in three_way.why

    # A week later nothing has dropped off by itself.
    with time_machine.travel(datetime.datetime(2026, 6, 8, 10, tzinfo=datetime.UTC), tick=False):
        assert len([x for x in _lines(client, world.advisor) if x.kind == "contact"]) == 5
        # Logging the three-way visit, from the worklist's link, completes it and the
        # employer and jobseeker items it also counts for.
        form = client.get(three_way.action_url).context["form"]
        assert form.initial["party"] == Party.BOTH
        response = client.post(
            three_way.action_url,
            {
                "plan_item": form.initial["plan_item"].uuid,
                "party": "both",
                "form": "visit",
                "place": "workplace",
                "on": "2026-06-08",
                "note": "Trekantsamtale, alt går fint",
            },
            follow=True,
        )
        assert "Neste planlagte kontakt" in response.content.decode()
        remaining = [x.why for x in _lines(client, world.advisor) if x.kind == "contact"]
    assert remaining == []


def test_commitments_near_and_past_deadline(world: World, client: Client) -> None:
    _met_employer(world)
    CommitmentFactory(process=world.process, title="Vedtak om lønnstilskudd", deadline=TODAY)
    CommitmentFactory(
        process=world.process, title="Pult levert", deadline=datetime.date(2026, 5, 20)
    )
    CommitmentFactory(process=world.process, title="Langt frem", deadline=datetime.date(2026, 7, 1))
    CommitmentFactory(
        process=world.process, title="Ferdig", deadline=TODAY, done_on=datetime.date(2026, 5, 30)
    )
    lines = [x for x in _lines(client, world.advisor) if x.kind == "commitment"]
    assert [x.why.split(" –")[0] for x in lines] == ["Pult levert", "Vedtak om lønnstilskudd"]
    assert lines[0].overdue
    assert not lines[1].overdue


def test_no_face_to_face_employer_contact_within_30_days(world: World, client: Client) -> None:
    new = ProcessFactory(advisor=world.advisor, started_on=datetime.date(2026, 5, 8))
    lines = [x for x in _lines(client, world.advisor) if x.kind == "employer_contact"]
    by_process = {x.process.pk: x for x in lines}
    assert by_process[world.process.pk].overdue  # started in January
    assert not by_process[new.pk].overdue  # deadline 7 June: shown a week ahead
    assert "fristen på 30 dager er 07.06.2026" in by_process[new.pk].why
    Contact.objects.create(
        process=new, party=Party.EMPLOYER, form=Form.PHONE, place=Place.REMOTE, on=TODAY
    )
    lines = [x for x in _lines(client, world.advisor) if x.kind == "employer_contact"]
    assert new.pk in {x.process.pk for x in lines}  # a phone call is not face to face
    _met_employer(world, TODAY)
    lines = [x for x in _lines(client, world.advisor) if x.kind == "employer_contact"]
    assert world.process.pk not in {x.process.pk for x in lines}


def test_needs_due_for_review(world: World, client: Client) -> None:
    _met_employer(world)
    AccommodationNeed.objects.create(
        candidate=world.process.candidate,
        code="hours_part_days",
        last_confirmed=datetime.date(2025, 11, 1),
    )
    assert "needs" in _kinds(_lines(client, world.advisor))


def test_worklist_is_audited_and_other_roles_have_none(world: World, client: Client) -> None:
    _lines(client, world.advisor)
    assert AuditEvent.objects.filter(
        actor=world.advisor, detail="arbeidsliste i dag", subject_uuid=world.process.candidate.uuid
    ).exists()
    for persona in ("employer", "jobseeker", "partner"):
        client.force_login(world.persona(persona))
        assert client.get("/i-dag/").status_code == 404


def test_manager_sees_the_office_per_team(world: World, client: Client) -> None:
    other_team = TeamFactory(office=world.office, name="Team Nord")
    colleague = UserFactory(role=Role.ADVISOR, office=world.office, team=other_team)
    theirs = ProcessFactory(advisor=colleague)
    everything = {x.process.pk for x in _lines(client, world.manager)}
    assert {world.process.pk, theirs.pk} <= everything
    only_north = {
        x.process.pk for x in _lines(client, world.manager, f"/i-dag/?team={other_team.uuid}")
    }
    assert only_north == {theirs.pk}
    foreign = TeamFactory(office=world.other_office)
    client.force_login(world.manager)
    assert client.get(f"/i-dag/?team={foreign.uuid}").status_code == 404
    # An advisor's worklist is their own processes only.
    assert theirs.pk not in {x.process.pk for x in _lines(client, world.advisor)}


#: session, user, the second-factor device, processes in scope, plan items, latest
#: contacts, concerns, commitments, correction requests, one bulk audit insert, unread
#: notifications.
TODAY_QUERIES = 11


@pytest.mark.parametrize("extra", [3, 30])
def test_worklist_query_count_does_not_grow(
    world: World, client: Client, django_assert_num_queries: Any, extra: int
) -> None:
    for n in range(extra):
        process = ProcessFactory(advisor=world.advisor, employer=world.employer_org, phase="trial")
        services.followup_start_plan(
            actor=world.advisor, process=process, template="work_trial", starts_on=TODAY
        )
        CommitmentFactory(process=process, deadline=TODAY)
        ConcernFactory(process=process)
        if n % 2:
            AccommodationNeed.objects.create(
                candidate=process.candidate,
                code="hours_part_days",
                last_confirmed=datetime.date(2025, 1, 1),
            )
    client.force_login(world.advisor)
    with django_assert_num_queries(TODAY_QUERIES):
        response = client.get("/i-dag/")
    assert response.status_code == 200
    kinds = _kinds([row.line for row in response.context["worklist"].rows])
    assert kinds.count("concern") == extra
    assert kinds.count("commitment") == extra


def test_a_correction_request_is_on_the_advisors_worklist_until_handled(
    world: World, client: Client
) -> None:
    from samspill.candidates.services import (
        correction_request_create,
        correction_request_resolve,
    )

    candidate = world.process.candidate
    request = correction_request_create(
        actor=world.jobseeker,
        candidate=candidate,
        field="experience",
        text="Jeg har truckførerbevis",
    )
    [line] = [line for line in _lines(client, world.advisor) if line.kind == "correction"]
    assert line.process == world.process
    assert line.due == TODAY + datetime.timedelta(days=30)  # GDPR art. 12(3)
    assert not line.overdue
    correction_request_resolve(actor=world.advisor, request=request, note="Lagt inn")
    assert "correction" not in _kinds(_lines(client, world.advisor))


def _mark_done_form(html: str) -> tuple[str, str]:
    """The action and the ``next`` of the first «Marker som utført» form on the page."""
    match = re.search(
        r'<form method="post" action="([^"]+)" hx-post="\1" hx-target="#arbeidsliste-innhold">'
        r'.*?name="next" value="([^"]+)"',
        html,
        re.DOTALL,
    )
    assert match, "no «Marker som utført» on the page"
    return match.group(1), unescape(match.group(2))


def test_mark_a_commitment_done_from_the_worklist_without_javascript(
    world: World, client: Client
) -> None:
    commitment = CommitmentFactory(process=world.process, title="Pult levert", deadline=TODAY)
    client.force_login(world.advisor)
    action, back = _mark_done_form(client.get("/i-dag/").content.decode())
    assert back == "/i-dag/"

    response = client.post(action, {"next": back}, follow=True)

    assert response.redirect_chain == [("/i-dag/", 302)]
    assert "Forpliktelsen er markert som utført." in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.done_on == TODAY
    assert commitment.done_by == world.advisor
    assert "commitment" not in _kinds([row.line for row in response.context["worklist"].rows])


def test_mark_done_with_htmx_returns_the_list_and_the_message_only(
    world: World, client: Client, django_assert_num_queries: Any
) -> None:
    CommitmentFactory(process=world.process, title="Pult levert", deadline=TODAY)
    CommitmentFactory(process=world.process, title="Vedtak", deadline=TODAY)
    client.force_login(world.advisor)
    action, back = _mark_done_form(client.get("/i-dag/").content.decode())

    response = client.post(action, {"next": back}, follow=True, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "<html" not in html
    assert 'hx-swap-oob="innerHTML:#arbeidsliste-status"' in html
    assert "Forpliktelsen er markert som utført." in html
    assert html.count("Marker som utført") == 1  # the other commitment
    with django_assert_num_queries(TODAY_QUERIES):  # the partial costs what the page costs
        client.get("/i-dag/", HTTP_HX_REQUEST="true")


def test_mark_done_goes_back_only_to_this_site(world: World, client: Client) -> None:
    commitment = CommitmentFactory(process=world.process, deadline=TODAY)
    client.force_login(world.advisor)
    url = f"/forlop/{world.process.uuid}/forpliktelser/{commitment.uuid}/utfort/"
    response = client.post(url, {"next": "https://evil.example/i-dag/"})
    assert response["Location"] == f"/forlop/{world.process.uuid}/oppfolging/"
