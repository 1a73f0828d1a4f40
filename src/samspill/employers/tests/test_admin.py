"""The admin pages of the employer models open for the technical administrator."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from samspill.conftest import World
from samspill.employers.tests.factories import EmployerContactFactory

MODELS = ["employer", "workplace", "task", "employercontact", "opening"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_and_change_page(world: World, client: Client, model: str) -> None:
    EmployerContactFactory(employer=world.employer_org)
    client.force_login(world.admin)
    assert client.get(reverse(f"admin:employers_{model}_changelist")).status_code == 200
    objects = {
        "employer": world.employer_org,
        "workplace": world.workplace,
        "task": world.task,
        "employercontact": world.employer_org.contacts.get(),
        "opening": world.opening,
    }
    url = reverse(f"admin:employers_{model}_change", args=[objects[model].pk])
    assert client.get(url).status_code == 200
