"""Writes for Innsikt: register a job start and a job end on a process, and save a fidelity
review. Keyword-only, one transaction, audit-logged, Norwegian messages at the field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill.accounts.models import Team, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.employers.models import Employer
from samspill.insights.fidelity import ITEMS
from samspill.insights.models import FidelityReview, FidelityScore, Job, JobEndReason
from samspill.processes.models import InclusionProcess


def _audit(actor: User, job: Job, action: Action, detail: str) -> None:
    audit_record(
        actor=actor,
        subject=Subject("job", job.uuid, job.process.candidate.uuid),
        action=action,
        purpose=Purpose.CASE_WORK,
        detail=detail,
    )


@dataclass(frozen=True)
class JobInput:
    kind_of_work: str
    hours_per_week: Decimal | None
    started_on: date | None
    employer: Employer | None = None
    hourly_wage: Decimal | None = None
    permanent: bool = False
    competitive: bool = True
    subsidised: bool = False


@transaction.atomic
def job_start(*, actor: User, process: InclusionProcess, data: JobInput) -> Job:
    errors: dict[str, str] = {}
    if not data.kind_of_work.strip():
        errors["kind_of_work"] = _("Skriv hva slags arbeid det er, f.eks. «lagermedarbeider».")
    if data.hours_per_week is None or not Decimal("0.5") <= data.hours_per_week <= 40:
        errors["hours_per_week"] = _("Timer per uke må være mellom 0,5 og 40.")
    if data.hourly_wage is not None and data.hourly_wage <= 0:
        errors["hourly_wage"] = _("Timelønnen må være større enn null.")
    if data.started_on is None:
        errors["started_on"] = _("Velg startdato.")
    elif data.started_on < process.started_on:
        errors["started_on"] = _("Jobben kan ikke starte før forløpet (%(started_on)s).") % {
            "started_on": date_format(process.started_on, "SHORT_DATE_FORMAT")
        }
    elif data.started_on > timezone.localdate():
        errors["started_on"] = _("Registrer jobben når den har startet.")
    if errors:
        raise ValidationError(errors)
    assert data.hours_per_week is not None
    assert data.started_on is not None
    job = Job.objects.create(
        process=process,
        employer=data.employer,
        kind_of_work=data.kind_of_work.strip(),
        hours_per_week=data.hours_per_week,
        hourly_wage=data.hourly_wage,
        permanent=data.permanent,
        competitive=data.competitive,
        subsidised=data.subsidised,
        started_on=data.started_on,
        created_by=actor,
    )
    _audit(actor, job, Action.CREATE, f"jobbstart: {job.kind_of_work}"[:300])
    return job


@transaction.atomic
def job_end(*, actor: User, job: Job, ended_on: date | None, reason: str) -> Job:
    """A job ends; the process goes on (a job ending is not the end of follow-up)."""
    job = Job.objects.select_for_update().select_related("process__candidate").get(pk=job.pk)
    errors: dict[str, str] = {}
    if job.ended_on is not None:
        raise ValidationError(_("Jobben er allerede registrert som avsluttet."))
    if ended_on is None:
        errors["ended_on"] = _("Velg sluttdato.")
    elif ended_on < job.started_on:
        errors["ended_on"] = _("Sluttdatoen kan ikke være før jobben startet (%(started_on)s).") % {
            "started_on": date_format(job.started_on, "SHORT_DATE_FORMAT")
        }
    elif ended_on > timezone.localdate():
        errors["ended_on"] = _("Sluttdatoen kan ikke være frem i tid.")
    if reason not in JobEndReason.values:
        errors["end_reason"] = _("Velg hvorfor jobben tok slutt.")
    if errors:
        raise ValidationError(errors)
    job.ended_on, job.end_reason = ended_on, reason
    job.save(update_fields=["ended_on", "end_reason"])
    _audit(actor, job, Action.CHANGE, f"jobbslutt: {reason}")
    return job


@transaction.atomic
def fidelity_review_save(
    *,
    actor: User,
    team: Team,
    reviewed_on: date | None,
    reviewers: str,
    notes: str,
    scores: Mapping[str, int | None],
    item_notes: dict[str, str],
    evidence: dict[str, str],
) -> FidelityReview:
    """A whole review: every one of the 25 items scored 1–5, or nothing is saved."""
    errors: dict[str, str] = {}
    if reviewed_on is None:
        errors["reviewed_on"] = _("Velg dato for gjennomgangen.")
    elif reviewed_on > timezone.localdate():
        errors["reviewed_on"] = _("Gjennomgangen kan ikke være frem i tid.")
    if not reviewers.strip():
        errors["reviewers"] = _("Skriv hvem som gjennomførte gjennomgangen.")
    for item in ITEMS:
        score = scores.get(item.code)
        if score is None or not 1 <= score <= 5:
            errors[f"score_{item.code}"] = _("Gi «%(label)s» en skår fra 1 til 5.") % {
                "label": item.label
            }
    if errors:
        raise ValidationError(errors)
    assert reviewed_on is not None
    review = FidelityReview.objects.create(
        team=team,
        reviewed_on=reviewed_on,
        reviewers=reviewers.strip(),
        notes=notes.strip(),
        created_by=actor,
    )
    FidelityScore.objects.bulk_create(
        FidelityScore(
            review=review,
            item=item.code,
            score=scores[item.code] or 0,
            notes=item_notes.get(item.code, "").strip(),
            evidence=evidence.get(item.code, "").strip(),
        )
        for item in ITEMS
    )
    audit_record(
        actor=actor,
        subject=Subject("fidelity_review", review.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
        detail=_("%(name)s: %(sum)s poeng")
        % {"name": team.name, "sum": sum(s or 0 for s in scores.values())},
    )
    return review
