"""Writes for employers and workplaces."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.employers.models import Employer, Workplace
from samspill.lib.validation import InvalidValue, normalize_org_number


@transaction.atomic
def employer_create(
    *, actor: User, org_number: str, name: str, sector: str, ia_agreement: bool = False
) -> Employer:
    try:
        normalized = normalize_org_number(org_number)
    except InvalidValue as error:
        raise ValidationError({"org_number": str(error)}) from None
    if Employer.objects.filter(org_number=normalized).exists():
        raise ValidationError(
            {"org_number": "Det finnes allerede en arbeidsgiver med dette organisasjonsnummeret."}
        )
    employer = Employer(
        org_number=normalized, name=name.strip(), sector=sector, ia_agreement=ia_agreement
    )
    employer.full_clean()
    employer.save()
    audit_record(
        actor=actor,
        subject=Subject("employer", employer.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
    )
    return employer


@transaction.atomic
def workplace_create(
    *,
    actor: User,
    employer: Employer,
    name: str,
    address: str,
    municipality: str,
    latitude: float,
    longitude: float,
) -> Workplace:
    workplace = Workplace(
        employer=employer,
        name=name.strip(),
        address=address.strip(),
        municipality=municipality.strip(),
        latitude=latitude,
        longitude=longitude,
    )
    workplace.full_clean()
    workplace.save()
    audit_record(
        actor=actor,
        subject=Subject("workplace", workplace.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
    )
    return workplace
