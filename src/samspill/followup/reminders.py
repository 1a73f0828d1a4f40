"""The reminder engine behind ``manage.py send_reminders``.

Each pass creates the reminders that are due (a planned contact due or overdue, a NAV
commitment near its deadline, an employer concern past its response deadline), each under a
unique key, and then delivers what is undelivered. Running a pass twice, or again after a
crash, creates and sends nothing twice. Reminders name no jobseeker: the link leads into
Samspill, where access is checked and logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill.followup.models import Commitment, Concern, FollowupPlan
from samspill.followup.worklist import due_items
from samspill.notifications.delivery import deliver_pending, send_digests
from samspill.notifications.services import notification_create
from samspill.processes.models import InclusionProcess
from samspill.rules import COMMITMENT_WARNING


@dataclass(frozen=True)
class PassResult:
    created: int
    delivered: int
    digests: int


def _plan_url(process: InclusionProcess) -> str:
    return reverse("followup:plan", kwargs={"process_id": process.uuid})


def create_contact_reminders(today: date) -> int:
    process_ids = list(
        FollowupPlan.objects.filter(ended_on__isnull=True).values_list("process_id", flat=True)
    )
    created = 0
    for dues in due_items(process_ids, today).values():
        for due in dues:
            process = due.item.plan.process
            when = _("i dag") if due.due == today else f"siden {due.due:%d.%m.%Y}"
            created += (
                notification_create(
                    recipient=process.advisor,
                    key=f"contact:{due.item.uuid}:{due.due.isoformat()}",
                    title=_("Planlagt kontakt %(when)s: %(label)s")
                    % {"when": when, "label": due.item.label},
                    body=f"{due.item.get_party_display()}, {due.item.get_form_display().lower()}.",
                    url=_plan_url(process),
                )
                is not None
            )
    return created


def create_commitment_reminders(today: date) -> int:
    created = 0
    commitments = Commitment.objects.filter(
        done_on__isnull=True, deadline__lte=today + COMMITMENT_WARNING.value
    ).select_related("owner", "process")
    for commitment in commitments:
        late = commitment.deadline < today
        created += (
            notification_create(
                recipient=commitment.owner,
                key=f"commitment:{commitment.uuid}:{'late' if late else 'soon'}",
                title=(_("Fristen er passert: ") if late else _("Frist snart: "))
                + commitment.title,
                body=f"Frist {commitment.deadline:%d.%m.%Y}.",
                url=_plan_url(commitment.process) + "#forpliktelser",
            )
            is not None
        )
    return created


def create_concern_reminders(today: date) -> int:
    created = 0
    late = Concern.objects.filter(responded_at__isnull=True, respond_by__lt=today).select_related(
        "process__advisor"
    )
    for concern in late:
        created += (
            notification_create(
                recipient=concern.process.advisor,
                key=f"concern-late:{concern.uuid}",
                title=_("Svarfristen er passert: %(kind)s") % {"kind": concern.get_kind_display()},
                body=_("Arbeidsgiveren skulle hatt svar innen %(respond_by)s.")
                % {"respond_by": date_format(concern.respond_by, "SHORT_DATE_FORMAT")},
                url=_plan_url(concern.process),
                urgent=True,
            )
            is not None
        )
    return created


def run_pass(*, now: datetime) -> PassResult:
    today = timezone.localtime(now).date()
    created = (
        create_contact_reminders(today)
        + create_commitment_reminders(today)
        + create_concern_reminders(today)
    )
    return PassResult(
        created=created, delivered=deliver_pending(now=now), digests=send_digests(now=now)
    )
