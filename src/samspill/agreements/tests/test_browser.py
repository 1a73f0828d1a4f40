"""Real Chromium: the agreement page for the advisor and the employer, with axe (WCAG 2.1 AA)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samspill.agreements.tests.helpers import WAGE_SUBSIDY, complete, send
from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.django_db(transaction=True)
def test_agreement_pages_are_accessible_and_the_employer_approves(
    browser: Any, live_server: Any, world: World
) -> None:
    agreement = send(complete(world.agreement, world.advisor, **WAGE_SUBSIDY), world.advisor)
    detail = live_server.url + reverse("agreements:detail", kwargs={"agreement_id": agreement.uuid})
    edit = live_server.url + reverse("agreements:edit", kwargs={"agreement_id": agreement.uuid})
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.advisor.username)
    page.goto(detail)
    assert page.get_by_role("heading", name="Tilskuddstrinn").count() == 0  # a caption, not h
    expect(page.get_by_text("Venter på godkjenning").first).to_be_visible()
    check_accessibility(page)
    page.goto(edit)
    check_accessibility(page)
    page.get_by_label("Timer per uke").fill("900")
    page.get_by_role("button", name="Lagre").click()
    summary = page.locator(".aksel-error-summary")
    expect(summary).to_be_focused()
    check_accessibility(page)
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Timer per uke")).to_be_in_viewport()
    context.close()

    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.employer.username)
    page.goto(detail)
    expect(page.get_by_role("heading", name="Dette lover NAV, og innen når")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Jeg godkjenner avtalen").click()
    expect(page.get_by_text("Du har godkjent avtalen.")).to_be_visible()
    context.close()
