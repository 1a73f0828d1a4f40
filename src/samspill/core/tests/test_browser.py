"""Real Chromium (Debian's, driven by Playwright): every role logs in and lands on its own
start page, and axe finds no serious or critical WCAG 2.1 AA violation on any page visited."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from samspill.conftest import World

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AXE = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("SAMSPILL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "test-passord-123"  # the factories' password


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must install Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # fixtures here are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def check_accessibility(page: Any) -> None:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
    )
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"axe on {page.url}:\n" + "\n".join(serious)


def log_in(page: Any, base_url: str, username: str, *, audit: bool = True) -> None:
    page.goto(f"{base_url}/logg-inn/")
    if audit:
        check_accessibility(page)
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state()


START_PAGES = {
    "advisor": ("Mine aktive forløp", ["processes:detail", "processes:change_phase"]),
    "employer_contact": ("Arbeidsgivere", ["employers:detail"]),
    "manager": ("NAV Grünerløkka", ["audit:search", "audit:log"]),
    "partner": ("Forløp du er invitert inn i", []),
    "employer": ("Våre kandidater", ["processes:detail"]),
    "jobseeker": ("Mitt forløp", ["processes:detail", "audit:log"]),
    "admin": ("Brukere per rolle", []),
}


def _url_for(name: str, world: World) -> str:
    from django.urls import reverse

    if name in ("processes:detail", "processes:change_phase"):
        return reverse(name, kwargs={"process_id": world.process.uuid})
    if name == "employers:detail":
        return reverse(name, kwargs={"employer_id": world.employer_org.uuid})
    if name == "audit:log":
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
    assert page.get_by_text(heading, exact=False).first.is_visible()
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
    assert page.get_by_text("Mine aktive forløp").is_visible()
    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_load_state()
    assert "/logg-inn/" in page.url
    context.close()
