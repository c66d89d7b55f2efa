from django.contrib import admin

from core.admin_words import RussianAdmin
from textbooks.models import Need, Offer, Textbook, Transfer


@admin.register(Textbook)
class TextbookAdmin(RussianAdmin):
    list_display = [
        "fpu_number",
        "title",
        "authors",
        "grade_from",
        "grade_to",
        "valid_until_text",
        "excluded",
    ]
    list_filter = ["excluded", "subject"]
    search_fields = ["fpu_number", "title", "authors"]


@admin.register(Offer)
class OfferAdmin(RussianAdmin):
    list_display = ["title", "school", "grade_from", "grade_to", "copies", "available", "withdrawn_at"]
    list_filter = ["school__association", "school"]
    search_fields = ["title", "authors"]
    raw_id_fields = ["textbook"]
    readonly_fields = ["available"]


@admin.register(Need)
class NeedAdmin(RussianAdmin):
    list_display = ["title", "school", "grade", "copies", "needed_by", "closed_at"]
    list_filter = ["school__association", "school"]
    search_fields = ["title", "authors"]
    raw_id_fields = ["textbook"]


@admin.register(Transfer)
class TransferAdmin(RussianAdmin):
    list_display = ["offer", "to_school", "copies", "status", "return_by"]
    list_filter = ["status"]
    raw_id_fields = ["offer", "need"]
    # Copies are reserved by textbooks.services: the status is read-only here so the counts stay right.
    readonly_fields = ["status", "copies"]
