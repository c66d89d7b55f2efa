"""Adding, editing, moving, marking and deleting events: the head only; numbers follow."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event
from members.models import Person
from tests.conftest import versioned

pytestmark = pytest.mark.django_db


def numbered(plan):
    return [(e.number, e.title) for s in plan.numbered_sections() for e in s.numbered_events]


def event_data(section, **overrides):
    data = {
        "section": section.pk,
        "title": "Неделя «Живая классика»",
        "dates_text": "Ноябрь 2023г.",
        "status": "planned",
        "outcome": "",
        "responsible": ["Саблина В.И.", "ГТО ШБ", ""],
    }
    data.update(overrides)
    return data


def test_head_adds_event_with_responsibles(head_client, plan):
    section = plan.sections.get(position=1)
    response = head_client.post(reverse("events:event_add", args=[section.pk]), event_data(section))
    assert response.status_code == 302
    event = Event.objects.get(title="Неделя «Живая классика»")
    assert numbered(plan)[2] == (3, "Неделя «Живая классика»")
    assert event.responsible_names() == ["Саблина В.И.", "ГТО ШБ"]
    assert (event.date_start, event.date_end) == (datetime.date(2023, 11, 1), datetime.date(2023, 11, 30))


def test_a_known_name_is_linked_and_a_new_one_stays_written(head_client, head_user, plan):
    section = plan.sections.get(position=1)
    persons = Person.objects.count()
    head_client.post(
        reverse("events:event_add", args=[section.pk]),
        event_data(section, responsible=["Саблина В. И.", "Пискарёва С.Б.", "все библиотекари"]),
    )
    event = Event.objects.get(title="Неделя «Живая классика»")
    assert event.responsible_names() == ["Саблина В. И.", "Пискарёва С.Б.", "все библиотекари"]
    assert [(line.person, line.key) for line in event.responsibles.all()] == [
        (head_user.account.person, "саблина|ви"),
        (None, "пискарева|сб"),
        (None, ""),
    ]
    assert Person.objects.count() == persons  # a name nobody added is not a librarian


def test_too_many_responsibles_keep_what_was_typed(head_client, plan):
    section = plan.sections.get(position=1)
    typed = [f"Иванова{'а' * n} И.И." for n in range(21)]
    response = head_client.post(
        reverse("events:event_add", args=[section.pk]),
        event_data(section, responsible=typed, title="Новое мероприятие"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Ответственных не больше 20" in html
        and f'value="{typed[20]}"' in html
        and "Новое мероприятие" in html
    )
    assert not Event.objects.filter(title="Новое мероприятие").exists()


def test_an_impossible_date_is_kept_and_flagged(head_client, plan):
    section = plan.sections.get(position=1)
    response = head_client.post(
        reverse("events:event_add", args=[section.pk]),
        event_data(section, dates_text="31.02.2024", title="Новое мероприятие"),
        follow=True,
    )
    event = Event.objects.get(title="Новое мероприятие")
    assert (event.dates_text, event.date_start, event.date_end) == ("31.02.2024", None, None)
    assert "такой даты нет" in response.content.decode()


def test_head_edits_event_and_moves_it_to_another_section(head_client, plan):
    event = Event.objects.get(title="Утверждение плана работы")
    second = plan.sections.get(position=2)
    response = head_client.post(
        reverse("events:event_edit", args=[event.pk]),
        versioned(event, event_data(second, title="Утверждение плана", status="done", outcome="Утверждён")),
    )
    assert response.status_code == 302
    assert numbered(plan) == [(1, "Конкурс юных поэтов"), (2, "Круглый стол"), (3, "Утверждение плана")]
    event.refresh_from_db()
    assert (event.status, event.outcome, event.position) == ("done", "Утверждён", 2)
    assert plan.sections.get(position=1).events.get().position == 1


def test_edit_form_shows_current_responsibles(head_client, plan):
    event = Event.objects.get(title="Круглый стол")
    response = head_client.get(reverse("events:event_edit", args=[event.pk]))
    assert 'value="Саблина В.И."' in response.content.decode()


def test_moving_event_up_and_across_sections(head_client, plan):
    event = Event.objects.get(title="Круглый стол")
    url = reverse("events:event_move", args=[event.pk])
    head_client.post(url, {"direction": "up"})  # into section I, at its end
    assert numbered(plan) == [
        (1, "Утверждение плана работы"),
        (2, "Конкурс юных поэтов"),
        (3, "Круглый стол"),
    ]
    assert plan.sections.get(position=2).events.count() == 0
    head_client.post(url, {"direction": "up"})
    assert numbered(plan) == [
        (1, "Утверждение плана работы"),
        (2, "Круглый стол"),
        (3, "Конкурс юных поэтов"),
    ]
    head_client.post(url, {"direction": "down"})
    head_client.post(url, {"direction": "down"})  # from the end of section I to the start of section II
    assert numbered(plan)[2] == (3, "Круглый стол")
    assert plan.sections.get(position=2).events.get().title == "Круглый стол"


def test_marking_status(head_client, plan):
    event = Event.objects.get(title="Круглый стол")
    head_client.post(reverse("events:event_status", args=[event.pk]), {"status": "cancelled"})
    event.refresh_from_db()
    assert event.status == "cancelled"
    head_client.post(reverse("events:event_status", args=[event.pk]), {"status": "nonsense"})
    event.refresh_from_db()
    assert event.status == "cancelled"


def test_deleting_event_renumbers(head_client, plan):
    event = Event.objects.get(title="Утверждение плана работы")
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    assert numbered(plan) == [(1, "Конкурс юных поэтов"), (2, "Круглый стол")]
    assert plan.sections.get(position=1).events.get().position == 1


@pytest.mark.parametrize("who", ["librarian_client", "viewer_client"])
def test_others_cannot_change_events(request, who, plan):
    client = request.getfixturevalue(who)
    event = Event.objects.get(title="Круглый стол")
    section = event.section
    assert client.get(reverse("events:event_edit", args=[event.pk])).status_code == 403
    assert client.post(reverse("events:event_edit", args=[event.pk]), event_data(section)).status_code == 403
    assert client.post(reverse("events:event_add", args=[section.pk]), event_data(section)).status_code == 403
    assert client.post(reverse("events:event_move", args=[event.pk]), {"direction": "up"}).status_code == 403
    assert client.post(reverse("events:event_status", args=[event.pk]), {"status": "done"}).status_code == 403
    assert client.post(reverse("events:event_delete", args=[event.pk])).status_code == 403
    event.refresh_from_db()
    assert (event.title, event.status) == ("Круглый стол", "planned")


def test_visitor_is_sent_to_login_and_other_association_gets_404(client, other_head_user, published_plan):
    event = Event.objects.get(title="Круглый стол")
    response = client.post(reverse("events:event_status", args=[event.pk]), {"status": "done"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(other_head_user)
    assert client.post(reverse("events:event_status", args=[event.pk]), {"status": "done"}).status_code == 403
    event.refresh_from_db()
    assert event.status == "planned"


def test_event_actions_need_post(head_client, plan):
    event = Event.objects.get(title="Круглый стол")
    for name in ["events:event_delete", "events:event_move", "events:event_status"]:
        assert head_client.get(reverse(name, args=[event.pk])).status_code == 405


def test_an_event_moved_to_another_section_is_recorded_there_in_its_history(head_client, plan):
    """One save: the history's last row stands in the new section at its end, and the old one closes its gap."""
    event = Event.objects.get(title="Утверждение плана работы")
    first, second = plan.sections.get(position=1), plan.sections.get(position=2)
    before = list(first.events.order_by("position").values_list("title", flat=True))
    response = head_client.post(
        reverse("events:event_edit", args=[event.pk]),
        versioned(event, event_data(second, title="Утверждение плана")),
    )
    assert response.status_code == 302
    last = event.history.order_by("-history_id").first()
    assert (last.section_id, last.title) == (second.pk, "Утверждение плана")
    assert last.position == second.events.count()
    left = [title for title in before if title != "Утверждение плана работы"]
    assert list(first.events.order_by("position").values_list("position", "title")) == list(
        enumerate(left, 1)
    )


def test_deleting_a_section_says_how_many_events_go_with_it(head_client, plan):
    page = head_client.get(plan.get_absolute_url()).content.decode()
    assert "Удалить раздел и его 2 мероприятия? Номера следующих сдвинутся." in page
    assert "Удалить раздел и его 1 мероприятие? Номера следующих сдвинутся." in page
    second = plan.sections.get(position=2)
    response = head_client.post(reverse("events:section_delete", args=[second.pk]), follow=True)
    assert "Раздел «Социальное партнерство» удалён вместе с 1 мероприятием." in response.content.decode()


def test_taking_a_published_plan_back_to_draft_asks_first(head_client, published_plan):
    page = head_client.get(published_plan.get_absolute_url()).content.decode()
    assert "посетители сайта перестанут его видеть" in page


def test_the_plan_links_its_calendar(client, published_plan):
    page = client.get(published_plan.get_absolute_url()).content.decode()
    calendar = reverse(
        "events:plan_calendar", args=[published_plan.association.slug, published_plan.year_name]
    )
    assert f'href="{calendar}"' in page and client.get(calendar).status_code == 200


def test_a_plan_without_tasks_or_results_shows_no_empty_rows_for_them(client, published_plan):
    published_plan.tasks = published_plan.results = ""
    published_plan.save()
    html = client.get(published_plan.get_absolute_url()).content.decode()
    assert published_plan.label("tasks") not in html and published_plan.label("results") not in html
