"""An employer reports a concern; it is urgent on the contact person's worklist."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from samspill.conftest import World
from samspill.followup.models import Concern
from samspill.notifications.models import Notification


def _report(client: Client, world: World, kind: str = "no_show") -> None:
    client.force_login(world.employer)
    response = client.post(
        f"/forlop/{world.process.uuid}/meld-fra/", {"kind": kind, "text": "Kom ikke i dag."}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("reported", "deadline"),
    [
        (datetime.datetime(2026, 6, 1, 9), datetime.date(2026, 6, 2)),  # Monday → Tuesday
        (datetime.datetime(2026, 6, 5, 15), datetime.date(2026, 6, 8)),  # Friday → Monday
        (datetime.datetime(2026, 4, 1, 9), datetime.date(2026, 4, 7)),  # Easter
        (datetime.datetime(2026, 5, 13, 9), datetime.date(2026, 5, 15)),  # Ascension Day
    ],
)
def test_deadline_is_the_next_working_day(
    world: World, client: Client, reported: datetime.datetime, deadline: datetime.date
) -> None:
    with time_machine.travel(reported.replace(tzinfo=datetime.UTC), tick=False):
        _report(client, world)
    assert Concern.objects.get().respond_by == deadline


@time_machine.travel(datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_concern_is_urgent_on_the_worklist_and_the_contact_person_is_notified(
    world: World, client: Client
) -> None:
    world.advisor.email = "veileder@nav.example"
    world.advisor.save()
    _report(client, world)
    notice = Notification.objects.get(recipient=world.advisor)
    assert notice.urgent
    assert "Har ikke møtt på jobb" in notice.title
    call_command("send_reminders", "--once", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]
    subject = mail.outbox[0].subject
    assert subject.endswith(f": Haster: Har ikke møtt på jobb – {world.employer_org.name}")
    client.force_login(world.advisor)
    response = client.get("/i-dag/")
    rows = response.context["worklist"].rows
    assert rows[0].line.kind == "concern"
    assert rows[0].line.urgent
    assert "Svarfrist 02.06.2026" in rows[0].line.why
    assert "Haster" in response.content.decode()
    notices = client.get("/varsler/").content.decode()
    assert notices.count("Haster:") == 1, "the urgent mark once, not «Haster: Haster:»"


@time_machine.travel(datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_employer_sees_received_and_answered_and_whom_to_call(world: World, client: Client) -> None:
    _report(client, world)
    page = client.get(f"/forlop/{world.process.uuid}/meld-fra/").content.decode()
    assert "Mottatt 01.06.2026" in page
    assert "Ikke besvart ennå" in page
    assert f"{world.advisor.display_name}, {world.office.name}" in page  # not «NAV NAV …»
    assert world.advisor.phone in page
    concern = Concern.objects.get()
    client.force_login(world.advisor)
    response = client.post(
        f"/forlop/{world.process.uuid}/henvendelser/{concern.uuid}/",
        {"response": "Ringte henne, hun var syk. Kommer i morgen."},
    )
    assert response.status_code == 302
    client.force_login(world.employer)
    page = client.get(f"/forlop/{world.process.uuid}/meld-fra/").content.decode()
    assert "Besvart 01.06.2026" in page
    assert "Kommer i morgen" in page
    client.force_login(world.advisor)
    lines = client.get("/i-dag/").context["worklist"].rows
    assert not [row for row in lines if row.line.kind == "concern"]


def test_only_the_employer_reports_and_sees_only_their_own(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    assert client.get(f"/forlop/{world.process.uuid}/meld-fra/").status_code == 403
    client.force_login(world.employer_other)
    assert client.get(f"/forlop/{world.process.uuid}/meld-fra/").status_code == 404
    _report(client, world)
    client.force_login(world.jobseeker)
    response = client.get(f"/api/processes/{world.process.uuid}/followup/concerns")
    assert response.status_code == 403


def test_bad_input_is_shown_at_the_field(world: World, client: Client) -> None:
    client.force_login(world.employer)
    response = client.post(f"/forlop/{world.process.uuid}/meld-fra/", {"kind": "other"})
    assert response.status_code == 200
    assert not Concern.objects.exists()
