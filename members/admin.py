from django.contrib import admin

from members.models import Account, Association, Course, Enrollment, Person, PortfolioEntry, School


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "city", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 0


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    inlines = [EnrollmentInline]
    list_display = ["short_name", "name", "association"]
    list_filter = ["association"]
    search_fields = ["short_name", "name"]


class CourseInline(admin.StackedInline):
    model = Course
    extra = 0


class PortfolioInline(admin.StackedInline):
    model = PortfolioEntry
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    inlines = [CourseInline, PortfolioInline]
    list_display = ["printed_name", "full_name", "school", "position", "category", "is_active"]
    list_filter = ["association", "position", "category", "is_active"]
    list_select_related = ["school", "association"]
    search_fields = ["surname", "first_name", "patronymic"]


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "association", "person"]
    list_filter = ["role", "association"]
    list_select_related = ["user", "association", "person"]
    raw_id_fields = ["person"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "person", "hours", "start", "end"]
    list_select_related = ["person"]
    search_fields = ["title", "person__surname"]


@admin.register(PortfolioEntry)
class PortfolioEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "person", "kind", "level", "date"]
    list_select_related = ["person"]
    list_filter = ["kind", "level"]
