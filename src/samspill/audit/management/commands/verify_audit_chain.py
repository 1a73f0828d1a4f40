"""Verify the audit trail: every row's keyed hash and every seal; report the first break."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samspill.audit.integrity import audit_seal, verify
from samspill.audit.models import AuditEvent, AuditSeal


class Command(BaseCommand):
    help = "Kontrollerer at innsynsloggen ikke er endret: radenes hash og forseglingene."

    def handle(self, *args: Any, **options: Any) -> None:
        audit_seal()
        self.stdout.write(
            f"[1/2] {AuditSeal.objects.count()} forseglinger, "
            f"{AuditEvent.objects.count()} rader kontrolleres …"
        )
        breaks = verify()
        if breaks:
            self.stderr.write(f"Første brudd: {breaks[0].where}: {breaks[0].problem}")
            for found in breaks[1:20]:
                self.stderr.write(f"  {found.where}: {found.problem}")
            raise CommandError(f"{len(breaks)} brudd i innsynsloggen.")
        self.stdout.write("[2/2] Innsynsloggen er hel.")
