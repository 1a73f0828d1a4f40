"""What retention has due: the one answer used by ``apply_retention`` and the manager's page.

Every period counts from the day the candidate's *last* process ended (``rules.py``): a
candidate with any process open, or one that ended too recently, is never due. ``due(until=…)``
with today's date is what the command does now; a later date is what it will do by then.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from samspill.accounts.models import Office
from samspill.agreements.models import Agreement, Version
from samspill.audit.models import AuditEvent, Purpose
from samspill.audit.services import audit_expired
from samspill.candidates.models import Candidate
from samspill.followup.models import Contact
from samspill.lib.dates import add_months
from samspill.processes.models import InclusionProcess, Phase
from samspill.rules import (
    AGREEMENT_KEPT_YEARS,
    AUDIT_KEPT_MONTHS,
    CONTACT_NOTES_KEPT_MONTHS,
    PERSONAL_DATA_KEPT_MONTHS,
)


@dataclass(frozen=True)
class ProcessRow:
    uuid: UUID
    office_id: int
    advisor: str
    ended_on: date


@dataclass(frozen=True)
class CandidateDue:
    candidate_id: int
    candidate_uuid: UUID
    last_ended_on: date
    due_on: date
    processes: list[ProcessRow] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementDue:
    agreement_id: int
    agreement_uuid: UUID
    candidate_id: int
    process: ProcessRow
    ended_on: date
    due_on: date


@dataclass(frozen=True)
class Due:
    until: date
    #: Contact notes to blank (candidates not yet due for anonymisation).
    notes: list[CandidateDue]
    #: Candidates to anonymise.
    anonymise: list[CandidateDue]
    #: Concluded agreements to purge whole, with their version chains.
    agreements: list[AgreementDue]
    #: Audit rows past the trail's period (only counted for ``until`` = today).
    audit_rows: int = 0

    @property
    def empty(self) -> bool:
        return not (self.notes or self.anonymise or self.agreements or self.audit_rows)


def ended_by(cutoff: date) -> Q:
    """Candidates with at least one process, every one closed on or before ``cutoff``."""
    processes = InclusionProcess.objects.filter(candidate=OuterRef("pk"))
    still = processes.filter(
        Q(ended_on__isnull=True) | ~Q(phase=Phase.CLOSED) | Q(ended_on__gt=cutoff)
    )
    return Q(Exists(processes)) & ~Q(Exists(still))


def _last_end() -> Subquery:
    processes = InclusionProcess.objects.filter(candidate=OuterRef("pk"))
    return Subquery(processes.order_by("-ended_on").values("ended_on")[:1])


def candidates_ended_by(cutoff: date, office: Office | None = None) -> QuerySet[Candidate]:
    """Candidates not yet anonymised whose last process ended on or before ``cutoff``."""
    candidates = Candidate.objects.filter(ended_by(cutoff), anonymisation__isnull=True)
    if office is not None:
        at_office = InclusionProcess.objects.filter(candidate=OuterRef("pk"), office=office)
        candidates = candidates.filter(Exists(at_office))
    return candidates


def _with_notes() -> Exists:
    notes = Contact.objects.filter(process__candidate=OuterRef("pk")).filter(
        ~Q(note="") | ~Q(outside_work_owner="")
    )
    return Exists(notes)


def _processes(candidate_ids: list[int], office: Office | None) -> dict[int, list[ProcessRow]]:
    processes = InclusionProcess.objects.filter(candidate_id__in=candidate_ids)
    if office is not None:
        processes = processes.filter(office=office)
    rows = processes.select_related("advisor").order_by("ended_on", "pk")
    out: dict[int, list[ProcessRow]] = defaultdict(list)
    for p in rows:
        assert p.ended_on is not None
        out[p.candidate_id].append(
            ProcessRow(p.uuid, p.office_id, p.advisor.display_name, p.ended_on)
        )
    return out


def _candidate_rows(
    candidates: QuerySet[Candidate], months: int, office: Office | None
) -> list[CandidateDue]:
    rows = candidates.annotate(last_end=_last_end()).order_by("last_end", "pk")
    pairs = list(rows.values_list("pk", "uuid", "last_end"))
    processes = _processes([pk for pk, _, _ in pairs], office)
    return [
        CandidateDue(pk, uuid, last, add_months(last, months), processes.get(pk, []))
        for pk, uuid, last in pairs
    ]


def _agreement_end() -> Greatest:
    """The later of the agreement's own end and its process's end (payments can be settled
    after the period; a cancelled agreement has no end of its own)."""
    return Greatest(Coalesce("end_on", "process__ended_on"), "process__ended_on")


def agreements_due_queryset(until: date) -> QuerySet[Agreement]:
    """Concluded agreements (with versions) past their period by ``until``, of candidates
    due for anonymisation (or already anonymised) by then."""
    personal = add_months(until, -PERSONAL_DATA_KEPT_MONTHS.value)
    candidates = Candidate.objects.filter(ended_by(personal)).values("pk")
    return (
        Agreement.objects.filter(Exists(Version.objects.filter(agreement=OuterRef("pk"))))
        .filter(process__candidate__in=candidates)
        .annotate(ended=_agreement_end())
        .filter(ended__lt=date(until.year - AGREEMENT_KEPT_YEARS.value, 1, 1))
    )


def agreements_due(until: date, office: Office | None = None) -> list[AgreementDue]:
    agreements = agreements_due_queryset(until).select_related("process__advisor")
    if office is not None:
        agreements = agreements.filter(process__office=office)
    out = []
    for a in agreements.order_by("ended", "pk"):
        process = a.process
        assert process.ended_on is not None
        row = ProcessRow(
            process.uuid, process.office_id, process.advisor.display_name, process.ended_on
        )
        ended: date = a.ended  # type: ignore[attr-defined]
        due_on = date(ended.year + AGREEMENT_KEPT_YEARS.value + 1, 1, 1)
        out.append(AgreementDue(a.pk, a.uuid, process.candidate_id, row, ended, due_on))
    return out


def audit_cutoff(today: date) -> datetime:
    """Rows from before this moment are past the period: a row from day D goes on day
    D + period, whatever the time of day."""
    day = add_months(today, -AUDIT_KEPT_MONTHS.value) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_keep_subjects(today: date) -> QuerySet[Any]:
    """UUIDs of people whose record still exists, or went too recently: everyone except
    those anonymised, with no agreement left, whose last retention step (anonymisation or
    agreement purge, each an audit row) is older than the trail's period."""
    cutoff = audit_cutoff(today)
    recent_step = AuditEvent.objects.filter(
        subject_uuid=OuterRef("uuid"), purpose=Purpose.RETENTION, at__gte=cutoff
    )
    gone = Candidate.objects.filter(anonymisation__isnull=False).exclude(
        Q(Exists(Agreement.objects.filter(process__candidate=OuterRef("pk"))))
        | Q(Exists(recent_step))
    )
    return Candidate.objects.exclude(pk__in=gone.values("pk")).values("uuid")


def audit_rows_due(today: date) -> QuerySet[AuditEvent]:
    return audit_expired(older_than=audit_cutoff(today), keep_subjects=audit_keep_subjects(today))


def due(*, until: date, office: Office | None = None, count_audit: bool = True) -> Due:
    """Everything due on or before ``until`` (at ``office``'s processes, when given)."""
    personal = add_months(until, -PERSONAL_DATA_KEPT_MONTHS.value)
    notes_cutoff = add_months(until, -CONTACT_NOTES_KEPT_MONTHS.value)
    anonymise = candidates_ended_by(personal, office)
    notes = (
        candidates_ended_by(notes_cutoff, office)
        .filter(_with_notes())
        .exclude(pk__in=anonymise.values("pk"))
    )
    return Due(
        until=until,
        notes=_candidate_rows(notes, CONTACT_NOTES_KEPT_MONTHS.value, office),
        anonymise=_candidate_rows(anonymise, PERSONAL_DATA_KEPT_MONTHS.value, office),
        agreements=agreements_due(until, office),
        audit_rows=audit_rows_due(until).count() if count_audit else 0,
    )
