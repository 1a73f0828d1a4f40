"""«Sletting og anonymisering» in real Chromium with axe, reached from the manager's start page."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in
from samspill.lib.dates import add_months
from samspill.processes.tests.factories import ProcessFactory
from samspill.retention.tests.helpers import close

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.django_db(transaction=True)
def test_manager_opens_the_page_from_the_start_page(
    browser: Any, live_server: Any, world: World
) -> None:
    ended = add_months(timezone.localdate(), -24) + datetime.timedelta(days=10)
    process = ProcessFactory(
        advisor=world.advisor, phase_since=ended, started_on=ended - datetime.timedelta(days=90)
    )
    close(process, world.advisor, on=ended)
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.manager.username, audit=False)
    page.get_by_role("link", name="Sletting og anonymisering").click()
    expect(page.get_by_role("heading", name="Sletting og anonymisering", level=1)).to_be_visible()
    expect(page.get_by_text("Kandidaten anonymiseres").first).to_be_visible()
    check_accessibility(page)
    context.close()
