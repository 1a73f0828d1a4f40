"""The agreements API: the wage-subsidy calculation without an agreement, and approval."""

from __future__ import annotations

from typing import Any

from django.test import Client

from samspill.agreements.models import Stage
from samspill.agreements.tests.helpers import complete, send
from samspill.conftest import World

URL = "/api/agreements/wage-subsidy"
BASE = {
    "monthly_wage": 30000,
    "holiday_pay_rate": "0.12",
    "pension_rate": "0.02",
    "employer_tax_rate": "0.141",
    "measure": "midlertidig_lonnstilskudd",
    "need_level": "situasjonsbestemt",
    "start": "2025-01-15",
    "end": "2026-01-14",
}


def _post(client: Client, **changes: Any) -> Any:
    return client.post(URL, {**BASE, **changes}, content_type="application/json")


def test_wage_subsidy_worked_example(world: World, client: Client) -> None:
    client.force_login(world.employer)  # employers may ask «what would it be?» too
    response = _post(client)
    assert response.status_code == 200
    body = response.json()
    assert body["monthly_cost"] == 39104
    assert body["steps"] == [
        {"start": "2025-01-15", "end": "2025-07-14", "percentage": 40, "monthly_subsidy": 15642},
        {"start": "2025-07-15", "end": "2026-01-14", "percentage": 30, "monthly_subsidy": 11731},
    ]
    assert body["periods"][0] == {
        "start": "2025-01-15",
        "end": "2025-01-31",
        "percentage": 40,
        "amount": 8736,
    }
    assert body["total"] == sum(p["amount"] for p in body["periods"])


def test_a_broken_rule_is_a_422_in_norwegian(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = _post(client, end="2026-01-15")
    assert response.status_code == 422
    assert response.json()["detail"]["end"] == [
        "Midlertidig lønnstilskudd kan vare i høyst 12 måneder for situasjonsbestemt innsats "
        "(til og med 14.01.2026)."
    ]
    response = _post(client, measure="varig_lonnstilskudd", need_level="varig_tilpasset")
    assert response.status_code == 422
    assert "percentage" in response.json()["detail"]


def test_missing_inputs_give_no_figure(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    body = _post(client, monthly_wage=None).json()
    assert body["monthly_cost"] is None
    assert body["periods"] == []


def test_discretion_through_the_api(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    assert _post(client, percentage=30).status_code == 422
    body = _post(client, percentage=30, override_reason="Avtalt lavere sats").json()
    assert body["departed_from"] == ["midlertidig_lonnstilskudd.lower"]
    assert body["steps"][0]["percentage"] == 30


def test_the_api_needs_a_login(client: Client) -> None:
    assert _post(client).status_code == 401


def test_agreement_detail_and_approval(world: World, client: Client) -> None:
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    client.force_login(world.employer)
    body = client.get(f"/api/agreements/{agreement.uuid}").json()
    assert body["employer_version"] is True
    assert body["override_reason"] is None
    assert body["nav_contact_phone"] == "22334455"
    response = client.post(f"/api/agreements/{agreement.uuid}/approve?revision=1")
    assert response.status_code == 422  # the employer saw an older revision
    response = client.post(f"/api/agreements/{agreement.uuid}/approve")
    assert response.status_code == 200
    assert [a["party"] for a in response.json()["approvals"]] == ["employer"]
    client.force_login(world.advisor)
    listed = client.get(f"/api/agreements/process/{world.process.uuid}").json()
    assert [a["id"] for a in listed] == [str(agreement.uuid)]
    assert listed[0]["employer_version"] is False
    agreement.refresh_from_db()
    assert agreement.stage == Stage.SENT
