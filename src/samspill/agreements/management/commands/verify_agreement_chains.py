"""Verify the hash chain of every concluded agreement version; report any tampering."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from samspill.agreements import chain
from samspill.agreements.models import Agreement, Stage


class Command(BaseCommand):
    help = "Kontrollerer at låste avtaleversjoner ikke er endret (hash-kjeden)."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, breaks = 0, []
        chained = Q(versions__isnull=False) | Q(chain_length__gt=0) | Q(stage=Stage.CONCLUDED)
        for agreement in Agreement.objects.filter(chained).distinct():
            checked += 1
            breaks += chain.verify(agreement)
        for found in breaks:
            self.stderr.write(f"Avtale {found.agreement}, versjon {found.number}: {found.problem}")
        if breaks:
            raise CommandError(
                f"{len(breaks)} brudd i hash-kjeden ({checked} avtaler kontrollert)."
            )
        self.stdout.write(f"Hash-kjeden er hel for {checked} avtaler.")
