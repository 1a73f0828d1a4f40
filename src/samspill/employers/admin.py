from django.contrib import admin

from samspill.employers.models import (
    ContactPerson,
    Employer,
    EmployerContact,
    Opening,
    OpeningStatusChange,
    Task,
    Workplace,
)


class WorkplaceInline(admin.TabularInline[Workplace, Employer]):
    model = Workplace
    extra = 0
    fields = ("name", "address", "municipality")
    show_change_link = True


class ContactPersonInline(admin.TabularInline[ContactPerson, Employer]):
    model = ContactPerson
    extra = 0


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin[Employer]):
    list_display = ("name", "org_number", "sector", "size", "ia_agreement")
    list_filter = ("sector", "size", "ia_agreement")
    search_fields = ("name", "org_number")
    inlines = [ContactPersonInline, WorkplaceInline]


class TaskInline(admin.StackedInline[Task, Workplace]):
    model = Task
    extra = 0


@admin.register(Workplace)
class WorkplaceAdmin(admin.ModelAdmin[Workplace]):
    list_display = ("name", "employer", "municipality", "buddy_available")
    list_filter = ("municipality", "buddy_available")
    search_fields = ("name", "employer__name", "employer__org_number")
    list_select_related = ("employer",)
    raw_id_fields = ("employer",)
    inlines = [TaskInline]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin[Task]):
    list_display = ("name", "workplace", "hours_per_week", "adaptable")
    list_filter = ("adaptable",)
    search_fields = ("name", "workplace__name", "workplace__employer__name")
    list_select_related = ("workplace__employer",)
    raw_id_fields = ("workplace",)


@admin.register(EmployerContact)
class EmployerContactAdmin(admin.ModelAdmin[EmployerContact]):
    list_display = ("occurred_on", "employer", "kind", "made_by")
    list_filter = ("kind",)
    search_fields = ("employer__name", "summary")
    date_hierarchy = "occurred_on"
    list_select_related = ("employer", "made_by")
    raw_id_fields = ("employer", "workplace", "made_by", "recorded_by")


class StatusChangeInline(admin.TabularInline[OpeningStatusChange, Opening]):
    """Read-only: status changes go through the transition table (employers.services)."""

    model = OpeningStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "reason", "changed_at", "changed_by")

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Opening)
class OpeningAdmin(admin.ModelAdmin[Opening]):
    list_display = ("title", "workplace", "kind", "purpose", "status", "starts_on")
    list_filter = ("status", "kind", "purpose")
    search_fields = ("title", "workplace__name", "workplace__employer__name")
    list_select_related = ("workplace__employer",)
    raw_id_fields = ("workplace", "created_by")
    filter_horizontal = ("tasks",)
    readonly_fields = ("status",)
    inlines = [StatusChangeInline]
