"""The change feed: an outbox of «this record changed» rows.

The domain services (candidates, employers, processes, retention, matching) append a row in
the same transaction as their change (``feed.py``); Jobbmatch's live index reads the rows it
has not seen and re-reads only those records (``matching/live.py``). The feed sits just
above ``lib`` and knows no other app, so a low app can publish without importing the app
that reacts. The table kept its name when the model moved here from ``matching``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ChangeKind(models.TextChoices):
    CANDIDATE = "candidate"
    OPENING = "opening"
    WORKPLACE = "workplace"
    EMPLOYER = "employer"


class IndexChange(models.Model):
    """Outbox row: ``kind`` object ``object_id`` changed; the live index re-reads it."""

    kind = models.CharField(max_length=10, choices=ChangeKind.choices)
    object_id = models.BigIntegerField()
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        db_table = "matching_indexchange"

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
