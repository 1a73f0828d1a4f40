"""Real Chromium with axe (WCAG 2.1 AA) on every employer page, for the employer contact and
for the employer's own user, including a form showing its errors."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in
from samspill.employers.tests.factories import EmployerContactFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _pages(world: World) -> list[str]:
    base = f"/arbeidsgivere/{world.employer_org.uuid}/"
    workplace = f"{base}arbeidsplasser/{world.workplace.uuid}/"
    opening = f"{base}stillinger/{world.opening.uuid}/"
    return [
        "/",
        "/arbeidsgivere/",
        "/arbeidsgivere/?not_contacted=on&q=Test",
        "/arbeidsgivere/ny/",
        "/arbeidsgivere/import/",
        base,
        f"{base}endre/",
        f"{base}kontaktpersoner/ny/",
        f"{base}kontaktpersoner/{world.contact_person.uuid}/",
        f"{base}kontakter/",
        f"{base}kontakter/ny/",
        f"{base}arbeidsplasser/ny/",
        workplace,
        f"{workplace}endre/",
        f"{workplace}oppgaver/ny/",
        f"{workplace}oppgaver/{world.task.uuid}/endre/",
        f"{base}stillinger/ny/",
        opening,
        f"{opening}endre/",
        f"{opening}status/",
    ]


@pytest.mark.django_db(transaction=True)
def test_employer_contact_pages_pass_axe(browser: Any, live_server: Any, world: World) -> None:
    EmployerContactFactory(employer=world.employer_org, made_by=world.employer_contact)
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.employer_contact.username, audit=False)
    for path in _pages(world):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        check_accessibility(page)
    page.goto(
        f"{live_server.url}/arbeidsgivere/{world.employer_org.uuid}/arbeidsplasser/"
        f"{world.workplace.uuid}/oppgaver/ny/"
    )
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Feltet er påkrevet.").first).to_be_visible()
    check_accessibility(page)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_employer_user_pages_pass_axe(browser: Any, live_server: Any, world: World) -> None:
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.employer.username, audit=False)
    base = f"/arbeidsgivere/{world.employer_org.uuid}/"
    for path in (
        base,
        f"{base}arbeidsplasser/{world.workplace.uuid}/",
        f"{base}stillinger/{world.opening.uuid}/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        check_accessibility(page)
    context.close()
