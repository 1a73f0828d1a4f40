"""The candidate profile as data: which fields it has, snapshots, and what changed.

A snapshot is a plain dict of the profile (advisor's kartlegging, the jobseeker's own
words, and the accommodation needs). ``ProfileVersion`` stores one after every change;
comparing two snapshots tells an advisor what changed since they last looked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from samspill.candidates.models import Benefit, Candidate, MainGoal, NeedLevel, TimeOutsideWork
from samspill.candidates.needs import NEED_TYPES
from samspill.employers.models import Sector
from samspill.lib.choices import TimeOfDay

#: Written by the advisor with the candidate (kartlegging).
ADVISOR_FIELDS = (
    "need_level",
    "main_goal",
    "benefit",
    "time_outside_work",
    "interests",
    "resources",
    "experience",
    "education",
    "hours_min",
    "hours_max",
    "times_of_day",
    "sectors",
    "places",
    "max_commute_km",
    "avoid",
)
#: Written only by the jobseeker, in their own words.
OWN_FIELDS = ("own_interests", "own_strengths", "own_motivation", "own_wishes")

_CHOICE_LABELS: dict[str, dict[str, str]] = {
    "need_level": {c.value: str(c.label) for c in NeedLevel},
    "main_goal": {c.value: str(c.label) for c in MainGoal},
    "benefit": {c.value: str(c.label) for c in Benefit},
    "time_outside_work": {c.value: str(c.label) for c in TimeOutsideWork},
    "times_of_day": {c.value: str(c.label) for c in TimeOfDay},
    "sectors": {c.value: str(c.label) for c in Sector},
}


def snapshot(candidate: Candidate, needs: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(candidate, name) for name in ADVISOR_FIELDS + OWN_FIELDS}
    data["needs"] = dict(sorted(needs.items()))
    return data


def field_label(name: str) -> str:
    if name in ("needs", "employer_needs"):
        return _("Behov for tilrettelegging")
    field = Candidate._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.verbose_name).capitalize()


def display(name: str, value: Any) -> str:
    """A value as people read it: choice labels, lists joined, empty as a dash."""
    if value in (None, "", [], {}):
        return "–"
    labels = _CHOICE_LABELS.get(name, {})
    if name == "needs":
        return "; ".join(
            NEED_TYPES[code].label + (f" ({detail})" if detail else "")
            for code, detail in value.items()
            if code in NEED_TYPES
        )
    if isinstance(value, list):
        return ", ".join(labels.get(item, str(item)) for item in value)
    return labels.get(str(value), str(value))


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    return [
        FieldChange(name, field_label(name), display(name, before.get(name)), display(name, value))
        for name, value in after.items()
        if before.get(name) != value
    ]


@dataclass(frozen=True)
class ProfileHistory:
    """The profile as a reader last saw it and as it is now (whole snapshots: unfiltered,
    so never rendered as such; ``presentation.visible_changes`` narrows them)."""

    since: datetime
    before: dict[str, Any]
    after: dict[str, Any]
    changed_by: list[str]
