"""The access policy: who may see and change which processes, candidates and employers.

The question modules (``processes``, ``candidates``, ``employers``, ``matching``) only answer
questions; they load nothing on their own and log nothing. Views and the API never call them
directly: they go through each app's ``access.py``, which loads records through these rules
and writes the audit trail, refusing through the one ``deny()`` (``policy.audit``), and
names the purpose of a read with the one ``purpose_for(user)``. The package sits above the
domain apps and below the views.

The rules (docs/access-policy.md explains why):

=================  ==========================================================  =========
role               processes visible                                          may change
=================  ==========================================================  =========
advisor            at their office, of their team, or where invited            yes
manager            at their office                                             yes
employer_contact   where invited (need to know)                                no
partner            where invited, while the invitation is open                 no
employer           placed with their own employer (until 12 weeks after the      no
                   end) or presented to it in Jobbmatch; only the fields the
                   candidate consented to share
jobseeker          their own                                                   no
admin              none (technical role: users, offices, teams)                no
=================  ==========================================================  =========
"""

from __future__ import annotations

from samspill.policy.candidates import (
    AGREEMENT_FULL_ROLES,
    PARTNER_FIELDS,
    agreement_employer_version_only,
    candidate_fields_for,
    candidates_visible_to,
    consented_items,
    may_change_candidate,
    may_read_audit_log,
)
from samspill.policy.employers import (
    EMPLOYER_EDITOR_ROLES,
    EMPLOYER_REGISTER_ROLES,
    employers_visible_to,
    may_change_employer,
)
from samspill.policy.matching import (
    MATCHING_ROLES,
    matches_visible_to,
    may_carve_job,
    may_change_match,
    may_use_matching,
    meetings_visible_to,
)
from samspill.policy.processes import (
    INTERNAL_ROLES,
    may_change_process,
    may_see_internal,
    process_visibility,
    processes_visible_to,
)

__all__ = [
    "AGREEMENT_FULL_ROLES",
    "EMPLOYER_EDITOR_ROLES",
    "EMPLOYER_REGISTER_ROLES",
    "INTERNAL_ROLES",
    "MATCHING_ROLES",
    "PARTNER_FIELDS",
    "agreement_employer_version_only",
    "candidate_fields_for",
    "candidates_visible_to",
    "consented_items",
    "employers_visible_to",
    "matches_visible_to",
    "may_carve_job",
    "may_change_candidate",
    "may_change_employer",
    "may_change_match",
    "may_change_process",
    "may_read_audit_log",
    "may_see_internal",
    "may_use_matching",
    "meetings_visible_to",
    "process_visibility",
    "processes_visible_to",
]
