"""Reads for follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from samspill.accounts.models import OFFICE_ROLES, User
from samspill.followup.models import (
    EMPLOYER_PARTIES,
    Commitment,
    Concern,
    Contact,
    FollowupPlan,
    PlanChange,
    PlanItem,
    PlanParty,
)
from samspill.followup.worklist import due_items
from samspill.processes.models import InclusionProcess


def contacts_of(*, process: InclusionProcess, limit: int = 20) -> QuerySet[Contact]:
    return process.contacts.select_related("logged_by", "employer", "plan_item").order_by(
        "-on", "-id"
    )[:limit]


def has_employer_contact() -> Exists:
    """For annotating or filtering processes: any contact with an employer logged?"""
    return Exists(Contact.objects.filter(process_id=OuterRef("pk"), party__in=EMPLOYER_PARTIES))


def active_plan(*, process: InclusionProcess) -> FollowupPlan | None:
    return process.followup_plans.filter(ended_on__isnull=True).first()


def active_items(*, process: InclusionProcess) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(
        plan__process=process, plan__ended_on__isnull=True, removed_at__isnull=True
    ).select_related("plan")


@dataclass(frozen=True)
class ScheduledItem:
    item: PlanItem
    due: date | None  # None: done or finished


def schedule_of(*, process: InclusionProcess) -> list[ScheduledItem]:
    """The active plan's items with their next due date (two queries)."""
    dues = {d.item.pk: d.due for d in due_items([process.pk], date.max).get(process.pk, [])}
    return [ScheduledItem(item, dues.get(item.pk)) for item in active_items(process=process)]


def plan_history(*, process: InclusionProcess) -> QuerySet[PlanChange]:
    return PlanChange.objects.filter(plan__process=process).select_related("by", "plan")[:50]


def ended_plans(*, process: InclusionProcess) -> QuerySet[FollowupPlan]:
    return process.followup_plans.filter(ended_on__isnull=False)


def commitments_of(*, process: InclusionProcess) -> QuerySet[Commitment]:
    return process.commitments.select_related("owner", "done_by").order_by("done_on", "deadline")


def concerns_of(*, process: InclusionProcess) -> QuerySet[Concern]:
    return process.concerns.select_related("employer", "reported_by", "responded_by")


def concerns_for_employer(*, process: InclusionProcess, user: User) -> QuerySet[Concern]:
    """An employer sees only the concerns their own organisation reported."""
    return process.concerns.filter(employer_id=user.employer_id or 0).select_related("responded_by")


@dataclass(frozen=True)
class NextContact:
    label: str
    form: str
    party: str
    due: date


def next_contacts(*, process_ids: list[int], parties: tuple[str, ...]) -> dict[int, NextContact]:
    """The next planned contact with the given parties, per process (for the portals)."""
    result: dict[int, NextContact] = {}
    for process_id, dues in due_items(process_ids, date.max).items():
        wanted = sorted((d for d in dues if d.item.party in parties), key=lambda d: d.due)
        if wanted:
            first = wanted[0]
            result[process_id] = NextContact(
                first.item.label,
                first.item.get_form_display(),
                first.item.get_party_display(),
                first.due,
            )
    return result


JOBSEEKER_PARTIES = (PlanParty.JOBSEEKER, PlanParty.BOTH)
EMPLOYER_PLAN_PARTIES = (PlanParty.EMPLOYER, PlanParty.BOTH)


def staff_at(*, process: InclusionProcess) -> QuerySet[User]:
    """Who can own a NAV commitment on this process: active NAV staff at its office."""
    return User.objects.filter(
        office_id=process.office_id, role__in=OFFICE_ROLES, is_active=True
    ).order_by("first_name", "last_name")
