"""In Chromium: filtering «Min portefølje» swaps the list in place (htmx), keeps the address
shareable, and the page still passes axe."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from samspill.candidates.models import Candidate
from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in
from samspill.processes.tests.factories import ProcessFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.django_db(transaction=True)
def test_filtering_the_portfolio_updates_the_list_without_a_page_load(
    browser: Any, live_server: Any, world: World
) -> None:
    Candidate.objects.filter(pk=world.process.candidate_id).update(benefit="aap")
    ProcessFactory(advisor=world.advisor, candidate__benefit="uforetrygd", phase="mapping")
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.advisor.username, audit=False)
    page.goto(f"{live_server.url}/forlop/portefolje/")
    expect(page.locator("#portefolje-treff tbody tr")).to_have_count(2)
    page.evaluate("window.samspillSamePage = true")  # gone if the whole page loads again

    page.get_by_label("Ytelse").select_option("aap")
    page.get_by_role("button", name="Vis").click()

    page.wait_for_url("**/forlop/portefolje/?*ytelse=aap*")  # hx-push-url: shareable
    expect(page.locator("#portefolje-treff tbody tr")).to_have_count(1)
    expect(page.locator("#portefolje-status")).to_contain_text("1 forløp.")
    assert page.evaluate("window.samspillSamePage") is True
    check_accessibility(page)

    page.reload()  # the pushed address is a whole page of its own
    expect(page.locator("#portefolje-treff tbody tr")).to_have_count(1)
    assert page.evaluate("window.samspillSamePage") is None
    context.close()
