"""«API-nøkler» costs the same number of queries for one key as for many."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samspill.conftest import World
from samspill.identity.services import api_token_issue

#: session, user, the second-factor device, the user's keys.
TOKENS_QUERIES = 4


@pytest.mark.parametrize("keys", [1, 8])
def test_the_api_keys_page_does_not_grow_with_the_keys(
    world: World, client: Client, django_assert_num_queries: Any, keys: int
) -> None:
    for i in range(keys):
        api_token_issue(actor=world.advisor, user=world.advisor, name=f"Nøkkel {i}")
    client.force_login(world.advisor)
    with django_assert_num_queries(TOKENS_QUERIES):
        response = client.get(reverse("identity:api_tokens"))
    assert response.status_code == 200
    assert len(response.context["tokens"]) == keys
