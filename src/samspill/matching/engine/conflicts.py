"""The conflict table: which accommodation need rules out which task demand.

One row per conflict, each with a short justification. A row fires when the demand's
level reaches the threshold (``level >= threshold``, or ``>`` when ``strict``). Demand
levels are the workplace mapping's scale 0–3 (ingen, litt, middels, mye); the pseudo-demand
``hours_per_week`` is the whole opening's (or the carved set's) weekly hours.

How the rows are used (``index.py``, ``carving.py``):

- A row that fires on a task that is **not** ``adaptable`` excludes the opening for a
  candidate with that need (reason code ``needs``). The opening-level ``hours_per_week``
  row is never adaptable: hours are what the opening is.
- A row that fires only on tasks the workplace records as ``adaptable`` does **not**
  exclude; the explanation says which task will be adapted and for which need.
- Needs without a row here (e.g. ``adapted_training``, ``gradual_increase``) never exclude:
  they are for the follow-up plan, not for filtering.

Thresholds are deliberately high enough that a demand the support team can usually solve
by talking to the workplace ("litt" lifting, "litt" reading) does not hide a person: a hard
constraint is only for what clearly would not work.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The pseudo-demand for the opening's (or carved task set's) total hours per week.
HOURS_PER_WEEK = "hours_per_week"


@dataclass(frozen=True, slots=True)
class ConflictRule:
    need: str
    demand: str
    threshold: float
    #: ``True``: fires when the value is above the threshold; ``False``: at or above it.
    strict: bool
    #: Why the row exists (developer documentation; not shown to users).
    why: str

    def fires(self, value: float) -> bool:
        return value > self.threshold if self.strict else value >= self.threshold


CONFLICTS: tuple[ConflictRule, ...] = (
    ConflictRule(
        "avoid_heavy_lifting",
        "heavy_lifting",
        2,
        strict=False,
        why="Regular lifting at 'middels' or more is what the need says to avoid; occasional "
        "light lifts ('litt') can be shared with a colleague.",
    ),
    ConflictRule(
        "quiet_environment",
        "noise",
        2,
        strict=False,
        why="A task mapped with medium or high noise is the opposite of a quiet environment.",
    ),
    ConflictRule(
        "reading",
        "reading_writing",
        2,
        strict=False,
        why="Tasks that depend on reading instructions, lists or labels at 'middels' or more "
        "need reading Norwegian; 'litt' can be solved with pictures or a colleague.",
    ),
    ConflictRule(
        "writing",
        "reading_writing",
        2,
        strict=False,
        why="The demand covers writing too (reports, forms, order lists).",
    ),
    ConflictRule(
        "numeracy",
        "numeracy",
        2,
        strict=False,
        why="Counting stock, cash handling or measuring at 'middels' or more needs numeracy.",
    ),
    ConflictRule(
        "speaking",
        "customer_contact",
        3,
        strict=False,
        why="Only a task that is mostly talking to customers rules out someone still learning "
        "to speak Norwegian; some customer contact is a good place to learn it.",
    ),
    ConflictRule(
        "close_follow_up",
        "working_alone",
        2,
        strict=False,
        why="A person who needs a colleague or mentor close by cannot be left alone for a "
        "large part of the day.",
    ),
    ConflictRule(
        "varied_positions",
        "standing",
        3,
        strict=False,
        why="Only a task that is standing work nearly all the time prevents varying positions.",
    ),
    ConflictRule(
        "not_full_days",
        HOURS_PER_WEEK,
        30,
        strict=True,
        why="More than 30 hours a week means full days on most weekdays (30 h is 6 h a day).",
    ),
)


def rules_for_need(need: str) -> tuple[ConflictRule, ...]:
    return tuple(rule for rule in CONFLICTS if rule.need == need)


def hours_cap(needs: frozenset[str] | set[str], rules: tuple[ConflictRule, ...]) -> float | None:
    """The most hours per week the needs allow (from the ``hours_per_week`` rows), if any."""
    caps = [r.threshold for r in rules if r.demand == HOURS_PER_WEEK and r.need in needs]
    return min(caps) if caps else None
