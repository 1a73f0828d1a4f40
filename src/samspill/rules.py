"""Rules as data: every duration, deadline and cadence Samspill applies, with its source.

Each rule is a typed constant with the place it comes from, so it can change without
hunting through views. docs/rules.md lists them for readers who do not read Python.
Later capabilities add measure durations, subsidy rates and follow-up cadences here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Rule(Generic[T]):
    value: T
    source: str


#: How long an employer keeps seeing a process after it ended.
EMPLOYER_ACCESS_AFTER_END = Rule(
    value=timedelta(weeks=12),
    source="NAV's digital agreement for measures: employers lose access 12 weeks after the "
    "end (shared/reference/NAV-PRACTICE.md, 'The digital agreement').",
)

#: An accommodation need not confirmed for this many months is due for review.
NEED_REVIEW_AFTER_MONTHS = Rule(
    value=6,
    source="NAV retired its accommodation-needs register in 2023 because entries went stale "
    "with no review date (shared/reference/NAV-PRACTICE.md); issue 'Kartlegging': needs "
    "older than six months are shown as due for review.",
)

#: Young jobseekers: NAV's priority group and portfolio filter "unge under 30".
YOUNG_AGE_LIMIT = Rule(
    value=30,
    source="NAV's priority groups for job postings and the advisor portfolio's age filter "
    "(shared/reference/NAV-PRACTICE.md); seed 004 on following up young people.",
)

#: An employer with no logged contact (visit, call, message, meeting) for this long is
#: flagged «ikke kontaktet på 60 dager» in the employer contact's register.
EMPLOYER_NOT_CONTACTED_AFTER = Rule(
    value=timedelta(days=60),
    source="Product decision for the employer contact's register (issue: Kartlegging): "
    "employers are followed up proactively (seed 003, table 2), and about every second "
    "month keeps the relationship warm without burdening the employer. Not a NAV rule.",
)
