"""Intake: register a jobseeker and open their first process, in one step.

Both or neither: a candidate is seen only through a process (``policy.candidates``), so a
registration that opened none would leave a person nobody can find.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samspill.accounts.models import User
from samspill.candidates.intake import candidate_register
from samspill.processes.models import InclusionProcess
from samspill.processes.services import process_open


@transaction.atomic
def intake_register(
    *,
    actor: User,
    first_name: str,
    last_name: str,
    national_id: str,
    gender: str,
    municipality: str,
    need_level: str,
    advisor: User,
    referral: str,
    phone: str = "",
    email: str = "",
    started_on: date | None = None,
    wish: str = "",
) -> InclusionProcess:
    """The candidate (``candidate_register``) and their process (``process_open``), owned by
    an advisor at the actor's own office. Nothing is saved if either refuses."""
    if advisor.office_id != actor.office_id:
        raise ValidationError({"advisor": _("Velg en veileder ved ditt eget NAV-kontor.")})
    if not referral:
        raise ValidationError({"referral": _("Velg hvor personen kom fra.")})
    candidate = candidate_register(
        actor=actor,
        first_name=first_name,
        last_name=last_name,
        national_id=national_id,
        gender=gender,
        municipality=municipality,
        need_level=need_level,
        phone=phone,
        email=email,
    )
    return process_open(
        actor=actor,
        candidate=candidate,
        advisor=advisor,
        started_on=started_on,
        referral=referral,
        wish=wish,
    )
