"""Innsikt in real Chromium with axe: every overview, with its charts, is accessible."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in
from samspill.insights.tests.factories import JobFactory
from samspill.processes.tests.factories import ProcessFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.django_db(transaction=True)
def test_manager_reads_every_overview(browser: Any, live_server: Any, world: World) -> None:
    today = datetime.date.today()
    for n in range(12):  # enough jobs for a retention curve
        process = ProcessFactory(
            advisor=world.advisor, started_on=today - datetime.timedelta(days=400)
        )
        JobFactory(
            process=process,
            started_on=today - datetime.timedelta(days=300),
            ended_on=today - datetime.timedelta(days=30 * (n % 4 + 1)) if n % 3 == 0 else None,
        )
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.manager.username)
    for name in ("outcomes", "caseload", "equity", "fidelity", "evaluation"):
        response = page.goto(live_server.url + reverse(f"insights:{name}"))
        assert response.status == 200
        check_accessibility(page)
    page.goto(live_server.url + reverse("insights:outcomes"))
    assert page.locator("svg[role=img] title").first.text_content() == (
        "Andel fortsatt i jobb etter jobbstart"
    )
    page.goto(
        live_server.url + reverse("insights:fidelity_new", kwargs={"team_id": world.team.uuid})
    )
    check_accessibility(page)
    context.close()
