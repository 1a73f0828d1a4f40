"""The admin speaks bokmål: Django's texts that its own catalogue lacks (also its JavaScript
texts) come from ours, and django-otp's device apps have bokmål names."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client

from samspill.conftest import World

ENGLISH = [
    "Skip to main content",
    "Toggle theme",
    "Model name",
    "Add link",
    "Change or view list link",
    "Start typing to filter",
    "Otp_",
    "devices",
]


def test_the_admin_index_is_in_bokmal(world: World, client: Client) -> None:
    client.force_login(world.admin)
    html = client.get("/admin/").content.decode()
    assert '<html lang="nb"' in html
    for text in ["Nettstedsadministrasjon", "Gå til hovedinnholdet", "Bytt fargetema"]:
        assert text in html
    assert "Andre faktor: kodeapp" in html
    assert "Kodeapper (TOTP)" in html
    assert [text for text in ENGLISH if text in html] == []


def test_the_admin_javascript_texts_are_in_bokmal(world: World, client: Client) -> None:
    client.force_login(world.admin)
    catalog = client.get("/admin/jsi18n/").content.decode()
    assert '"Choose all %s": "Velg alle %s"' in catalog  # the selection widget
    assert '"Saturday": "l\\u00f8rdag"' in catalog  # the calendar


def test_the_bokmal_names_need_no_migration(db: None) -> None:
    call_command("makemigrations", "otp_totp", "otp_static", check=True, dry_run=True)
