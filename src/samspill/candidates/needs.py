"""The accommodation-needs taxonomy (tilretteleggingsbehov), kept as data.

Four categories with NAV's own labels (shared/reference/NAV-PRACTICE.md), including the
options NAV once had and later dropped (hearing, sight, numeracy). Each recorded need also
has free text and a "last confirmed" date: NAV's old register went stale without one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NeedType:
    code: str
    label: str
    #: How the need reads to an employer, if the candidate chooses to share it.
    employer_text: str


@dataclass(frozen=True)
class NeedCategory:
    code: str
    label: str
    needs: tuple[NeedType, ...]


TAXONOMY: tuple[NeedCategory, ...] = (
    NeedCategory(
        "working_time",
        "Arbeidstid",
        (
            NeedType(
                "not_full_days",
                "Kan jobbe hver ukedag, men ikke hele dager",
                "Kan trenge kortere arbeidsdager",
            ),
            NeedType(
                "away_fixed_times",
                "Må være borte fra jobben til faste dager eller tider",
                "Må være borte til faste tider",
            ),
            NeedType(
                "flexible_days", "Må ha fleksible arbeidsdager", "Kan trenge fleksible arbeidsdager"
            ),
            NeedType(
                "gradual_increase",
                "Ønsker gradvis økning av stillingsprosenten",
                "Ønsker å øke stillingsprosenten gradvis",
            ),
        ),
    ),
    NeedCategory(
        "physical",
        "Fysisk",
        (
            NeedType(
                "varied_positions",
                "Varierte arbeidsstillinger",
                "Kan trenge å variere arbeidsstilling",
            ),
            NeedType("ergonomic", "Ergonomiske tilpasninger", "Kan trenge ergonomisk tilpasning"),
            NeedType("avoid_heavy_lifting", "Unngå tunge løft", "Bør unngå tunge løft"),
            NeedType(
                "universal_design",
                "Universell utforming av arbeidsplassen",
                "Trenger universelt utformet arbeidsplass",
            ),
            NeedType("hearing", "Hørsel", "Kan trenge tilpasning for hørsel"),
            NeedType("sight", "Syn", "Kan trenge tilpasning for syn"),
        ),
    ),
    NeedCategory(
        "working_day",
        "Arbeidshverdagen",
        (
            NeedType(
                "adapted_training",
                "Tilpasset opplæring (hyppig tilbakemelding, lengre opplæring)",
                "Kan trenge lengre opplæring og tydelige tilbakemeldinger",
            ),
            NeedType(
                "adapted_tasks",
                "Tilpassede arbeidsoppgaver (tydelige oppgaver, fritak fra enkelte)",
                "Kan trenge tydelige arbeidsoppgaver",
            ),
            NeedType(
                "close_follow_up",
                "Tett oppfølging (ekstra støtte fra kollega eller mentor)",
                "Kan trenge en fast kollega eller mentor",
            ),
            NeedType(
                "quiet_environment", "Stille og rolig miljø", "Kan trenge et stille og rolig miljø"
            ),
            NeedType(
                "personal_assistance",
                "Personlig bistand (tolk, assistent, lese- eller sekretærhjelp)",
                "Kan trenge personlig bistand",
            ),
        ),
    ),
    NeedCategory(
        "language",
        "Norsk og grunnleggende ferdigheter",
        (
            NeedType("speaking", "Snakke norsk", "Lærer seg fortsatt å snakke norsk"),
            NeedType("writing", "Skrive norsk", "Kan trenge hjelp med skriftlig norsk"),
            NeedType("reading", "Lese norsk", "Kan trenge hjelp med å lese norsk"),
            NeedType("numeracy", "Regning og tallforståelse", "Kan trenge hjelp med regning"),
        ),
    ),
)

NEED_TYPES: dict[str, NeedType] = {need.code: need for cat in TAXONOMY for need in cat.needs}
CATEGORY_OF: dict[str, NeedCategory] = {need.code: cat for cat in TAXONOMY for need in cat.needs}
NEED_CHOICES = [(code, need.label) for code, need in NEED_TYPES.items()]
#: Consent items for sharing one need (its employer text, never the free text) with employers.
NEED_CONSENT_PREFIX = "need:"


def need_consent_item(code: str) -> str:
    return f"{NEED_CONSENT_PREFIX}{code}"
