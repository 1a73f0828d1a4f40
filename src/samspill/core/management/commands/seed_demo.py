"""``manage.py seed_demo``: load synthetic demo data (never in production settings)."""

from __future__ import annotations

import sys
import time
from datetime import date
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from samspill.accounts.models import Role, User
from samspill.candidates.models import Candidate
from samspill.demo.generator import DEMO_PASSWORD, DemoBuilder

#: The demo logins: one per role, the username is the role's code.
DEMO_LOGINS = [(str(role.value), str(role.label)) for role in Role]


class Command(BaseCommand):
    help = "Create realistic synthetic demo data: offices, staff, employers, candidates, processes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", type=int, default=3000, help="number of candidates")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (deterministic)")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="pretend today is this date (YYYY-MM-DD), for exact repeats",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if the database already has data"
        )
        parser.add_argument(
            "--flush", action="store_true", help="delete ALL data first (asks no questions)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEVELOPMENT:
            raise CommandError(
                "seed_demo creates logins with a known password; it refuses to "
                "run with production settings (set DJANGO_DEBUG=1 locally)."
            )
        if options["size"] < 100:
            raise CommandError("--size must be at least 100 candidates.")
        existing = Candidate.objects.count()
        if existing and options["flush"]:
            call_command("flush", interactive=False, verbosity=0)
        elif existing or User.objects.exists():
            if options["if_empty"]:
                self.stdout.write(
                    f"Demo data is already loaded ({existing} candidates); "
                    "nothing to do. Start over with `make demo-reset`."
                )
                self._print_logins(DEMO_LOGINS)
                return
            raise CommandError("The database already has data. Use --if-empty or --flush.")
        self._seed(options)

    def _seed(self, options: Any) -> None:
        started = time.monotonic()
        bars: dict[str, tqdm[Any]] = {}

        def progress(label: str, done: int, total: int) -> None:
            bar = bars.get(label)
            if bar is None:
                bar = bars[label] = tqdm(
                    total=total,
                    desc=f"      {label}",
                    unit=" rader",
                    file=sys.stderr,
                    disable=None,
                    leave=False,
                )
            bar.update(done - bar.n)

        def announce(number: int, total: int, label: str) -> None:
            self.stdout.write(f"[{number}/{total}] {label}")

        builder = DemoBuilder(
            seed=options["seed"],
            size=options["size"],
            today=options["today"] or date.today(),
            progress=progress,
        )
        summary = builder.run(announce)
        for bar in bars.values():
            bar.close()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {elapsed:.1f} s:"))
        for label, count in summary.counts.items():
            self.stdout.write(f"  {label:<32} {count:>9,}".replace(",", " "))
        self._print_logins(summary.logins)

    def _print_logins(self, logins: list[tuple[str, str]]) -> None:
        self.stdout.write(f"\nDemo logins (password «{DEMO_PASSWORD}»):")
        for username, role in logins:
            self.stdout.write(f"  {username:<18} {role}")
