from django.contrib import admin

from core.admin_words import RussianAdmin
from events.models import Event, Plan, Responsible, Section


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


@admin.register(Plan)
class PlanAdmin(RussianAdmin):
    list_display = ["__str__", "association", "status", "updated_at"]
    list_filter = ["association", "status"]
    list_select_related = ["association"]
    inlines = [SectionInline]


class ResponsibleInline(admin.TabularInline):
    model = Responsible
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Event)
class EventAdmin(RussianAdmin):
    list_display = ["title", "dates_text", "date_start", "date_end", "status", "section"]
    list_filter = ["status", "section__plan"]
    list_select_related = ["section__plan__association"]
    search_fields = ["title"]
    inlines = [ResponsibleInline]


@admin.register(Section)
class SectionAdmin(RussianAdmin):
    list_display = ["__str__", "plan"]
    list_select_related = ["plan__association"]
