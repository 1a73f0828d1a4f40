"""Shared model building blocks."""

from __future__ import annotations

import uuid

from django.db import models


class PublicModel(models.Model):
    """A record that is addressed from outside (URLs, API) by a UUID, never by its row id."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True
