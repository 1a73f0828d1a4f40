"""Writes for employers, workplaces, tasks, contacts and openings.

Every service is keyword-only, takes ``actor=``, validates with Norwegian messages keyed to
the field they concern, runs in one transaction (nothing is half-saved) and writes an audit
row. The modules are split by subject; import from here.
"""

from samspill.employers.services.employers import (
    contact_person_create,
    contact_person_remove,
    contact_person_update,
    employer_create,
    employer_log_contact,
    employer_update,
)
from samspill.employers.services.openings import (
    OpeningInput,
    opening_change_status,
    opening_create,
    opening_update,
)
from samspill.employers.services.workplaces import (
    ENVIRONMENT_TEXT_FIELDS,
    task_create,
    task_update,
    workplace_create,
    workplace_update,
)

__all__ = [
    "ENVIRONMENT_TEXT_FIELDS",
    "OpeningInput",
    "contact_person_create",
    "contact_person_remove",
    "contact_person_update",
    "employer_create",
    "employer_log_contact",
    "employer_update",
    "opening_change_status",
    "opening_create",
    "opening_update",
    "task_create",
    "task_update",
    "workplace_create",
    "workplace_update",
]
