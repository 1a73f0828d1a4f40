"""Django admin: the system administrator's tool for users, offices and teams.

Personal records of jobseekers (candidates, processes, the audit trail) are deliberately
not registered here: they are loaded only through the access functions. What a user may
see (role, office, team, employer, the admin flags) is read-only on the user: it changes
only through «Tilgangsendringer» (``identity/grants.py``), where a change that gives
access needs a second administrator, and never on oneself. Every change of a user made
here, a new password included, is written to the audit trail.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.accounts.models import AccessChange, ApiToken, Office, Role, Team, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.identity import grants

ACCESS_FIELDS = ("role", "office", "team", "employer")


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    list_display = ("username", "first_name", "last_name", "role", "office", "is_active")
    list_filter = ("role", "office", "is_active")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (gettext_lazy("Personalia"), {"fields": ("first_name", "last_name", "email", "phone")}),
        (gettext_lazy("Tilgang"), {"fields": (*ACCESS_FIELDS, "organisation", "is_active")}),
        (gettext_lazy("Administrasjon"), {"fields": ("is_staff", "is_superuser")}),
        (gettext_lazy("Datoer"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (
            gettext_lazy("Tilgang (må godkjennes av en annen administrator)"),
            {"fields": (*ACCESS_FIELDS, "organisation", "phone")},
        ),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> Any:
        if obj is None:
            return ()
        return (*ACCESS_FIELDS, "is_staff", "is_superuser", "last_login", "date_joined")

    def save_model(
        self, request: HttpRequest, obj: User, form: ModelForm[User], change: bool
    ) -> None:
        """A new user starts with no access; the access asked for is a request."""
        if change:
            super().save_model(request, obj, form, change)
            return
        wanted = {name: getattr(obj, name) for name in ACCESS_FIELDS}
        obj.role, obj.office, obj.team, obj.employer = Role.ADMIN, None, None, None
        super().save_model(request, obj, form, change)
        if wanted["role"] != Role.ADMIN:
            try:
                grants.access_change_request(
                    actor=request.user,  # type: ignore[arg-type]
                    user=obj,
                    reason=_("Ny bruker"),
                    **wanted,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.info(
                    request, _("Tilgangen venter på godkjenning av en annen administrator.")
                )

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        changed = [
            name
            for entry in (message if isinstance(message, list) else [])
            for name in entry.get("changed", {}).get("fields", [])
        ]
        if "password" in changed:
            grants.password_reset_recorded(actor=request.user, user=obj)  # type: ignore[arg-type]
        else:
            what = ", ".join(changed) or "-"
            _audit_admin(request, obj, _("endret i administrasjonen: %(what)s") % {"what": what})
        return super().log_change(request, obj, message)

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        _audit_admin(request, obj, _("opprettet i administrasjonen"))
        return super().log_addition(request, obj, message)


def _audit_admin(request: HttpRequest, user: User, detail: str) -> None:
    audit_record(
        actor=request.user,  # type: ignore[arg-type]
        subject=Subject("user", user.uuid),
        action=Action.CHANGE,
        purpose=Purpose.ADMINISTRATION,
        detail=f"{user.username}: {detail}"[:300],
    )


class AccessChangeForm(forms.ModelForm[AccessChange]):
    """Refuses at the fields what the service would refuse (``grants.access_change_check``)."""

    actor: User | None = None

    class Meta:
        model = AccessChange
        fields = ("user", "role", "office", "team", "employer", "reason")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.actor is not None and data.get("user") is not None:
            grants.access_change_check(
                actor=self.actor,
                user=data["user"],
                role=data.get("role", ""),
                reason=data.get("reason", ""),
                office=data.get("office"),
                team=data.get("team"),
                employer=data.get("employer"),
            )
        return data


@admin.register(AccessChange)
class AccessChangeAdmin(admin.ModelAdmin[AccessChange]):
    list_display = (
        "user",
        "role",
        "office",
        "status",
        "requested_by",
        "requested_at",
        "decided_by",
    )
    list_filter = ("status", "role")
    fields = ("user", "role", "office", "team", "employer", "reason")
    actions = ["approve", "reject"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: AccessChange, form: Any, change: bool) -> None:
        created = grants.access_change_request(
            actor=request.user,  # type: ignore[arg-type]
            user=obj.user,
            role=obj.role,
            office=obj.office,
            team=obj.team,
            employer=obj.employer,
            reason=obj.reason,
        )
        obj.pk, obj.uuid = created.pk, created.uuid

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, form=AccessChangeForm, **kwargs)
        return type("AccessChangeFormFor", (form,), {"actor": request.user})

    @admin.action(description=gettext_lazy("Godkjenn valgte endringer"))
    def approve(self, request: HttpRequest, queryset: QuerySet[AccessChange]) -> None:
        self._decide(request, queryset, grants.access_change_approve)

    @admin.action(description=gettext_lazy("Avvis valgte endringer"))
    def reject(self, request: HttpRequest, queryset: QuerySet[AccessChange]) -> None:
        self._decide(request, queryset, grants.access_change_reject)

    def _decide(self, request: HttpRequest, queryset: QuerySet[AccessChange], decide: Any) -> None:
        for change in queryset:
            try:
                decide(actor=request.user, change=change)
            except ValidationError as error:
                messages.error(request, f"{change.user}: {' '.join(error.messages)}")
            else:
                messages.success(request, f"{change.user}: {change.get_status_display()}")


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
    """Read-only: a token is revoked by its owner on «API-nøkler» (audited there)."""

    list_display = ("prefix", "name", "user", "scope", "created_at", "expires_at", "revoked_at")
    readonly_fields = (
        "user",
        "name",
        "scope",
        "prefix",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    exclude = ("key_hash",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
