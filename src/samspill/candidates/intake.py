"""Registering a jobseeker (intake): who may, the identity number, and duplicates.

The person's first process is opened in the same step (``processes.intake``): a candidate
is seen only through a process, so one without would be lost to everyone.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates.models import Candidate
from samspill.candidates.national_id import birth_date_of, clean_national_id

#: NAV's staff who work cases register jobseekers: advisors and their managers.
INTAKE_ROLES = frozenset({Role.ADVISOR, Role.MANAGER})


def may_register(user: User) -> bool:
    """The one rule the page, the API and the service ask."""
    return user.is_active and user.role in INTAKE_ROLES and user.office_id is not None


class DuplicateCandidate(ValidationError):
    """The identity number is registered already; ``existing`` is that person (the caller
    decides, through the access policy, whether the user may be shown who it is)."""

    def __init__(self, existing: Candidate) -> None:
        super().__init__({"national_id": _("Denne personen er allerede registrert.")})
        self.existing = existing


@transaction.atomic
def candidate_register(
    *,
    actor: User,
    first_name: str,
    last_name: str,
    national_id: str,
    gender: str,
    municipality: str,
    need_level: str,
    phone: str = "",
    email: str = "",
) -> Candidate:
    """Register a jobseeker; the birth date comes from the identity number. Open their
    process in the same transaction (``processes.intake.intake_register`` does both)."""
    if not may_register(actor):
        raise ValidationError(_("Bare veiledere og ledere ved et NAV-kontor kan registrere."))
    errors: dict[str, list[str]] = {}
    if not first_name.strip():
        errors["first_name"] = [_("Skriv fornavnet.")]
    if not last_name.strip():
        errors["last_name"] = [_("Skriv etternavnet.")]
    try:
        number = clean_national_id(national_id)
    except ValidationError as error:
        errors["national_id"] = error.messages
        number = ""
    candidate = Candidate(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        national_id=number or None,
        gender=gender,
        municipality=municipality.strip(),
        need_level=need_level,
        phone=phone.strip(),
        email=email.strip(),
    )
    if number:
        candidate.birth_date = birth_date_of(number)
    try:
        candidate.full_clean(exclude=["national_id", "birth_date"])
    except ValidationError as error:
        errors = error.message_dict | errors
    if errors:
        raise ValidationError(errors)
    existing = Candidate.objects.filter(national_id=number).first()
    if existing is not None:
        raise DuplicateCandidate(existing)
    try:
        with transaction.atomic():
            candidate.save()
    except IntegrityError:  # registered at the same moment by someone else
        raise DuplicateCandidate(Candidate.objects.get(national_id=number)) from None
    audit_record(
        actor=actor,
        subject=Subject("candidate", candidate.uuid, candidate.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
    )
    return candidate
