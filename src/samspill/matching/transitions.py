"""The one transition table for matches.

No presentation to an employer before the candidate has said yes: the only way to
``presented_employer`` is through ``candidate_interested``. Every state but the two final
ones can end as declined, and every decline has a reason code.
"""

from __future__ import annotations

from samspill.matching.models import MatchStatus

S = MatchStatus

MATCH_TRANSITIONS: dict[MatchStatus, frozenset[MatchStatus]] = {
    S.SUGGESTED: frozenset({S.PRESENTED_CANDIDATE, S.DECLINED}),
    S.PRESENTED_CANDIDATE: frozenset({S.CANDIDATE_INTERESTED, S.DECLINED}),
    S.CANDIDATE_INTERESTED: frozenset({S.PRESENTED_EMPLOYER, S.DECLINED}),
    S.PRESENTED_EMPLOYER: frozenset({S.MEETING, S.DECLINED}),
    S.MEETING: frozenset({S.AGREED, S.DECLINED}),
    S.AGREED: frozenset(),
    S.DECLINED: frozenset(),
}

#: Matches still moving (shown on lists and counted as "in the pipeline").
ACTIVE_STATUSES = frozenset(s for s, targets in MATCH_TRANSITIONS.items() if targets)

#: Statuses in which the employer has been shown the candidate.
SHOWN_TO_EMPLOYER = frozenset({S.PRESENTED_EMPLOYER, S.MEETING, S.AGREED})


def allowed_next_statuses(current: str) -> list[MatchStatus]:
    targets = MATCH_TRANSITIONS[MatchStatus(current)]
    return [status for status in MatchStatus if status in targets]
