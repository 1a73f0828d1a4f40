"""In Chromium: the advisor opens «I dag», follows a line to log the planned contact, and the
line is gone; the employer reports a concern. axe checks every page on the way."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in
from samspill.followup.models import Contact, Form, Party, Place
from samspill.followup.services import followup_start_plan

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.django_db(transaction=True)
def test_worklist_log_a_planned_contact_and_report_a_concern(
    browser: Any, live_server: Any, world: World
) -> None:
    today = timezone.localdate()
    Contact.objects.create(
        process=world.process,
        party=Party.EMPLOYER,
        form=Form.VISIT,
        place=Place.WORKPLACE,
        on=today,
    )
    followup_start_plan(
        actor=world.advisor,
        process=world.process,
        template="after_hire",
        starts_on=today - datetime.timedelta(days=5),
    )
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.employer.username, audit=False)
    page.goto(f"{live_server.url}/forlop/{world.process.uuid}/meld-fra/")
    check_accessibility(page)
    page.get_by_label("Hva gjelder det").select_option("training")
    page.get_by_label("Fortell kort hva som har skjedd").fill("Trenger mer opplæring i kassa.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Takk, vi har fått beskjeden")).to_be_visible()
    context.close()

    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.advisor.username, audit=False)
    page.goto(f"{live_server.url}/i-dag/")
    check_accessibility(page)
    expect(page.get_by_text("Trenger mer opplæring", exact=False).first).to_be_visible()
    page.get_by_role("link", name="Logg kontakt").first.click()
    check_accessibility(page)
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Kontakten er logget")).to_be_visible()
    check_accessibility(page)
    context.close()
