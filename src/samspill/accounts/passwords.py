"""Password rules in Norwegian. Django's own bokmål catalogue lacks the current wording of
the minimum-length message, so it would show in English."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "Passordet er for kort. Det må ha minst %(n)d tegn.",
            "Passordet er for kort. Det må ha minst %(n)d tegn.",
            self.min_length,
        ) % {"n": self.min_length}

    def get_help_text(self) -> str:
        return ngettext(
            "Passordet må ha minst %(n)d tegn.",
            "Passordet må ha minst %(n)d tegn.",
            self.min_length,
        ) % {"n": self.min_length}
