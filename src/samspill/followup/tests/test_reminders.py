"""The reminder command: each reminder exactly once, even if run twice or after a crash."""

import datetime
import io
from typing import ClassVar

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.conftest import World
from samspill.followup.services import followup_start_plan
from samspill.followup.tests.factories import CommitmentFactory, ConcernFactory
from samspill.notifications.models import EmailMode, Notification, NotificationPreference
from samspill.notifications.services import notification_create


def _at(day: int, hour: int = 8) -> time_machine.travel:
    return time_machine.travel(
        datetime.datetime(2026, 6, day, hour, tzinfo=datetime.UTC), tick=False
    )


def _run() -> str:
    out = io.StringIO()
    call_command("send_reminders", "--once", stdout=out)
    return out.getvalue()


@pytest.fixture
def planned(world: World) -> World:
    world.advisor.email = "veileder@nav.example"
    world.advisor.save()
    with _at(1):
        followup_start_plan(
            actor=world.advisor,
            process=world.process,
            template="after_hire",
            starts_on=datetime.date(2026, 6, 1),
        )
    return world


def test_due_contact_reminded_once_however_often_the_command_runs(planned: World) -> None:
    with _at(2):
        _run()
        assert mail.outbox == []  # nothing due before 4 June
    with _at(4):
        assert "created 1, delivered 1" in _run()
        assert "created 0, delivered 0" in _run()
    with _at(5):
        _run()  # still overdue, but the reminder for the 4 June due date was sent
    assert len(mail.outbox) == 1
    assert (
        mail.outbox[0].subject == "Samspill: Planlagt kontakt i dag: Ukentlig kontakt første måned"
    )
    assert f"/forlop/{planned.process.uuid}/oppfolging/" in mail.outbox[0].body
    assert planned.process.candidate.last_name not in mail.outbox[0].body  # no names by e-mail


def test_commitment_reminded_before_and_after_deadline(planned: World) -> None:
    CommitmentFactory(process=planned.process, deadline=datetime.date(2026, 6, 10))
    with _at(2):
        _run()
    with _at(3):
        _run()
    with _at(11):
        _run()
    subjects = [m.subject for m in mail.outbox if "Vedtak" in m.subject]
    assert subjects == [
        "Samspill: Frist snart: Vedtak om lønnstilskudd",
        "Samspill: Fristen er passert: Vedtak om lønnstilskudd",
    ]


class FlakyMailServer(locmem.EmailBackend):
    """The outside world: a mail server that drops the connection on v1's first message."""

    failed: ClassVar[set[str]] = set()

    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        for message in messages:
            if "v1@nav.example" in message.to and "v1" not in self.failed:
                self.failed.add("v1")
                raise ConnectionError("mail server went away")
        return super().send_messages(messages)


def test_a_crash_halfway_sends_the_rest_and_nothing_twice(planned: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = f"{__name__}.FlakyMailServer"
    FlakyMailServer.failed.clear()
    others = [
        UserFactory(role=Role.ADVISOR, office=planned.office, email=f"v{n}@nav.example")
        for n in range(3)
    ]
    for n, user in enumerate(others):
        notification_create(recipient=user, key=f"test:{n}", title=f"Varsel {n}")
    with _at(2):
        _run()
        assert sorted(m.to[0] for m in mail.outbox) == ["v0@nav.example", "v2@nav.example"]
        assert Notification.objects.get(key="test:1").delivered_at is None  # rolled back
        _run()
        _run()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "v0@nav.example",
        "v1@nav.example",
        "v2@nav.example",
    ]


def test_daily_digest_once_a_day_and_in_app_only(planned: World) -> None:
    NotificationPreference.objects.create(user=planned.advisor, email_mode=EmailMode.DAILY)
    ConcernFactory(process=planned.process, respond_by=datetime.date(2026, 6, 3))
    with _at(4, hour=4):  # 06:00 in Oslo: before the digest hour
        _run()
        assert mail.outbox == []
    with _at(4, hour=6):
        _run()
        _run()
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.subject == "Samspill: 2 nye varsler"
    assert "Svarfristen er passert" in digest.body
    assert "Ukentlig kontakt" in digest.body
    jobseeker_pref = NotificationPreference.objects.create(
        user=planned.jobseeker, email_mode=EmailMode.NONE
    )
    notification_create(recipient=planned.jobseeker, key="app-only", title="Bare i appen")
    with _at(4, hour=7):
        _run()
    assert len(mail.outbox) == 1
    assert Notification.objects.get(key="app-only").delivered_by == "app"
    assert jobseeker_pref.email_mode == EmailMode.NONE
