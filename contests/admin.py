from django.contrib import admin

from contests.models import Certificate, Contest, Entry
from core.admin_words import RussianAdmin


@admin.register(Contest)
class ContestAdmin(RussianAdmin):
    list_display = ["event", "entry_deadline", "places_confirmed", "published"]
    raw_id_fields = ["event"]


@admin.register(Entry)
class EntryAdmin(RussianAdmin):
    list_display = ["surname", "first_name", "grade", "school", "contest", "place"]
    raw_id_fields = ["contest", "school", "category", "participant", "mentor"]


@admin.register(Certificate)
class CertificateAdmin(RussianAdmin):
    list_display = ["number_text", "kind", "contest", "issued_on"]
    raw_id_fields = ["contest", "entry", "person", "association"]
