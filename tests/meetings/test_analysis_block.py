"""The meetings' blocks of the year's analysis (meetings.exports): «Заседания» — each meeting's date, agenda,
attendance and decisions carried out, with a summary — and «Посещаемость заседаний по школам»; left out of a year
without meetings; in the analysis PDF and XLSX; in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.exports.analysis import AnalysisPdf, AnalysisXlsx, analyse_plan
from events.models import Event
from meetings.models import Attendance, Decision, Meeting
from members.models import Person, School
from tests.meetings.test_protocol_exports import add_present, filled_meeting, meeting_event, person
from tests.reports.conftest import assert_in_order, pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db

MEETINGS = "Заседания"
BY_SCHOOL = "Посещаемость заседаний по школам"


def block(plan, title):
    return next((block for block in analyse_plan(plan).blocks if block.title == title), None)


@pytest.fixture
def year(plan, librarian_user, other_school):
    """Meeting № 1 held (filled_meeting: 4 present, Петрова absent, decisions 1.1 and 1.2 of 3 done) with one more
    present, and meeting № 2 («Круглый стол») still planned, nothing filled in."""
    meeting = filled_meeting(plan)
    Event.objects.filter(pk=meeting.pk).update(status=Event.Status.DONE)
    add_present(meeting, 1, School.objects.get(short_name="МАОУ СОШ № 1"))  # 5 of 6
    meeting_event(plan, "Круглый стол", number=2)
    return plan


def test_a_year_without_meetings_has_neither_block(plan):
    titles = [block.title for block in analyse_plan(plan).blocks]
    assert MEETINGS not in titles and BY_SCHOOL not in titles


def test_a_meeting_without_attendance_gives_the_meetings_block_only(plan):
    meeting_event(plan)
    titles = [block.title for block in analyse_plan(plan).blocks]
    assert MEETINGS in titles and BY_SCHOOL not in titles


def test_the_meetings_of_the_year(year):
    found = block(year, MEETINGS)
    assert found.header == ["№", "Дата", "Повестка", "Присутствовало", "Решений выполнено"]
    assert found.rows == [
        [
            1,
            datetime.date(2023, 9, 11),
            "1. О плане работы ГТО ШБ на 2023-2024 учебный год\n2. Об обменном фонде учебников",
            "5 из 6",
            "2 из 3",
        ],
        [2, datetime.date(2023, 10, 25), "Круглый стол", "—", "—"],  # the plan's date and title
    ]
    assert found.summary == (
        "Проведено 1 заседание из 2; в среднем присутствовало 5 человек. Решений выполнено: 2 из 3."
    )


def test_the_summary_when_every_meeting_was_held_and_nobody_marked(plan):
    event = meeting_event(plan)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.DONE)
    found = block(plan, MEETINGS)
    assert found.summary == "Проведено 1 заседание."
    assert found.rows == [[1, datetime.date(2023, 9, 11), "Утверждение плана работы", "—", "—"]]


def test_a_meeting_held_on_another_day_than_planned_shows_that_day(year):
    Meeting.objects.filter(pk=Event.objects.get(meeting_number=1).pk).update(
        held_on=datetime.date(2023, 9, 14)
    )
    Event.objects.filter(meeting_number=2).update(
        dates_text="Октябрь, 2023 г.",
        date_start=datetime.date(2023, 10, 1),
        date_end=datetime.date(2023, 10, 31),
    )
    found = block(year, MEETINGS)
    assert [row[1] for row in found.rows] == [datetime.date(2023, 9, 14), "Октябрь, 2023 г."]


def test_attendance_by_school_in_the_schools_order(year, association):
    eleventh = School.objects.create(association=association, name="СОШ № 11", short_name="МАОУ СОШ № 11")
    meeting = Meeting.objects.get(pk=Event.objects.get(meeting_number=1).pk)
    Attendance.objects.create(
        meeting=meeting, person=person(association, "Яковлева", "Т.Т.", eleventh), present=False
    )
    found = block(year, BY_SCHOOL)
    assert found.header == ["Школа", "Присутствовали", "Всего отметок", "Доля"]
    # МАОУ СОШ № 1: Куклина, Участница01; № 2: Абрамова, Ёлкина present, Петрова absent; № 11: Яковлева absent;
    # Саблина has no school. № 2 before № 11, those without a school last, then the total.
    assert found.rows == [
        ["МАОУ СОШ № 1", 2, 2, "100\u202f%"],
        ["МАОУ СОШ № 2", 2, 3, "67\u202f%"],
        ["МАОУ СОШ № 11", 0, 1, "0\u202f%"],
        ["без школы", 1, 1, "100\u202f%"],
        ["Всего", 5, 7, "71\u202f%"],
    ]
    assert found.summary == "Отметок явки за год: 7, из них присутствовали — 5 (71\u202f%)."


def test_another_years_meetings_stay_out(year, association):
    from events.models import Plan, Section

    later = Plan.objects.create(association=association, year_start=2024)
    section = Section.objects.create(plan=later, position=1, title="Заседания")
    Event.objects.create(
        section=section, position=1, title="Заседание", dates_text="10.09.2024", meeting_number=1
    )
    assert [row[0] for row in block(year, MEETINGS).rows] == [1, 2]
    assert [row[2] for row in block(later, MEETINGS).rows] == ["Заседание"]
    assert block(later, BY_SCHOOL) is None


def test_both_blocks_in_the_analysis_pdf_and_xlsx(year):
    text = pdf_text(AnalysisPdf(year).render())
    assert_in_order(
        text,
        [
            "Заседания",
            "Проведено 1 заседание из 2; в среднем присутствовало 5 человек. Решений выполнено: 2 из 3.",
            "№ Дата Повестка Присутствовало Решений выполнено",
            "1 11 сентября 2023 г. 1. О плане работы ГТО ШБ на 2023-2024 учебный год 2. Об обменном фонде учебников",
            "5 из 6 2 из 3",
            "2 25 октября 2023 г. Круглый стол — —",
            "Посещаемость заседаний по школам",
            "Отметок явки за год: 6, из них присутствовали — 5 (83 %).",
            "МАОУ СОШ № 1 2 2 100 %",
            "Всего 5 6 83 %",
            "Составлен",
        ],
    )
    book = workbook(AnalysisXlsx(year).render())
    meetings = sheet_rows(book["Заседания"])
    assert meetings[0] == ["№", "Дата", "Повестка", "Присутствовало", "Решений выполнено"]
    assert meetings[1][:2] == [1, datetime.datetime(2023, 9, 11)] and meetings[1][3:] == ["5 из 6", "2 из 3"]
    assert meetings[-1][0].startswith("Проведено 1 заседание из 2")
    assert sheet_rows(book["Посещаемость"])[1] == ["МАОУ СОШ № 1", 2, 2, "100\u202f%"]


def queries_of(plan):
    with CaptureQueriesContext(connection) as captured:
        analyse_plan(plan)
    return len(captured)


def test_the_queries_do_not_grow_with_meetings_people_and_decisions(year, association, school):
    before = queries_of(year)
    meeting = Meeting.objects.create(event=Event.objects.get(meeting_number=2))
    add_present(meeting, 10, school, surname="Гостья")
    item = meeting.items.create(position=1, title="О разном")
    for position in range(1, 4):
        Decision.objects.create(
            item=item, position=position, text="Решение", responsible=Person.objects.first()
        )
    event = Event.objects.get(title="Конкурс юных поэтов")
    event.meeting_number = 3
    event.save()
    assert queries_of(year) == before
