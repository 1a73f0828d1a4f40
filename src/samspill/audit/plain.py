"""The audit trail in plain words, for the person the data is about.

«Hvem har sett mine opplysninger» shows each row as who (name and role, or the employer's
name), when, why (the purpose) and which information, in Norwegian the person can read:
never a code, a model name or English. Rows written before ``AuditEvent.fields`` existed
carry the items only in ``detail`` (``"felt: age, name"``); those are translated too, and
anything else falls back to a plain sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import Role, User
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.candidates.models import FIELD_WORDS_FOR_PERSON
from samspill.candidates.needs import NEED_CONSENT_PREFIX, NEED_TYPES

#: Roles as the person reads them after a name («Kari Nordmann, veileder»).
ROLE_WORDS: dict[str, Any] = {
    Role.ADVISOR: _("veileder"),
    Role.EMPLOYER_CONTACT: _("markedskontakt i NAV"),
    Role.MANAGER: _("leder i NAV"),
    Role.PARTNER: _("samarbeidspartner"),
    Role.EMPLOYER: _("arbeidsgiver"),
    Role.JOBSEEKER: _("arbeidssøker"),
    Role.ADMIN: _("systemadministrator"),
}

#: What a row is about, as the person reads it («så på profilen din»).
OBJECT_WORDS: dict[str, Any] = {
    "process": _("forløpet ditt"),
    "profile": _("profilen din"),
    "candidate": _("opplysningene om deg"),
    "consent": _("hva du deler med arbeidsgivere"),
    "agreement": _("avtalen"),
    "match": _("jobbforslag"),
    "meeting_line": _("et matchemøte der du var med"),
    "plan_item": _("oppfølgingsplanen din"),
    "commitment": _("noe NAV har lovet å gjøre for deg"),
    "concern": _("en melding fra arbeidsgiveren"),
    "job": _("jobben din"),
    "audit_log": _("listen over hvem som har sett opplysningene dine"),
    "export": _("alle opplysningene om deg"),
    "correction_request": _("ønsket ditt om retting"),
}
FALLBACK_OBJECT = _("opplysninger om deg")

ACTION_WORDS: dict[str, Any] = {
    Action.VIEW: _("så på"),
    Action.CHANGE: _("endret"),
    Action.CREATE: _("registrerte"),
    Action.EXPORT: _("lastet ned"),
}
DENIED_WORDS: dict[str, Any] = {
    Action.VIEW: _("forsøkte å se"),
    Action.CHANGE: _("forsøkte å endre"),
    Action.CREATE: _("forsøkte å registrere"),
    Action.EXPORT: _("forsøkte å laste ned"),
}

#: Why, from ``Purpose``, rephrased for the person.
PURPOSE_WORDS: dict[str, Any] = {
    Purpose.CASE_WORK: _("for å følge deg opp"),
    Purpose.PORTFOLIO: _("i oversikten over personer de følger opp"),
    Purpose.EMPLOYER_PORTAL: _("på arbeidsgiverens egen side i Samspill"),
    Purpose.OWN_DATA: _("for å se eller endre dine egne opplysninger"),
    Purpose.PARTNER_WORK: _("for å samarbeide med NAV om forløpet ditt"),
    Purpose.AUDIT_REVIEW: _("for å kontrollere hvem som har sett opplysningene dine"),
    Purpose.API: _("fra et annet fagsystem"),
    "retention": _("for å slette opplysninger som ikke skal lagres lenger"),
}
FALLBACK_PURPOSE = _("ikke oppgitt")

_LEGACY_FIELDS_PREFIX = "felt:"


@dataclass(frozen=True)
class PlainEvent:
    """One row of the person's access log, in words."""

    at: datetime
    who: str
    what: str
    why: str
    which: str
    denied: bool


def join_words(words: list[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    if len(words) <= 1:
        return "".join(words)
    return _t("%(first)s og %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def item_words(code: str) -> str | None:
    """One shown item (``CandidateField`` code or ``need:<code>``) in words; ``None`` if
    the code is unknown (it is then left out rather than shown raw)."""
    if code.startswith(NEED_CONSENT_PREFIX):
        need = NEED_TYPES.get(code[len(NEED_CONSENT_PREFIX) :])
        if need is None:
            return None
        return _t("behovet «%(text)s»") % {"text": need.label[:1].lower() + need.label[1:]}
    words = FIELD_WORDS_FOR_PERSON.get(code)
    return None if words is None else str(words)


def items_in_words(codes: list[str]) -> str:
    """The items in the order of ``CandidateField`` (needs last), joined in plain words."""
    order = list(FIELD_WORDS_FOR_PERSON)
    known = [code for code in codes if item_words(code) is not None]
    known.sort(key=lambda code: (order.index(code) if code in order else len(order), code))
    return join_words([item_words(code) or "" for code in dict.fromkeys(known)])


def _shown_codes(event: AuditEvent) -> list[str]:
    if event.fields:
        return [str(code) for code in event.fields]
    detail = event.detail.strip()
    if detail.startswith(_LEGACY_FIELDS_PREFIX):
        return [code.strip() for code in detail[len(_LEGACY_FIELDS_PREFIX) :].split(",")]
    return []


def which_words(event: AuditEvent) -> str:
    """Which information the row concerns, or a plain fallback."""
    if event.outcome == Outcome.DENIED:
        return _t("ingen – de fikk ikke tilgang")
    shown = items_in_words(_shown_codes(event))
    if shown:
        return shown
    if event.detail.strip() == "liste":
        return _t("navnet ditt i en liste")
    return _t("ikke oppgitt i detalj")


def who_words(event: AuditEvent, *, viewer: User | None = None) -> str:
    """«Kari Nordmann, veileder»; «Bakeriet AS (arbeidsgiver)»; «Du selv»."""
    actor = event.actor
    if viewer is not None and event.actor_id == viewer.pk:
        return _t("Du selv")
    role = str(ROLE_WORDS.get(event.actor_role, _t("bruker av Samspill")))
    if event.actor_role == Role.EMPLOYER:
        employer = actor.employer if actor is not None else None
        if employer is None:
            return _t("En arbeidsgiver")
        return _t("%(employer)s (arbeidsgiver)") % {"employer": employer.name}
    if event.actor_role == Role.JOBSEEKER:
        return _t("En annen arbeidssøker")  # never another person's name
    name = event.actor_name or _t("Ukjent bruker")
    if event.actor_role == Role.PARTNER and actor is not None and actor.organisation:
        return f"{name}, {role} ({actor.organisation})"
    return f"{name}, {role}"


def what_words(event: AuditEvent) -> str:
    """«så på profilen din»; «forsøkte å se avtalen, men fikk ikke tilgang»."""
    thing = str(OBJECT_WORDS.get(event.object_type, FALLBACK_OBJECT))
    if event.outcome == Outcome.DENIED:
        verb = str(DENIED_WORDS.get(event.action, DENIED_WORDS[Action.VIEW]))
        return _t("%(verb)s %(thing)s, men fikk ikke tilgang") % {"verb": verb, "thing": thing}
    verb = str(ACTION_WORDS.get(event.action, ACTION_WORDS[Action.VIEW]))
    return f"{verb} {thing}"


def why_words(event: AuditEvent) -> str:
    return str(PURPOSE_WORDS.get(event.purpose, FALLBACK_PURPOSE))


def describe(event: AuditEvent, *, viewer: User | None = None) -> PlainEvent:
    """One audit row in words. ``select_related("actor__employer")`` saves a query a row."""
    return PlainEvent(
        at=event.at,
        who=who_words(event, viewer=viewer),
        what=what_words(event),
        why=why_words(event),
        which=which_words(event),
        denied=event.outcome == Outcome.DENIED,
    )
