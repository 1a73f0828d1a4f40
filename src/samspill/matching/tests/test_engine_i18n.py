"""The pure engine's texts go through Django's gettext once the app has started."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from samspill.matching.engine import i18n, labels


def test_the_app_installs_djangos_gettext() -> None:
    assert i18n._translate is translation.gettext


@pytest.fixture
def shouting() -> Iterator[None]:
    before = i18n._translate
    i18n.install(str.upper)
    yield
    i18n.install(before)


@pytest.mark.usefixtures("shouting")
def test_the_engines_labels_and_sentences_are_translated_where_shown() -> None:
    assert labels.label(labels.SECTORS, "retail") == "BUTIKK OG HANDEL"
    assert labels.demand_level(3) == "MYE"
    assert i18n.gettext("") == ""  # never the catalogue's header
