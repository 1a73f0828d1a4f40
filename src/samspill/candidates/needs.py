"""The accommodation-needs taxonomy (tilretteleggingsbehov), kept as data.

Four categories with NAV's own labels (shared/reference/NAV-PRACTICE.md), including the
options NAV once had and later dropped (hearing, sight, numeracy). Each recorded need also
has free text and a "last confirmed" date: NAV's old register went stale without one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class NeedType:
    code: str
    label: StrOrPromise
    #: How the need reads to an employer, if the candidate chooses to share it.
    employer_text: StrOrPromise


@dataclass(frozen=True)
class NeedCategory:
    code: str
    label: StrOrPromise
    needs: tuple[NeedType, ...]


TAXONOMY: tuple[NeedCategory, ...] = (
    NeedCategory(
        "working_time",
        _("Arbeidstid"),
        (
            NeedType(
                "not_full_days",
                _("Kan jobbe hver ukedag, men ikke hele dager"),
                _("Kan trenge kortere arbeidsdager"),
            ),
            NeedType(
                "away_fixed_times",
                _("Må være borte fra jobben til faste dager eller tider"),
                _("Må være borte til faste tider"),
            ),
            NeedType(
                "flexible_days",
                _("Må ha fleksible arbeidsdager"),
                _("Kan trenge fleksible arbeidsdager"),
            ),
            NeedType(
                "gradual_increase",
                _("Ønsker gradvis økning av stillingsprosenten"),
                _("Ønsker å øke stillingsprosenten gradvis"),
            ),
        ),
    ),
    NeedCategory(
        "physical",
        _("Fysisk"),
        (
            NeedType(
                "varied_positions",
                _("Varierte arbeidsstillinger"),
                _("Kan trenge å variere arbeidsstilling"),
            ),
            NeedType(
                "ergonomic", _("Ergonomiske tilpasninger"), _("Kan trenge ergonomisk tilpasning")
            ),
            NeedType("avoid_heavy_lifting", _("Unngå tunge løft"), _("Bør unngå tunge løft")),
            NeedType(
                "universal_design",
                _("Universell utforming av arbeidsplassen"),
                _("Trenger universelt utformet arbeidsplass"),
            ),
            NeedType("hearing", _("Hørsel"), _("Kan trenge tilpasning for hørsel")),
            NeedType("sight", _("Syn"), _("Kan trenge tilpasning for syn")),
        ),
    ),
    NeedCategory(
        "working_day",
        _("Arbeidshverdagen"),
        (
            NeedType(
                "adapted_training",
                _("Tilpasset opplæring (hyppig tilbakemelding, lengre opplæring)"),
                _("Kan trenge lengre opplæring og tydelige tilbakemeldinger"),
            ),
            NeedType(
                "adapted_tasks",
                _("Tilpassede arbeidsoppgaver (tydelige oppgaver, fritak fra enkelte)"),
                _("Kan trenge tydelige arbeidsoppgaver"),
            ),
            NeedType(
                "close_follow_up",
                _("Tett oppfølging (ekstra støtte fra kollega eller mentor)"),
                _("Kan trenge en fast kollega eller mentor"),
            ),
            NeedType(
                "quiet_environment",
                _("Stille og rolig miljø"),
                _("Kan trenge et stille og rolig miljø"),
            ),
            NeedType(
                "personal_assistance",
                _("Personlig bistand (tolk, assistent, lese- eller sekretærhjelp)"),
                _("Kan trenge personlig bistand"),
            ),
        ),
    ),
    NeedCategory(
        "language",
        _("Norsk og grunnleggende ferdigheter"),
        (
            NeedType("speaking", _("Snakke norsk"), _("Lærer seg fortsatt å snakke norsk")),
            NeedType("writing", _("Skrive norsk"), _("Kan trenge hjelp med skriftlig norsk")),
            NeedType("reading", _("Lese norsk"), _("Kan trenge hjelp med å lese norsk")),
            NeedType("numeracy", _("Regning og tallforståelse"), _("Kan trenge hjelp med regning")),
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
