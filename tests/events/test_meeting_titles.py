"""Which events of a plan are the association's meetings, read from their titles (events.meeting_titles), and the
head marking one by hand in the event's form."""

import pytest
from django.urls import reverse

from events.meeting_titles import meeting_number_in, number_meetings
from events.models import Event


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Заседание №1 Отчет школьных библиотекарей", (True, 1)),
        ("Заседание ГМО №2 Круглый стол", (True, 2)),
        ("Заседание РМО школьных библиотекарей № 3. Тема", (True, 3)),
        ("ЗАСЕДАНИЕ № 4", (True, 4)),
        ("3-е заседание РМО", (True, 3)),
        ("2-ое заседание ГМО", (True, 2)),
        ("Третье заседание: итоги полугодия", (True, 3)),
        ("Заседание 4. Итоги года", (True, 4)),
        ("Заседание 11.09.2023 г.", (True, None)),  # a date, not a number
        ("Заседание РМО: «Библиотека и ФГОС»", (True, None)),
        ("Подготовка к заседанию №2", (False, None)),
        ("Протокол заседания №2", (False, None)),
        ("Заседания ГМО (4 раза в год)", (False, None)),  # the plural: all of them, not one
        ("Участие в заседании методического совета", (False, None)),
        ("Конкурс юных поэтов", (False, None)),
    ],
)
def test_a_title_names_a_meeting_and_its_number(title, expected):
    assert meeting_number_in(title) == expected


def test_numbers_stay_unique_and_a_repeat_follows_the_meeting_before_it():
    titles = [
        "Заседание №1",
        "Заседание РМО (выездное)",
        "Круглый стол",
        "Заседание №3",
        "Заседание №3 Итоги года",
    ]
    assert number_meetings(titles) == [(1, False), (2, False), (None, False), (3, False), (4, True)]


def test_a_repeated_number_in_an_uploaded_plan_is_warned_of_at_its_row(head_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (
        "План работы ГМО школьных библиотекарей на 2024-2025 учебный год\n"
        "№\tМероприятие\tСроки\tОтветственный\n"
        "I. Заседания\n"
        "1\tЗаседание №1 Планирование\tСентябрь\tИванова А.А.\n"
        "2\tЗаседание №3 Круглый стол\tДекабрь\tИванова А.А.\n"
        "3\tЗаседание №3 Итоги года\tМай\tИванова А.А.\n"
    )
    upload = SimpleUploadedFile("план.txt", text.encode("utf-8"))
    html = head_client.post(reverse("events:plan_import"), {"file": upload}, follow=True).content.decode()
    assert "заседание № 4" in html
    assert "номер заседания из названия уже есть в плане выше" in html


def test_the_seed_plan_has_four_meetings_numbered_1_to_4(seed_plan):
    meetings = Event.objects.filter(section__plan=seed_plan, meeting_number__isnull=False).order_by(
        "meeting_number"
    )
    assert [(event.meeting_number, event.title[:12]) for event in meetings] == [
        (1, "Заседание №1"),
        (2, "Заседание №2"),
        (3, "Заседание №3"),
        (4, "Заседание №4"),
    ]


def test_a_copy_to_the_next_year_keeps_the_meetings(seed_plan):
    copy = seed_plan.copy_to_next_year()
    numbers = (
        Event.objects.filter(section__plan=copy)
        .exclude(meeting_number=None)
        .values_list("meeting_number", flat=True)
    )
    assert sorted(numbers) == [1, 2, 3, 4]


def _post(client, event, **fields):
    from audit.concurrency import latest_version

    data = {
        "section": event.section_id,
        "title": event.title,
        "dates_text": event.dates_text,
        "status": event.status,
        "outcome": "",
        "responsible": ["Саблина В.И."],
        "version": latest_version(event),
        **fields,
    }
    return client.post(reverse("events:event_edit", args=[event.pk]), data)


def test_the_head_marks_an_event_as_a_meeting_and_unmarks_it(head_client, plan):
    event = Event.objects.filter(section__plan=plan).order_by("pk").first()
    response = _post(head_client, event, is_meeting="on", meeting_number="")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.meeting_number == 1  # the first free number
    _post(head_client, event, meeting_number="1")  # the box unticked
    event.refresh_from_db()
    assert event.meeting_number is None


def test_a_taken_number_is_refused_and_nothing_changes(head_client, plan):
    first, second = Event.objects.filter(section__plan=plan).order_by("pk")[:2]
    Event.objects.filter(pk=first.pk).update(meeting_number=2)
    response = _post(head_client, second, is_meeting="on", meeting_number="2")
    assert response.status_code == 200
    assert "Заседание № 2 в этом году уже есть" in response.content.decode()
    second.refresh_from_db()
    assert second.meeting_number is None


def test_a_plan_whose_meetings_have_protocols_is_not_replaced_by_a_file(seed_plan, association):
    from events.plan_import import import_plan_file
    from events.plan_import.rows import PlanImportError
    from meetings.models import Meeting
    from tests.conftest import SEED_PLAN

    event = Event.objects.get(section__plan=seed_plan, meeting_number=1)
    Meeting.objects.create(event=event, place="Библиотека")
    with pytest.raises(PlanImportError, match="у его заседаний уже заполнены протоколы"):
        import_plan_file(SEED_PLAN, association, replace=True)
    assert Meeting.objects.filter(event=event).exists()


def test_a_word_plan_of_another_association_numbered_by_word_with_merged_cells(association, tmp_path):
    """ГМО г. Братска's plan (tests.events.plan_import.test_whole_plans): Word's own list numbers, a merged cell, the
    table continued after a page — its «Заседание ГМО №1 …» is a meeting, nothing else is."""
    from events.plan_import import import_plan_file
    from tests.events.plan_import.test_whole_plans import bratsk_gmo

    plan = import_plan_file(bratsk_gmo().save(tmp_path), association).plan
    meetings = Event.objects.filter(section__plan=plan).exclude(meeting_number=None)
    assert [(event.meeting_number, event.title[:16]) for event in meetings] == [(1, "Заседание ГМО №1")]


def test_a_text_plan_in_windows_1251_has_its_meetings(association, tmp_path):
    from events.plan_import import import_plan_file

    text = (
        "План работы РМО школьных библиотекарей на 2025-2026 учебный год\r\n"
        "№\tМероприятие\tСроки\tОтветственный\r\n"
        "I. Организационная работа\r\n"
        "1\t2-е заседание РМО «Библиотека и ФГОС»\tНоябрь\tПетрова А.А.\r\n"
        "2\tПодготовка к заседанию №3\tФевраль\tПетрова А.А.\r\n"
        "3\tЗаседание РМО № 3. Итоги года\tМай\tПетрова А.А.\r\n"
    )
    path = tmp_path / "план.txt"
    path.write_bytes(text.encode("cp1251"))
    plan = import_plan_file(path, association).plan
    events = Event.objects.filter(section__plan=plan).order_by("position")
    assert [event.meeting_number for event in events] == [2, None, 3]
