"""Dates and numbers through the locale: one bokmål date format, the decimal comma."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils.formats import number_format

from samspill.lib.bounds import MONTHLY_WAGE, RATE


def render(source: str, **context: object) -> str:
    return Template("{% load humanize %}" + source).render(Context(context))


def test_every_way_of_showing_a_date_gives_the_same_short_form() -> None:
    day = date(2027, 3, 8)
    shown = render(
        '{{ day }}|{{ day|date }}|{{ day|date:"SHORT_DATE_FORMAT" }}|{{ day|date:"DATE_FORMAT" }}',
        day=day,
    )
    assert shown == "08.03.2027|08.03.2027|08.03.2027|08.03.2027"


def test_a_moment_is_shown_in_oslo_time_with_the_same_date_form() -> None:
    at = datetime(2027, 3, 8, 8, 5, tzinfo=ZoneInfo("UTC"))
    shown = render('{{ at }}|{{ at|date:"SHORT_DATETIME_FORMAT" }}', at=at)
    assert shown == "08.03.2027 09:05|08.03.2027 09:05"


def test_numbers_have_a_decimal_comma_and_only_amounts_are_grouped() -> None:
    assert render("{{ n }} {{ x|floatformat:1 }}", n=2027, x=37.55) == "2027 37,6"
    assert render("{{ amount|intcomma }}", amount=160400) == "160\xa0400"
    assert number_format(12.34, 1) == "12,3"


def test_range_messages_write_numbers_the_bokmal_way() -> None:
    assert "fra 1 til 1\xa0000\xa0000" in MONTHLY_WAGE.message()
    assert "fra 0 til 0,5" in RATE.message()
