"""Writes for follow-up: logging a contact."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.employers.models import Employer
from samspill.followup.models import EMPLOYER_PARTIES, Contact, Form, Place
from samspill.processes.models import InclusionProcess


@transaction.atomic
def followup_log_contact(
    *,
    actor: User,
    process: InclusionProcess,
    party: str,
    form: str,
    place: str,
    on: date,
    note: str = "",
    employer: Employer | None = None,
) -> Contact:
    """Log a contact on a process. A contact with an employer names the employer."""
    errors: dict[str, str] = {}
    if on > timezone.localdate():
        errors["on"] = "Datoen kan ikke være frem i tid."
    elif on < process.started_on:
        errors["on"] = f"Datoen kan ikke være før forløpet startet ({process.started_on:%d.%m.%Y})."
    employer = employer or (process.employer if party in EMPLOYER_PARTIES else None)
    if party in EMPLOYER_PARTIES and employer is None:
        errors["employer"] = "Velg hvilken arbeidsgiver kontakten var med."
    remote = form in (Form.PHONE, Form.VIDEO, Form.MESSAGE)
    if remote and place != Place.REMOTE:
        errors["place"] = "Telefon, video og meldinger er ikke fysiske møter: velg «Ikke fysisk»."
    if not remote and place == Place.REMOTE:
        errors["place"] = "Velg hvor dere møttes."
    if errors:
        raise ValidationError(errors)
    contact = Contact(
        process=process,
        party=party,
        form=form,
        place=place,
        on=on,
        note=note.strip(),
        employer=employer if party in EMPLOYER_PARTIES else None,
        logged_by=actor,
    )
    contact.full_clean()
    contact.save()
    audit_record(
        actor=actor,
        subject=Subject("process", process.uuid, process.candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=f"kontakt logget: {party}, {form}",
    )
    return contact
