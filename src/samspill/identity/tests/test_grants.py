"""No self-granted access: role, office, team and employer change only through an audited
request that a second administrator approves, never on oneself; the admin shows them
read-only, and every change of a user in the admin (a new password too) is audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from samspill.accounts.models import AccessChange, AccessChangeStatus, Role, User
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import AuditEvent, Purpose
from samspill.conftest import World
from samspill.identity import grants


@pytest.fixture
def second_admin(world: World) -> User:
    return UserFactory(username="admin2", role=Role.ADMIN, is_staff=True, is_superuser=True)


def test_the_admin_cannot_make_themself_a_manager_in_the_admin(
    world: World, client: Client
) -> None:
    admin = world.admin
    client.force_login(admin)
    url = f"/admin/accounts/user/{admin.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="role"' not in page  # shown, not editable
    response = client.post(
        url,
        {
            "username": admin.username,
            "first_name": admin.first_name,
            "last_name": admin.last_name,
            "email": admin.email,
            "role": Role.MANAGER,
            "office": world.office.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert (admin.role, admin.office_id) == (Role.ADMIN, None)
    # ... and so the profiles stay out of reach.
    assert client.get(f"/kandidater/{world.process.candidate.uuid}/").status_code == 404
    assert AuditEvent.objects.filter(actor=admin, purpose=Purpose.ADMINISTRATION).exists()


def test_nobody_requests_a_change_of_their_own_access(world: World) -> None:
    with pytest.raises(ValidationError, match="din egen tilgang"):
        grants.access_change_request(
            actor=world.admin,
            user=world.admin,
            role=Role.MANAGER,
            office=world.office,
            reason="Trenger innsyn",
        )
    assert not AccessChange.objects.exists()


def test_a_change_that_grants_access_waits_for_a_second_administrator(
    world: World, second_admin: User
) -> None:
    user = UserFactory(role=Role.ADMIN)
    change = grants.access_change_request(
        actor=world.admin, user=user, role=Role.ADVISOR, office=world.office, reason="Ny veileder"
    )
    user.refresh_from_db()
    assert (change.status, user.role) == (AccessChangeStatus.PENDING, Role.ADMIN)
    with pytest.raises(ValidationError, match="En annen enn den som ba om endringen"):
        grants.access_change_approve(actor=world.admin, change=change)
    with pytest.raises(ValidationError, match="systemadministrator"):
        grants.access_change_approve(actor=world.manager, change=change)
    grants.access_change_approve(actor=second_admin, change=change)
    user.refresh_from_db()
    assert (user.role, user.office) == (Role.ADVISOR, world.office)
    details = list(
        AuditEvent.objects.filter(object_uuid=change.uuid).values_list("actor_name", "detail")
    )
    assert len(details) == 2  # asked, then changed: by two different people
    assert {name for name, _ in details} == {
        world.admin.display_name,
        second_admin.display_name,
    }


def test_the_user_themself_cannot_approve(world: World, second_admin: User) -> None:
    change = grants.access_change_request(
        actor=world.admin,
        user=second_admin,
        role=Role.MANAGER,
        office=world.office,
        reason="Leder",
    )
    with pytest.raises(ValidationError, match="enn brukeren selv"):
        grants.access_change_approve(actor=second_admin, change=change)


def test_taking_access_away_applies_at_once(world: World) -> None:
    advisor = world.advisor
    change = grants.access_change_request(
        actor=world.admin, user=advisor, role=Role.ADMIN, reason="Sluttet"
    )
    advisor.refresh_from_db()
    assert change.status == AccessChangeStatus.APPROVED
    assert (advisor.role, advisor.office_id) == (Role.ADMIN, None)


def test_bad_requests_are_refused_at_the_field(world: World) -> None:
    user = UserFactory(role=Role.ADMIN)
    with pytest.raises(ValidationError) as refused:
        grants.access_change_request(actor=world.admin, user=user, role=Role.ADVISOR, reason=" ")
    assert set(refused.value.message_dict) == {"office", "reason"}


def test_a_new_user_in_the_admin_starts_without_access(world: World, client: Client) -> None:
    client.force_login(world.admin)
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "ny.veileder",
            "password1": "et-langt-og-sjeldent-passord-42",
            "password2": "et-langt-og-sjeldent-passord-42",
            "usable_password": "true",
            "role": Role.ADVISOR,
            "office": world.office.pk,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="ny.veileder")
    assert user.role == Role.ADMIN
    assert AccessChange.objects.get(user=user).status == AccessChangeStatus.PENDING


def test_a_password_set_in_the_admin_is_audited(world: World, client: Client) -> None:
    client.force_login(world.admin)
    jobseeker = world.jobseeker
    response = client.post(
        f"/admin/accounts/user/{jobseeker.pk}/password/",
        {
            "password1": "et-langt-og-sjeldent-passord-42",
            "password2": "et-langt-og-sjeldent-passord-42",
        },
    )
    assert response.status_code == 302
    row = AuditEvent.objects.get(object_uuid=jobseeker.uuid, purpose=Purpose.ADMINISTRATION)
    assert row.actor == world.admin
    assert "passord" in row.detail.lower()


def test_the_access_change_form_refuses_a_change_of_ones_own_access(
    world: World, client: Client
) -> None:
    client.force_login(world.admin)
    response = client.post(
        "/admin/accounts/accesschange/add/",
        {
            "user": world.admin.pk,
            "role": Role.MANAGER,
            "office": world.office.pk,
            "reason": "Vil se alt",
        },
    )
    assert response.status_code == 200
    assert "din egen tilgang" in response.content.decode()
    assert not AccessChange.objects.exists()
