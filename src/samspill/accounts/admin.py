"""Django admin: the system administrator's tool for users, offices and teams.

Personal records of jobseekers (candidates, processes, the audit trail) are deliberately
not registered here: they are loaded only through the access functions.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from samspill.accounts.models import ApiToken, Office, Team, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    list_display = ("username", "first_name", "last_name", "role", "office", "is_active")
    list_filter = ("role", "office", "is_active")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        ("Samspill", {"fields": ("role", "office", "team", "employer", "organisation", "phone")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        ("Samspill", {"fields": ("role", "office", "team", "employer", "organisation", "phone")}),
    )


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin[Office]):
    list_display = ("name", "unit_number", "municipality")
    search_fields = ("name", "unit_number")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ("name", "office")
    list_filter = ("office",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("prefix", "user", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("user", "key_hash", "prefix", "created_at", "last_used_at")
