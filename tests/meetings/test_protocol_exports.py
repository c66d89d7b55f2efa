"""The meeting's protocol as PDF and DOCX (meetings.exports), downloaded through its page's URL and read back: the
header, who was there, the agenda, СЛУШАЛИ / ВЫСТУПИЛИ / ПОСТАНОВИЛИ, the decisions and votes, the signatures; more
than fifteen present counted with the list as an appendix; an empty protocol for a meeting nothing is filled in of.

The helpers that build a meeting are used by test_analysis_block.py too."""

import datetime
import io
from urllib.parse import unquote

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from meetings.exports import ProtocolDocx
from meetings.models import AgendaItem, Attendance, Decision, Meeting
from members.models import Person, School
from tests.reports.conftest import assert_in_order, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


def meeting_event(plan, title="Утверждение плана работы", number=1):
    """The plan's event `title` marked as the year's meeting `number`."""
    event = Event.objects.get(section__plan=plan, title=title)
    event.meeting_number = number
    event.save()
    return event


def person(association, surname, initials, school=None):
    return Person.objects.create(association=association, surname=surname, initials=initials, school=school)


def filled_meeting(plan):
    """Meeting № 1 of the small plan's «Утверждение плана работы», held on 11 September 2023 at 15:00 in МАОУ СОШ
    № 1: Саблина chairs, Куклина takes the minutes; Абрамова, Ёлкина, Куклина and Саблина present, Петрова absent;
    a guest; two agenda items, three decisions (1.1 with a vote, 1.2 and 2.1 with a person and a deadline).
    Needs the `librarian_user` and `other_school` fixtures (Куклина, МАОУ СОШ № 2)."""
    association = plan.association
    sablina = Person.objects.get(association=association, surname="Саблина")
    kuklina = Person.objects.get(association=association, surname="Куклина")
    second = School.objects.get(association=association, short_name="МАОУ СОШ № 2")
    abramova = person(association, "Абрамова", "Е.П.", second)
    yolkina = person(association, "Ёлкина", "О.В.", second)
    petrova = person(association, "Петрова", "А.А.", second)
    meeting = Meeting.objects.create(
        event=meeting_event(plan),
        held_on=datetime.date(2023, 9, 11),
        starts_at=datetime.time(15, 0),
        place="МАОУ СОШ № 1",
        chair=sablina,
        secretary=kuklina,
        guests="Иванова А.П., методист МКУ «ЦРО»\n\n",
    )
    for present in (sablina, yolkina, kuklina, abramova):  # not in alphabetical order
        Attendance.objects.create(meeting=meeting, person=present, present=True)
    Attendance.objects.create(meeting=meeting, person=petrova, present=False, reason="болезнь")
    plan_item = AgendaItem.objects.create(
        meeting=meeting,
        position=1,
        title="О плане работы ГТО ШБ на 2023-2024 учебный год",
        speaker=sablina,
        heard="Представила проект плана работы на учебный год.",
        spoke="Куклина Н.Н. предложила провести конкурс юных поэтов весной.",
    )
    fund_item = AgendaItem.objects.create(
        meeting=meeting,
        position=2,
        title="Об обменном фонде учебников",
        speaker_text="Иванова А.П., методист МКУ «ЦРО»",
        heard="Рассказала о порядке передачи учебников во временное пользование.",
    )
    Decision.objects.create(
        item=plan_item,
        position=1,
        text="Утвердить план работы на 2023-2024 учебный год.",
        votes_for=12,
        votes_against=0,
        votes_abstained=1,
        done_on=datetime.date(2023, 9, 11),
    )
    Decision.objects.create(
        item=plan_item,
        position=2,
        text="Провести конкурс юных поэтов.",
        responsible=kuklina,
        deadline=datetime.date(2024, 3, 15),
        done_on=datetime.date(2024, 3, 10),
    )
    Decision.objects.create(
        item=fund_item,
        position=1,
        text="Обновить сведения об излишках учебников в обменном фонде.",
        responsible=abramova,
        deadline=datetime.date(2023, 10, 1),
    )
    return meeting


def add_present(meeting, count, school=None, surname="Участница"):
    """`count` more librarians present at `meeting`: «Участница01 А.А.», …"""
    for index in range(1, count + 1):
        someone = person(meeting.event.section.plan.association, f"{surname}{index:02d}", "А.А.", school)
        Attendance.objects.create(meeting=meeting, person=someone, present=True)


def protocol_url(event, fmt):
    return reverse("meetings:protocol", args=[event.pk, fmt])


def attachment_name(response):
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''"), disposition
    return unquote(disposition.split("''", 1)[1])


def docx_texts(content):
    """(the paragraphs' texts, [[each row's cells' texts] per table]) of a DOCX."""
    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables


@pytest.fixture
def meeting(plan, librarian_user, other_school):
    return filled_meeting(plan)


# What a filled-in protocol says, in order, in the PDF as in the DOCX.
PROTOCOL = [
    "ГТО ШБ г. Усть-Илимска",
    "ПРОТОКОЛ № 1",
    "заседания ГТО ШБ",
    "11 сентября 2023 г.",
    "МАОУ СОШ № 1, начало в 15:00",
    "Председатель: Саблина В.И.",
    "Секретарь: Куклина Н.Н.",
    "Присутствовали: 4 человека: Абрамова Е.П., Ёлкина О.В., Куклина Н.Н., Саблина В.И.",  # Ё sorts as Е
    "Отсутствовали: Петрова А.А. (болезнь)",
    "Приглашённые: Иванова А.П., методист МКУ «ЦРО»",
    "Повестка дня:",
    "1. О плане работы ГТО ШБ на 2023-2024 учебный год (докладчик: Саблина В.И.)",
    "2. Об обменном фонде учебников (докладчик: Иванова А.П., методист МКУ «ЦРО»)",
    "1. О плане работы ГТО ШБ на 2023-2024 учебный год",
    "СЛУШАЛИ: Саблина В.И. — Представила проект плана работы на учебный год.",
    "ВЫСТУПИЛИ: Куклина Н.Н. предложила провести конкурс юных поэтов весной.",
    "ПОСТАНОВИЛИ:",
    "1.1. Утвердить план работы на 2023-2024 учебный год.",
    "Голосовали: за — 12, против — 0, воздержались — 1.",
    "1.2. Провести конкурс юных поэтов.",
    "Ответственный: Куклина Н.Н. Срок: 15 марта 2024 г.",
    "2. Об обменном фонде учебников",
    "СЛУШАЛИ: Иванова А.П., методист МКУ «ЦРО» — Рассказала о порядке передачи учебников во временное пользование.",
    "ПОСТАНОВИЛИ:",
    "2.1. Обновить сведения об излишках учебников в обменном фонде.",
    "Ответственный: Абрамова Е.П. Срок: 1 октября 2023 г.",
    "Председатель ________ Саблина В.И.",
    "Секретарь ________ Куклина Н.Н.",
]


def test_protocol_pdf(head_client, meeting):
    response = head_client.get(protocol_url(meeting.event, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert attachment_name(response) == "Протокол № 1 заседания ГТО ШБ от 11.09.2023.pdf"
    text = pdf_text(response.content)
    assert_in_order(text, PROTOCOL)
    assert text.count("ВЫСТУПИЛИ:") == 1  # only where someone spoke
    assert text.count("Голосовали:") == 1  # only where a vote is recorded
    assert "список прилагается" not in text and "Приложение" not in text
    assert len(pdf_pages(response.content)) == 1


def test_protocol_docx(head_client, meeting):
    response = head_client.get(protocol_url(meeting.event, "docx"))
    assert response.status_code == 200
    assert attachment_name(response) == "Протокол № 1 заседания ГТО ШБ от 11.09.2023.docx"
    paragraphs, tables = docx_texts(response.content)
    when, signatures = tables
    assert when == [["11 сентября 2023 г.", "МАОУ СОШ № 1, начало в 15:00"]]
    assert signatures == [
        ["Председатель", "________", "Саблина В.И."],
        ["Секретарь", "________", "Куклина Н.Н."],
    ]
    expected = [
        line for line in PROTOCOL if line not in ("11 сентября 2023 г.", "МАОУ СОШ № 1, начало в 15:00")
    ]
    assert paragraphs == expected[:-2]  # the signatures are the table's


def test_more_than_fifteen_present_are_counted_and_listed_in_an_appendix(head_client, meeting, school):
    add_present(meeting, 12, school)  # 16 present
    response = head_client.get(protocol_url(meeting.event, "pdf"))
    pages = pdf_pages(response.content)
    first, appendix = pages[0], pages[-1]
    assert "Присутствовали: 16 человек (список прилагается)" in first
    assert "Ёлкина" not in first and "Участница01" not in first
    assert "Отсутствовали: Петрова А.А. (болезнь)" in first
    rows = [f"{number}. Участница{number - 4:02d} А.А. МАОУ СОШ № 1" for number in range(5, 17)]
    assert_in_order(
        appendix,
        [
            "Приложение. Список присутствующих",
            "к протоколу № 1 от 11 сентября 2023 г.",
            "№/п Фамилия И.О. Школа",
            "1. Абрамова Е.П. МАОУ СОШ № 2",
            "2. Ёлкина О.В. МАОУ СОШ № 2",
            "3. Куклина Н.Н. МАОУ СОШ № 1",
            "4. Саблина В.И.",  # no school: nothing in its cell
            *rows,
        ],
    )
    assert "Петрова" not in appendix
    assert "Председатель ________ Саблина В.И." in " ".join(pages[:-1])  # the signatures come before it

    paragraphs, tables = docx_texts(head_client.get(protocol_url(meeting.event, "docx")).content)
    assert "Присутствовали: 16 человек (список прилагается)" in paragraphs
    assert paragraphs[-2:] == ["Приложение. Список присутствующих", "к протоколу № 1 от 11 сентября 2023 г."]
    listed = tables[-1]
    assert listed[0] == ["№/п", "Фамилия И.О.", "Школа"]
    assert listed[1] == ["1.", "Абрамова Е.П.", "МАОУ СОШ № 2"]
    assert listed[4] == ["4.", "Саблина В.И.", ""]
    assert listed[-1] == ["16.", "Участница12 А.А.", "МАОУ СОШ № 1"]
    assert len(listed) == 17


def test_fifteen_present_are_still_named(meeting, school):
    add_present(meeting, 11, school)  # 15 present
    paragraphs, tables = docx_texts(ProtocolDocx(meeting).render())
    present = next(line for line in paragraphs if line.startswith("Присутствовали:"))
    assert present.startswith(
        "Присутствовали: 15 человек: Абрамова Е.П., Ёлкина О.В., Куклина Н.Н., Саблина В.И., Участница01 А.А."
    )
    assert present.count(",") == 14
    assert "Приложение. Список присутствующих" not in paragraphs and len(tables) == 2


def test_a_meeting_nothing_is_filled_in_of_gives_the_empty_protocol(head_client, plan):
    event = meeting_event(plan, "Круглый стол", number=2)
    response = head_client.get(protocol_url(event, "pdf"))
    assert response.status_code == 200
    assert attachment_name(response) == "Протокол № 2 заседания ГТО ШБ от 25.10.2023.pdf"
    text = pdf_text(response.content)
    assert_in_order(
        text,
        [
            "ГТО ШБ г. Усть-Илимска",
            "ПРОТОКОЛ № 2",
            "25 октября 2023 г.",
            "Председатель: ______",
            "Секретарь: ______",
            "Присутствовали: ______",
            "Председатель ________",
            "Секретарь ________",
        ],
    )
    assert "Повестка дня" not in text and "Отсутствовали" not in text and "Приглашённые" not in text

    response = head_client.get(protocol_url(event, "docx"))
    assert response.status_code == 200
    paragraphs, tables = docx_texts(response.content)
    assert paragraphs[:3] == ["ГТО ШБ г. Усть-Илимска", "ПРОТОКОЛ № 2", "заседания ГТО ШБ"]
    assert tables[-1] == [["Председатель", "________", ""], ["Секретарь", "________", ""]]
    assert not Meeting.objects.exists()  # downloading it writes nothing down


def test_the_file_name_without_a_single_day_in_the_plan_carries_the_year(plan):
    event = Event.objects.get(title="Конкурс юных поэтов")  # «Март, 2024 г.»
    event.meeting_number = 3
    event.save()
    exporter = ProtocolDocx(Meeting(event=event))
    assert exporter.filename() == "Протокол № 3 заседания ГТО ШБ 2023-2024.docx"
    assert exporter.date_text() == "Март, 2024 г."  # not «1 марта 2024 г.», the first day of the month
    assert ProtocolDocx(Meeting(event=event, held_on=datetime.date(2024, 3, 21))).filename() == (
        "Протокол № 3 заседания ГТО ШБ от 21.03.2024.docx"
    )


def test_every_member_downloads_it_another_association_does_not(
    client, meeting, librarian_user, viewer_user, other_head_user
):
    url = protocol_url(meeting.event, "docx")
    for user, status in [(librarian_user, 200), (viewer_user, 200), (other_head_user, 404)]:
        client.force_login(user)
        assert client.get(url).status_code == status, user.username
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(librarian_user)
    assert client.get(protocol_url(meeting.event, "odt")).status_code == 404


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_queries_do_not_grow_with_people_items_and_decisions(head_client, meeting, school):
    url = protocol_url(meeting.event, "docx")
    before = queries_of(head_client, url)
    add_present(meeting, 20, school)
    item = AgendaItem.objects.create(
        meeting=meeting, position=3, title="О разном", speaker=Person.objects.first()
    )
    for position in range(1, 6):
        Decision.objects.create(
            item=item, position=position, text=f"Решение {position}", responsible=Person.objects.last()
        )
    # session, user, account, the event with its plan and association, the meeting with its chair and secretary,
    # the items with their speakers, their decisions with those responsible, their materials, the attendance
    assert queries_of(head_client, url) == before == 9
