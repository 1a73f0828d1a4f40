"""Synthetic candidate profiles: interests in plain Norwegian, wishes, needs, own words.

Written the way people talk about work with their advisor. Nothing here is about a real
person; combinations are drawn at random.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from samspill.candidates.models import (
    AccommodationNeed,
    Benefit,
    Candidate,
    MainGoal,
    TimeOutsideWork,
)
from samspill.candidates.needs import NEED_TYPES
from samspill.employers.models import Sector
from samspill.lib.choices import TimeOfDay

#: Interest themes: (sectors the theme points to, advisor's notes, the person's own words)
THEMES: list[tuple[list[str], list[str], list[str]]] = [
    (
        [Sector.WAREHOUSE, Sector.INDUSTRY],
        ["Liker praktisk arbeid og å se at jobben blir gjort", "Har sertifikat for truck (T1)"],
        [
            "Jeg liker å jobbe med hendene og å ha noe konkret å gjøre.",
            "Jeg vil gjerne jobbe på et lager, jeg liker orden og system.",
        ],
    ),
    (
        [Sector.CANTEEN, Sector.GROCERY],
        ["Er opptatt av mat og har laget mat til familien i mange år"],
        [
            "Jeg har alltid likt å lage mat, og jeg vil gjerne jobbe på et kjøkken.",
            "Jeg liker å bake og å gjøre ting fra bunnen av.",
        ],
    ),
    (
        [Sector.KINDERGARTEN, Sector.CARE],
        ["Er god med barn og har vært støttekontakt"],
        [
            "Jeg liker å være sammen med barn, de er ærlige og morsomme.",
            "Jeg vil gjøre noe som betyr noe for andre.",
        ],
    ),
    (
        [Sector.RETAIL, Sector.GROCERY],
        ["Liker å snakke med folk, serviceinnstilt"],
        [
            "Jeg liker å prate med folk og hjelpe dem å finne det de leter etter.",
            "Jeg vil jobbe i butikk, gjerne med klær eller sport.",
        ],
    ),
    (
        [Sector.OFFICE],
        ["Strukturert, liker å jobbe med data og tall"],
        [
            "Jeg er ryddig og liker å ha kontroll på ting.",
            "Jeg vil gjerne ha en kontorjobb der jeg kan jobbe litt for meg selv.",
        ],
    ),
    (
        [Sector.CLEANING, Sector.CARETAKING],
        ["Praktisk anlagt, trives med faste rutiner"],
        [
            "Jeg trives når det er rent og ryddig rundt meg.",
            "Jeg fikser det meste og liker å være ute og gå mellom oppdrag.",
        ],
    ),
    (
        [Sector.CARE],
        ["Har erfaring med omsorg for eldre i familien"],
        [
            "Jeg passet bestemor i flere år og likte det godt.",
            "Jeg vil jobbe med eldre, jeg har god tid og tålmodighet.",
        ],
    ),
    (
        [Sector.INDUSTRY, Sector.CARETAKING],
        ["Interessert i maskiner og motorer"],
        [
            "Jeg har skrudd på mopeder siden jeg var liten.",
            "Jeg vil lære et fag, kanskje bli mekaniker en dag.",
        ],
    ),
]
STRENGTHS = [
    "Møter presist og er til å stole på",
    "Lærer fort når noen viser hvordan",
    "Blid og lett å samarbeide med",
    "Tålmodig og nøyaktig",
    "Fysisk sterk og utholdende",
    "God til å se hva som må gjøres",
    "Snakker arabisk, somali og litt engelsk",
    "Ryddig og systematisk",
]
OWN_STRENGTHS = [
    "Jeg er god til å holde orden, og jeg gir meg ikke før ting er ferdig.",
    "Jeg er flink med folk, og jeg kommer alltid når jeg har sagt at jeg skal.",
    "Jeg lærer fort hvis noen viser meg hvordan.",
    "Jeg er sterk og tåler å stå lenge.",
]
MOTIVATION = [
    "Jeg vil ha en grunn til å stå opp om morgenen og kolleger å snakke med.",
    "Jeg vil tjene egne penger og klare meg selv.",
    "Jeg har vært hjemme lenge nok, nå vil jeg prøve igjen.",
    "Jeg vil vise at jeg kan, både for meg selv og for barna mine.",
]
EXPERIENCE = [
    "Sommerjobb på lager to år",
    "Avisbud i tre år",
    "Praksis i kantine i fire måneder",
    "Butikkmedarbeider i 2019–2020",
    "Renholder på kveldstid",
    "Ingen arbeidserfaring ennå",
    "Fotballtrener for barnelag, frivillig",
    "Vaskehjelp i familiebedrift",
]
EDUCATION = [
    "Fullført ungdomsskole",
    "Påbegynt videregående, restauranter og matfag",
    "Videregående, studiespesialisering",
    "Norskkurs nivå B1",
    "Truckførerbevis T1 og T2",
    "Fagbrev i kokkfaget",
]
AVOID = [
    "Vil ikke jobbe med mye støy",
    "Vil helst unngå telefonsalg",
    "Vil ikke jobbe natt",
    "Liker ikke å stå i kassa",
    "",
]
BENEFITS = [
    (Benefit.AAP, 40),
    (Benefit.SOCIAL, 20),
    (Benefit.DISABILITY, 12),
    (Benefit.KVP, 8),
    (Benefit.UNEMPLOYMENT, 8),
    (Benefit.NONE, 12),
]
TIME_OUTSIDE_WORK = [
    (TimeOutsideWork.UNDER_1, 25),
    (TimeOutsideWork.YEARS_1_2, 25),
    (TimeOutsideWork.YEARS_2_5, 25),
    (TimeOutsideWork.OVER_5, 15),
    (TimeOutsideWork.NEVER, 10),
]
NEED_WEIGHTS = dict.fromkeys(NEED_TYPES, 1) | {
    "not_full_days": 4,
    "gradual_increase": 4,
    "avoid_heavy_lifting": 3,
    "quiet_environment": 4,
    "close_follow_up": 5,
    "adapted_training": 4,
    "writing": 3,
    "reading": 2,
    "speaking": 2,
}
NEED_DETAILS = {
    "not_full_days": "Orker fire til fem timer om dagen nå",
    "gradual_increase": "Starte med 40 %, øke når det går bra",
    "avoid_heavy_lifting": "Vondt i ryggen, ikke løfte over 10 kg",
    "quiet_environment": "Blir sliten av mye lyd og mange folk samtidig",
    "close_follow_up": "Trenger en fast person å spørre de første ukene",
    "adapted_training": "Lærer best ved å bli vist, ikke av skriftlige instrukser",
    "writing": "Skriver lite norsk, bruker talemeldinger",
    "away_fixed_times": "Henter barn i barnehagen kl. 15.30",
}


def _pick(rng: random.Random, options: Sequence[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def fill_profile(candidate: Candidate, rng: random.Random, municipality: str) -> None:
    """Give a new (unsaved) candidate a kartlegging, and for about half their own words."""
    sectors, notes, own = rng.choice(THEMES)
    candidate.interests = ". ".join(rng.sample(notes, k=len(notes)))
    candidate.resources = ". ".join(rng.sample(STRENGTHS, k=2))
    candidate.experience = ". ".join(rng.sample(EXPERIENCE, k=rng.randint(1, 2)))
    candidate.education = rng.choice(EDUCATION)
    low = rng.choice([8, 10, 15, 20, 20, 30])
    candidate.hours_min, candidate.hours_max = low, min(37, low + rng.choice([0, 5, 10, 17]))
    candidate.times_of_day = [TimeOfDay.DAY] + ([TimeOfDay.EVENING] if rng.random() < 0.3 else [])
    candidate.sectors = list(sectors)
    candidate.places = [municipality]
    candidate.max_commute_km = rng.choice([5, 10, 15, 20, 30, 45])
    candidate.avoid = rng.choice(AVOID)
    candidate.main_goal = MainGoal.GET_WORK if rng.random() < 0.85 else MainGoal.PARTICIPATE
    candidate.benefit = _pick(rng, BENEFITS)
    candidate.time_outside_work = _pick(rng, TIME_OUTSIDE_WORK)
    if rng.random() < 0.5:
        candidate.own_interests = own[0]
        candidate.own_wishes = own[1]
        candidate.own_strengths = rng.choice(OWN_STRENGTHS)
        candidate.own_motivation = rng.choice(MOTIVATION)


def needs_for(candidate: Candidate, rng: random.Random, today: date) -> list[AccommodationNeed]:
    """0–3 needs, confirmed between today and 14 months ago (so some are due for review)."""
    count = rng.choices([0, 1, 2, 3], weights=[30, 35, 25, 10])[0]
    codes = list(NEED_WEIGHTS)
    chosen: set[str] = set()
    while len(chosen) < count:
        chosen.add(rng.choices(codes, weights=list(NEED_WEIGHTS.values()))[0])
    return [
        AccommodationNeed(
            candidate=candidate,
            code=code,
            detail=NEED_DETAILS.get(code, ""),
            last_confirmed=today - timedelta(days=rng.randint(0, 420)),
        )
        for code in sorted(chosen)
    ]
