"""Passwords: at least 12 characters and not a common one, refused in Norwegian."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from samspill.conftest import World


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kort-pass1", "Passordet er for kort. Det må ha minst 12 tegn."),
        ("1234567890123", "Dette passordet er for vanlig."),
    ],
)
def test_short_or_common_passwords_are_refused_in_norwegian(password: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert message in refused.value.messages


def test_a_long_uncommon_password_is_accepted() -> None:
    validate_password("Blåbærsyltetøy på brødskiva")


def test_the_admins_password_form_refuses_a_short_password(client: Client, world: World) -> None:
    client.force_login(world.admin)
    url = f"/admin/accounts/user/{world.advisor.pk}/password/"
    response = client.post(url, {"password1": "kort-pass1", "password2": "kort-pass1"})
    assert response.status_code == 200
    assert "Passordet er for kort. Det må ha minst 12 tegn." in response.content.decode()
    world.advisor.refresh_from_db()
    assert world.advisor.check_password("test-passord-123")
