"""The data bank's lists, each built in one place: the librarians as the list filters them, the schools with
their pupils this year, the overview's people. A view validates its form and asks one function here."""

from __future__ import annotations

import datetime

from django.db.models import Max, Prefetch, Q, QuerySet

from core.years import add_months
from members.models import Association, Enrollment, Person, School

RECENT_COURSE_MONTHS = 36  # a course within three years counts as recent


def librarians(association: Association, today: datetime.date) -> QuerySet[Person]:
    """The association's people for lists: their school and the end of their latest course, in one query."""
    return (
        Person.objects.filter(association=association)
        .select_related("school")
        .annotate(last_course_end=Max("courses__end"))
        .order_by("-is_active", "surname", "initials")
    )


def without_recent_course(people: QuerySet[Person], today: datetime.date) -> QuerySet[Person]:
    """Those of `people` (from `librarians`) with no course ended in RECENT_COURSE_MONTHS."""
    since = add_months(today, -RECENT_COURSE_MONTHS)
    return people.filter(Q(last_course_end__isnull=True) | Q(last_course_end__lt=since))


def people_list(
    association: Association, today: datetime.date, filters: dict | None = None
) -> QuerySet[Person]:
    """The data bank's list, narrowed by the filter form's valid values (school, position, category, no course)."""
    people = librarians(association, today)
    filters = filters or {}
    if filters.get("school"):
        people = people.filter(school=filters["school"])
    if filters.get("position"):
        people = people.filter(position=filters["position"])
    if filters.get("category"):
        people = people.filter(category=filters["category"])
    if filters.get("no_recent_course"):
        people = without_recent_course(people, today)
    return people


def schools_with_pupils(association: Association, year_start: int) -> list[tuple[School, int]]:
    """[(school, pupils in that academic year)], each school with its active librarians, in three queries."""
    schools = School.objects.filter(association=association).prefetch_related(
        Prefetch(
            "enrollments",
            queryset=Enrollment.objects.filter(year_start=year_start),
            to_attr="current_enrollments",
        ),
        Prefetch("persons", queryset=Person.objects.filter(is_active=True), to_attr="active_persons"),
    )
    return [(school, sum(e.students for e in school.current_enrollments)) for school in schools]
