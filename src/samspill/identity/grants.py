"""Changing who may see what: a user's role, office, team and employer.

These fields change only here, never in a form that saves a user directly (the admin
shows them read-only). A change that gives access to personal data is a request that a
second person approves (four eyes); a change that only takes access away (to the
administrator role, which sees no one's records) takes effect at once. Nobody requests or
decides a change of their own access. Every request, approval, refusal and change is
written to the audit trail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.accounts.models import (
    OFFICE_ROLES,
    AccessChange,
    AccessChangeStatus,
    Office,
    Role,
    Team,
    User,
)
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record

if TYPE_CHECKING:
    from samspill.employers.models import Employer

#: Roles that see no one's personal data: moving a user there takes access away.
NO_PERSONAL_DATA = frozenset({Role.ADMIN})
#: Who may request and decide access changes.
GRANTING_ROLES = frozenset({Role.ADMIN})


def may_grant(user: User) -> bool:
    return user.is_active and (user.role in GRANTING_ROLES or user.is_superuser)


def _audit(actor: User, change: AccessChange, detail: str) -> None:
    audit_record(
        actor=actor,
        subject=Subject("access_change", change.uuid),
        action=Action.CHANGE,
        purpose=Purpose.ADMINISTRATION,
        detail=f"{change.user.username}: {detail}"[:300],
    )


def access_change_check(
    *,
    actor: User,
    user: User,
    role: str,
    reason: str,
    office: Office | None = None,
    team: Team | None = None,
    employer: Employer | None = None,
) -> None:
    """Raise the Norwegian errors, at their fields, that a request would be refused with."""
    if not may_grant(actor):
        raise ValidationError(_("Bare en systemadministrator kan endre tilganger."))
    if user.pk == actor.pk:
        raise ValidationError(_("Du kan ikke endre din egen tilgang. Be en annen om det."))
    errors: dict[str, str] = {}
    if role not in Role.values:
        errors["role"] = _("Velg en rolle fra listen.")
    if role in OFFICE_ROLES and office is None:
        errors["office"] = _("Denne rollen må høre til et NAV-kontor.")
    if team is not None and team.office_id != getattr(office, "pk", None):
        errors["team"] = _("Teamet må høre til det valgte kontoret.")
    if (role == Role.EMPLOYER) != (employer is not None):
        errors["employer"] = _("Arbeidsgiverbrukere, og bare de, har en virksomhet.")
    if not reason.strip():
        errors["reason"] = _("Skriv hvorfor tilgangen endres.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def access_change_request(
    *,
    actor: User,
    user: User,
    role: str,
    reason: str,
    office: Office | None = None,
    team: Team | None = None,
    employer: Employer | None = None,
) -> AccessChange:
    """Ask for ``user``'s access to change; applied at once only if it takes access away."""
    access_change_check(
        actor=actor,
        user=user,
        role=role,
        reason=reason,
        office=office,
        team=team,
        employer=employer,
    )
    change = AccessChange.objects.create(
        user=user,
        role=role,
        office=office,
        team=team,
        employer=employer,
        reason=reason.strip(),
        requested_by=actor,
    )
    _audit(
        actor,
        change,
        _("ba om rolle %(role)s: %(reason)s") % {"role": role, "reason": change.reason},
    )
    if role in NO_PERSONAL_DATA:
        _apply(actor, change)
    return change


def _apply(actor: User, change: AccessChange) -> None:
    user = User.objects.select_for_update().get(pk=change.user_id)
    user.role, user.office, user.team = change.role, change.office, change.team
    user.employer_id = change.employer_id
    user.save(update_fields=["role", "office", "team", "employer"])
    change.status, change.decided_by, change.decided_at = (
        AccessChangeStatus.APPROVED,
        actor,
        timezone.now(),
    )
    change.save(update_fields=["status", "decided_by", "decided_at"])
    _audit(actor, change, _("tilgang endret til rolle %(role)s") % {"role": change.role})


def _pending(actor: User, change: AccessChange) -> AccessChange:
    change = AccessChange.objects.select_for_update().select_related("user").get(pk=change.pk)
    if change.status != AccessChangeStatus.PENDING:
        raise ValidationError(_("Endringen er allerede avgjort."))
    if not may_grant(actor):
        raise ValidationError(_("Bare en systemadministrator kan avgjøre tilgangsendringer."))
    if actor.pk in (change.requested_by_id, change.user_id):
        raise ValidationError(
            _("En annen enn den som ba om endringen, og enn brukeren selv, må avgjøre den.")
        )
    return change


@transaction.atomic
def access_change_approve(*, actor: User, change: AccessChange) -> AccessChange:
    """The second person approves: the change takes effect now."""
    change = _pending(actor, change)
    _apply(actor, change)
    return change


@transaction.atomic
def access_change_reject(*, actor: User, change: AccessChange) -> AccessChange:
    change = _pending(actor, change)
    change.status, change.decided_by, change.decided_at = (
        AccessChangeStatus.REJECTED,
        actor,
        timezone.now(),
    )
    change.save(update_fields=["status", "decided_by", "decided_at"])
    _audit(actor, change, "avvist")
    return change


def password_reset_recorded(*, actor: User, user: User) -> None:
    """A password set for someone else (the admin's form) is written to the audit trail."""
    audit_record(
        actor=actor,
        subject=Subject("user", user.uuid),
        action=Action.CHANGE,
        purpose=Purpose.ADMINISTRATION,
        detail=_("nytt passord satt for %(username)s (%(role)s)")
        % {"username": user.username, "role": user.get_role_display()},
    )
