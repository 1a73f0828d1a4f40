"""The demo-data generator behind ``manage.py seed_demo``.

Deterministic for a given seed and day; bulk inserts so that 100 000 candidates with their
processes take a few minutes. Names and places come from Faker's Norwegian locale
(``no_NO``; Faker has no separate ``nb_NO``), phone numbers and e-mail addresses are fake.

This module only orchestrates: it makes the ``DemoContext`` and runs the steps in order,
storing what each returns on the context for the steps after it (``context.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib.auth.hashers import make_password
from django.db import transaction

from samspill.demo import (
    agreements,
    caseload,
    employers,
    followup,
    insights,
    matching,
    people,
    plans,
)
from samspill.demo.context import DemoContext, Progress, Summary

DEMO_PASSWORD = "demo"  # noqa: S105 (demo only: seed_demo refuses production settings)


def _offices(ctx: DemoContext) -> None:
    ctx.offices, ctx.teams = people.offices_and_teams(ctx)


def _staff(ctx: DemoContext) -> None:
    staff = people.staff(ctx)
    ctx.advisors, ctx.users = staff.advisors, staff.users


def _employers(ctx: DemoContext) -> None:
    ctx.employers, ctx.workplaces_by_office = employers.employers_and_workplaces(ctx)


def _caseload(ctx: DemoContext) -> None:
    caseload_ = caseload.candidates_and_processes(ctx)
    ctx.candidates, ctx.processes, ctx.walks = (
        caseload_.candidates,
        caseload_.processes,
        caseload_.walks,
    )


def _jobs(ctx: DemoContext) -> None:
    insights.jobs(ctx)
    insights.fidelity_reviews(ctx)


def _logins(ctx: DemoContext) -> None:
    ctx.users.update(people.demo_logins(ctx))
    ctx.summary.logins = people.login_list(ctx.users)


#: (label shown while it runs, step), in order: a step reads what the ones before it made.
STEPS: tuple[tuple[str, Callable[[DemoContext], object]], ...] = (
    ("Kontorer og team", _offices),
    ("Ansatte og samarbeidspartnere", _staff),
    ("Arbeidsgivere og arbeidsplasser", _employers),
    ("Arbeidsplasskartlegging", employers.employer_mapping),
    ("Kandidater og forløp", _caseload),
    ("Behov og samtykker", caseload.needs_and_consents),
    ("Kontaktlogg", followup.contacts),
    ("Jobber og fidelitetsgjennomganger", _jobs),
    ("Demo-innlogginger", _logins),
    ("Jobbmatch og matchemøte", matching.matches),
    ("Avtaler (tilretteleggingsgaranti)", agreements.agreements),
    ("Oppfølgingsplaner, forpliktelser og henvendelser", plans.followup),
    ("Arbeidsgivernes kontaktlogg fra forløpene", followup.employer_log_entries),
)


class DemoBuilder:
    """Builds the whole demo in one transaction: ``DemoBuilder(...).run(announce)``."""

    def __init__(self, *, seed: int, size: int, today: date, progress: Progress) -> None:
        self.context = DemoContext.create(
            seed=seed,
            size=size,
            today=today,
            progress=progress,
            password=make_password(DEMO_PASSWORD),
        )

    def run(self, announce: Callable[[int, int, str], None]) -> Summary:
        """Run every step; ``announce(number, total, label)`` before each."""
        with transaction.atomic():
            for number, (label, step) in enumerate(STEPS, start=1):
                announce(number, len(STEPS), label)
                step(self.context)
        return self.context.summary
