"""Choices shared by several apps, so that both sides of a match speak the same language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeOfDay(models.TextChoices):
    """When work happens (a task) or when a person can work (a candidate's wish)."""

    DAY = "day", _("Dagtid")
    EVENING = "evening", _("Kveld")
    NIGHT = "night", _("Natt")
    WEEKEND = "weekend", _("Helg")
