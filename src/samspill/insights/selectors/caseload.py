"""Caseload and follow-up: per advisor, and planned contacts on schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Max, Q

from samspill.employers.models import ContactKind, EmployerContact
from samspill.followup.models import EMPLOYER_PARTIES, Concern, Contact, PlanItem
from samspill.followup.schedule import ContactFact, next_due
from samspill.insights.models import Job
from samspill.insights.selectors.base import ACTIVE, Processes
from samspill.insights.stats import Rate
from samspill.processes.models import Phase
from samspill.rules import IPS_EMPLOYER_CONTACTS_PER_WEEK, IPS_MAX_CASELOAD

#: Employer contacts per week are averaged over this many weeks.
CASELOAD_WEEKS = 8


@dataclass(frozen=True)
class AdvisorRow:
    advisor_id: int
    name: str
    active: int
    searching: int
    in_work: int
    employer_contacts_per_week: float
    job_starts: int

    @property
    def over_caseload(self) -> bool:
        """More active processes than IPS item S1 allows."""
        return self.active > IPS_MAX_CASELOAD.value

    @property
    def few_employer_contacts(self) -> bool:
        """Fewer face-to-face employer contacts per week than IPS item Sv6 asks."""
        return self.employer_contacts_per_week < IPS_EMPLOYER_CONTACTS_PER_WEEK.value


def caseload(processes: Processes, today: date, weeks: int = CASELOAD_WEEKS) -> list[AdvisorRow]:
    """Per advisor: active processes, face-to-face employer contacts per week (the last
    ``weeks`` weeks, from the employer contact log and the process contact log), job starts
    in the last year."""
    since = today - timedelta(weeks=weeks)
    rows = (
        processes.filter(ACTIVE)
        .values("advisor", "advisor__first_name", "advisor__last_name")
        .annotate(
            active=Count("id"),
            searching=Count("id", filter=Q(phase__in=(Phase.MAPPING, Phase.JOB_SEARCH))),
            in_work=Count("id", filter=Q(phase__in=(Phase.EMPLOYMENT, Phase.RETENTION))),
        )
        .order_by("advisor__last_name", "advisor__first_name")
    )
    advisors = [row["advisor"] for row in rows]
    visits = dict(
        EmployerContact.objects.filter(
            made_by__in=advisors,
            occurred_on__gt=since,
            kind__in=(ContactKind.VISIT, ContactKind.MEETING),
        )
        .values("made_by")
        .annotate(n=Count("id"))
        .values_list("made_by", "n")
    )
    in_person = dict(
        Contact.objects.filter(
            process__in=processes,
            logged_by__in=advisors,
            on__gt=since,
            party__in=EMPLOYER_PARTIES,
            form__in=("meeting", "visit"),
        )
        .values("logged_by")
        .annotate(n=Count("id"))
        .values_list("logged_by", "n")
    )
    starts = dict(
        Job.objects.filter(process__in=processes, started_on__gt=today - timedelta(days=365))
        .values("process__advisor")
        .annotate(n=Count("id"))
        .values_list("process__advisor", "n")
    )
    return [
        AdvisorRow(
            advisor_id=row["advisor"],
            name=f"{row['advisor__first_name']} {row['advisor__last_name']}",
            active=row["active"],
            searching=row["searching"],
            in_work=row["in_work"],
            employer_contacts_per_week=(
                visits.get(row["advisor"], 0) + in_person.get(row["advisor"], 0)
            )
            / weeks,
            job_starts=starts.get(row["advisor"], 0),
        )
        for row in rows
    ]


# -- follow-up as planned -------------------------------------------------------------------


@dataclass
class FollowupFigures:
    """Planned contacts on schedule today, per party, and concerns answered in time."""

    #: Plan party → (on schedule, all items still running).
    on_schedule: dict[str, Rate]
    #: Advisor → plan party → rate.
    by_advisor: dict[int, dict[str, Rate]]
    concerns_in_time: Rate
    concerns_open_late: int


def followup_figures(processes: Processes, today: date) -> FollowupFigures:
    """Every running item of the active follow-up plans is either on schedule (its next
    contact is due today or later) or overdue; the due dates come from the same schedule
    the worklist uses (``followup.schedule``), so the two always agree. Concerns count as
    in time when answered by their response deadline; unanswered ones past it count
    against."""
    items = PlanItem.objects.filter(
        plan__process__in=processes, plan__ended_on__isnull=True, removed_at__isnull=True
    ).values_list(
        "pk",
        "party",
        "form",
        "first_due_on",
        "interval_days",
        "ends_on",
        "plan__starts_on",
        "plan__process_id",
        "plan__process__advisor_id",
    )
    facts: dict[int, list[ContactFact]] = {}
    latest = (
        Contact.objects.filter(process__in=processes, process__followup_plans__ended_on=None)
        .values("process_id", "party", "form", "plan_item_id")
        .annotate(last=Max("on"))
        .order_by()
    )
    for row in latest:
        facts.setdefault(row["process_id"], []).append(
            ContactFact(row["party"], row["form"], row["last"], row["plan_item_id"])
        )
    counts: dict[tuple[int, str], list[int]] = {}
    for pk, party, form, first, interval, ends, starts, process_id, advisor_id in items:
        item = _Item(pk, party, form, first, interval, ends)
        due = next_due(item, plan_starts_on=starts, contacts=facts.get(process_id, []))
        if due is None:  # finished
            continue
        cell = counts.setdefault((advisor_id, party), [0, 0])
        cell[0] += due >= today
        cell[1] += 1
    totals: dict[str, list[int]] = {}
    by_advisor: dict[int, dict[str, Rate]] = {}
    for (advisor_id, party), (ok, n) in counts.items():
        by_advisor.setdefault(advisor_id, {})[party] = Rate(ok, n)
        total = totals.setdefault(party, [0, 0])
        total[0] += ok
        total[1] += n
    concerns = Concern.objects.filter(process__in=processes).aggregate(
        in_time=Count("id", filter=Q(responded_at__date__lte=F("respond_by"))),
        answered=Count("id", filter=Q(responded_at__isnull=False)),
        open_late=Count("id", filter=Q(responded_at__isnull=True, respond_by__lt=today)),
    )
    return FollowupFigures(
        on_schedule={party: Rate(ok, n) for party, (ok, n) in totals.items()},
        by_advisor=by_advisor,
        concerns_in_time=Rate(concerns["in_time"], concerns["answered"] + concerns["open_late"]),
        concerns_open_late=concerns["open_late"],
    )


@dataclass
class _Item:
    pk: int
    party: str
    form: str
    first_due_on: date
    interval_days: int | None
    ends_on: date | None
