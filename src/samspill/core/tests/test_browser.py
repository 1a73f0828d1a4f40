"""Real Chromium (Debian's, driven by Playwright): every role logs in and lands on its own
start page, and axe finds no serious or critical WCAG 2.1 AA violation on any page visited."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

START_PAGES = {
    "advisor": (
        "Mine aktive forløp",
        ["processes:detail", "processes:change_phase", "candidates:detail", "candidates:export"],
    ),
    "employer_contact": ("Arbeidsgivere", ["employers:detail"]),
    "manager": ("NAV Grünerløkka", ["audit:search", "audit:log"]),
    "partner": ("Forløp du er invitert inn i", []),
    "employer": ("Våre kandidater", ["processes:detail", "candidates:detail"]),
    "jobseeker": (
        "Mitt forløp",
        [
            "processes:detail",
            "audit:own",
            "candidates:own_profile",
            "candidates:consent",
            "candidates:own_export",
            "candidates:corrections",
        ],
    ),
    "admin": ("Brukere per rolle", []),
}


def _url_for(name: str, world: World) -> str:
    from django.urls import reverse

    if name in ("processes:detail", "processes:change_phase"):
        return reverse(name, kwargs={"process_id": world.process.uuid})
    if name == "employers:detail":
        return reverse(name, kwargs={"employer_id": world.employer_org.uuid})
    if name in ("audit:log", "candidates:detail", "candidates:export"):
        return reverse(name, kwargs={"candidate_id": world.process.candidate.uuid})
    return reverse(name)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", list(START_PAGES))
def test_each_role_lands_on_its_start_page(
    browser: Any, live_server: Any, world: World, role: str
) -> None:
    heading, more = START_PAGES[role]
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server.url, world.persona(role).username)
    assert page.url == f"{live_server.url}/"
    expect(page.get_by_text(heading, exact=False).first).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nb"
    check_accessibility(page)
    for name in more:
        response = page.goto(live_server.url + _url_for(name, world))
        assert response.status == 200, f"{role} → {name}: {response.status}"
        check_accessibility(page)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_works_without_javascript(browser: Any, live_server: Any, world: World) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, world.advisor.username, audit=False)
    expect(page.get_by_text("Mine aktive forløp")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url("**/logg-inn/**")
    context.close()


@pytest.mark.django_db(transaction=True)
def test_pages_load_with_no_content_security_policy_violation(
    browser: Any, live_server: Any, world: World
) -> None:
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    log_in(page, live_server.url, world.jobseeker.username, audit=False)
    for name in ("processes:detail", "candidates:own_profile", "candidates:consent"):
        response = page.goto(live_server.url + _url_for(name, world))
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    violations = [line for line in console if "Content Security Policy" in line]
    assert violations == []
    context.close()
