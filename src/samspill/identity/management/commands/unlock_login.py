from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samspill.accounts.models import User
from samspill.identity.services import user_unlock


class Command(BaseCommand):
    help = (
        "Lift the lockout after too many wrong passwords for USERNAME. The administrator "
        "named by --by is recorded in the audit trail."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--by", required=True, help="the administrator's username")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(username=options["by"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user named {options['by']!r}.")
        try:
            removed = user_unlock(actor=actor, username=options["username"])
        except PermissionDenied:
            raise CommandError(f"{actor.username!r} is not an administrator.") from None
        self.stdout.write(f"Unlocked {options['username']!r} ({removed} attempts removed).")
