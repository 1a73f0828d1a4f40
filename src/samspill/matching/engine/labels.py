"""Norwegian labels for the codes the engine receives, and number formatting for its texts.

The engine is fed plain string codes by the adapter; these are the labels its reasons and
explanations use. They repeat the labels of the Django choices (``Demand``,
``DemandLevel``, ``TimeOfDay``, ``Sector``) and of the needs taxonomy
(``samspill.candidates.needs``) because the engine must not import Django;
``tests/test_engine_labels.py`` fails if the two drift apart. An unknown code is shown as
itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from samspill.matching.engine.i18n import gettext, gettext_noop

DEMANDS: dict[str, str] = {
    "physical_load": gettext_noop("Fysisk belastning"),
    "heavy_lifting": gettext_noop("Tunge løft"),
    "standing": gettext_noop("Stående arbeid"),
    "customer_contact": gettext_noop("Kundekontakt"),
    "hygiene": gettext_noop("Hygiene og mathåndtering"),
    "reading_writing": gettext_noop("Lesing og skriving"),
    "numeracy": gettext_noop("Regning og tall"),
    "pace": gettext_noop("Tempo"),
    "social_interaction": gettext_noop("Samarbeid med andre"),
    "working_alone": gettext_noop("Arbeid alene"),
    "noise": gettext_noop("Støy"),
}

DEMAND_LEVELS: dict[int, str] = {
    0: gettext_noop("Ingen"),
    1: gettext_noop("Litt"),
    2: gettext_noop("Middels"),
    3: gettext_noop("Mye"),
}

TIMES_OF_DAY: dict[str, str] = {
    "day": gettext_noop("Dagtid"),
    "evening": gettext_noop("Kveld"),
    "night": gettext_noop("Natt"),
    "weekend": gettext_noop("Helg"),
}

SECTORS: dict[str, str] = {
    "retail": gettext_noop("Butikk og handel"),
    "grocery": gettext_noop("Dagligvare"),
    "warehouse": gettext_noop("Lager og logistikk"),
    "kindergarten": gettext_noop("Barnehage"),
    "canteen": gettext_noop("Kantine og storkjøkken"),
    "office": gettext_noop("Kontor og administrasjon"),
    "caretaking": gettext_noop("Vaktmester og drift"),
    "cleaning": gettext_noop("Renhold"),
    "care": gettext_noop("Helse og omsorg"),
    "industry": gettext_noop("Industri og produksjon"),
    "other": gettext_noop("Annet"),
}

NEEDS: dict[str, str] = {
    "not_full_days": gettext_noop("Kan jobbe hver ukedag, men ikke hele dager"),
    "away_fixed_times": gettext_noop("Må være borte fra jobben til faste dager eller tider"),
    "flexible_days": gettext_noop("Må ha fleksible arbeidsdager"),
    "gradual_increase": gettext_noop("Ønsker gradvis økning av stillingsprosenten"),
    "varied_positions": gettext_noop("Varierte arbeidsstillinger"),
    "ergonomic": gettext_noop("Ergonomiske tilpasninger"),
    "avoid_heavy_lifting": gettext_noop("Unngå tunge løft"),
    "universal_design": gettext_noop("Universell utforming av arbeidsplassen"),
    "hearing": gettext_noop("Hørsel"),
    "sight": gettext_noop("Syn"),
    "adapted_training": gettext_noop(
        "Tilpasset opplæring (hyppig tilbakemelding, lengre opplæring)"
    ),
    "adapted_tasks": gettext_noop(
        "Tilpassede arbeidsoppgaver (tydelige oppgaver, fritak fra enkelte)"
    ),
    "close_follow_up": gettext_noop("Tett oppfølging (ekstra støtte fra kollega eller mentor)"),
    "quiet_environment": gettext_noop("Stille og rolig miljø"),
    "personal_assistance": gettext_noop(
        "Personlig bistand (tolk, assistent, lese- eller sekretærhjelp)"
    ),
    "speaking": gettext_noop("Snakke norsk"),
    "writing": gettext_noop("Skrive norsk"),
    "reading": gettext_noop("Lese norsk"),
    "numeracy": gettext_noop("Regning og tallforståelse"),
}

#: Labels of the hard constraints (reason codes, see ``results.ExclusionCode``).
EXCLUSIONS: dict[str, str] = {
    "hours": gettext_noop("Arbeidstid"),
    "commute": gettext_noop("Reisevei"),
    "needs": gettext_noop("Krav i oppgavene mot tilretteleggingsbehov"),
    "time_of_day": gettext_noop("Tid på døgnet"),
    "employer_excluded": gettext_noop("Arbeidsgiverens unntak"),
}

#: Labels of the soft score parts (``results.PartCode``).
PARTS: dict[str, str] = {
    "interest": gettext_noop("Interesser"),
    "experience": gettext_noop("Erfaring og styrker"),
    "sector": gettext_noop("Bransjeønske"),
    "place": gettext_noop("Reisevei"),
    "employer_wishes": gettext_noop("Arbeidsgiverens ønsker"),
    "inclusion": gettext_noop("Arbeidsgiverens inkluderingserfaring"),
    "adaptation": gettext_noop("Tilrettelegging"),
}

#: Where a candidate's word came from (bit flags of the interest and experience fields).
INTEREST_SOURCES: dict[int, str] = {
    1: gettext_noop("kandidatens egne ord"),
    2: gettext_noop("veileders notater"),
    3: gettext_noop("kandidatens egne ord og veileders notater"),
}
EXPERIENCE_SOURCES: dict[int, str] = {
    1: gettext_noop("styrker"),
    2: gettext_noop("erfaring og utdanning"),
    3: gettext_noop("styrker, erfaring og utdanning"),
}


def label(table: dict[str, str], code: str) -> str:
    return gettext(table.get(code, code))


def demand_level(level: int) -> str:
    return gettext(DEMAND_LEVELS.get(level, str(level)))


# The engine imports no Django (test_engine_purity), so it cannot ask the locale: its
# explanations are bokmål and write bokmål's decimal comma themselves, here only.
def hours(value: float) -> str:
    """``37,5`` or ``20``: Norwegian decimal comma, no trailing ``,0``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def km(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") if value < 10 else f"{value:.0f}"


def join(items: Iterable[str]) -> str:
    """``a``, ``a og b``, ``a, b og c``."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " " + gettext("og") + " " + words[-1]


def hours_range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{hours(low)}–{hours(high)} timer" if low != high else f"{hours(low)} timer"
    if low is not None:
        return gettext("minst %(hours)s timer") % {"hours": hours(low)}
    if high is not None:
        return gettext("høyst %(hours)s timer") % {"hours": hours(high)}
    return gettext("ingen bestemt arbeidstid")
