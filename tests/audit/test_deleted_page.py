"""«Удалённое» lists what a person deleted, says where it was and who deleted it, and a restore says what
changed around it meanwhile instead of silently undoing it (issue 17)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event, Plan, Responsible, Section
from members.models import Course
from tests.audit.test_history import event_data
from tests.conftest import versioned

pytestmark = pytest.mark.django_db


def rows(client):
    return client.get(reverse("audit:deleted")).context["rows"]


def restore(client, row):
    """Restore the row; what the page then says about it."""
    client.get(reverse("audit:deleted"))  # the messages of earlier steps are read there
    response = client.post(reverse("audit:restore", args=[row["label"], row["record"].history_id]))
    return response, [str(m) for m in get_messages(response.wsgi_request)]


def row_of(client, label):
    return next(row for row in rows(client) if row["label"] == label)


def test_an_edited_event_lists_nothing(head_client, plan):
    """Saving an event replaces its responsible lines: that is an edit, not a deletion."""
    event = Event.objects.get(title="Круглый стол")
    url = reverse("events:event_edit", args=[event.pk])
    assert head_client.post(url, versioned(event, event_data(event, outcome="Прошёл"))).status_code == 302
    assert Responsible.history.filter(event_id=event.pk, history_type="-").exists()
    assert rows(head_client) == []
    assert "Ничего не удалено" in head_client.get(reverse("audit:deleted")).content.decode()


def test_a_deleted_event_is_listed_with_its_section_number_and_who(head_client, plan):
    event = Event.objects.get(title="Конкурс юных поэтов")
    head_client.post(reverse("events:event_edit", args=[event.pk]), versioned(event, event_data(event)))
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    [row] = rows(
        head_client
    )  # the event; its responsibles (replaced by the edit or deleted with it) are not rows
    assert (row["label"], row["title"], row["who"]) == ("events.event", "Конкурс юных поэтов", "Саблина В.И.")
    assert row["where"] == "из раздела I «Организационная деятельность», было № 2"
    html = head_client.get(reverse("audit:deleted")).content.decode()
    assert "из раздела I «Организационная деятельность», было № 2" in html and "Саблина В.И." in html


def test_a_deleted_section_names_its_events_in_its_row(head_client, plan):
    head_client.post(reverse("events:section_delete", args=[plan.sections.get(position=1).pk]))
    [row] = rows(head_client)
    assert row["label"] == "events.section" and row["where"] == "из плана на 2023-2024 учебный год"
    assert sorted(row["along"]) == [
        "мероприятие «Конкурс юных поэтов»",
        "мероприятие «Утверждение плана работы»",
    ]


def test_a_deleted_course_names_the_card(head_client, librarian_user):
    person = librarian_user.account.person
    course = Course.objects.create(
        person=person, title="Информационная грамотность", hours=36, start="2023-10-02", end="2023-10-20"
    )
    head_client.post(reverse("members:course_delete", args=[course.pk]))
    [row] = rows(head_client)
    assert (row["where"], row["who"]) == (f"из карточки {person.printed_name}", "Саблина В.И.")
    assert row["where"] == "из карточки Куклина Н.Н."
    response, said = restore(head_client, row)
    assert Course.objects.filter(pk=course.pk).exists() and said == [
        "Восстановлено: курсы повышения квалификации «Информационная грамотность»."
    ]


def test_a_restore_after_the_section_was_renamed_says_what_changed(head_client, plan):
    section = plan.sections.get(position=2)
    event = section.events.get()
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    row = row_of(head_client, "events.event")
    url = reverse("events:section_edit", args=[section.pk])
    assert head_client.post(url, versioned(section, {"title": "Сетевое партнёрство"})).status_code == 302
    _response, said = restore(head_client, row)
    assert said[0] == "Восстановлено: мероприятие «Круглый стол»."
    assert said[1] == (
        "После удаления изменили раздел плана «II. Сетевое партнёрство»: "
        "Название раздела: «Социальное партнерство» → «Сетевое партнёрство» (Саблина В.И.)."
    )
    assert Event.objects.get(pk=event.pk).section_id == section.pk


def test_a_restore_whose_place_was_taken_goes_to_the_end_and_says_so(head_client, plan):
    section = plan.sections.get(position=1)
    head_client.post(reverse("events:event_delete", args=[section.events.get(position=1).pk]))
    row = row_of(head_client, "events.event")
    new = Event.objects.create(section=section, position=2, title="Новое мероприятие")
    new.move("up")  # the head put it first: in the place of the deleted one
    _response, said = restore(head_client, row)
    assert said[1] == (
        "Мероприятие «Утверждение плана работы» восстановлено в конце раздела I: "
        "его место заняли («Новое мероприятие»)."
    )
    assert [e.title for e in section.events.all()] == [
        "Новое мероприятие",
        "Конкурс юных поэтов",
        "Утверждение плана работы",
    ]
    assert [e.position for e in section.events.all()] == [1, 2, 3]


def test_a_restore_with_nothing_changed_meanwhile_says_only_that_it_is_back(head_client, plan):
    event = Event.objects.get(title="Утверждение плана работы")
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    Event.objects.create(section=event.section, position=3, title="Добавлено в конец")
    _response, said = restore(head_client, row_of(head_client, "events.event"))
    assert said == ["Восстановлено: мероприятие «Утверждение плана работы»."]
    assert [e.title for e in Section.objects.get(position=1).events.all()][0] == "Утверждение плана работы"


def test_an_older_deletion_is_refused_and_listed_once(head_client, plan):
    event = Event.objects.get(title="Круглый стол")
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    first = row_of(head_client, "events.event")
    restore(head_client, first)
    event = Event.objects.get(pk=event.pk)
    head_client.post(
        reverse("events:event_edit", args=[event.pk]), versioned(event, event_data(event, outcome="Прошёл"))
    )
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    [latest] = rows(head_client)
    assert latest["record"].history_id != first["record"].history_id and latest["record"].outcome == "Прошёл"
    _response, said = restore(head_client, first)
    assert said == [
        "«Круглый стол» не восстановить из этой записи: после неё запись восстанавливали и меняли. "
        "Восстановите её последнее удаление."
    ]
    assert not Event.objects.filter(pk=event.pk).exists()
    restore(head_client, latest)
    assert Event.objects.get(pk=event.pk).outcome == "Прошёл"


def test_a_plan_whose_year_was_loaded_anew_is_not_restored_over_it(head_client, plan, association):
    plan_pk = plan.pk
    plan.delete()
    row = row_of(head_client, "events.plan")
    Plan.objects.create(association=association, year_start=2023)
    _response, said = restore(head_client, row)
    assert said[0].startswith("«План работы") and "его место уже занято" in said[0]
    assert not Plan.objects.filter(pk=plan_pk).exists()


def test_a_responsible_line_is_not_restored_alone(head_client, plan):
    record = Responsible.history.filter(history_type="+").first()
    Responsible.objects.filter(pk=record.id).delete()
    url = reverse("audit:restore", args=["events.responsible", record.history_id])
    assert head_client.post(url).status_code == 404


def test_another_associations_head_gets_404_for_its_items(
    client, other_head_user, head_client, plan, librarian_user
):
    course = Course.objects.create(
        person=librarian_user.account.person, title="Курсы", hours=16, start="2023-10-02", end="2023-10-06"
    )
    head_client.post(reverse("members:course_delete", args=[course.pk]))
    head_client.post(reverse("events:event_delete", args=[Event.objects.get(title="Круглый стол").pk]))
    mine = rows(head_client)
    assert {row["label"] for row in mine} == {"events.event", "members.course"}
    client.force_login(other_head_user)
    assert rows(client) == []
    for row in mine:
        url = reverse("audit:restore", args=[row["label"], row["record"].history_id])
        assert client.post(url).status_code == 404
    assert not Course.objects.filter(pk=course.pk).exists()


def delete_some(plan, person, count, start):
    section = plan.sections.get(position=1)
    for n in range(start, start + count):
        event = Event.objects.create(
            section=section, position=section.next_event_position(), title=f"Мероприятие {n}"
        )
        event.set_responsibles([person])
        event.delete_and_renumber()
        Course.objects.create(
            person=person, title=f"Курсы {n}", hours=8, start=datetime.date(2023, 10, 2), end="2023-10-06"
        ).delete()
    Section.objects.create(plan=plan, position=3 + start, title=f"Раздел {start}").delete_and_renumber()


def test_the_page_asks_as_many_queries_for_30_rows_as_for_1(
    head_client, plan, librarian_user, django_assert_num_queries
):
    person = librarian_user.account.person
    delete_some(plan, person, 1, 0)
    with CaptureQueriesContext(connection) as one:
        assert len(rows(head_client)) == 3
    delete_some(plan, person, 29, 1)
    with django_assert_num_queries(len(one.captured_queries)):
        listed = rows(head_client)
    assert len(listed) == 30 + 30 + 2
    assert {row["where"] for row in listed if row["label"] == "events.event"} == {
        "из раздела I «Организационная деятельность», было № 3"
    }
