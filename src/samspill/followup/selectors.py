"""Reads for follow-up."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from samspill.followup.models import EMPLOYER_PARTIES, Contact
from samspill.processes.models import InclusionProcess


def contacts_of(*, process: InclusionProcess, limit: int = 20) -> QuerySet[Contact]:
    return process.contacts.select_related("logged_by", "employer").order_by("-on", "-id")[:limit]


def has_employer_contact() -> Exists:
    """For annotating or filtering processes: any contact with an employer logged?"""
    return Exists(Contact.objects.filter(process_id=OuterRef("pk"), party__in=EMPLOYER_PARTIES))
