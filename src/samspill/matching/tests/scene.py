"""A small warehouse scene around ``world``: three searching candidates and one opening.

- ``kari`` (office A, ``world.advisor``): likes warehouse work and trucks, 15–25 hours.
- ``ola`` (office A): the same hours, but needs to avoid heavy lifting.
- ``per`` (office B, another advisor): likes warehouse work; masked for office A.
- ``opening``: "Lagermedarbeider" at ``world.workplace`` with the tasks "Varemottak"
  (heavy lifting, not adaptable) and "Plukking" (light), 20 hours a week.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.candidates.models import AccommodationNeed, Candidate
from samspill.candidates.tests.factories import CandidateFactory, ConsentFactory
from samspill.conftest import World
from samspill.employers.models import Opening, OpeningStatus, Task
from samspill.employers.tests.factories import OpeningFactory, TaskFactory
from samspill.processes.models import InclusionProcess
from samspill.processes.tests.factories import ProcessFactory


@dataclass
class Scene:
    world: World
    kari: InclusionProcess
    ola: InclusionProcess
    per: InclusionProcess
    receiving: Task
    picking: Task
    opening: Opening


def _candidate(first: str, last: str, interests: str, **extra: object) -> Candidate:
    candidate = CandidateFactory(
        first_name=first,
        last_name=last,
        birth_date=datetime.date(1990, 3, 1),
        own_interests=interests,
        hours_min=15,
        hours_max=25,
        times_of_day=["day"],
        max_commute_km=30,
        **extra,
    )
    ConsentFactory(candidate=candidate, items=["name", "age", "interests"])
    return candidate


def build_scene(world: World) -> Scene:
    receiving = TaskFactory(
        workplace=world.workplace,
        name="Varemottak",
        description="Ta imot paller og bære kasser inn på lageret.",
        heavy_lifting=3,
        hours_per_week=Decimal("10.0"),
    )
    picking = TaskFactory(
        workplace=world.workplace,
        name="Plukking",
        description="Plukke varer til ordre på lageret.",
        heavy_lifting=0,
        hours_per_week=Decimal("10.0"),
    )
    opening = OpeningFactory(
        workplace=world.workplace,
        title="Lagermedarbeider",
        description="Arbeid på lager med varemottak og plukking.",
        hours_per_week=Decimal("20.0"),
        status=OpeningStatus.OPEN,
    )
    opening.tasks.set([receiving, picking])
    world.opening.status = OpeningStatus.DRAFT  # keep the fixture's own opening out of rankings
    world.opening.save(update_fields=["status"])
    kari = ProcessFactory(
        candidate=_candidate("Kari", "Lund", "Jeg liker lager og å kjøre truck."),
        advisor=world.advisor,
    )
    ola = ProcessFactory(
        candidate=_candidate("Ola", "Moe", "Jeg vil jobbe på lager."), advisor=world.advisor
    )
    AccommodationNeed.objects.create(
        candidate=ola.candidate, code="avoid_heavy_lifting", last_confirmed=datetime.date.today()
    )
    other = UserFactory(role=Role.ADVISOR, office=world.other_office)
    per = ProcessFactory(
        candidate=_candidate("Per", "Dahl", "Lager og logistikk er det jeg liker."), advisor=other
    )
    return Scene(world, kari, ola, per, receiving, picking, opening)


def build_extra_candidate(scene: Scene, n: int) -> InclusionProcess:
    """One more candidate at office A who likes warehouse work (for query-count tests)."""
    return ProcessFactory(
        candidate=_candidate(f"Ekstra{n}", "Kandidat", "Jeg liker lager og plukking."),
        advisor=scene.world.advisor,
    )
