"""NAV's commitments on a process: what NAV has promised, by when, and who owns it."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.accounts.models import OFFICE_ROLES, User
from samspill.followup.models import Commitment
from samspill.followup.services.common import audit_change
from samspill.processes.models import InclusionProcess


@transaction.atomic
def followup_add_commitment(
    *, actor: User, process: InclusionProcess, title: str, deadline: date, owner: User
) -> Commitment:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Skriv hva NAV skal gjøre.")
    if deadline < process.started_on:
        errors["deadline"] = _("Fristen kan ikke være før forløpet startet.")
    if owner.role not in OFFICE_ROLES or not owner.is_active:
        errors["owner"] = _("Den ansvarlige må være en ansatt i NAV.")
    if errors:
        raise ValidationError(errors)
    commitment = Commitment.objects.create(
        process=process, title=title.strip(), deadline=deadline, owner=owner, created_by=actor
    )
    audit_change(
        actor=actor,
        process=process,
        detail=_("forpliktelse: %(title)s (%(deadline)s)")
        % {"title": commitment.title[:80], "deadline": deadline},
    )
    return commitment


@transaction.atomic
def followup_complete_commitment(*, actor: User, commitment: Commitment) -> Commitment:
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if commitment.done_on is not None:
        raise ValidationError(_("Forpliktelsen er allerede utført."))
    commitment.done_on, commitment.done_by = timezone.localdate(), actor
    commitment.save(update_fields=["done_on", "done_by"])
    audit_change(
        actor=actor,
        process=commitment.process,
        detail=_("forpliktelse utført: %(title)s") % {"title": commitment.title[:80]},
    )
    return commitment
