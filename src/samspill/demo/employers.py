"""Demo data for the workplace mapping: contact persons, mapped tasks, the environment,
contacts and visits over two years, and openings in every status.

Tasks come from a catalogue per sector with a demand profile each, varied at random per
workplace, so that two warehouses map differently («lagerarbeid er ikke lik lagerarbeid»).
Everything is bulk-inserted through ``DemoContext.insert``; names, phone numbers and
e-mail addresses (@example.com) are synthetic.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db.models import Model
from django.utils import timezone

from samspill.accounts.models import Role, User
from samspill.demo import data
from samspill.demo.context import DemoContext, weighted
from samspill.demo.mapping_data import (
    CONTACT_KINDS,
    ENVIRONMENT,
    INCLUSION_NOTES,
    OPENING_KINDS,
    ROLES,
    STATUS_PATHS,
    SUMMARIES,
    TASKS,
    WISHES,
    TaskTemplate,
)
from samspill.employers.models import (
    ContactKind,
    ContactPerson,
    Employer,
    EmployerContact,
    EmployerSize,
    Opening,
    OpeningKind,
    OpeningStatus,
    OpeningStatusChange,
    Sector,
    Task,
    Workplace,
)
from samspill.lib.validation import org_number_from_base

T = TypeVar("T")
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", " ": "", "-": ""})


def _update_in_groups(model: type[Model], changes: dict[tuple[str, object], list[int]]) -> None:
    """One UPDATE per (field, value) and chunk of ids: far faster than ``bulk_update``."""
    for (field, value), ids in changes.items():
        for start in range(0, len(ids), 5000):
            model._default_manager.filter(pk__in=ids[start : start + 5000]).update(**{field: value})


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def employers_and_workplaces(ctx: DemoContext) -> tuple[list[Employer], dict[int, list[Workplace]]]:
    """Employers in every sector but «other», each with one or more workplaces near one of
    the offices; returns the employers and the workplaces per office."""
    count = max(len(data.OFFICES) * 6, ctx.size // 15)
    sectors = list(Sector)[:-1]  # every sector but "other"
    employers, base = [], 920_000_000 // 10
    for n in range(count):
        sector = sectors[n % len(sectors)]
        pattern = ctx.rng.choice(data.EMPLOYER_NAMES[sector])
        name = pattern.format(name=ctx.fake.last_name(), place=ctx.fake.city())
        while (org := org_number_from_base(str(base))) is None:
            base += 1
        base += ctx.rng.randrange(1, 97)
        employers.append(
            Employer(
                uuid=ctx.uuid(),
                org_number=org,
                name=name,
                sector=sector,
                ia_agreement=ctx.rng.random() < 0.55,
            )
        )
    ctx.insert("Arbeidsgivere", employers)
    workplaces: list[Workplace] = []
    by_office: dict[int, list[Workplace]] = {}
    for n, employer in enumerate(employers):
        office = ctx.offices[n % len(ctx.offices)]
        names = data.WORKPLACE_NAMES[employer.sector]
        for name in names[: ctx.rng.randint(1, len(names))]:
            workplace = Workplace(
                uuid=ctx.uuid(),
                employer=employer,
                name=name,
                address=ctx.fake.street_address(),
                municipality=office.municipality,
                latitude=office.latitude + ctx.rng.uniform(-0.05, 0.05),
                longitude=office.longitude + ctx.rng.uniform(-0.08, 0.08),
            )
            workplaces.append(workplace)
            by_office.setdefault(office.pk, []).append(workplace)
    ctx.insert("Arbeidsplasser", workplaces)
    return employers, by_office


class _Mapping:
    """Everything the workplace mapping adds to the employers (``employer_mapping``)."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.workplaces: dict[int, list[Workplace]] = defaultdict(list)
        for workplaces in ctx.workplaces_by_office.values():
            for workplace in workplaces:
                self.workplaces[workplace.employer_id].append(workplace)
        self.staff: dict[int, list[User]] = defaultdict(list)
        for user in ctx.users.values():
            if user.role == Role.EMPLOYER_CONTACT and user.office_id is not None:
                self.staff[user.office_id].append(user)
        self.tasks: dict[int, list[Task]] = {}

    def _office_staff(self, n: int) -> list[User]:
        office = self.ctx.offices[n % len(self.ctx.offices)]
        return self.staff[office.pk] + self.ctx.advisors[office.pk][:2]

    # -- employers and workplaces ----------------------------------------------------------
    def describe_employers(self) -> None:
        sizes = list(EmployerSize)
        changes: dict[tuple[str, object], list[int]] = defaultdict(list)
        for employer in self.ctx.employers:
            if self.rng.random() < 0.85:
                changes[("size", self.rng.choice(sizes))].append(employer.pk)
            if self.rng.random() < 0.4:
                changes[("wishes", self.rng.choice(WISHES))].append(employer.pk)
            if self.rng.random() < 0.3:
                changes[("inclusion_notes", self.rng.choice(INCLUSION_NOTES))].append(employer.pk)
        _update_in_groups(Employer, changes)
        people = []
        for employer in self.ctx.employers:
            for _ in range(self.rng.randint(1, 3)):
                first, last = self.ctx.fake.first_name(), self.ctx.fake.last_name()
                email = f"{first}.{last}".lower().translate(_ASCII)
                people.append(
                    ContactPerson(
                        uuid=self.ctx.uuid(),
                        employer=employer,
                        name=f"{first} {last}",
                        role=self.rng.choice(ROLES),
                        phone=self.ctx.phone(),
                        email=f"{email}@example.com",
                    )
                )
        self.ctx.insert("Kontaktpersoner", people)

    def describe_workplaces(self) -> None:
        changes: dict[tuple[str, object], list[int]] = defaultdict(list)
        for workplace in (w for group in self.workplaces.values() for w in group):
            for field, options in ENVIRONMENT.items():
                if self.rng.random() < 0.8:
                    changes[(field, self.rng.choice(options))].append(workplace.pk)
            changes[("buddy_available", self.rng.random() < 0.6)].append(workplace.pk)
        _update_in_groups(Workplace, changes)

    # -- tasks -----------------------------------------------------------------------------
    def _task(self, workplace: Workplace, template: TaskTemplate) -> Task:
        levels = {
            key: min(3, max(0, level + self.rng.choice((-1, 0, 0, 1))))
            for key, level in template.demands.items()
        }
        adaptable = bool(template.adaptation) and self.rng.random() < 0.6
        low, high = template.hours
        return Task(
            uuid=self.ctx.uuid(),
            workplace=workplace,
            name=template.name,
            description=template.description,
            time_of_day=list(template.times),
            hours_per_week=Decimal(self.rng.randint(low * 2, high * 2)) / 2,
            adaptable=adaptable,
            adaptation_note=template.adaptation if adaptable else "",
            **levels,
        )

    def map_tasks(self) -> None:
        tasks: list[Task] = []
        for employer in self.ctx.employers:
            catalogue = TASKS.get(employer.sector, TASKS[Sector.WAREHOUSE])
            for workplace in self.workplaces[employer.pk]:
                chosen = self.rng.sample(catalogue, self.rng.randint(2, min(4, len(catalogue))))
                tasks.extend(self._task(workplace, template) for template in chosen)
        self.ctx.insert("Kartlagte arbeidsoppgaver", tasks)
        by_workplace: dict[int, list[Task]] = defaultdict(list)
        for task in tasks:
            by_workplace[task.workplace_id].append(task)
        self.tasks = dict(by_workplace)

    # -- contacts and visits ---------------------------------------------------------------
    def _contact_days(self) -> list[date]:
        """Dates of contact over two years: some employers are followed closely, some left
        for months (they show up as «ikke kontaktet på 60 dager»)."""
        style = self.rng.random()
        if style < 0.06:
            return []
        gap = (90, 400) if style < 0.25 else (20, 70) if style < 0.75 else (10, 35)
        days, day = [], self.ctx.today - timedelta(days=self.rng.randint(0, gap[0]))
        first = self.ctx.today - timedelta(days=730)
        while day > first:
            days.append(day)
            day -= timedelta(days=self.rng.randint(*gap))
        return days

    def log_contacts(self) -> None:
        contacts = []
        for n, employer in enumerate(self.ctx.employers):
            staff = self._office_staff(n)
            workplaces = self.workplaces[employer.pk]
            for day in self._contact_days():
                kind = weighted(self.rng, CONTACT_KINDS)
                workplace = self.rng.choice(workplaces) if workplaces else None
                tasks = self.tasks.get(workplace.pk, []) if workplace else []
                task = self.rng.choice(tasks).name.lower() if tasks else "lageret"
                contacts.append(
                    EmployerContact(
                        uuid=self.ctx.uuid(),
                        employer=employer,
                        workplace=workplace if kind == ContactKind.VISIT else None,
                        occurred_on=day,
                        kind=kind,
                        made_by=self.rng.choice(staff),
                        summary=self.rng.choice(SUMMARIES[kind]).format(task=task),
                        recorded_at=_at(day),
                    )
                )
        self.ctx.insert("Kontakter og besøk", contacts)

    # -- openings --------------------------------------------------------------------------
    def _opening(self, workplace: Workplace, created: date) -> Opening:
        kind = self.rng.choice(list(OPENING_KINDS))
        starts = created + timedelta(days=self.rng.randint(14, 60))
        tasks = self.tasks.get(workplace.pk, [])
        title = tasks[0].name if tasks else workplace.name
        return Opening(
            uuid=self.ctx.uuid(),
            workplace=workplace,
            kind=kind,
            purpose=self.rng.choice(OPENING_KINDS[kind]),
            title=f"{OpeningKind(kind).label}: {title.lower()}",
            description=f"{workplace.name} i {workplace.municipality}.",
            hours_per_week=Decimal(self.rng.choice((10, 15, 20, 22.5, 30, 37.5))),
            starts_on=starts,
            ends_on=starts + timedelta(weeks=self.rng.randint(8, 26))
            if kind == OpeningKind.TRIAL_PLACE
            else None,
            application_deadline=starts - timedelta(days=self.rng.randint(3, 14)),
            created_at=_at(created),
        )

    def post_openings(self) -> None:
        openings, paths = [], []
        for n, employer in enumerate(self.ctx.employers):
            workplaces = self.workplaces[employer.pk]
            for _ in range(self.rng.choice((0, 1, 1, 2, 3)) if workplaces else 0):
                created = self.ctx.today - timedelta(days=self.rng.randint(0, 700))
                opening = self._opening(self.rng.choice(workplaces), created)
                path = weighted(self.rng, STATUS_PATHS)
                opening.status = path[-1]
                opening.created_by = self.rng.choice(self._office_staff(n))
                openings.append(opening)
                paths.append(path)
        self.ctx.insert("Stillinger og praksisplasser", openings)
        self._history(openings, paths)

    def _history(self, openings: list[Opening], paths: list[list[OpeningStatus]]) -> None:
        changes, links = [], []
        through = Opening.tasks.through
        for opening, path in zip(openings, paths, strict=True):
            moment = opening.created_at
            for previous, status in zip(["", *path], path, strict=False):
                changes.append(
                    OpeningStatusChange(
                        opening=opening,
                        from_status=previous,
                        to_status=status,
                        reason="Arbeidsgiveren trakk behovet" if status == "cancelled" else "",
                        changed_at=min(moment, timezone.now()),
                        changed_by=opening.created_by,
                    )
                )
                moment += timedelta(days=self.rng.randint(1, 40))
            tasks = self.tasks.get(opening.workplace_id, [])
            for task in self.rng.sample(tasks, min(len(tasks), self.rng.randint(1, 3))):
                links.append(through(opening_id=opening.pk, task_id=task.pk))
        self.ctx.insert("Statusendringer for stillinger", changes)
        self.ctx.insert("Oppgaver i stillinger", links)


def employer_mapping(ctx: DemoContext) -> None:
    """Add the workplace mapping to the employers and workplaces made before."""
    mapping = _Mapping(ctx)
    mapping.describe_employers()
    mapping.describe_workplaces()
    mapping.map_tasks()
    mapping.log_contacts()
    mapping.post_openings()
