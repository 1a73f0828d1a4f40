"""Filling in an agreement the way an advisor would, for the tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samspill.accounts.models import User
from samspill.agreements import services
from samspill.agreements.models import Agreement
from samspill.agreements.tests.factories import COMPLETE
from samspill.agreements.tests.factories import END as END  # the period, for the tests
from samspill.agreements.tests.factories import START as START


def complete(agreement: Agreement, actor: User, **overrides: Any) -> Agreement:
    """Fill in every field sending needs, through the service, as the advisor would."""
    agreement.refresh_from_db()
    return services.agreement_update(
        actor=actor,
        agreement=agreement,
        revision=agreement.revision,
        values=COMPLETE | overrides,
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
