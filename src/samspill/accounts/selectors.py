"""Reads for users, offices and teams (not personal records of jobseekers)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from samspill.accounts.models import Office, Role, User


def role_counts() -> list[tuple[str, int]]:
    counts = dict(User.objects.values_list("role").annotate(n=Count("id")).order_by())
    return [(str(role.label), counts.get(role, 0)) for role in Role]


def office_list() -> QuerySet[Office]:
    return Office.objects.annotate(team_count=Count("teams", distinct=True)).order_by("name")


def partners_for_invitation() -> QuerySet[User]:
    return User.objects.filter(
        role__in=[Role.PARTNER, Role.EMPLOYER_CONTACT, Role.ADVISOR], is_active=True
    ).order_by("role", "first_name", "last_name")
