"""Employer concerns: reported from the employer portal, answered by the next working day."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.accounts.models import Role, User
from samspill.audit.models import Action
from samspill.followup.models import Concern, ConcernKind
from samspill.followup.services.common import audit_change
from samspill.lib.workdays import add_working_days
from samspill.notifications.services import notification_create
from samspill.processes.models import InclusionProcess
from samspill.rules import CONCERN_RESPONSE_WORKING_DAYS


@transaction.atomic
def followup_report_concern(
    *, actor: User, process: InclusionProcess, kind: str, text: str
) -> Concern:
    """The employer tells NAV; the contact person is notified at once, as urgent."""
    if actor.role != Role.EMPLOYER or process.employer_id is None:
        raise ValidationError(_("Bare arbeidsgiveren kandidaten er hos kan melde fra her."))
    if actor.employer_id != process.employer_id:
        raise ValidationError(_("Bare arbeidsgiveren kandidaten er hos kan melde fra her."))
    errors: dict[str, str] = {}
    if kind not in ConcernKind.values:
        errors["kind"] = _("Velg hva det gjelder.")
    if not text.strip():
        errors["text"] = _("Skriv kort hva som har skjedd.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    concern = Concern.objects.create(
        process=process,
        employer_id=process.employer_id,
        kind=kind,
        text=text.strip(),
        reported_by=actor,
        reported_at=now,
        respond_by=add_working_days(timezone.localdate(now), CONCERN_RESPONSE_WORKING_DAYS.value),
    )
    employer_name = process.employer.name if process.employer else ""
    notification_create(
        recipient=process.advisor,
        key=f"concern:{concern.uuid}",
        title=f"{concern.get_kind_display()} – {employer_name}",
        body=f"{concern.text}\n\nSvarfrist: {concern.respond_by:%d.%m.%Y}.",
        url=reverse("followup:plan", kwargs={"process_id": process.uuid}),
        urgent=True,
    )
    audit_change(
        actor=actor,
        process=process,
        detail=_("arbeidsgiver meldte fra: %(kind)s") % {"kind": kind},
        action=Action.CREATE,
    )
    return concern


@transaction.atomic
def followup_answer_concern(*, actor: User, concern: Concern, response: str) -> Concern:
    concern = Concern.objects.select_for_update().select_related("process").get(pk=concern.pk)
    if concern.responded_at is not None:
        raise ValidationError(_("Henvendelsen er allerede besvart."))
    if not response.strip():
        raise ValidationError(
            {"response": _("Skriv hva du svarte eller avtalte med arbeidsgiveren.")}
        )
    concern.response, concern.responded_at, concern.responded_by = (
        response.strip(),
        timezone.now(),
        actor,
    )
    concern.save(update_fields=["response", "responded_at", "responded_by"])
    if concern.reported_by is not None:
        notification_create(
            recipient=concern.reported_by,
            key=f"concern-answered:{concern.uuid}",
            title=_("NAV har svart: %(kind)s") % {"kind": concern.get_kind_display()},
            body=concern.response,
            url=reverse("followup:concern_new", kwargs={"process_id": concern.process.uuid}),
        )
    audit_change(
        actor=actor,
        process=concern.process,
        detail=_("svarte arbeidsgiver: %(kind)s") % {"kind": concern.kind},
    )
    return concern
