"""Retention: blank the contact log, anonymise candidates, purge agreements and audit rows
past their periods (``rules.py``; per-model decisions in docs/rules.md).

Each candidate is handled in its own transaction with its processes locked, and is checked
again inside it, so a process reopened meanwhile stops the run for that person and nothing is
ever half-anonymised. What Innsikt counts stays: processes, phase changes, jobs, contacts
(dated, without notes), plan items, concerns (dated, without text), matches and their steps,
and the candidate's gender, need level, benefit, main goal, time outside work, accommodation
need codes and birth year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.accounts.models import User
from samspill.agreements.models import Agreement
from samspill.agreements.retention import agreement_purge
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_purge, audit_record_system
from samspill.candidates.models import AccommodationNeed, Candidate, CorrectionRequest
from samspill.changefeed import feed
from samspill.followup.models import (
    Commitment,
    Concern,
    Contact,
    FollowupPlan,
    PlanChange,
)
from samspill.insights.models import Job
from samspill.lib.dates import add_months
from samspill.matching.models import Match, MatchStep, MeetingLine
from samspill.notifications.services import notifications_delete_about
from samspill.processes.models import InclusionProcess, PhaseChange, ProcessMember
from samspill.retention import selectors
from samspill.retention.models import Anonymisation
from samspill.rules import CONTACT_NOTES_KEPT_MONTHS, PERSONAL_DATA_KEPT_MONTHS

#: What an anonymised candidate is called wherever a name is shown.
ANONYMOUS_FIRST, ANONYMOUS_LAST = "Anonymisert", "kandidat"

#: Candidate fields blanked, with their empty value; everything else is kept for Innsikt.
BLANKED_CANDIDATE_FIELDS: dict[str, object] = {
    "phone": "",
    "email": "",
    "municipality": "",
    "interests": "",
    "resources": "",
    "experience": "",
    "education": "",
    "hours_min": None,
    "hours_max": None,
    "times_of_day": [],
    "sectors": [],
    "places": [],
    "max_commute_km": None,
    "avoid": "",
    "own_interests": "",
    "own_strengths": "",
    "own_motivation": "",
    "own_wishes": "",
    "own_updated_at": None,
}


#: What anonymisation does with every model that holds data about a candidate (docs/rules.md
#: explains each). A test fails when a model pointing at a candidate, a process or their
#: records is missing here, so a new one cannot be overlooked.
DECISIONS: dict[str, str] = {
    "candidates.Candidate": "blank: name, contact, municipality, free text, own words, "
    "wishes, login; birth date to 1 January; kept: gender, need level, benefit, main goal, "
    "time outside work",
    "candidates.ConsentRecord": "delete",
    "candidates.ProfileVersion": "delete",
    "candidates.AccommodationNeed": "blank the description; keep the code (Innsikt)",
    "candidates.CorrectionRequest": "delete",
    "processes.InclusionProcess": "keep (Innsikt)",
    "processes.PhaseChange": "blank the reason; keep the dated change (Innsikt)",
    "processes.ProcessMember": "delete",
    "followup.Contact": "blank note and outside-work owner (after a year); keep the row",
    "followup.FollowupPlan": "blank the end note; keep the plan",
    "followup.PlanItem": "keep (Innsikt: follow-up as planned)",
    "followup.PlanChange": "delete",
    "followup.Commitment": "blank the title; keep deadline and done date",
    "followup.Concern": "blank text and answer; keep kind and dates (Innsikt)",
    "notifications.Notification": "delete those about the processes and to the person's login",
    "matching.Match": "blank summary and override reason; keep status (Innsikt)",
    "matching.MatchStep": "blank the note; keep the dated step (Innsikt: equity)",
    "matching.MeetingLine": "blank the note",
    "insights.Job": "blank the hourly wage; keep the rest (Innsikt)",
    "agreements.Agreement": "never concluded: delete; concluded: keep whole, then purge",
    "agreements.Commitment": "with its agreement",
    "agreements.Approval": "with its agreement",
    "agreements.Event": "with its agreement",
    "agreements.Version": "with its agreement, the whole chain (agreements/retention.py)",
    "retention.Anonymisation": "keep (the record that it was done)",
}


def _locked(candidate_id: int, cutoff: date) -> Candidate | None:
    """The candidate, with their processes locked, if still due (all closed by ``cutoff``,
    not anonymised); ``None`` if something changed since the list was made."""
    list(InclusionProcess.objects.select_for_update().filter(candidate_id=candidate_id))
    return (
        Candidate.objects.select_for_update(of=("self",))
        .filter(selectors.ended_by(cutoff), pk=candidate_id, anonymisation__isnull=True)
        .first()
    )


def _audit(candidate: Candidate, detail: str) -> None:
    audit_record_system(
        subject=Subject("candidate", candidate.uuid, candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.RETENTION,
        detail=detail,
    )


def _blank_contact_notes(candidate: Candidate) -> int:
    contacts = Contact.objects.filter(process__candidate=candidate).filter(
        ~Q(note="") | ~Q(outside_work_owner="")
    )
    return contacts.update(note="", outside_work_owner="")


@transaction.atomic
def candidate_blank_contact_notes(*, candidate_id: int, today: date) -> int | None:
    """Blank the notes of the candidate's contact log (the dated rows stay). Returns how many
    contacts were blanked, or ``None`` if the candidate is no longer due."""
    cutoff = add_months(today, -CONTACT_NOTES_KEPT_MONTHS.value)
    candidate = _locked(candidate_id, cutoff)
    if candidate is None:
        return None
    blanked = _blank_contact_notes(candidate)
    if blanked:
        _audit(candidate, f"oppbevaringstid: {blanked} notater i kontaktloggen blanket")
    return blanked


def _blank_candidate(candidate: Candidate) -> None:
    for name, value in BLANKED_CANDIDATE_FIELDS.items():
        setattr(candidate, name, value)
    candidate.first_name, candidate.last_name = ANONYMOUS_FIRST, ANONYMOUS_LAST
    candidate.birth_date = date(candidate.birth_date.year, 1, 1)
    candidate.user = None
    candidate.save()
    candidate.consents.all().delete()
    candidate.versions.all().delete()
    CorrectionRequest.objects.filter(candidate=candidate).delete()
    AccommodationNeed.objects.filter(candidate=candidate).update(detail="")


def _blank_process_rows(processes: list[InclusionProcess]) -> None:
    PhaseChange.objects.filter(process__in=processes).update(reason="")
    ProcessMember.objects.filter(process__in=processes).delete()
    Contact.objects.filter(process__in=processes).update(note="", outside_work_owner="")
    FollowupPlan.objects.filter(process__in=processes).update(end_note="")
    PlanChange.objects.filter(plan__process__in=processes).delete()
    Commitment.objects.filter(process__in=processes).update(title="")
    Concern.objects.filter(process__in=processes).update(text="", response="")
    Match.objects.filter(process__in=processes).update(summary="", override_reason="")
    MatchStep.objects.filter(match__process__in=processes).update(note="")
    MeetingLine.objects.filter(process__in=processes).update(note="")
    Job.objects.filter(process__in=processes).update(hourly_wage=None)
    # Never concluded: no payment rests on it, so it goes with the personal data. Concluded
    # agreements stay, whole, until their own period (``agreements_purge_due``).
    for agreement in Agreement.objects.filter(process__in=processes, versions__isnull=True):
        agreement.delete()


def _close_login(user: User) -> None:
    """The jobseeker's own login: kept as a row (approvals of kept agreements point to it),
    emptied of the person and unable to log in."""
    user.username = f"anonymisert-{user.uuid}"
    user.first_name = user.last_name = user.email = user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


@transaction.atomic
def candidate_anonymise(*, candidate_id: int, today: date) -> Anonymisation | None:
    """Anonymise one candidate whose last process ended a full period ago (or ``None`` if
    that is no longer so). Writes one audit row for the person."""
    cutoff = add_months(today, -PERSONAL_DATA_KEPT_MONTHS.value)
    candidate = _locked(candidate_id, cutoff)
    if candidate is None:
        return None
    processes = list(InclusionProcess.objects.filter(candidate=candidate))
    last_ended_on = max(p.ended_on for p in processes if p.ended_on is not None)
    user = candidate.user
    notifications_delete_about(recipient=user, url_parts=[str(p.uuid) for p in processes])
    _blank_process_rows(processes)
    _blank_candidate(candidate)
    if user is not None:
        _close_login(user)
    feed.candidate_changed(candidate.pk)
    _audit(
        candidate,
        _("anonymisert etter oppbevaringstiden; siste forløp avsluttet %(last_ended_on)s")
        % {"last_ended_on": last_ended_on},
    )
    return Anonymisation.objects.create(candidate=candidate, last_ended_on=last_ended_on)


@transaction.atomic
def agreement_purge_if_due(*, agreement_id: int, candidate_id: int, today: date) -> bool:
    """Purge one concluded agreement, whole, if it is (still) past its period."""
    list(InclusionProcess.objects.select_for_update().filter(candidate_id=candidate_id))
    if not selectors.agreements_due_queryset(today).filter(pk=agreement_id).exists():
        return False
    agreement = Agreement.objects.get(pk=agreement_id)
    agreement_purge(agreement=agreement, why=_("oppbevaringstiden for avtaler er ute"))
    return True


def audit_trail_purge(*, today: date) -> int:
    """Delete audit rows past the trail's period (``rules.AUDIT_KEPT_MONTHS``)."""
    return audit_purge(
        older_than=selectors.audit_cutoff(today),
        keep_subjects=selectors.audit_keep_subjects(today),
    )


@dataclass
class Report:
    notes_candidates: int = 0
    notes_blanked: int = 0
    anonymised: int = 0
    agreements_purged: int = 0
    audit_rows_purged: int = 0
    #: Listed as due, but no longer so inside the transaction (e.g. a process reopened).
    skipped: int = 0


Progress = Callable[[str, int, int], None]

#: The steps of a run, in order (the command prints them as [n/4]).
STEPS = (
    gettext_lazy("Notater i kontaktloggen"),
    gettext_lazy("Anonymisering av kandidater"),
    gettext_lazy("Avtaler etter oppbevaringstiden"),
    gettext_lazy("Innsynslogg etter oppbevaringstiden"),
)


def _quiet(step: str, done: int, total: int) -> None:
    return None


def retention_apply(*, due: selectors.Due, today: date, progress: Progress = _quiet) -> Report:
    """Carry out ``due`` (from ``selectors.due(until=today)``), one transaction per person
    and per agreement. A second run finds nothing due and does nothing."""
    report = Report()
    progress(str(STEPS[0]), 0, len(due.notes))
    for n, row in enumerate(due.notes, 1):
        blanked = candidate_blank_contact_notes(candidate_id=row.candidate_id, today=today)
        if blanked is None:
            report.skipped += 1
        else:
            report.notes_candidates += 1
            report.notes_blanked += blanked
        progress(str(STEPS[0]), n, len(due.notes))
    progress(str(STEPS[1]), 0, len(due.anonymise))
    for n, row in enumerate(due.anonymise, 1):
        done = candidate_anonymise(candidate_id=row.candidate_id, today=today)
        report.anonymised += done is not None
        report.skipped += done is None
        progress(str(STEPS[1]), n, len(due.anonymise))
    progress(str(STEPS[2]), 0, len(due.agreements))
    for n, item in enumerate(due.agreements, 1):
        purged = agreement_purge_if_due(
            agreement_id=item.agreement_id, candidate_id=item.candidate_id, today=today
        )
        report.agreements_purged += purged
        report.skipped += not purged
        progress(str(STEPS[2]), n, len(due.agreements))
    progress(str(STEPS[3]), 0, due.audit_rows)
    report.audit_rows_purged = audit_trail_purge(today=today)
    if report.audit_rows_purged:
        progress(str(STEPS[3]), report.audit_rows_purged, report.audit_rows_purged)
    return report
