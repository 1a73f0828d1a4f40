"""Logging in through the real forms, as a person does."""

from __future__ import annotations

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspill.accounts.models import User

PASSWORD = "test-passord-123"


def password_login(client: Client, username: str, password: str = PASSWORD) -> int:
    """Step one only: the password form. Returns the status code."""
    response = client.post("/logg-inn/", {"username": username, "password": password})
    return response.status_code


def app_for(user: User) -> TOTPDevice:
    """A confirmed authenticator app for ``user`` (as after enrolment)."""
    return TOTPDevice.objects.create(user=user, name="Testapp", confirmed=True)
