"""Jobbmatch in real Chromium with axe: the ranking, the pair page and the meeting agenda."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in
from samspill.matching.tests.scene import build_scene

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.django_db(transaction=True)
def test_advisor_ranks_opens_an_explanation_and_proposes(
    browser: Any, live_server: Any, world: World
) -> None:
    scene = build_scene(world)
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.advisor.username)
    url = reverse("matching:opening_candidates", kwargs={"opening_id": scene.opening.uuid})
    page.goto(live_server.url + url + "?utelukket=1")
    check_accessibility(page)
    page.get_by_text("Hele forklaringen").first.click()
    expect(page.get_by_text("kandidatens egne ord").first).to_be_visible()
    page.get_by_role("link", name="Kari Lund").click()
    check_accessibility(page)
    page.get_by_role("button", name="Foreslå matchen").click()
    expect(page.get_by_text("Matchen er foreslått.")).to_be_visible()
    check_accessibility(page)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_employer_contact_prepares_the_meeting_agenda(
    browser: Any, live_server: Any, world: World
) -> None:
    build_scene(world)
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.employer_contact.username)
    page.goto(
        live_server.url + reverse("matching:meeting", kwargs={"meeting_id": world.meeting.uuid})
    )
    page.get_by_role("button", name="Forbered agendaen").click()
    expect(page.get_by_text("Agendaen er forberedt.")).to_be_visible()
    expect(page.get_by_text("Kandidat", exact=True).first).to_be_visible()
    check_accessibility(page)
    context.close()
