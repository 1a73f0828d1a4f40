from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samspill.accounts.models import User
from samspill.identity.services import api_token_create


class Command(BaseCommand):
    help = "Create a bearer token for the JSON API and print it (shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {options['username']!r}.")
        self.stdout.write(api_token_create(user=user))
