"""From an agreement to the measure rules and the calculation (reads only, no writes)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.agreements import measures, subsidy
from samspill.agreements.models import Agreement

FIELD_OF_RULE = {"need_level": "measure"}


def terms_of(agreement: Agreement) -> measures.Terms:
    candidate = agreement.process.candidate
    start = agreement.start_on
    return measures.Terms(
        measure=agreement.measure,
        need_level=candidate.need_level,
        start=start,
        end=agreement.end_on,
        percentage=agreement.percentage,
        age=candidate.age_on(start) if start else None,
        expenses=agreement.expenses,
    )


def enforce(agreement: Agreement) -> list[str]:
    """Raise on every broken rule, each at its field; a rule that allows discretion passes
    when the advisor has written a reason. Returns the rules departed from."""
    if not agreement.measure:
        return []
    violations = measures.check(terms_of(agreement))
    reason = agreement.override_reason.strip()
    errors: dict[str, list[str]] = {}
    for violation in violations:
        if violation.overridable and reason:
            continue
        message = violation.message
        if violation.overridable:
            message += _(" Skriv begrunnelsen i feltet «Begrunnelse for skjønn».")
        errors.setdefault(FIELD_OF_RULE.get(violation.field, violation.field), []).append(message)
    if errors:
        raise ValidationError(errors)
    return [v.rule for v in violations if v.overridable]


def rates_of(agreement: Agreement) -> subsidy.Rates | None:
    rates = (agreement.holiday_pay_rate, agreement.pension_rate, agreement.employer_tax_rate)
    if any(rate is None for rate in rates):
        return None
    holiday, pension, tax = (Decimal(rate) for rate in rates if rate is not None)
    return subsidy.Rates(holiday, pension, tax)


def calculation_of(agreement: Agreement) -> subsidy.Calculation | None:
    """The subsidy this agreement pays, or ``None`` while inputs are missing."""
    measure = measures.MEASURES.get(agreement.measure)
    if measure is None or measure.kind not in (measures.Kind.WAGE_SUBSIDY, measures.Kind.MENTOR):
        return None
    wage = agreement.monthly_wage
    if measure.kind == measures.Kind.MENTOR:
        wage = subsidy.mentor_monthly_base(
            agreement.mentor_wage,
            agreement.mentor_wage_period,
            agreement.mentor_position_percent,
            agreement.mentor_hours_per_month,
        )
    return subsidy.calculate(
        monthly_wage=wage,
        rates=rates_of(agreement),
        schedule=measures.schedule(terms_of(agreement)),
    )


REQUIRED: dict[str, StrOrPromise] = {
    "purpose": gettext_lazy("Velg formålet med avtalen."),
    "goals": gettext_lazy("Skriv målene, med arbeidssøkerens egne ord."),
    "tasks": gettext_lazy("Skriv hvilke arbeidsoppgaver det gjelder."),
    "start_on": gettext_lazy("Velg startdato."),
    "end_on": gettext_lazy("Velg sluttdato."),
    "hours_per_week": gettext_lazy("Skriv hvor mange timer i uka."),
    "employer_duties": gettext_lazy("Skriv arbeidsgiverens ansvar."),
    "support_duties": gettext_lazy("Skriv støtteapparatets ansvar."),
    "followup_frequency": gettext_lazy("Velg hvor ofte dere følger opp."),
    "if_absent": gettext_lazy("Avtal hva dere gjør hvis arbeidssøkeren er borte."),
    "if_conflict": gettext_lazy("Avtal hva dere gjør hvis det oppstår en konflikt."),
    "if_not_working": gettext_lazy("Avtal hva dere gjør hvis jobben ikke fungerer."),
    "ending": gettext_lazy("Skriv hvordan avtalen avsluttes på en god måte."),
}
CONTACT_MISSING = gettext_lazy(
    "Avtalen må ha en fast kontaktperson i NAV med direkte telefonnummer."
)


def missing(agreement: Agreement) -> dict[str, str]:
    """What must be filled in before the agreement can be sent for approval."""
    found = {
        name: str(text) for name, text in REQUIRED.items() if getattr(agreement, name) in ("", None)
    }
    if agreement.nav_contact_id is None or not agreement.nav_contact_phone.strip():
        found["nav_contact_phone"] = str(CONTACT_MISSING)
    if agreement.employer_contact_id is None:
        found["employer_contact"] = _("Velg kontaktperson hos arbeidsgiver.")
    measure = measures.MEASURES.get(agreement.measure)
    if (
        measure is not None
        and measure.kind == measures.Kind.EXPENSES
        and agreement.expenses is None
    ):
        found["expenses"] = _("Skriv hvor store utgiftene er.")
    paying = (measures.Kind.WAGE_SUBSIDY, measures.Kind.MENTOR)
    if measure is not None and measure.kind in paying and calculation_of(agreement) is None:
        found["monthly_wage"] = (
            _("Fyll inn lønn og satser, så tilskuddet kan regnes ut.")
            if measure.kind == measures.Kind.WAGE_SUBSIDY
            else _("Fyll inn mentorens lønn, stillingsprosent, timer og satsene.")
        )
    return found
