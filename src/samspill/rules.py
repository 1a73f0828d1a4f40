"""Rules as data: every duration, deadline and cadence Samspill applies, with its source.

Each rule is a typed constant with the place it comes from, so it can change without
hunting through views. docs/rules.md lists them for readers who do not read Python.
Later capabilities add measure durations, subsidy rates and follow-up cadences here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Rule:
    value: timedelta
    source: str


#: How long an employer keeps seeing a process after it ended.
EMPLOYER_ACCESS_AFTER_END = Rule(
    value=timedelta(weeks=12),
    source="NAV's digital agreement for measures: employers lose access 12 weeks after the "
    "end (shared/reference/NAV-PRACTICE.md, 'The digital agreement').",
)
