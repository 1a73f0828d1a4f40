"""The one refusal (``deny``) and the one purpose (``purpose_for``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.services import Subject
from samspill.conftest import World
from samspill.policy.audit import deny, purpose_for
from samspill.processes.models import MemberRole
from samspill.processes.tests.factories import MemberFactory


@pytest.mark.django_db
def test_deny_writes_the_denied_row_then_refuses_with_404() -> None:
    user = UserFactory(role=Role.ADVISOR)
    subject = Subject("process", None)
    with pytest.raises(Http404):
        deny(user=user, subject=subject, purpose=Purpose.CASE_WORK, why="utenfor tilgang")
    row = AuditEvent.objects.get(actor=user)
    assert (row.outcome, row.action, row.purpose, row.detail) == (
        Outcome.DENIED,
        Action.VIEW,
        Purpose.CASE_WORK,
        "utenfor tilgang",
    )


@pytest.mark.django_db
def test_deny_raises_the_error_it_is_given() -> None:
    user = UserFactory(role=Role.PARTNER)
    with pytest.raises(PermissionDenied):
        deny(
            user=user,
            subject=Subject("process", None),
            purpose=Purpose.PARTNER_WORK,
            action=Action.CHANGE,
            why="kan ikke endre",
            error=PermissionDenied(),
        )
    assert AuditEvent.objects.get(actor=user).action == Action.CHANGE


def test_every_role_has_one_purpose() -> None:
    expected = {
        Role.ADVISOR: Purpose.CASE_WORK,
        Role.MANAGER: Purpose.CASE_WORK,
        Role.EMPLOYER_CONTACT: Purpose.PARTNER_WORK,
        Role.PARTNER: Purpose.PARTNER_WORK,
        Role.EMPLOYER: Purpose.EMPLOYER_PORTAL,
        Role.JOBSEEKER: Purpose.OWN_DATA,
        Role.ADMIN: Purpose.CASE_WORK,
    }
    assert set(expected) == set(Role)
    for role, purpose in expected.items():
        assert purpose_for(UserFactory.build(role=role)) == purpose


@pytest.mark.parametrize(
    "persona", ["advisor", "manager", "employer_contact", "partner", "employer", "jobseeker"]
)
def test_the_same_person_is_logged_under_the_same_purpose_on_every_page(
    world: World, client: Client, persona: str
) -> None:
    """The process, its candidate, its agreement and its employer's page (each a different
    module's view) log the reads of one person under one purpose."""
    MemberFactory(
        process=world.process, user=world.employer_contact, role=MemberRole.EMPLOYER_CONTACT
    )
    MemberFactory(process=world.process, user=world.partner)
    user = world.persona(persona)
    client.force_login(user)
    pages = [
        f"/forlop/{world.process.uuid}/",
        f"/kandidater/{world.process.candidate.uuid}/",
        f"/avtaler/{world.agreement.uuid}/",
        f"/arbeidsgivere/{world.employer_org.uuid}/",
    ]
    before = AuditEvent.objects.count()
    for url in pages:
        client.get(url)
    rows = AuditEvent.objects.order_by("id")[before:]
    reads = [row for row in rows if row.object_type != "login"]
    assert {row.object_type for row in reads if row.outcome == Outcome.ALLOWED} >= {"process"}
    assert {row.purpose for row in reads} == {purpose_for(user)}
