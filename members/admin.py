from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_words import RussianAdmin
from members import throttle
from members.models import (
    Account,
    Association,
    Consent,
    Course,
    Enrollment,
    LoginAttempt,
    Person,
    PortfolioEntry,
    PrivacyPolicy,
    School,
)


@admin.register(Association)
class AssociationAdmin(RussianAdmin):
    list_display = ["name", "short_name", "city", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 0


@admin.register(School)
class SchoolAdmin(RussianAdmin):
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
class PersonAdmin(RussianAdmin):
    inlines = [CourseInline, PortfolioInline]
    list_display = ["printed_name", "full_name", "school", "position", "category", "is_active"]
    list_filter = ["association", "position", "category", "is_active"]
    list_select_related = ["school", "association"]
    search_fields = ["surname", "first_name", "patronymic"]


@admin.register(Account)
class AccountAdmin(RussianAdmin):
    list_display = ["user", "role", "association", "person"]
    list_filter = ["role", "association"]
    list_select_related = ["user", "association", "person"]
    raw_id_fields = ["person"]


@admin.register(Course)
class CourseAdmin(RussianAdmin):
    list_display = ["title", "person", "hours", "start", "end"]
    list_select_related = ["person"]
    search_fields = ["title", "person__surname"]


@admin.register(PortfolioEntry)
class PortfolioEntryAdmin(RussianAdmin):
    list_display = ["title", "person", "kind", "level", "date"]
    list_select_related = ["person"]
    list_filter = ["kind", "level"]


@admin.register(Consent)
class ConsentAdmin(RussianAdmin):
    list_display = ["person", "scope", "given_on", "withdrawn_on"]
    list_filter = ["scope"]
    list_select_related = ["person"]
    raw_id_fields = ["person"]

    def get_readonly_fields(self, request, obj=None):
        return ["person"] if obj else []  # a consent is one person's document: never moved to another


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(RussianAdmin):
    list_display = ["__str__", "operator", "published_on"]


@admin.register(LoginAttempt)
class LoginAttemptAdmin(RussianAdmin):
    """Failed and successful logins (members.throttle): the site administrator sees who is being guessed and
    lifts the delay on a login («Снять ограничение»)."""

    list_display = ["username", "ip", "at", "succeeded"]
    list_filter = ["succeeded"]
    search_fields = ["username", "ip"]
    date_hierarchy = "at"
    actions = ["unlock"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Снять ограничение на вход с выбранных логинов"))
    def unlock(self, request, queryset):
        usernames = set(queryset.values_list("username", flat=True))
        for username in usernames:
            throttle.unlock(username)
        self.message_user(
            request,
            ngettext(
                "Ограничение снято с %(count)d логина.",
                "Ограничение снято с %(count)d логинов.",
                len(usernames),
            )
            % {"count": len(usernames)},
        )


# Django's own users and groups, in the same Russian as the site's models.
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class UserAdmin(RussianAdmin, DjangoUserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(RussianAdmin, DjangoGroupAdmin):
    pass
