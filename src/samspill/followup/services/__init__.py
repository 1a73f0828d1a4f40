"""Writes for follow-up, one module per record: contacts, plans, commitments, concerns."""

from samspill.followup.services.commitments import (
    followup_add_commitment,
    followup_complete_commitment,
)
from samspill.followup.services.concerns import followup_answer_concern, followup_report_concern
from samspill.followup.services.contacts import followup_log_contact
from samspill.followup.services.plans import (
    followup_add_item,
    followup_change_item,
    followup_end_plan,
    followup_remove_item,
    followup_start_plan,
)

__all__ = [
    "followup_add_commitment",
    "followup_add_item",
    "followup_answer_concern",
    "followup_change_item",
    "followup_complete_commitment",
    "followup_end_plan",
    "followup_log_contact",
    "followup_remove_item",
    "followup_report_concern",
    "followup_start_plan",
]
