from django.contrib import admin

from members.models import Account, Association, Person, School


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "city", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "association"]
    list_filter = ["association"]
    search_fields = ["short_name", "name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["printed_name", "full_name", "school", "association"]
    list_filter = ["association"]
    list_select_related = ["school", "association"]
    search_fields = ["surname", "first_name", "patronymic"]


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "association", "person"]
    list_filter = ["role", "association"]
    list_select_related = ["user", "association", "person"]
    raw_id_fields = ["person"]
