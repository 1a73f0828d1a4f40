"""Writes for workplaces (with their environment) and the tasks mapped at each of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.changefeed import feed
from samspill.employers.models import Demand, DemandLevel, Employer, Task, Workplace
from samspill.employers.services.checks import (
    Errors,
    check_coordinates,
    check_hours,
    required_text,
)
from samspill.lib.choices import TimeOfDay

#: The environment fields of a workplace (seed 003, table 2), all optional free text.
ENVIRONMENT_TEXT_FIELDS = (
    "introduction_routine",
    "internal_training",
    "physical_environment",
    "social_environment",
    "career_opportunities",
    "recruitment_need",
)


def _audit(actor: User, subject: Subject, action: Action) -> None:
    audit_record(actor=actor, subject=subject, action=action, purpose=Purpose.CASE_WORK)


def _apply_workplace(
    workplace: Workplace,
    *,
    name: str,
    address: str,
    municipality: str,
    latitude: float | None,
    longitude: float | None,
    buddy_available: bool,
    environment: Mapping[str, str],
) -> None:
    unknown = set(environment) - set(ENVIRONMENT_TEXT_FIELDS)
    if unknown:
        raise TypeError(f"unknown environment fields: {sorted(unknown)}")
    errors = Errors()
    texts = (
        required_text(errors, "name", name, _("Skriv inn navnet på arbeidsplassen.")),
        required_text(errors, "address", address, _("Skriv inn adressen.")),
        required_text(errors, "municipality", municipality, _("Skriv inn kommunen.")),
    )
    check_coordinates(errors, latitude, longitude)
    errors.raise_if_any()
    assert latitude is not None
    assert longitude is not None
    workplace.name, workplace.address, workplace.municipality = texts
    workplace.latitude, workplace.longitude = latitude, longitude
    workplace.buddy_available = buddy_available
    for field, value in environment.items():
        setattr(workplace, field, (value or "").strip())
    workplace.full_clean()


@transaction.atomic
def workplace_create(
    *,
    actor: User,
    employer: Employer,
    name: str,
    address: str,
    municipality: str,
    latitude: float | None,
    longitude: float | None,
    buddy_available: bool = False,
    **environment: str,
) -> Workplace:
    """A new workplace; ``environment`` takes the texts in ``ENVIRONMENT_TEXT_FIELDS``."""
    workplace = Workplace(employer=employer)
    _apply_workplace(
        workplace,
        name=name,
        address=address,
        municipality=municipality,
        latitude=latitude,
        longitude=longitude,
        buddy_available=buddy_available,
        environment=environment,
    )
    workplace.save()
    _audit(actor, Subject("workplace", workplace.uuid), Action.CREATE)
    return workplace


@transaction.atomic
def workplace_update(
    *,
    actor: User,
    workplace: Workplace,
    name: str,
    address: str,
    municipality: str,
    latitude: float | None,
    longitude: float | None,
    buddy_available: bool = False,
    **environment: str,
) -> Workplace:
    _apply_workplace(
        workplace,
        name=name,
        address=address,
        municipality=municipality,
        latitude=latitude,
        longitude=longitude,
        buddy_available=buddy_available,
        environment=environment,
    )
    workplace.save()
    _audit(actor, Subject("workplace", workplace.uuid), Action.CHANGE)
    feed.workplace_changed(workplace.pk)
    return workplace


def _check_demands(errors: Errors, demands: Mapping[str, int]) -> dict[str, int]:
    unknown = set(demands) - set(Demand.values)
    if unknown:
        errors.add("demands", _("Ukjent krav: %(value)s.") % {"value": ", ".join(sorted(unknown))})
    levels = {}
    for demand in Demand:
        level = demands.get(demand.value, DemandLevel.NONE)
        if level not in DemandLevel.values:
            errors.add(demand.value, _("Velg et nivå fra 0 (ingen) til 3 (mye)."))
        levels[demand.value] = int(level)
    return levels


def _check_times(errors: Errors, time_of_day: Sequence[str]) -> list[str]:
    chosen = set(time_of_day)
    if not chosen:
        errors.add("time_of_day", _("Velg minst ett tidspunkt."))
    elif chosen - set(TimeOfDay.values):
        errors.add("time_of_day", _("Velg tidspunkt fra listen."))
    return [value for value in TimeOfDay.values if value in chosen]


def _apply_task(
    task: Task,
    *,
    name: str,
    description: str,
    demands: Mapping[str, int],
    time_of_day: Sequence[str],
    hours_per_week: Decimal | float | None,
    adaptable: bool,
    adaptation_note: str,
) -> None:
    errors = Errors()
    clean_name = required_text(errors, "name", name, _("Skriv inn navnet på oppgaven."))
    levels = _check_demands(errors, demands)
    times = _check_times(errors, time_of_day)
    hours = check_hours(errors, "hours_per_week", hours_per_week)
    note = (adaptation_note or "").strip()
    if adaptable and not note:
        errors.add("adaptation_note", _("Skriv hvordan oppgaven kan tilrettelegges."))
    errors.raise_if_any()
    task.name, task.description = clean_name, (description or "").strip()
    task.time_of_day, task.hours_per_week = times, hours
    task.adaptable, task.adaptation_note = adaptable, note
    for field, level in levels.items():
        setattr(task, field, level)
    task.full_clean()


@transaction.atomic
def task_create(
    *,
    actor: User,
    workplace: Workplace,
    name: str,
    demands: Mapping[str, int],
    time_of_day: Sequence[str],
    hours_per_week: Decimal | float | None,
    description: str = "",
    adaptable: bool = False,
    adaptation_note: str = "",
) -> Task:
    """Map one task at a workplace; demands missing from ``demands`` are «Ingen»."""
    task = Task(workplace=workplace)
    _apply_task(
        task,
        name=name,
        description=description,
        demands=demands,
        time_of_day=time_of_day,
        hours_per_week=hours_per_week,
        adaptable=adaptable,
        adaptation_note=adaptation_note,
    )
    task.save()
    _audit(actor, Subject("task", task.uuid), Action.CREATE)
    feed.workplace_changed(task.workplace_id)
    return task


@transaction.atomic
def task_update(
    *,
    actor: User,
    task: Task,
    name: str,
    demands: Mapping[str, int],
    time_of_day: Sequence[str],
    hours_per_week: Decimal | float | None,
    description: str = "",
    adaptable: bool = False,
    adaptation_note: str = "",
) -> Task:
    _apply_task(
        task,
        name=name,
        description=description,
        demands=demands,
        time_of_day=time_of_day,
        hours_per_week=hours_per_week,
        adaptable=adaptable,
        adaptation_note=adaptation_note,
    )
    task.save()
    _audit(actor, Subject("task", task.uuid), Action.CHANGE)
    feed.workplace_changed(task.workplace_id)
    return task
