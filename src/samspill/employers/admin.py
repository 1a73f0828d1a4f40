from django.contrib import admin

from samspill.employers.models import Employer, Workplace


class WorkplaceInline(admin.TabularInline[Workplace, Employer]):
    model = Workplace
    extra = 0


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin[Employer]):
    list_display = ("name", "org_number", "sector", "ia_agreement")
    list_filter = ("sector", "ia_agreement")
    search_fields = ("name", "org_number")
    inlines = [WorkplaceInline]
