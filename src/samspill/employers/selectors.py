"""Reads for employers (organisations, not personal records) and their mapping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from samspill.accounts.models import User
from samspill.employers.models import (
    ContactKind,
    ContactPerson,
    Demand,
    DemandLevel,
    Employer,
    EmployerContact,
    Opening,
    OpeningStatus,
    OpeningStatusChange,
    Task,
    Workplace,
)
from samspill.employers.services.employers import CONTACT_ROLES
from samspill.rules import EMPLOYER_NOT_CONTACTED_AFTER


def _latest_contact(kind: ContactKind | None = None) -> Subquery:
    contacts = EmployerContact.objects.filter(employer_id=OuterRef("pk"))
    if kind is not None:
        contacts = contacts.filter(kind=kind)
    return Subquery(
        contacts.order_by("-occurred_on").values("occurred_on")[:1], output_field=DateField()
    )


def _open_openings() -> Coalesce:
    counted = (
        Opening.objects.filter(workplace__employer_id=OuterRef("pk"), status=OpeningStatus.OPEN)
        .order_by()
        .values("workplace__employer_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def not_contacted_cutoff(today: date | None = None) -> date:
    """Employers whose last contact is before this day count as not contacted lately."""
    return (today or timezone.localdate()) - EMPLOYER_NOT_CONTACTED_AFTER.value


def employer_register(
    employers: QuerySet[Employer],
    *,
    query: str = "",
    sector: str = "",
    not_contacted: bool = False,
) -> QuerySet[Employer]:
    """The employer contact's register: each employer with its last visit, last contact and
    number of open openings, computed in the query (one row per employer, no N+1).

    ``employers`` is what the user may see (``employer_list_for_user``).
    """
    stale = Q(last_contact__isnull=True) | Q(last_contact__lt=not_contacted_cutoff())
    rows = employers.annotate(
        last_visit=_latest_contact(ContactKind.VISIT),
        last_contact=_latest_contact(),
        open_openings=_open_openings(),
    ).annotate(
        not_contacted=Case(
            When(stale, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )
    for word in query.split():
        compact = word.replace(" ", "")
        rows = rows.filter(Q(name__icontains=word) | Q(org_number__startswith=compact))
    if sector:
        rows = rows.filter(sector=sector)
    if not_contacted:
        rows = rows.filter(stale).order_by(F("last_contact").asc(nulls_first=True), "name")
    return rows


def contact_persons_of(*, employer: Employer) -> QuerySet[ContactPerson]:
    return employer.contact_persons.order_by("name", "id")


def workplaces_of(*, employer: Employer) -> QuerySet[Workplace]:
    return employer.workplaces.annotate(task_count=Count("tasks")).order_by("name")


def tasks_of(*, workplace: Workplace) -> QuerySet[Task]:
    return workplace.tasks.order_by("name", "id")


def tasks_of_employer(*, employer: Employer) -> QuerySet[Task]:
    """Every mapped task at the employer, for choosing an opening's tasks."""
    return (
        Task.objects.filter(workplace__employer=employer)
        .select_related("workplace")
        .order_by("workplace__name", "name", "id")
    )


def openings_of(
    *, employer: Employer, workplace: Workplace | None = None, status: str = ""
) -> QuerySet[Opening]:
    openings = Opening.objects.filter(workplace__employer=employer).select_related(
        "workplace__employer"
    )
    if workplace is not None:
        openings = openings.filter(workplace=workplace)
    if status:
        openings = openings.filter(status=status)
    return openings.order_by("-created_at", "-id")


def opening_detail(*, employer: Employer, opening_id: UUID) -> Opening | None:
    return (
        Opening.objects.filter(workplace__employer=employer, uuid=opening_id)
        .select_related("workplace__employer")
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.order_by("name", "id")))
        .first()
    )


def status_history(*, opening: Opening) -> QuerySet[OpeningStatusChange]:
    return opening.status_changes.select_related("changed_by").order_by("changed_at", "id")


def contacts_of(*, employer: Employer) -> QuerySet[EmployerContact]:
    return employer.contacts.select_related("made_by", "workplace").order_by("-occurred_on", "-id")


@dataclass(frozen=True)
class ContactSummary:
    last_visit: date | None
    last_contact: date | None
    not_contacted: bool


def contact_summary(*, employer: Employer) -> ContactSummary:
    found = employer.contacts.aggregate(
        last_contact=Max("occurred_on"),
        last_visit=Max("occurred_on", filter=Q(kind=ContactKind.VISIT)),
    )
    last_contact = found["last_contact"]
    return ContactSummary(
        last_visit=found["last_visit"],
        last_contact=last_contact,
        not_contacted=last_contact is None or last_contact < not_contacted_cutoff(),
    )


def contact_staff(*, actor: User) -> QuerySet[User]:
    """Who can be named as having made a contact: NAV staff at the actor's office."""
    staff = User.objects.filter(is_active=True, role__in=CONTACT_ROLES)
    if actor.office_id is None:
        return staff.filter(pk=actor.pk)
    return staff.filter(office_id=actor.office_id).order_by("first_name", "last_name")


@dataclass(frozen=True)
class DemandRow:
    demand: str
    levels: list[str]


def demand_matrix(tasks: list[Task]) -> list[DemandRow]:
    """What each task demands, one row per demand, one column per task (for comparing)."""
    return [
        DemandRow(
            demand=str(demand.label),
            levels=[str(DemandLevel(task.demand_levels()[demand]).label) for task in tasks],
        )
        for demand in Demand
    ]


def recent_contacts_by(*, user: User) -> QuerySet[EmployerContact]:
    """The contacts ``user`` made, newest first (the employer contact's start page)."""
    return (
        EmployerContact.objects.filter(made_by=user)
        .select_related("employer")
        .order_by("-occurred_on", "-id")
    )
