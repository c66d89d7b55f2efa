from django.contrib import admin

from core.admin_words import RussianAdmin
from rounds.models import FsemAnswer, InspectionAnswer, ProvisionLine, Report, Round


class ReportInline(admin.TabularInline):
    model = Report
    extra = 0
    fields = ["school", "status", "submitted_at", "reminded_at"]


@admin.register(Round)
class RoundAdmin(RussianAdmin):
    list_display = ["title", "kind", "year_start", "deadline", "association"]
    list_filter = ["kind", "association"]
    inlines = [ReportInline]


class ProvisionLineInline(admin.TabularInline):
    model = ProvisionLine
    extra = 0


@admin.register(Report)
class ReportAdmin(RussianAdmin):
    list_display = ["round", "school", "status", "submitted_at"]
    list_filter = ["status", "round__kind"]
    list_select_related = ["round", "school"]
    inlines = [ProvisionLineInline]


admin.site.register(FsemAnswer, RussianAdmin)
admin.site.register(InspectionAnswer, RussianAdmin)
