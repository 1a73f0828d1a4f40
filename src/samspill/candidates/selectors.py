"""Reads for candidate profiles (always behind the access functions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from samspill.candidates.models import Candidate, ConsentRecord, ProfileVersion
from samspill.candidates.profile import ProfileHistory


def profile_history_since(*, candidate: Candidate, since: datetime | None) -> ProfileHistory | None:
    """The profile before and after the changes made after ``since`` (the reader's last
    visit), or ``None``. Unfiltered: only ``presentation.visible_changes`` renders it."""
    if since is None:
        return None
    newer = list(
        candidate.versions.filter(changed_at__gt=since, number__gt=0)
        .select_related("changed_by")
        .order_by("number")
    )
    if not newer:
        return None
    before = (
        ProfileVersion.objects.filter(candidate=candidate, number__lt=newer[0].number)
        .order_by("-number")
        .values_list("data", flat=True)
        .first()
    )
    names = sorted({v.changed_by.display_name for v in newer if v.changed_by is not None})
    return ProfileHistory(since=since, before=before or {}, after=newer[-1].data, changed_by=names)


@dataclass(frozen=True)
class ConsentState:
    items: list[str]
    history: list[ConsentRecord]

    @property
    def current(self) -> ConsentRecord | None:
        return self.history[0] if self.history else None


def consent_state(*, candidate: Candidate) -> ConsentState:
    """The candidate's consent versions, newest first (the first one applies)."""
    history = list(candidate.consents.select_related("recorded_by").order_by("-recorded_at", "-id"))
    return ConsentState(items=list(history[0].items) if history else [], history=history)
