"""Access functions of processes: the portfolio's refusal (page and API) is audited like every
other."""

from __future__ import annotations

import pytest
from django.test import Client

from samspill.audit.models import AuditEvent, Outcome, Purpose
from samspill.conftest import World
from samspill.identity.services import api_token_create


@pytest.mark.parametrize(
    "persona", ["employer_contact", "partner", "employer", "jobseeker", "admin"]
)
def test_the_portfolio_refuses_other_roles_with_404_and_a_denied_row(
    world: World, client: Client, persona: str
) -> None:
    user = world.persona(persona)
    client.force_login(user)
    assert client.get("/forlop/portefolje/").status_code == 404
    row = AuditEvent.objects.filter(actor=user, object_type="portfolio").get()
    assert (row.outcome, row.purpose) == (Outcome.DENIED, Purpose.PORTFOLIO)


@pytest.mark.parametrize("persona", ["employer_contact", "employer", "jobseeker"])
def test_the_portfolio_api_refuses_other_roles_with_404_and_a_denied_row(
    world: World, client: Client, persona: str
) -> None:
    user = world.persona(persona)
    headers = {"Authorization": f"Bearer {api_token_create(user=user)}"}
    assert client.get("/api/candidates/portfolio", headers=headers).status_code == 404
    row = AuditEvent.objects.filter(actor=user, object_type="portfolio").get()
    assert row.outcome == Outcome.DENIED


@pytest.mark.parametrize("persona", ["advisor", "manager"])
def test_the_portfolio_opens_for_advisors_and_managers(
    world: World, client: Client, persona: str
) -> None:
    client.force_login(world.persona(persona))
    assert client.get("/forlop/portefolje/").status_code == 200
    assert not AuditEvent.objects.filter(outcome=Outcome.DENIED).exists()
