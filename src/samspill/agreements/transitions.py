"""The one transition table for an agreement's stage.

A draft is sent for approval when it is complete (with the fast kontaktperson and a direct
phone number); an edit before conclusion returns it to draft and withdraws the approvals;
it is concluded when all parties have approved (and, for measures that pay money, a second
approver has concluded it); it can be cancelled with a reason at any stage but the last.
After conclusion, targeted changes make new concluded versions without leaving the stage.
"""

from __future__ import annotations

from samspill.agreements.models import Stage

STAGE_TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    Stage.DRAFT: frozenset({Stage.SENT, Stage.CANCELLED}),
    Stage.SENT: frozenset({Stage.DRAFT, Stage.CONCLUDED, Stage.CANCELLED}),
    Stage.CONCLUDED: frozenset({Stage.CONCLUDED, Stage.CANCELLED}),
    Stage.CANCELLED: frozenset(),
}

#: Stages in which the content may be edited freely (before conclusion).
EDITABLE = frozenset({Stage.DRAFT, Stage.SENT})


def may_move(current: str, target: str) -> bool:
    return Stage(target) in STAGE_TRANSITIONS[Stage(current)]
