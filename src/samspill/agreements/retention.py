"""The one path that deletes a concluded agreement: whole, with its complete version chain.

``Version`` rows are immutable (the model and its queryset refuse updates and deletes), so a
retention deletion cannot look like tampering: ``agreement_purge`` removes the agreement and
*every* version of it in one transaction, after its retention period
(``rules.AGREEMENT_KEPT_YEARS``), and writes an audit row naming the last hash. A chain is
never shortened, so ``verify_agreement_chains`` finds either an intact chain or none.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from samspill.agreements.models import Agreement, Version
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record_system


@dataclass(frozen=True)
class Purged:
    agreement_uuid: str
    versions: int
    last_hash: str


@transaction.atomic
def agreement_purge(*, agreement: Agreement, why: str) -> Purged:
    """Delete ``agreement`` with its versions, approvals, events and commitments.

    Only the retention service calls this, for an agreement past its retention period.
    """
    agreement = (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("process__candidate")
        .get(pk=agreement.pk)
    )
    chain = Version._base_manager.filter(agreement=agreement).order_by("number")
    last_hash = chain.values_list("hash", flat=True).last() or ""
    versions, _ = chain.delete()
    subject = Subject("agreement", agreement.uuid, agreement.process.candidate.uuid)
    agreement.delete()
    audit_record_system(
        subject=subject,
        action=Action.CHANGE,
        purpose=Purpose.RETENTION,
        detail=gettext(
            "avtalen slettet med %(versions)s versjoner (%(why)s); siste hash %(last_hash)s"
        )
        % {"versions": versions, "why": why, "last_hash": last_hash},
    )
    return Purged(str(subject.object_uuid), versions, last_hash)
