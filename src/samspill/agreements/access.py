"""Loading agreements for one user, through the access policy on their process.

Every display is logged; the employer's side gets the one-page employer version.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import User
from samspill.agreements.models import Agreement
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record, audit_record_many
from samspill.candidates.presentation import SharedWithEmployer, Surface, shared_with_employer
from samspill.policy.audit import deny
from samspill.processes.access import (
    ProcessAccess,
    process_access,
    process_get_for_user,
    process_queryset,
)


@dataclass(frozen=True)
class AgreementAccess:
    """An agreement as the user may see it: ``employer_version`` hides NAV-internal details."""

    agreement: Agreement
    process: ProcessAccess
    employer_version: bool
    can_change: bool
    #: «Dette får arbeidsgiveren vite»: from the consent, as far as this viewer may see it.
    shared: SharedWithEmployer


def agreement_get_for_user(
    *, user: User, agreement_id: UUID, purpose: Purpose, for_change: bool = False
) -> AgreementAccess:
    """One agreement, through the policy on its process; every display is logged."""
    visible = process_queryset(user)
    agreement = (
        Agreement.objects.filter(uuid=agreement_id, process__in=visible)
        .select_related(
            "process__candidate",
            "process__advisor",
            "process__office",
            "process__employer",
            "workplace",
            "employer_contact",
            "nav_contact",
        )
        .first()
    )
    action = Action.CHANGE if for_change else Action.VIEW
    if agreement is None:
        owner = (
            Agreement.objects.filter(uuid=agreement_id)
            .values_list("process__candidate__uuid", flat=True)
            .first()
        )
        deny(
            user=user,
            subject=Subject("agreement", agreement_id, owner),
            purpose=purpose,
            action=action,
            why=_("finnes ikke") if owner is None else _("forløpet er utenfor brukerens tilgang"),
            error=Http404(),
        )
    process = process_access(user, agreement.process, Surface.NAME)
    candidate = agreement.process.candidate
    shared = shared_with_employer(
        candidate,
        consented=policy.consented_items(candidate),
        granted=policy.candidate_fields_for(user, candidate),
        needs=[need.code for need in candidate.needs.all()],
    )
    subject = Subject(
        "agreement", agreement.uuid, candidate.uuid, process.candidate.shown | shared.items
    )
    if for_change and not process.can_change:
        deny(
            user=user,
            subject=subject,
            purpose=purpose,
            action=action,
            why=_("rollen kan ikke endre avtalen"),
            error=PermissionDenied(),
        )
    employer_version = policy.agreement_employer_version_only(user)
    detail = "arbeidsgiverversjon" if employer_version else "hele avtalen"
    audit_record(actor=user, subject=subject, action=Action.VIEW, purpose=purpose, detail=detail)
    return AgreementAccess(agreement, process, employer_version, process.can_change, shared)


def agreements_for_process(
    *, user: User, process_id: UUID, purpose: Purpose
) -> tuple[ProcessAccess, list[Agreement]]:
    """The agreements of one process (the process read is logged by its access function)."""
    access = process_get_for_user(user=user, process_id=process_id, purpose=purpose)
    agreements = list(
        Agreement.objects.filter(process=access.process).select_related("workplace", "nav_contact")
    )
    return access, agreements


def agreement_list_for_user(*, user: User, purpose: Purpose, limit: int = 20) -> list[Agreement]:
    """Agreements on the processes the user may see, newest first, not the cancelled ones.

    For the portals: shown agreements are logged like any other display.
    """
    agreements = list(
        Agreement.objects.filter(process__in=policy.processes_visible_to(user))
        .exclude(stage="cancelled")
        .select_related(
            "process__candidate", "process__employer", "employer_contact", "nav_contact"
        )
        .order_by("-created_at", "-id")[:limit]
    )
    audit_record_many(
        actor=user,
        subjects=[Subject("agreement", a.uuid, a.process.candidate.uuid) for a in agreements],
        action=Action.VIEW,
        purpose=purpose,
        detail=_("liste"),
    )
    return agreements
