"""Notification services against the real database."""

from __future__ import annotations

import datetime

import pytest

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.notifications import selectors
from samspill.notifications.models import EmailMode, Notification
from samspill.notifications.services import (
    notification_create,
    notification_preference_set,
    notifications_delete_about,
    notifications_mark_read,
)
from samspill.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 6, 1, 8, tzinfo=datetime.UTC)


def test_a_notice_is_created_once_per_key() -> None:
    user = UserFactory()
    first = notification_create(recipient=user, key="k", title="Første", urgent=True)
    again = notification_create(recipient=user, key="k", title="Andre")
    assert first is not None
    assert first.urgent
    assert again is None
    assert list(Notification.objects.values_list("title", flat=True)) == ["Første"]


def test_marking_read_touches_only_the_users_own_unread_notices() -> None:
    user, other = UserFactory(), UserFactory()
    NotificationFactory.create_batch(2, recipient=user)
    earlier = NotificationFactory(recipient=user, read_at=NOW - datetime.timedelta(days=1))
    NotificationFactory(recipient=other)
    assert notifications_mark_read(user=user, now=NOW) == 2
    assert selectors.unread_for(user=user) == []
    assert len(selectors.read_for(user=user)) == 3
    earlier.refresh_from_db()
    assert earlier.read_at == NOW - datetime.timedelta(days=1)  # kept, not moved
    assert len(selectors.unread_for(user=other)) == 1


def test_the_email_preference_is_saved_and_read_back() -> None:
    user = UserFactory(role=Role.JOBSEEKER)
    assert selectors.email_mode_of(user=user) == EmailMode.IMMEDIATE
    notification_preference_set(user=user, email_mode=EmailMode.DAILY)
    notification_preference_set(user=user, email_mode=EmailMode.NONE)
    assert selectors.email_mode_of(user=user) == EmailMode.NONE
    with pytest.raises(ValueError, match="sms"):
        notification_preference_set(user=user, email_mode="sms")


def test_retention_deletes_notices_to_the_person_and_about_their_process() -> None:
    person, advisor = UserFactory(role=Role.JOBSEEKER), UserFactory()
    NotificationFactory(recipient=person)
    NotificationFactory(recipient=advisor, url="/forlop/abc-123/oppfolging/")
    kept = NotificationFactory(recipient=advisor, url="/forlop/def-456/oppfolging/")
    assert notifications_delete_about(recipient=person, url_parts=["abc-123"]) == 2
    assert list(Notification.objects.all()) == [kept]
