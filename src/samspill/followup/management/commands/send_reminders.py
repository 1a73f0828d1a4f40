"""``manage.py send_reminders``: create due reminders and deliver notifications.

Run it from a timer with ``--once``, or as a worker that loops. It is idempotent: running
it twice, or again after a crash, sends each reminder exactly once.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from samspill.followup.reminders import run_pass


class Command(BaseCommand):
    help = "Create follow-up reminders that are due and deliver notifications (e-mail, digest)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run one pass and exit")
        parser.add_argument(
            "--interval", type=int, default=300, help="seconds between passes when looping"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            result = run_pass(now=timezone.now())
            self.stdout.write(
                f"{timezone.localtime():%Y-%m-%d %H:%M} reminders created {result.created}, "
                f"delivered {result.delivered}, digests {result.digests}"
            )
            if options["once"]:
                return
            time.sleep(max(1, options["interval"]))
