"""What the demo generator's steps share: the seeded randomness, the day, the size, and the
rows the earlier steps made.

``generator.py`` makes one ``DemoContext`` and runs the steps in order; each step is a
function in its own module that receives the context, reads what earlier steps filled in,
and returns what it builds; the generator stores that on the context for the next steps.
No step module imports the generator or another step's private helpers.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from django.db import models
from faker import Faker

from samspill.accounts.models import Office, Team, User
from samspill.candidates.models import Candidate
from samspill.employers.models import Employer, Workplace
from samspill.processes.models import InclusionProcess, PhaseChange

M = TypeVar("M", bound=models.Model)
T = TypeVar("T")
#: ``progress(label, done, total)``: rows written so far of one kind.
Progress = Callable[[str, int, int], None]
BATCH = 5000


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    logins: list[tuple[str, str]] = field(default_factory=list)


def weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    """One of ``options`` (value, weight), drawn by weight."""
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def chunks(items: Sequence[M], size: int = BATCH) -> Iterator[Sequence[M]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class DemoContext:
    rng: random.Random
    fake: Faker
    today: date
    size: int
    progress: Progress
    #: The hashed demo password for the logins that have one.
    password: str
    summary: Summary = field(default_factory=Summary)
    # -- filled in by the steps, in the order they run --------------------------------------
    offices: list[Office] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    #: Advisors per office (pk).
    advisors: dict[int, list[User]] = field(default_factory=dict)
    #: Staff, partners and demo logins by username.
    users: dict[str, User] = field(default_factory=dict)
    employers: list[Employer] = field(default_factory=list)
    #: Workplaces per office (pk) whose municipality they are in.
    workplaces_by_office: dict[int, list[Workplace]] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    #: One process per candidate, in the same order, and each process's phase changes.
    processes: list[InclusionProcess] = field(default_factory=list)
    walks: list[list[PhaseChange]] = field(default_factory=list)

    @classmethod
    def create(
        cls, *, seed: int, size: int, today: date, progress: Progress, password: str
    ) -> DemoContext:
        fake = Faker("no_NO")
        fake.seed_instance(seed)
        return cls(
            rng=random.Random(seed),
            fake=fake,
            today=today,
            size=size,
            progress=progress,
            password=password,
        )

    def uuid(self) -> uuid.UUID:
        """A UUID from the seeded generator, so a seed gives the same URLs every time."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def phone(self) -> str:
        return f"{self.rng.choice('49')}{self.rng.randrange(10**7):07d}"

    def insert(self, label: str, objects: Sequence[M]) -> list[M]:
        """Bulk-insert ``objects`` (one model) in batches, report progress, count them."""
        if not objects:
            return []
        model = type(objects[0])
        for done, chunk in enumerate(chunks(objects), start=1):
            model._default_manager.bulk_create(chunk)
            self.progress(label, min(done * BATCH, len(objects)), len(objects))
        self.count(label, len(objects))
        return list(objects)

    def count(self, label: str, number: int) -> None:
        """Add ``number`` to the summary line ``label``."""
        self.summary.counts[label] = self.summary.counts.get(label, 0) + number

    def user(self, username: str, role: str, *, login: bool = False, **extra: Any) -> User:
        """An unsaved user with a fake name; ``login`` gives them the demo password."""
        first, last = self.fake.first_name(), self.fake.last_name()
        return User(
            uuid=self.uuid(),
            username=username,
            role=role,
            first_name=first,
            last_name=last,
            email=f"{username}@example.com",
            phone=self.phone(),
            password=self.password if login else "!",
            **extra,
        )
