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

DEMANDS: dict[str, str] = {
    "physical_load": "Fysisk belastning",
    "heavy_lifting": "Tunge løft",
    "standing": "Stående arbeid",
    "customer_contact": "Kundekontakt",
    "hygiene": "Hygiene og mathåndtering",
    "reading_writing": "Lesing og skriving",
    "numeracy": "Regning og tall",
    "pace": "Tempo",
    "social_interaction": "Samarbeid med andre",
    "working_alone": "Arbeid alene",
    "noise": "Støy",
}

DEMAND_LEVELS: dict[int, str] = {0: "Ingen", 1: "Litt", 2: "Middels", 3: "Mye"}

TIMES_OF_DAY: dict[str, str] = {
    "day": "Dagtid",
    "evening": "Kveld",
    "night": "Natt",
    "weekend": "Helg",
}

SECTORS: dict[str, str] = {
    "retail": "Butikk og handel",
    "grocery": "Dagligvare",
    "warehouse": "Lager og logistikk",
    "kindergarten": "Barnehage",
    "canteen": "Kantine og storkjøkken",
    "office": "Kontor og administrasjon",
    "caretaking": "Vaktmester og drift",
    "cleaning": "Renhold",
    "care": "Helse og omsorg",
    "industry": "Industri og produksjon",
    "other": "Annet",
}

NEEDS: dict[str, str] = {
    "not_full_days": "Kan jobbe hver ukedag, men ikke hele dager",
    "away_fixed_times": "Må være borte fra jobben til faste dager eller tider",
    "flexible_days": "Må ha fleksible arbeidsdager",
    "gradual_increase": "Ønsker gradvis økning av stillingsprosenten",
    "varied_positions": "Varierte arbeidsstillinger",
    "ergonomic": "Ergonomiske tilpasninger",
    "avoid_heavy_lifting": "Unngå tunge løft",
    "universal_design": "Universell utforming av arbeidsplassen",
    "hearing": "Hørsel",
    "sight": "Syn",
    "adapted_training": "Tilpasset opplæring (hyppig tilbakemelding, lengre opplæring)",
    "adapted_tasks": "Tilpassede arbeidsoppgaver (tydelige oppgaver, fritak fra enkelte)",
    "close_follow_up": "Tett oppfølging (ekstra støtte fra kollega eller mentor)",
    "quiet_environment": "Stille og rolig miljø",
    "personal_assistance": "Personlig bistand (tolk, assistent, lese- eller sekretærhjelp)",
    "speaking": "Snakke norsk",
    "writing": "Skrive norsk",
    "reading": "Lese norsk",
    "numeracy": "Regning og tallforståelse",
}

#: Labels of the hard constraints (reason codes, see ``results.ExclusionCode``).
EXCLUSIONS: dict[str, str] = {
    "hours": "Arbeidstid",
    "commute": "Reisevei",
    "needs": "Krav i oppgavene mot tilretteleggingsbehov",
    "time_of_day": "Tid på døgnet",
    "employer_excluded": "Arbeidsgiverens unntak",
}

#: Labels of the soft score parts (``results.PartCode``).
PARTS: dict[str, str] = {
    "interest": "Interesser",
    "experience": "Erfaring og styrker",
    "sector": "Bransjeønske",
    "place": "Reisevei",
    "employer_wishes": "Arbeidsgiverens ønsker",
    "inclusion": "Arbeidsgiverens inkluderingserfaring",
    "adaptation": "Tilrettelegging",
}

#: Where a candidate's word came from (bit flags of the interest and experience fields).
INTEREST_SOURCES: dict[int, str] = {
    1: "kandidatens egne ord",
    2: "veileders notater",
    3: "kandidatens egne ord og veileders notater",
}
EXPERIENCE_SOURCES: dict[int, str] = {
    1: "styrker",
    2: "erfaring og utdanning",
    3: "styrker, erfaring og utdanning",
}


def label(table: dict[str, str], code: str) -> str:
    return table.get(code, code)


def demand_level(level: int) -> str:
    return DEMAND_LEVELS.get(level, str(level))


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
    return ", ".join(words[:-1]) + " og " + words[-1]


def hours_range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{hours(low)}–{hours(high)} timer" if low != high else f"{hours(low)} timer"
    if low is not None:
        return f"minst {hours(low)} timer"
    if high is not None:
        return f"høyst {hours(high)} timer"
    return "ingen bestemt arbeidstid"
