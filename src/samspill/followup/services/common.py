from __future__ import annotations

from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.processes.models import InclusionProcess


def audit_change(
    *, actor: User, process: InclusionProcess, detail: str, action: Action = Action.CHANGE
) -> None:
    audit_record(
        actor=actor,
        subject=Subject("process", process.uuid, process.candidate.uuid),
        action=action,
        purpose=Purpose.CASE_WORK,
        detail=detail,
    )
