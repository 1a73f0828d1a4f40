"""Browser testing: Debian's Chromium driven by Playwright, with axe-core for WCAG 2.1 AA.

Loaded as a pytest plugin (``-p samspill.core.tests.browser`` in pyproject.toml), so
every test module can ask for the ``browser`` fixture.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
    from django.urls import get_resolver
    from playwright.sync_api import sync_playwright

    # The live server's first request would import every view and what they import (the
    # statistics, the PDF library): do it now, not while the browser waits on a page.
    get_resolver().url_patterns  # noqa: B018
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # fixtures here are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _run_axe(page: Any, axe: str) -> Any:
    """axe's result for the page once it has loaded. Evaluated through the DevTools protocol,
    not added as an inline <script>: the Content-Security-Policy refuses inline scripts.
    A click just before may still be navigating: then wait until the new document has
    loaded (a condition, not a time; ``wait_for_function`` survives the navigation) and
    run again."""
    from playwright.sync_api import Error

    for attempt in range(3):
        page.wait_for_function("document.readyState === 'complete'")
        try:
            page.evaluate(axe)
            return page.evaluate(
                "async () => await axe.run(document, {runOnly: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
            )
        except Error as error:
            navigating = "documentElement" in str(error) or "context was destroyed" in str(error)
            if not navigating or attempt == 2:
                raise
    raise AssertionError("unreachable")


def check_accessibility(page: Any) -> None:
    """No serious or critical axe violation (WCAG 2.1 A/AA and best practice) on the page."""
    from django.conf import settings

    result = _run_axe(page, (Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js").read_text())
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
    code = _second_factor_code(username)  # before the password: the app is set up
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    if code is not None:  # staff: the six digits their authenticator app shows now
        page.get_by_label("Engangskode").fill(code)  # waits for the code page
        page.get_by_role("button", name="Bekreft").click()
    # Logged in once the browser has left the login pages and loaded the next one (a
    # load state alone can be the login page's own, before the click's navigation starts).
    page.wait_for_url(lambda url: "/logg-inn/" not in url)


def _second_factor_code(username: str) -> str | None:
    """The code a staff user's app shows (a confirmed TOTP device is made if they have
    none), computed from the device key with django-otp's TOTP; None for other users.

    django-otp accepts each time step once; a second login in the same 30 seconds uses
    the next step, which the device's tolerance of one step accepts.
    """
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samspill.accounts.models import User

    user = User.objects.get(username=username)
    if not user.needs_second_factor:
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Testapp", confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.drift = device.last_t + 1 - totp.t()
    return f"{totp.token():0{device.digits}d}"
