"""The contest's pages ask the database the same number of times with 1 entry as with 100 (issue 8's rule): each
page is counted, 99 more entries (scored by both jury members, from as many schools) are added, and it is counted
again."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests import services
from contests.models import Entry, Score
from members.models import Person, School

pytestmark = pytest.mark.django_db


def more_entries(contest, count):
    association = contest.association
    made = School.objects.bulk_create(
        School(association=association, name=f"Школа {n}", short_name=f"Школа № {n}") for n in range(count)
    )
    mentors = Person.objects.bulk_create(
        Person(association=association, surname=f"Учитель{n:03d}", initials="А.Б.", key=f"учитель{n:03d}|аб",
               school=school, calendar_token=f"contest-token-{n}")
        for n, school in enumerate(made)
    )  # fmt: skip
    categories = list(contest.categories.all())
    entries = Entry.objects.bulk_create(
        Entry(contest=contest, school=school, category=categories[n % 2], surname=f"Ученик{n:03d}",
              first_name="Пётр", grade=6 if n % 2 == 0 else 10, work_title="Стих", mentor=mentor)
        for n, (school, mentor) in enumerate(zip(made, mentors, strict=True))
    )  # fmt: skip
    jury, criteria = list(contest.jury.all()), list(contest.criteria.all())
    Score.objects.bulk_create(
        Score(entry=entry, jury=member, criterion=criterion, value=Decimal(n % 5 + 1))
        for n, entry in enumerate(entries)
        for member in jury
        for criterion in criteria
    )


def counted(user, url):
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "page, who",
    [
        ("contests:contest", "head"),
        ("contests:contest", "librarian"),
        ("contests:results", "head"),
        ("contests:results", "librarian"),
        ("contests:list", "head"),
        ("contests:score_sheet", "head"),
        ("contests:document", "head"),
        ("plan", "visitor"),
    ],
)
def test_the_number_of_queries_does_not_grow_with_the_entries(
    filled_contest, head_user, librarian_user, page, who
):
    users = {"head": head_user, "librarian": librarian_user}
    if page == "plan":
        services.confirm_places(filled_contest, {})
        services.publish(filled_contest)
        plan = filled_contest.plan
        plan.status = plan.Status.PUBLISHED
        plan.save()
        url = reverse("events:plan", args=[plan.association.slug, plan.year_name])
    elif page == "contests:score_sheet":
        url = reverse(page, args=[filled_contest.jury.get(position=2).pk])
    elif page == "contests:document":
        url = reverse(page, args=[filled_contest.pk, "protocol.docx"])
    elif page == "contests:list":
        url = reverse(page) + f"?year={filled_contest.plan.year_name}"
    else:
        url = reverse(page, args=[filled_contest.pk])

    def count():
        if who == "visitor":
            client = Client()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            return len(queries)
        return counted(users[who], url)

    few = count()
    more_entries(filled_contest, 100)
    if page == "plan":  # the new entries' places confirmed and published too
        services.reopen_places(filled_contest)
        services.confirm_places(filled_contest, {})
        services.publish(filled_contest)
    assert count() == few
