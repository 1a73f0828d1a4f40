"""Seal the audit trail's newest rows (run every few minutes, like the reminders)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samspill.audit.integrity import audit_seal


class Command(BaseCommand):
    help = "Forsegler de nyeste radene i innsynsloggen (nøklet hash, lenket til forrige)."

    def handle(self, *args: Any, **options: Any) -> None:
        seal = audit_seal()
        if seal is None:
            self.stdout.write("Ingen nye rader å forsegle.")
            return
        self.stdout.write(
            f"Forsegling {seal.number}: {seal.count} rader ({seal.first_id}–{seal.last_id})."
        )
