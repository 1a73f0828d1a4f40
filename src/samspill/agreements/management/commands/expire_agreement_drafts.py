"""Cancel agreement drafts untouched for 12 weeks (run daily by a timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samspill.agreements.services import agreements_expire_drafts


class Command(BaseCommand):
    help = "Avbryter avtaleutkast som ikke er rørt på 12 uker, og varsler en uke før."

    def handle(self, *args: Any, **options: Any) -> None:
        warned, cancelled = agreements_expire_drafts()
        self.stdout.write(f"Varslet {warned} utkast, avbrøt {cancelled}.")
