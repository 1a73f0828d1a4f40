"""The one transition table for process phases.

Phases overlap in practice and a process can go back: a work trial that does not work out
ends well and the job search starts again; a closed process can be reopened.
"""

from __future__ import annotations

from samspill.processes.models import Phase

PHASE_TRANSITIONS: dict[Phase, frozenset[Phase]] = {
    Phase.MAPPING: frozenset({Phase.JOB_SEARCH, Phase.CLOSED}),
    Phase.JOB_SEARCH: frozenset({Phase.MAPPING, Phase.TRIAL, Phase.EMPLOYMENT, Phase.CLOSED}),
    Phase.TRIAL: frozenset({Phase.JOB_SEARCH, Phase.EMPLOYMENT, Phase.CLOSED}),
    Phase.EMPLOYMENT: frozenset({Phase.RETENTION, Phase.JOB_SEARCH, Phase.CLOSED}),
    Phase.RETENTION: frozenset({Phase.JOB_SEARCH, Phase.CLOSED}),
    Phase.CLOSED: frozenset({Phase.MAPPING, Phase.JOB_SEARCH}),
}

#: Phases that need an employer on the process.
PHASES_WITH_EMPLOYER = frozenset({Phase.TRIAL, Phase.EMPLOYMENT, Phase.RETENTION})


def allowed_next_phases(current: str) -> list[Phase]:
    """The phases a process may move to from ``current``, in process order."""
    targets = PHASE_TRANSITIONS[Phase(current)]
    return [phase for phase in Phase if phase in targets]
