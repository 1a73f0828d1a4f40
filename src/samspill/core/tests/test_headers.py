"""Security headers on pages and API answers: a strict Content-Security-Policy and a
Permissions-Policy; and templates a strict policy can serve (no inline script or style)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from samspill.conftest import World

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
SWITCHED_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def _directives(header: str) -> dict[str, str]:
    parts = (part.strip().partition(" ") for part in header.split(";") if part.strip())
    return {name: value for name, _, value in parts}


def _assert_secure_headers(response: object) -> None:
    csp = response["Content-Security-Policy"]  # type: ignore[index]
    directives = _directives(csp)
    for name, value in STRICT.items():
        assert directives.get(name) == value, (name, csp)
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    policy = response["Permissions-Policy"]  # type: ignore[index]
    for feature in SWITCHED_OFF:
        assert f"{feature}=()" in policy, (feature, policy)


def test_a_page_has_a_strict_csp_and_permissions_policy(db: None, client: Client) -> None:
    response = client.get("/logg-inn/")
    assert response.status_code == 200
    _assert_secure_headers(response)


def test_a_logged_in_page_has_them_too(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.get("/")
    assert response.status_code == 200
    _assert_secure_headers(response)


def test_an_api_answer_has_them(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.get("/api/me")
    assert response.status_code == 200
    _assert_secure_headers(response)


def test_an_error_page_has_them(db: None, client: Client) -> None:
    _assert_secure_headers(client.get("/finnes-ikke/"))


def test_htmx_is_told_not_to_add_an_inline_style(db: None, client: Client) -> None:
    html = client.get("/logg-inn/").content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false' in html
    assert "samspill/htmx-indicators.css" in html


# --- the templates ------------------------------------------------------------------------

# Rendered to PDF by WeasyPrint, never served as a page: a <style> block is fine there.
PDF_TEMPLATE = re.compile(r"pdf")
INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.I),
    "style element": re.compile(r"<style[\s>]", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def _page_templates() -> list[Path]:
    root = Path(settings.BASE_DIR)
    found = [*root.glob("*/templates/**/*.html"), *root.glob("templates/**/*.html")]
    return sorted(p for p in found if not PDF_TEMPLATE.search(p.name))


def test_templates_are_found() -> None:
    names = {p.name for p in _page_templates()}
    assert {"base.html", "404.html", "500.html"} <= names
    assert len(names) > 50


@pytest.mark.parametrize("kind", list(INLINE))
def test_no_template_has_inline_script_or_style(kind: str) -> None:
    offenders = [
        str(p.relative_to(settings.BASE_DIR))
        for p in _page_templates()
        if INLINE[kind].search(p.read_text())
    ]
    assert offenders == [], f"{kind} in {offenders}"
