"""The error summary on top of the long forms: a bad post lists one link per message, each
to a field the page has."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from samspill.conftest import World


def _targets(world: World) -> list[tuple[str, str, dict[str, str]]]:
    """(persona, form page, a post that is bound but wrong)."""
    process, employer = world.process.uuid, world.employer_org.uuid
    return [
        ("advisor", reverse("candidates:register"), {}),
        ("employer_contact", reverse("employers:create"), {"name": ""}),
        (
            "employer_contact",
            reverse("employers:opening_create", kwargs={"employer_id": employer}),
            {"title": ""},
        ),
        ("advisor", reverse("followup:log_contact", kwargs={"process_id": process}), {}),
    ]


@pytest.mark.parametrize("index", range(4))
def test_a_bad_post_links_each_error_to_its_field(world: World, client: Client, index: int) -> None:
    persona, url, data = _targets(world)[index]
    client.force_login(getattr(world, persona))
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Rett opp dette før du går videre" in body
    summary = body.split('class="aksel-error-summary"', 1)[1].split("</section>", 1)[0]
    assert 'tabindex="-1" autofocus' in summary
    targets = re.findall(r'href="#([\w-]+)"', summary)
    assert targets
    for target in targets:
        assert f'id="{target}"' in body
