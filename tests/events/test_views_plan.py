"""The plan page, the list of plans, the header form, publishing and copying: who may do what."""

import pytest
from django.urls import reverse

from events.models import Event, Plan
from tests.conftest import versioned

pytestmark = pytest.mark.django_db


def plan_url(plan, name="events:plan"):
    return reverse(name, args=[plan.association.slug, plan.year_name])


def numbers_and_titles(response):
    return [(e.number, e.title) for s in response.context["sections"] for e in s.numbered_events]


# ---- reading ----


def test_visitor_reads_published_plan(client, published_plan):
    response = client.get(plan_url(published_plan))
    assert response.status_code == 200
    assert numbers_and_titles(response) == [
        (1, "Утверждение плана работы"),
        (2, "Конкурс юных поэтов"),
        (3, "Круглый стол"),
    ]
    html = response.content.decode()
    assert "I. Организационная деятельность" in html
    assert "II. Социальное партнерство" in html
    assert "Изменить шапку" not in html


def test_visitor_gets_404_for_draft(client, plan):
    assert client.get(plan_url(plan)).status_code == 404


def test_unknown_year_is_404(client, plan):
    assert client.get(reverse("events:plan", args=[plan.association.slug, "2023"])).status_code == 404
    assert client.get(reverse("events:plan", args=[plan.association.slug, "2030-2031"])).status_code == 404


@pytest.mark.parametrize("who", ["librarian_client", "viewer_client"])
def test_members_read_draft_without_edit_controls(request, who, plan):
    client = request.getfixturevalue(who)
    response = client.get(plan_url(plan))
    assert response.status_code == 200
    assert response.context["editable"] is False
    assert "Изменить шапку" not in response.content.decode()


def test_other_association_cannot_see_draft(client, other_head_user, plan):
    client.force_login(other_head_user)
    assert client.get(plan_url(plan)).status_code == 404


def test_head_sees_edit_controls_and_checks(head_client, plan):
    response = head_client.get(plan_url(plan))
    assert response.status_code == 200
    assert response.context["editable"] is True
    html = response.content.decode()
    assert "Изменить шапку" in html
    assert "Проверка перед печатью" in html


def test_plan_page_query_count_does_not_grow_with_events(
    client, published_plan, django_assert_max_num_queries
):
    section = published_plan.sections.first()
    for position in range(3, 40):
        Event.objects.create(
            section=section, position=position, title=f"Мероприятие {position}", dates_text="В течение года"
        )
    # plan, sections, events, responsibles with persons, the head's consent for the signature line; which events
    # are contests (contests.hooks)
    with django_assert_max_num_queries(6):
        response = client.get(plan_url(published_plan))
    assert len(numbers_and_titles(response)) == 40


def test_home_lists_published_for_visitor_and_drafts_for_members(client, librarian_user, plan, association):
    published = Plan.objects.create(association=association, year_start=2022, status=Plan.Status.PUBLISHED)
    response = client.get(reverse("home"))
    assert list(response.context["plans"]) == [published]
    client.force_login(librarian_user)
    response = client.get(reverse("home"))
    assert list(response.context["plans"]) == [plan, published]


def test_home_for_visitor_without_plans_says_what_to_do(client, db):
    response = client.get(reverse("home"))
    assert "Опубликованных планов пока нет" in response.content.decode()


# ---- the header ----


def test_head_edits_header(head_client, plan):
    response = head_client.post(
        plan_url(plan, "events:plan_edit"),
        versioned(
            plan,
            {
                "city_theme": "Городская тема",
                "theme": "Тема",
                "goal": "Цель года",
                "tasks": "Первая\n- подпункт\nВторая",
                "results": "Один\nДва\nТри",
                "head_post": "Руководитель ГТО ШБ",
                "head_name": "Саблина В.И.",
            },
        ),
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.goal == "Цель года"
    assert plan.task_tree() == [("Первая", ["подпункт"]), ("Вторая", [])]
    assert plan.result_list() == ["Один", "Два", "Три"]


def test_header_form_keeps_what_was_typed_on_error(head_client, plan):
    response = head_client.post(plan_url(plan, "events:plan_edit"), {"goal": "Новая цель", "head_post": ""})
    assert response.status_code == 200
    assert "Новая цель" in response.content.decode()
    plan.refresh_from_db()
    assert plan.goal == ""


@pytest.mark.parametrize("who,status", [("librarian_client", 403), ("viewer_client", 403)])
def test_only_head_edits_header(request, who, status, plan):
    client = request.getfixturevalue(who)
    assert client.get(plan_url(plan, "events:plan_edit")).status_code == status
    assert (
        client.post(plan_url(plan, "events:plan_edit"), {"goal": "x", "head_post": "x"}).status_code == status
    )
    plan.refresh_from_db()
    assert plan.goal == ""


def test_visitor_is_sent_to_login_for_header(client, published_plan):
    response = client.get(plan_url(published_plan, "events:plan_edit"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# ---- publishing ----


def test_head_publishes_and_unpublishes(head_client, client, plan):
    head_client.post(plan_url(plan, "events:plan_publish"), {"publish": "1"})
    plan.refresh_from_db()
    assert plan.is_published
    head_client.post(plan_url(plan, "events:plan_publish"), {"publish": "0"})
    plan.refresh_from_db()
    assert not plan.is_published


def test_publish_needs_post(head_client, plan):
    response = head_client.get(plan_url(plan, "events:plan_publish"))
    assert response.status_code == 405
    assert (
        "Этот адрес выполняет действие по кнопке на странице сайта" in response.content.decode()
    )  # a page, not a blank


def test_librarian_cannot_publish(librarian_client, plan):
    assert librarian_client.post(plan_url(plan, "events:plan_publish"), {"publish": "1"}).status_code == 403
    plan.refresh_from_db()
    assert not plan.is_published


# ---- copy to the next year ----


def test_head_copies_plan_to_next_year(head_client, plan):
    event = Event.objects.get(title="Конкурс юных поэтов")
    event.status = Event.Status.DONE
    event.save()
    response = head_client.post(plan_url(plan, "events:plan_copy"))
    copy = Plan.objects.get(association=plan.association, year_start=2024)
    assert response.status_code == 302 and response.url == copy.get_absolute_url()
    assert copy.status == Plan.Status.DRAFT
    assert copy.task_tree() == plan.task_tree()
    events = Event.objects.filter(section__plan=copy).order_by("section__position", "position")
    assert [(e.title, e.dates_text, e.status) for e in events] == [
        ("Утверждение плана работы", "11.09.2024г.", "planned"),
        ("Конкурс юных поэтов", "Март, 2025 г.", "planned"),
        ("Круглый стол", "25 октября 2024 г.", "planned"),
    ]
    assert [e.responsible_names() for e in events] == [["Саблина В.И."]] * 3


def test_copy_refused_when_next_year_exists(head_client, plan):
    Plan.objects.create(association=plan.association, year_start=2024)
    response = head_client.post(plan_url(plan, "events:plan_copy"), follow=True)
    assert "уже есть" in response.content.decode()
    assert Event.objects.filter(section__plan__year_start=2024).count() == 0


def test_librarian_cannot_copy(librarian_client, plan):
    assert librarian_client.post(plan_url(plan, "events:plan_copy")).status_code == 403
    assert not Plan.objects.filter(year_start=2024).exists()


# ---- the head's buttons on each row (events.plan_page: rendered once per status, filled in per row) ----


def test_each_row_has_its_own_buttons_and_status(head_client, plan):
    import re

    from events.plan_page import STAND_IN_NUMBER, STAND_IN_PK

    Event.objects.filter(title="Конкурс юных поэтов").update(status=Event.Status.DONE)
    html = head_client.get(plan_url(plan)).content.decode()
    events = list(Event.objects.filter(section__plan=plan).order_by("section__position", "position"))
    for number, event in enumerate(events, start=1):
        row = re.search(rf'<tr id="event-{event.pk}".*?</tr>', html, re.S).group(0)
        assert f'href="/plans/events/{event.pk}/edit/" aria-label="Изменить мероприятие {number}"' in row
        assert (
            row.count(f'action="/plans/events/{event.pk}/move/"') == 2
            and f'aria-label="Мероприятие {number} выше"' in row
        )
        assert f'action="/plans/events/{event.pk}/status/"' in row and f'id="status-{event.pk}"' in row
        assert re.findall(r'<option value="(\w+)" selected>', row) == [event.status]
    assert events[1].status == Event.Status.DONE
    assert str(STAND_IN_PK) not in html and str(STAND_IN_NUMBER) not in html
    assert html.count('name="csrfmiddlewaretoken"') >= 4 * len(events)


def test_readers_get_no_buttons(librarian_client, plan):
    html = librarian_client.get(plan_url(plan)).content.decode()
    assert "/move/" not in html and 'name="status"' not in html
