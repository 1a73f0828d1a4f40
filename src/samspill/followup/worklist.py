"""The worklist «I dag»: who needs me today, and why.

``build_worklist`` takes the processes in scope (already limited by the access policy and
to one advisor or team) and returns one line per thing to do, each with the reason and the
action. Nothing is stored: lines follow from plans, contacts, commitments, concerns and
needs, so an overdue line stays until the thing is done. The query count is fixed (one
query per kind of record), whatever the number of processes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.candidates.corrections import open_corrections
from samspill.candidates.models import AccommodationNeed
from samspill.candidates.presentation import review_cutoff
from samspill.followup.models import (
    EMPLOYER_PARTIES,
    IN_PERSON_FORMS,
    Commitment,
    Concern,
    Contact,
    FollowupPlan,
    Party,
    PlanItem,
)
from samspill.followup.schedule import ContactFact, next_due
from samspill.processes.models import InclusionProcess, Phase
from samspill.rules import COMMITMENT_WARNING, FIRST_EMPLOYER_CONTACT_WITHIN

#: Phases where someone is at a workplace and a follow-up plan is expected.
PLACED_PHASES = (Phase.TRIAL, Phase.EMPLOYMENT, Phase.RETENTION)
#: How early the employer-contact deadline (FIRST_EMPLOYER_CONTACT_WITHIN) shows on the worklist.
EMPLOYER_CONTACT_WARNING = timedelta(days=7)


class Kind:
    CONCERN = "concern"
    CONTACT = "contact"
    COMMITMENT = "commitment"
    EMPLOYER_CONTACT = "employer_contact"
    PLAN = "plan"
    NEEDS = "needs"
    CORRECTION = "correction"


KIND_LABELS = {
    Kind.CONCERN: gettext_lazy("Henvendelse fra arbeidsgiver"),
    Kind.CONTACT: gettext_lazy("Planlagt kontakt"),
    Kind.COMMITMENT: "NAVs forpliktelse",
    Kind.EMPLOYER_CONTACT: gettext_lazy("Arbeidsgiverkontakt"),
    Kind.PLAN: gettext_lazy("Oppfølgingsplan"),
    Kind.NEEDS: gettext_lazy("Behov til gjennomgang"),
    Kind.CORRECTION: gettext_lazy("Ønske om retting"),
}


@dataclass(frozen=True)
class Line:
    kind: str
    process: InclusionProcess
    why: str
    due: date | None
    overdue: bool
    urgent: bool
    action_label: str
    action_url: str
    party: str = ""
    #: A POST that completes the thing right from the list (NAV's commitments), if any.
    done_url: str = ""

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    def sort_key(self) -> tuple[bool, bool, date, str]:
        return (not self.urgent, not self.overdue, self.due or date.max, self.kind)


def worklist_processes(
    queryset: QuerySet[InclusionProcess], today: date
) -> QuerySet[InclusionProcess]:
    """The processes a worklist looks at: active ones, and closed ones still followed up."""
    active_plan = FollowupPlan.objects.filter(process=OuterRef("pk"), ended_on__isnull=True)
    met_employer = Contact.objects.filter(
        process=OuterRef("pk"), party__in=EMPLOYER_PARTIES, form__in=IN_PERSON_FORMS
    )
    stale_needs = AccommodationNeed.objects.filter(
        candidate_id=OuterRef("candidate_id"), last_confirmed__lt=review_cutoff(today)
    )
    return (
        queryset.annotate(
            has_plan=Exists(active_plan),
            met_employer=Exists(met_employer),
            needs_due=Exists(stale_needs),
        )
        .filter(~Q(phase=Phase.CLOSED) | Q(has_plan=True))
        .select_related("candidate", "advisor", "employer")
    )


@dataclass(frozen=True)
class DueItem:
    item: PlanItem
    due: date


def due_items(process_ids: list[int], until: date) -> dict[int, list[DueItem]]:
    """Planned contacts due on or before ``until``, per process (two queries)."""
    items = list(
        PlanItem.objects.filter(
            plan__process_id__in=process_ids, plan__ended_on__isnull=True, removed_at__isnull=True
        ).select_related("plan__process__advisor")
    )
    facts: dict[int, list[ContactFact]] = defaultdict(list)
    latest = (
        Contact.objects.filter(process_id__in=process_ids)
        .values("process_id", "party", "form", "plan_item_id")
        .annotate(last=Max("on"))
        .order_by()
    )
    for row in latest:
        facts[row["process_id"]].append(
            ContactFact(row["party"], row["form"], row["last"], row["plan_item_id"])
        )
    result: dict[int, list[DueItem]] = defaultdict(list)
    for item in items:
        process_id = item.plan.process_id
        due = next_due(item, plan_starts_on=item.plan.starts_on, contacts=facts[process_id])
        if due is not None and due <= until:
            result[process_id].append(DueItem(item, due))
    return result


def _contact_line(process: InclusionProcess, due: DueItem, today: date) -> Line:
    item = due.item
    when = (
        _("i dag")
        if due.due == today
        else _("forfalt %(date)s") % {"date": date_format(due.due, "SHORT_DATE_FORMAT")}
    )
    url = reverse("followup:log_contact", kwargs={"process_id": process.uuid})
    return Line(
        kind=Kind.CONTACT,
        process=process,
        why=f"{item.label} ({item.get_form_display().lower()}) – {when}",
        due=due.due,
        overdue=due.due < today,
        urgent=False,
        action_label=_("Logg kontakt"),
        action_url=f"{url}?punkt={item.uuid}",
        party=item.get_party_display(),
    )


def _process_lines(process: InclusionProcess, today: date) -> list[Line]:
    lines = []
    if process.phase != Phase.CLOSED and not process.met_employer:  # type: ignore[attr-defined]
        deadline = process.started_on + FIRST_EMPLOYER_CONTACT_WITHIN.value
        if today >= deadline - EMPLOYER_CONTACT_WARNING:
            late = deadline < today
            log_url = reverse("followup:log_contact", kwargs={"process_id": process.uuid})
            lines.append(
                Line(
                    kind=Kind.EMPLOYER_CONTACT,
                    process=process,
                    why=(
                        _(
                            "Ingen arbeidsgiverkontakt ansikt til ansikt siden start "
                            "%(started_on)s; fristen på %(days)s dager gikk ut %(deadline)s"
                        )
                        if late
                        else _(
                            "Ingen arbeidsgiverkontakt ansikt til ansikt siden start "
                            "%(started_on)s; fristen på %(days)s dager er %(deadline)s"
                        )
                    )
                    % {
                        "started_on": date_format(process.started_on, "SHORT_DATE_FORMAT"),
                        "deadline": date_format(deadline, "SHORT_DATE_FORMAT"),
                        "days": FIRST_EMPLOYER_CONTACT_WITHIN.value.days,
                    },
                    due=deadline,
                    overdue=late,
                    urgent=False,
                    action_label=_("Logg arbeidsgiverkontakt"),
                    action_url=f"{log_url}?part={Party.EMPLOYER}",
                    party=str(Party.EMPLOYER.label),
                )
            )
    if process.phase in PLACED_PHASES and not process.has_plan:  # type: ignore[attr-defined]
        lines.append(
            Line(
                kind=Kind.PLAN,
                process=process,
                why=_("%(phase)s uten oppfølgingsplan") % {"phase": process.get_phase_display()},
                due=None,
                overdue=False,
                urgent=False,
                action_label=_("Lag oppfølgingsplan"),
                action_url=reverse("followup:plan_new", kwargs={"process_id": process.uuid}),
            )
        )
    if process.needs_due:  # type: ignore[attr-defined]
        lines.append(
            Line(
                kind=Kind.NEEDS,
                process=process,
                why=_("Behov for tilrettelegging er ikke bekreftet på seks måneder"),
                due=None,
                overdue=False,
                urgent=False,
                action_label=_("Gå gjennom behovene"),
                action_url=reverse(
                    "candidates:needs", kwargs={"candidate_id": process.candidate.uuid}
                ),
            )
        )
    return lines


def build_worklist(processes: list[InclusionProcess], today: date) -> list[Line]:
    """Every line for these processes (from ``worklist_processes``), most urgent first."""
    by_pk = {process.pk: process for process in processes}
    ids = list(by_pk)
    lines = [line for process in processes for line in _process_lines(process, today)]
    for process_id, dues in due_items(ids, today).items():
        lines += [_contact_line(by_pk[process_id], due, today) for due in dues]
    concerns = Concern.objects.filter(process_id__in=ids, responded_at__isnull=True)
    for concern in concerns:
        process = by_pk[concern.process_id]
        url = reverse(
            "followup:concern_answer",
            kwargs={"process_id": process.uuid, "concern_id": concern.uuid},
        )
        lines.append(
            Line(
                kind=Kind.CONCERN,
                process=process,
                why=_(
                    "Arbeidsgiveren meldte fra %(reported_at)s: %(kind)s. Svarfrist %(respond_by)s"
                )
                % {
                    "reported_at": date_format(concern.reported_at, "SHORT_DATE_FORMAT"),
                    "kind": concern.get_kind_display(),
                    "respond_by": date_format(concern.respond_by, "SHORT_DATE_FORMAT"),
                },
                due=concern.respond_by,
                overdue=concern.respond_by < today,
                urgent=True,
                action_label=_("Svar arbeidsgiveren"),
                action_url=url,
                party=str(Party.EMPLOYER.label),
            )
        )
    commitments = Commitment.objects.filter(
        process_id__in=ids, done_on__isnull=True, deadline__lte=today + COMMITMENT_WARNING.value
    ).select_related("owner")
    for commitment in commitments:
        process = by_pk[commitment.process_id]
        lines.append(
            Line(
                kind=Kind.COMMITMENT,
                process=process,
                why=_("%(title)s – frist %(deadline)s (ansvarlig: %(display_name)s)")
                % {
                    "title": commitment.title,
                    "deadline": date_format(commitment.deadline, "SHORT_DATE_FORMAT"),
                    "display_name": commitment.owner.display_name,
                },
                due=commitment.deadline,
                overdue=commitment.deadline < today,
                urgent=False,
                action_label=_("Se forpliktelsen"),
                action_url=reverse("followup:plan", kwargs={"process_id": process.uuid})
                + "#forpliktelser",
                done_url=reverse(
                    "followup:commitment_done",
                    kwargs={"process_id": process.uuid, "commitment_id": commitment.uuid},
                ),
            )
        )
    lines += _correction_lines(by_pk, today)
    return sorted(lines, key=Line.sort_key)


def _correction_lines(by_pk: dict[int, InclusionProcess], today: date) -> list[Line]:
    """The person's requests to correct their data (GDPR art. 16), due within a month."""
    return [
        Line(
            kind=Kind.CORRECTION,
            process=by_pk[process_id],
            why=correction.why,
            due=correction.respond_by,
            overdue=correction.overdue(today),
            urgent=False,
            action_label=correction.action_label,
            action_url=correction.action_url,
            party=str(Party.JOBSEEKER.label),
        )
        for process_id, corrections in open_corrections(list(by_pk)).items()
        for correction in corrections
    ]
