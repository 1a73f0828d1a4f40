"""Numbers in sane ranges and dates in sane years for the wage subsidy: refused at the field
in the calculation, the service, the form and the API (no negative subsidies, no 500)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from samspill.agreements import services, subsidy
from samspill.agreements.forms import CommitmentForm
from samspill.conftest import World
from samspill.identity.services import api_token_create
from samspill.lib.validation import InvalidValue

RATES = subsidy.Rates(Decimal("0.12"), Decimal("0.02"), Decimal("0.141"))


def test_the_calculation_refuses_a_negative_wage_or_rate() -> None:
    schedule = [(date(2026, 1, 1), date(2026, 6, 30), 40)]
    with pytest.raises(InvalidValue):
        subsidy.calculate(monthly_wage=-30000, rates=RATES, schedule=schedule)
    negative = subsidy.Rates(Decimal("-0.12"), Decimal("0.02"), Decimal("0.141"))
    with pytest.raises(InvalidValue):
        subsidy.calculate(monthly_wage=30000, rates=negative, schedule=schedule)


def test_the_service_refuses_at_the_field_and_saves_nothing(world: World) -> None:
    agreement = world.agreement
    with pytest.raises(ValidationError) as refused:
        services.agreement_update(
            actor=world.advisor,
            agreement=agreement,
            revision=agreement.revision,
            values={"holiday_pay_rate": Decimal("-0.1"), "start_on": date(9999, 1, 1)},
        )
    assert set(refused.value.message_dict) == {"holiday_pay_rate", "start_on"}
    agreement.refresh_from_db()
    assert agreement.holiday_pay_rate != Decimal("-0.1")


def test_a_form_date_in_year_9999_is_refused() -> None:
    form = CommitmentForm({"text": "Ring", "deadline": "9999-12-31", "owner": "x", "revision": 1})
    assert not form.is_valid()
    assert form.errors["deadline"] == ["Skriv en dato mellom år 1900 og 2100."]


def test_the_api_refuses_in_norwegian_at_the_request_field(world: World) -> None:
    body = {
        "monthly_wage": -30000,
        "holiday_pay_rate": "-0.12",
        "pension_rate": "0.02",
        "employer_tax_rate": "0.141",
        "measure": "midlertidig_lonnstilskudd",
        "need_level": "situasjonsbestemt",
        "start": "9999-01-01",
        "end": "2026-12-31",
    }
    response = Client().post(
        "/api/agreements/wage-subsidy",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_token_create(user=world.advisor)}"},
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["monthly_wage"] == ["Skriv et tall som er minst 1."]
    assert detail["holiday_pay_rate"] == ["Skriv et tall som er minst 0."]
    assert detail["start"] == ["Skriv en dato mellom år 1900 og 2100."]
