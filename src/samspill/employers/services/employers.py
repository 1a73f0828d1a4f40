"""Writes for employers, their contact persons and the log of contacts and visits."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.changefeed import feed
from samspill.employers.models import (
    ContactKind,
    ContactPerson,
    Employer,
    EmployerContact,
    EmployerSize,
    Sector,
    Workplace,
)
from samspill.employers.services.checks import (
    Errors,
    check_choice,
    check_dates,
    normalize_phone,
    required_text,
)
from samspill.lib.validation import InvalidValue, normalize_org_number

#: Who can have made a contact with an employer on NAV's behalf.
CONTACT_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT, Role.MANAGER})


def _audit(actor: User, subject: Subject, action: Action, detail: str = "") -> None:
    audit_record(
        actor=actor, subject=subject, action=action, purpose=Purpose.CASE_WORK, detail=detail
    )


def _check_employer_fields(errors: Errors, *, name: str, sector: str, size: str) -> str:
    check_choice(errors, "sector", sector, Sector.values, _("bransje"))
    if size:
        check_choice(errors, "size", size, EmployerSize.values, _("antall ansatte"))
    return required_text(errors, "name", name, _("Skriv inn navnet på arbeidsgiveren."))


def _org_number(errors: Errors, org_number: str) -> str:
    try:
        normalized = normalize_org_number(org_number)
    except InvalidValue as error:
        errors.add("org_number", str(error))
        return ""
    if Employer.objects.filter(org_number=normalized).exists():
        errors.add(
            "org_number", _("Det finnes allerede en arbeidsgiver med dette organisasjonsnummeret.")
        )
    return normalized


@transaction.atomic
def employer_create(
    *,
    actor: User,
    org_number: str,
    name: str,
    sector: str,
    ia_agreement: bool = False,
    size: str = "",
    wishes: str = "",
    inclusion_notes: str = "",
) -> Employer:
    errors = Errors()
    normalized = _org_number(errors, org_number)
    clean_name = _check_employer_fields(errors, name=name, sector=sector, size=size)
    errors.raise_if_any()
    employer = Employer(
        org_number=normalized,
        name=clean_name,
        sector=sector,
        ia_agreement=ia_agreement,
        size=size,
        wishes=wishes.strip(),
        inclusion_notes=inclusion_notes.strip(),
    )
    employer.full_clean()
    employer.save()
    _audit(actor, Subject("employer", employer.uuid), Action.CREATE)
    return employer


@transaction.atomic
def employer_update(
    *,
    actor: User,
    employer: Employer,
    name: str,
    sector: str,
    ia_agreement: bool,
    size: str,
    wishes: str,
    inclusion_notes: str,
) -> Employer:
    """Everything but the organisation number, which belongs to the legal entity for good."""
    errors = Errors()
    clean_name = _check_employer_fields(errors, name=name, sector=sector, size=size)
    errors.raise_if_any()
    employer.name, employer.sector, employer.ia_agreement = clean_name, sector, ia_agreement
    employer.size, employer.wishes = size, wishes.strip()
    employer.inclusion_notes = inclusion_notes.strip()
    employer.full_clean()
    employer.save()
    _audit(actor, Subject("employer", employer.uuid), Action.CHANGE)
    feed.employer_changed(employer.pk)
    return employer


def _contact_person_fields(
    *, name: str, role: str, phone: str, email: str
) -> tuple[str, str, str, str]:
    errors = Errors()
    clean = (
        required_text(errors, "name", name, _("Skriv inn navnet på kontaktpersonen.")),
        required_text(errors, "role", role, _("Skriv inn rollen, f.eks. «Daglig leder».")),
        normalize_phone(errors, "phone", phone),
        (email or "").strip().lower(),
    )
    errors.raise_if_any()
    return clean


@transaction.atomic
def contact_person_create(
    *, actor: User, employer: Employer, name: str, role: str, phone: str, email: str = ""
) -> ContactPerson:
    name, role, phone, email = _contact_person_fields(
        name=name, role=role, phone=phone, email=email
    )
    person = ContactPerson(employer=employer, name=name, role=role, phone=phone, email=email)
    person.full_clean()
    person.save()
    _audit(actor, Subject("contact_person", person.uuid), Action.CREATE)
    return person


@transaction.atomic
def contact_person_update(
    *, actor: User, contact_person: ContactPerson, name: str, role: str, phone: str, email: str = ""
) -> ContactPerson:
    person = contact_person
    person.name, person.role, person.phone, person.email = _contact_person_fields(
        name=name, role=role, phone=phone, email=email
    )
    person.full_clean()
    person.save()
    _audit(actor, Subject("contact_person", person.uuid), Action.CHANGE)
    return person


@transaction.atomic
def contact_person_remove(*, actor: User, contact_person: ContactPerson) -> None:
    """A contact person who has left: removed from the employer, the removal is logged."""
    subject = Subject("contact_person", contact_person.uuid)
    contact_person.delete()
    _audit(actor, subject, Action.CHANGE, "fjernet kontaktpersonen")


@transaction.atomic
def employer_log_contact(
    *,
    actor: User,
    employer: Employer,
    occurred_on: date,
    kind: str,
    summary: str,
    made_by: User | None = None,
    workplace: Workplace | None = None,
) -> EmployerContact:
    """Record a visit, call, message or meeting with the employer and what was learned."""
    errors = Errors()
    who = made_by or actor
    check_dates(errors, occurred_on=occurred_on)
    if occurred_on > timezone.localdate():
        errors.add("occurred_on", _("Datoen kan ikke være frem i tid."))
    check_choice(errors, "kind", kind, ContactKind.values, _("type kontakt"))
    if who.role not in CONTACT_ROLES or not who.is_active:
        errors.add("made_by", _("Velg en veileder, markedskontakt eller leder i NAV."))
    if workplace is not None and workplace.employer_id != employer.pk:
        errors.add("workplace", _("Arbeidsplassen hører til en annen arbeidsgiver."))
    text = required_text(errors, "summary", summary, _("Skriv kort hva dere fikk vite."))
    errors.raise_if_any()
    contact = EmployerContact.objects.create(
        employer=employer,
        workplace=workplace,
        occurred_on=occurred_on,
        kind=kind,
        made_by=who,
        summary=text,
        recorded_by=actor,
    )
    _audit(
        actor,
        Subject("employer_contact", contact.uuid),
        Action.CREATE,
        _("%(kind)s hos arbeidsgiver") % {"kind": kind},
    )
    return contact
