"""Reads for employers (organisations, not personal records)."""

from __future__ import annotations

from django.db.models import QuerySet

from samspill.employers.models import Employer, Workplace


def workplaces_of(*, employer: Employer) -> QuerySet[Workplace]:
    return employer.workplaces.order_by("name")
