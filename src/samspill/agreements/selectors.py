"""Reads for agreements: the derived status, versions with what changed, what the employer gets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.agreements import chain, measures, rules_check
from samspill.agreements.models import Agreement, Approval, Party, Stage, Version
from samspill.processes.models import InclusionProcess


@dataclass(frozen=True)
class Status:
    code: str
    label: str


def status_of(agreement: Agreement, today: date) -> Status:
    """Derived from the recorded facts: the stage, then the dates."""
    match agreement.stage:
        case Stage.DRAFT:
            return Status("draft", _("Påbegynt"))
        case Stage.SENT:
            return Status("waiting", _("Venter på godkjenning"))
        case Stage.CANCELLED:
            return Status("cancelled", _("Avbrutt"))
    start, end = agreement.start_on, agreement.end_on
    if start is not None and today < start:
        return Status("ready", _("Klar for oppstart"))
    if end is not None and today > end:
        return Status("ended", _("Avsluttet"))
    return Status("running", _("Gjennomføres"))


def agreements_of(*, process: InclusionProcess) -> QuerySet[Agreement]:
    return process.agreements.select_related("workplace", "employer_contact", "nav_contact")


def active_approvals(agreement: Agreement) -> dict[str, Approval]:
    rows = agreement.approvals.filter(withdrawn_at__isnull=True).select_related("user")
    return {a.party: a for a in rows}


def withdrawn_approvals(agreement: Agreement) -> QuerySet[Approval]:
    return agreement.approvals.filter(withdrawn_at__isnull=False).select_related("user")


@dataclass(frozen=True)
class VersionView:
    version: Version
    changes: list[tuple[str, Any, Any]]


FIELD_LABELS = {
    "employer": gettext_lazy("Arbeidsgiver"),
    "workplace": gettext_lazy("Arbeidsplass"),
    "employer_contact": gettext_lazy("Kontaktperson hos arbeidsgiver"),
    "employer_contact_phone": gettext_lazy("Telefon til kontaktpersonen hos arbeidsgiver"),
    "nav_contact": gettext_lazy("Fast kontaktperson i NAV"),
    "commitments": "NAVs forpliktelser",
}


def label_of(name: str) -> str:
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    field = Agreement._meta.get_field(name)
    return str(getattr(field, "verbose_name", name)).capitalize()


def versions_of(agreement: Agreement) -> list[VersionView]:
    """Concluded versions, newest first, each with what changed from the one before."""
    views: list[VersionView] = []
    before: dict[str, Any] | None = None
    for version in agreement.versions.select_related("created_by").order_by("number"):
        changes: list[tuple[str, Any, Any]] = (
            [] if before is None else chain.changes_between(before, version.snapshot)
        )
        views.append(VersionView(version, [(label_of(n), old, new) for n, old, new in changes]))
        before = version.snapshot
    return views[::-1]


def measure_of(agreement: Agreement) -> measures.Measure | None:
    return measures.MEASURES.get(agreement.measure)


def referrals_of(agreement: Agreement) -> list[measures.Measure]:
    return [measures.MEASURES[code] for code in agreement.referrals if code in measures.MEASURES]


def waiting_for(agreement: Agreement) -> list[str]:
    """Which parties have still to approve (in the order they may)."""
    given = set(active_approvals(agreement))
    return [str(Party(p).label) for p in Party if p not in given]


calculation_of = rules_check.calculation_of
missing = rules_check.missing
