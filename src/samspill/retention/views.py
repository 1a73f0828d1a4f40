"""«Sletting og anonymisering»: what retention will do at the manager's office in the next
30 days (``rules.RETENTION_NOTICE_DAYS``), from the same selector the daily command uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from samspill.lib.http import AuthenticatedRequest
from samspill.retention import access, selectors
from samspill.rules import (
    AGREEMENT_KEPT_YEARS,
    AUDIT_KEPT_MONTHS,
    CONTACT_NOTES_KEPT_MONTHS,
    PERSONAL_DATA_KEPT_MONTHS,
    RETENTION_NOTICE_DAYS,
)

NOTES = _("Notatene i kontaktloggen blankes")
ANONYMISE = _("Kandidaten anonymiseres")
AGREEMENT = _("Avtalen slettes med alle versjoner")


@dataclass(frozen=True)
class Line:
    process: UUID
    advisor: str
    ended_on: date
    due_on: date
    what: Promise


def _lines(due: selectors.Due) -> list[Line]:
    lines = [
        Line(p.uuid, p.advisor, p.ended_on, row.due_on, what)
        for rows, what in ((due.notes, NOTES), (due.anonymise, ANONYMISE))
        for row in rows
        for p in row.processes
    ]
    lines += [
        Line(a.process.uuid, a.process.advisor, a.ended_on, a.due_on, AGREEMENT)
        for a in due.agreements
    ]
    return sorted(lines, key=lambda line: (line.due_on, line.ended_on, str(line.process)))


@require_GET
def due_page(request: AuthenticatedRequest) -> HttpResponse:
    office = access.office_for_user(user=request.user)
    today = timezone.localdate()
    until = today + timedelta(days=RETENTION_NOTICE_DAYS.value)
    due = selectors.due(until=until, office=office, count_audit=False)
    context = {
        "office": office,
        "today": today,
        "until": until,
        "due": due,
        "lines": _lines(due),
        "rules": {
            "notes": CONTACT_NOTES_KEPT_MONTHS.value,
            "personal": PERSONAL_DATA_KEPT_MONTHS.value,
            "agreements": AGREEMENT_KEPT_YEARS.value,
            "audit": AUDIT_KEPT_MONTHS.value,
            "days": RETENTION_NOTICE_DAYS.value,
        },
    }
    return render(request, "retention/due.html", context)
