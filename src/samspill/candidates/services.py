"""Writes for candidates: registration and consent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates.models import SHAREABLE_WITH_EMPLOYER, Candidate, ConsentRecord


@transaction.atomic
def candidate_register(
    *,
    actor: User,
    first_name: str,
    last_name: str,
    birth_date: date,
    gender: str,
    municipality: str,
    need_level: str,
    phone: str = "",
    email: str = "",
) -> Candidate:
    """Register a jobseeker. Open their process with ``process_open`` in the same step."""
    candidate = Candidate(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        birth_date=birth_date,
        gender=gender,
        municipality=municipality.strip(),
        need_level=need_level,
        phone=phone.strip(),
        email=email.strip(),
    )
    candidate.full_clean()
    candidate.save()
    audit_record(
        actor=actor,
        subject=Subject("candidate", candidate.uuid, candidate.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
    )
    return candidate


@transaction.atomic
def consent_record(*, actor: User, candidate: Candidate, items: Iterable[str]) -> ConsentRecord:
    """Record a new version of what the candidate shares with employers (empty = withdrawn).

    Only the candidate, or an advisor recording the candidate's own choice, may do this.
    """
    if actor.role not in (Role.JOBSEEKER, Role.ADVISOR):
        raise ValidationError("Bare arbeidssøkeren selv eller veilederen kan registrere samtykke.")
    chosen = sorted(set(items))
    unknown = set(chosen) - SHAREABLE_WITH_EMPLOYER
    if unknown:
        raise ValidationError(
            {"items": f"Dette kan ikke deles med arbeidsgiver: {', '.join(sorted(unknown))}."}
        )
    record = ConsentRecord.objects.create(candidate=candidate, items=chosen, recorded_by=actor)
    audit_record(
        actor=actor,
        subject=Subject("consent", candidate.uuid, candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.OWN_DATA if actor.role == Role.JOBSEEKER else Purpose.CASE_WORK,
        detail="deler: " + (", ".join(chosen) or "ingenting"),
    )
    return record
