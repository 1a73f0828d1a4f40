"""The figures of Innsikt, counted in the database over a set of processes, by subject:
``outcomes`` (results, time in work, the quarterly rate, timings), ``caseload`` (per advisor,
follow-up as planned), ``equity`` (the equity monitor) and ``evaluation`` (pilot offices).

Every function takes the processes a manager may see (``access.scope_for_user``) and returns
counts; the statistics are in ``stats.py``. Nothing loops over people in Python: rows are
grouped and counted by the database, so the pages answer quickly at a million processes.
"""

from samspill.insights.selectors.base import ACTIVE, Processes, jobs_of
from samspill.insights.selectors.caseload import (
    AdvisorRow,
    FollowupFigures,
    caseload,
    followup_figures,
)
from samspill.insights.selectors.equity import STEPS, Equity, GroupRow, equity
from samspill.insights.selectors.evaluation import Cell, did_cells, did_estimate, did_groups
from samspill.insights.selectors.outcomes import (
    QUARTERS,
    Outcomes,
    Quarter,
    Timings,
    employment_rate,
    outcomes,
    outcomes_last_year,
    quarters_back,
    retention,
    timings,
)

__all__ = [
    "ACTIVE",
    "QUARTERS",
    "STEPS",
    "AdvisorRow",
    "Cell",
    "Equity",
    "FollowupFigures",
    "GroupRow",
    "Outcomes",
    "Processes",
    "Quarter",
    "Timings",
    "caseload",
    "did_cells",
    "did_estimate",
    "did_groups",
    "employment_rate",
    "equity",
    "followup_figures",
    "jobs_of",
    "outcomes",
    "outcomes_last_year",
    "quarters_back",
    "retention",
    "timings",
]
