"""``manage.py apply_retention``: blank, anonymise and purge what is past its retention
period (``rules.py``; docs/rules.md, «Sletting og anonymisering»). Run it daily.

``--dry-run`` lists what would go, per kind, with the process UUIDs, and changes nothing.
A real run handles one person (or agreement) per transaction and is idempotent: a second
run finds nothing due and says so.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from samspill.retention import selectors, services


class Command(BaseCommand):
    help = "Sletter og anonymiserer opplysninger etter oppbevaringstiden (kjøres daglig)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would go; change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        due = selectors.due(until=today)
        if options["dry_run"]:
            self._list(due)
            return
        if due.empty:
            self.stdout.write(f"{self._now()} Ingenting har passert oppbevaringstiden.")
            return
        total = len(services.STEPS)

        def progress(step: str, done: int, count: int) -> None:
            if done == 0:  # a step begins: say which, and how many it has to do
                number = services.STEPS.index(step) + 1
                self.stdout.write(f"[{number}/{total}] {step} ({count})")

        report = services.retention_apply(due=due, today=today, progress=progress)
        self.stdout.write(
            f"{self._now()} kontaktnotater blanket {report.notes_blanked} "
            f"(hos {report.notes_candidates} personer), anonymisert {report.anonymised}, "
            f"avtaler slettet {report.agreements_purged}, "
            f"logghendelser slettet {report.audit_rows_purged}, hoppet over {report.skipped}"
        )

    def _now(self) -> str:
        return f"{timezone.localtime():%Y-%m-%d %H:%M}"

    def _list(self, due: selectors.Due) -> None:
        w = self.stdout.write
        w(f"{self._now()} Tørrkjøring: ingenting endres.")
        if due.empty:
            w("Ingenting har passert oppbevaringstiden.")
            return
        kinds = (
            ("Notater i kontaktloggen blankes", due.notes),
            ("Kandidater anonymiseres", due.anonymise),
        )
        for label, rows in kinds:
            w(f"{label}: {len(rows)} personer")
            for row in rows:
                for p in row.processes:
                    w(f"  forløp {p.uuid} avsluttet {p.ended_on} (frist {row.due_on})")
        w(f"Avtaler slettes med alle versjoner: {len(due.agreements)}")
        for a in due.agreements:
            w(f"  avtale {a.agreement_uuid} forløp {a.process.uuid} sluttet {a.ended_on}")
        w(f"Logghendelser slettes: {due.audit_rows}")
