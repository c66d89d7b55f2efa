from django.contrib import admin

from core.admin_words import RussianAdmin
from meetings.models import AgendaItem, Attendance, Decision, Material, Meeting


@admin.register(Meeting)
class MeetingAdmin(RussianAdmin):
    list_display = ["event", "held_on", "place", "published"]
    raw_id_fields = ["event", "chair", "secretary"]


@admin.register(AgendaItem)
class AgendaItemAdmin(RussianAdmin):
    list_display = ["title", "meeting", "position"]
    raw_id_fields = ["meeting", "speaker"]


@admin.register(Decision)
class DecisionAdmin(RussianAdmin):
    list_display = ["text", "responsible", "deadline", "done_on"]
    raw_id_fields = ["item", "responsible"]


@admin.register(Attendance)
class AttendanceAdmin(RussianAdmin):
    list_display = ["meeting", "person", "present"]
    raw_id_fields = ["meeting", "person"]


@admin.register(Material)
class MaterialAdmin(RussianAdmin):
    list_display = ["meeting", "file", "uploaded_at"]
    raw_id_fields = ["meeting", "item"]
