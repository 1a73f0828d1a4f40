"""«Varsler»: the user's own notices, marking them read, the e-mail preference, the API."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.notifications.models import EmailMode, Notification, NotificationPreference
from samspill.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db
URL = "/varsler/"
#: session, user, the second-factor device (staff), unread, read, the e-mail preference.
LIST_QUERIES = 6


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_costs_the_same_queries_however_many_notices(
    client: Client, django_assert_num_queries: Any, count: int
) -> None:
    advisor = UserFactory(role=Role.ADVISOR)
    NotificationFactory.create_batch(count, recipient=advisor)
    NotificationFactory.create_batch(count, recipient=advisor, read_at="2026-05-01T08:00Z")
    client.force_login(advisor)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["unread"]) == count
    assert len(response.context["recent"]) == min(count, 20)


def test_a_user_sees_only_their_own_notices(client: Client) -> None:
    jobseeker, other = UserFactory(role=Role.JOBSEEKER), UserFactory(role=Role.JOBSEEKER)
    NotificationFactory(recipient=jobseeker, title="Til deg")
    NotificationFactory(recipient=other, title="Til en annen")
    client.force_login(jobseeker)
    html = client.get(URL).content.decode()
    assert "Til deg" in html
    assert "Til en annen" not in html


def test_mark_all_read_then_redirect_with_a_message(client: Client) -> None:
    jobseeker = UserFactory(role=Role.JOBSEEKER)
    NotificationFactory.create_batch(2, recipient=jobseeker)
    client.force_login(jobseeker)
    response = client.post(URL, {"les": "1"}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Varslene er markert som lest." in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_save_the_email_preference(client: Client) -> None:
    jobseeker = UserFactory(role=Role.JOBSEEKER)
    client.force_login(jobseeker)
    response = client.post(URL, {"email_mode": EmailMode.DAILY}, follow=True)
    assert "Innstillingen er lagret." in response.content.decode()
    assert NotificationPreference.objects.get(user=jobseeker).email_mode == EmailMode.DAILY
    response = client.post(URL, {"email_mode": "sms"})
    assert response.status_code == 200  # shown again with the error at the field
    assert response.context["form"].errors["email_mode"]
    assert NotificationPreference.objects.get(user=jobseeker).email_mode == EmailMode.DAILY


def test_anonymous_is_sent_to_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=/varsler/" in response["Location"]


def test_the_api_lists_the_users_own_unread_notices(client: Client) -> None:
    jobseeker = UserFactory(role=Role.JOBSEEKER)
    NotificationFactory(recipient=jobseeker, title="Ny", urgent=True)
    NotificationFactory(recipient=jobseeker, title="Lest", read_at="2026-05-01T08:00Z")
    NotificationFactory(title="Ikke din")
    client.force_login(jobseeker)
    body = client.get("/api/followup/notifications").json()
    assert [(n["title"], n["urgent"]) for n in body] == [("Ny", True)]
