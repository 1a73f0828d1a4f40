"""Filling in an agreement the way an advisor would, for the tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from samspill.accounts.models import User
from samspill.agreements import services
from samspill.agreements.models import Agreement

START, END = date(2027, 1, 4), date(2027, 6, 30)


def complete(agreement: Agreement, actor: User, **overrides: Any) -> Agreement:
    values: dict[str, Any] = {
        "purpose": "utproving",
        "goals": "Jeg vil lære meg butikkarbeid og komme i fast jobb.",
        "tasks": "Varepåfylling og ordning av hyller.",
        "trainer": "Butikksjefen",
        "start_on": START,
        "end_on": END,
        "hours_per_week": Decimal(20),
        "employer_duties": "Opplæring i arbeidsoppgavene.",
        "support_duties": "Oppfølging på arbeidsplassen og av utenomting.",
        "jobseeker_duties": "Møter til avtalt tid.",
        "followup_frequency": "monthly",
        "followup_forms": ["three_way"],
        "if_absent": "Ringer butikksjefen før klokka 8.",
        "if_conflict": "Vi tar en trekantsamtale samme uke.",
        "if_not_working": "Vi møtes og finner en annen løsning sammen.",
        "ending": "En avslutningssamtale med attest.",
        "measure": "arbeidstrening",
        **overrides,
    }
    agreement.refresh_from_db()
    return services.agreement_update(
        actor=actor, agreement=agreement, revision=agreement.revision, values=values
    )


WAGE_SUBSIDY = {
    "measure": "midlertidig_lonnstilskudd",
    "purpose": "ansettelse",
    "monthly_wage": 30_000,
    "holiday_pay_rate": Decimal("0.12"),
    "pension_rate": Decimal("0.02"),
    "employer_tax_rate": Decimal("0.141"),
}


def send(agreement: Agreement, actor: User) -> Agreement:
    agreement.refresh_from_db()
    return services.agreement_send(actor=actor, agreement=agreement, revision=agreement.revision)


def approve(agreement: Agreement, actor: User) -> None:
    agreement.refresh_from_db()
    services.agreement_approve(actor=actor, agreement=agreement, revision=agreement.revision)
