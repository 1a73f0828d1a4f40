"""The kartlegging never fails on a field it does not touch, and null lists are not a 500."""

from __future__ import annotations

import json

import pytest
from django.core.validators import validate_email
from django.test import Client

from samspill.accounts.models import User
from samspill.candidates import services
from samspill.candidates.models import Candidate
from samspill.conftest import World
from samspill.identity.services import api_token_create
from samspill.lib.emails import email_local_part


def _auth(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_create(user=user)}"}


def test_a_stored_invalid_email_does_not_block_the_kartlegging(world: World) -> None:
    candidate = world.process.candidate
    Candidate.objects.filter(pk=candidate.pk).update(email="åse.sæther@example.com")
    candidate.refresh_from_db()
    changed = services.profile_update(actor=world.advisor, candidate=candidate, hours_min=10)
    assert "hours_min" in changed
    candidate.refresh_from_db()
    assert (candidate.hours_min, candidate.email) == (10, "åse.sæther@example.com")


@pytest.mark.parametrize("field", ["places", "sectors", "times_of_day"])
def test_null_lists_mean_none_chosen(world: World, field: str) -> None:
    candidate = world.process.candidate
    response = Client().patch(
        f"/api/candidates/{candidate.uuid}/profile",
        json.dumps({field: None}),
        content_type="application/json",
        headers=_auth(world.advisor),
    )
    assert response.status_code == 200
    candidate.refresh_from_db()
    assert getattr(candidate, field) == []


def test_a_commute_out_of_range_is_refused_at_its_field(world: World) -> None:
    response = Client().patch(
        f"/api/candidates/{world.process.candidate.uuid}/profile",
        json.dumps({"max_commute_km": -5, "hours_min": "ti"}),
        content_type="application/json",
        headers=_auth(world.advisor),
    )
    assert response.status_code == 422
    assert response.json()["detail"] == {
        "max_commute_km": ["Skriv et tall som er minst 0."],
        "hours_min": ["Skriv et helt tall."],
    }


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Åse Marie", "Sæther-Øien"), "aasemarie.saetheroien"),
        (("Bjørn", "Ødegård"), "bjorn.odegaard"),
        (("Zoë", "Núñez"), "zoe.nunez"),
    ],
)
def test_demo_addresses_made_from_norwegian_names_are_valid(
    parts: tuple[str, str], expected: str
) -> None:
    local = email_local_part(*parts)
    assert local == expected
    validate_email(f"{local}7@example.com")


def test_null_text_clears_and_a_null_need_level_is_refused(world: World) -> None:
    url = f"/api/candidates/{world.process.candidate.uuid}/profile"
    headers = _auth(world.advisor)
    cleared = Client().patch(
        url, json.dumps({"avoid": None}), content_type="application/json", headers=headers
    )
    assert cleared.status_code == 200
    refused = Client().patch(
        url, json.dumps({"need_level": None}), content_type="application/json", headers=headers
    )
    assert refused.status_code == 422
    assert refused.json()["detail"] == {"need_level": ["Velg innsatsbehov."]}
