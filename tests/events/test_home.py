"""The home page knows who is asking: the head's and a librarian's «what needs you now»."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from rounds.models import Kind
from rounds.services import open_round
from textbooks import services
from textbooks.models import Offer, default_return_by

pytestmark = pytest.mark.django_db


def set_dates(title, day):
    event = Event.objects.get(title=title)
    event.dates_text = day.strftime("%d.%m.%Y г.")
    event.save()
    return event


@pytest.fixture
def current(plan, librarian_user, school, other_school, association, head_user):
    today = timezone.localdate()
    set_dates("Круглый стол", today + datetime.timedelta(days=10)).set_responsibles(
        [librarian_user.account.person]
    )
    set_dates("Утверждение плана работы", today - datetime.timedelta(days=3))
    set_dates("Конкурс юных поэтов", today + datetime.timedelta(days=60))
    person = librarian_user.account.person
    person.attestation_due = today + datetime.timedelta(days=40)
    person.save()
    open_round(
        association, head_user, Kind.FSEM, "Сверка с ФСЭМ", 2024, today - datetime.timedelta(days=1), [school]
    )
    offer = Offer.objects.create(
        school=school,
        title="Математика. 5 класс",
        authors="Виленкин Н.Я.",
        grade_from=5,
        grade_to=5,
        copies=10,
        available=10,
    )
    services.request_transfer(offer, other_school, 3, default_return_by())
    return plan


def ids(response, name):
    return [
        getattr(item, "title", None) or getattr(item, "printed_name", None) for item in response.context[name]
    ]


def test_head_sees_what_needs_her(head_client, current, django_assert_max_num_queries):
    # session, user, account; plans; upcoming; overdue; attestations; late rounds; requests; meetings' decisions
    with django_assert_max_num_queries(10):
        response = head_client.get(reverse("home"))
    assert ids(response, "upcoming") == ["Круглый стол"]
    assert ids(response, "overdue") == ["Утверждение плана работы"]
    assert ids(response, "attestations") == ["Куклина Н.Н."]
    assert ids(response, "late_rounds") == ["Сверка с ФСЭМ"]
    assert "не сдала 1 школа" in response.content.decode()
    assert [t.offer.title for t in response.context["requests"]] == ["Математика. 5 класс"]


def test_librarian_sees_own_events_and_owed_reports(librarian_client, current):
    response = librarian_client.get(reverse("home"))
    assert ids(response, "upcoming") == ["Круглый стол"]
    assert [r.round.title for r in response.context["owed"]] == ["Сверка с ФСЭМ"]
    assert "МАОУ СОШ № 2 просит 3 экз. у МАОУ СОШ № 1" in response.content.decode()
    assert "overdue" not in response.context and "late_rounds" not in response.context


def test_other_librarian_has_nothing_coming(client, other_librarian_user, current):
    client.force_login(other_librarian_user)
    response = client.get(reverse("home"))
    assert (
        response.context["upcoming"] == []
        and response.context["owed"] == []
        and response.context["requests"] == []
    )
    assert "В ближайшие 30 дней мероприятий нет." in response.content.decode()


def test_visitor_sees_only_published_plans(client, current):
    response = client.get(reverse("home"))
    assert "upcoming" not in response.context
    assert list(response.context["plans"]) == []


# ---------------------------------------------------------------- the plans of a region's associations


def make_plans(association, years, status):
    from events.models import Plan

    return [Plan.objects.create(association=association, year_start=year, status=status) for year in years]


def plan_list(response):
    """The plans on the page: (association, [years]) of each group in order, own ones marked."""
    return [
        (group.association.slug, group.own, [plan.year_name for plan in group.plans])
        for group in response.context["plan_groups"]
    ]


def test_own_association_in_full_the_others_as_year_links(client, association, other_association, head_user):
    from events.models import Plan

    make_plans(association, [2024, 2025], Plan.Status.DRAFT)
    make_plans(other_association, [2023, 2024, 2025], Plan.Status.PUBLISHED)
    make_plans(other_association, [2026], Plan.Status.DRAFT)  # another association's draft: never shown
    client.force_login(head_user)
    response = client.get(reverse("home"))
    assert plan_list(response) == [
        (association.slug, True, ["2025-2026", "2024-2025"]),
        (other_association.slug, False, ["2025-2026", "2024-2025", "2023-2024"]),
    ]
    page = response.content.decode()
    assert page.count("План работы на ") == 2  # own plans as rows, the others' years as links
    assert "Опубликованные планы других объединений региона" in page
    assert f'href="/plans/{other_association.slug}/2023-2024/"' in page and "2026-2027" not in page


def test_a_visitor_sees_every_association_as_a_line_of_years(client, association, other_association):
    from events.models import Plan

    make_plans(association, [2024], Plan.Status.PUBLISHED)
    make_plans(other_association, [2024, 2025], Plan.Status.PUBLISHED)
    response = client.get(reverse("home"))
    assert [own for _slug, own, _years in plan_list(response)] == [False, False]
    page = response.content.decode()
    assert "Опубликованные планы объединений региона" in page and "План работы на " not in page


def test_a_single_association_site_lists_its_plans_as_before(client, association):
    from events.models import Plan

    make_plans(association, [2024, 2025], Plan.Status.PUBLISHED)
    response = client.get(reverse("home"))
    assert plan_list(response) == [(association.slug, True, ["2025-2026", "2024-2025"])]
    page = response.content.decode()
    assert page.count("План работы на ") == 2 and "объединений региона" not in page
