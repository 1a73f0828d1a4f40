"""The demo generator's workplace-mapping step, run for real on a small demo."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine

from samspill.conftest import seed_for_module
from samspill.demo.generator import DemoBuilder
from samspill.employers.models import (
    ContactPerson,
    Employer,
    EmployerContact,
    Opening,
    OpeningStatus,
    Sector,
    Task,
)
from samspill.employers.selectors import employer_register
from samspill.employers.transitions import OPENING_TRANSITIONS
from samspill.followup.models import Contact

TODAY = datetime.date(2026, 6, 1)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Seeded once for the module (the tests only read it)."""
    builder = DemoBuilder(seed=7, size=150, today=TODAY, progress=lambda *_: None)
    yield from seed_for_module(django_db_blocker, lambda: builder.run(lambda *_: None))


@pytest.mark.usefixtures("demo")
def test_every_employer_has_contact_persons_with_synthetic_details() -> None:
    counts = defaultdict(int)
    for person in ContactPerson.objects.all():
        counts[person.employer_id] += 1
        assert person.email.endswith("@example.com")
        assert len(person.phone) == 8
    assert set(counts) == set(Employer.objects.values_list("pk", flat=True))
    assert all(1 <= n <= 3 for n in counts.values())


@pytest.mark.usefixtures("demo")
def test_two_workplaces_of_the_same_sector_map_differently() -> None:
    warehouse_tasks = Task.objects.filter(workplace__employer__sector=Sector.WAREHOUSE)
    profiles = {tuple(t.demand_levels().values()) for t in warehouse_tasks}
    assert len(profiles) > 3
    per_workplace = defaultdict(set)
    for task in warehouse_tasks:
        per_workplace[task.workplace_id].add(task.name)
    assert len({frozenset(names) for names in per_workplace.values()}) > 1


@pytest.mark.usefixtures("demo")
def test_openings_follow_the_transition_table_and_use_their_own_tasks() -> None:
    statuses = set()
    for opening in Opening.objects.prefetch_related("tasks", "status_changes"):
        statuses.add(opening.status)
        assert all(task.workplace_id == opening.workplace_id for task in opening.tasks.all())
        changes = sorted(opening.status_changes.all(), key=lambda c: (c.changed_at, c.pk))
        assert changes[0].from_status == ""
        assert changes[0].to_status == OpeningStatus.DRAFT
        for change in changes[1:]:
            assert (
                OpeningStatus(change.to_status)
                in OPENING_TRANSITIONS[OpeningStatus(change.from_status)]
            )
        assert changes[-1].to_status == opening.status
        if opening.starts_on and opening.application_deadline:
            assert opening.application_deadline <= opening.starts_on
    assert {OpeningStatus.OPEN, OpeningStatus.FILLED} <= statuses


@pytest.mark.usefixtures("demo")
def test_contacts_have_realistic_gaps() -> None:
    assert not EmployerContact.objects.filter(occurred_on__gt=TODAY).exists()
    assert EmployerContact.objects.filter(occurred_on__lt=TODAY - datetime.timedelta(days=600))
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12), tick=False):
        rows = employer_register(Employer.objects.all())
        stale = [e for e in rows if e.not_contacted]  # type: ignore[attr-defined]
        assert 0 < len(stale) < rows.count() / 2
    assert Employer.objects.exclude(wishes="").exists()


@pytest.mark.usefixtures("demo")
def test_contacts_with_employers_logged_on_processes_are_in_the_employers_log() -> None:
    logged = Contact.objects.filter(employer__isnull=False).select_related("employer_contact")
    assert logged.exists()
    for contact in logged:
        entry = contact.employer_contact
        assert entry is not None
        assert (entry.employer_id, entry.occurred_on) == (contact.employer_id, contact.on)
