"""The meetings' demo data, loaded by `manage.py setup_demo`: the seed plan's first meeting with its protocol filled
in (agenda, decisions, attendance; one decision still open for Куклина Н.Н., shown on her home page) and published,
the second with its agenda only. Safe to run again: once the plan's first meeting has a protocol, nothing is added."""

import datetime

from django.db import transaction

from events.models import Event
from meetings import services
from meetings.models import AgendaItem, Decision, Meeting
from members.models import Person

FIRST = [
    ("О плане работы ГТО ШБ на 2023-2024 учебный год", "Саблина В.И.", "Представлен проект плана работы: методическая "
     "тема, задачи, четыре заседания, конкурсы для учащихся.",
     [("Утвердить план работы ГТО ШБ на 2023-2024 учебный год.", None, None, (14, 0, 0))]),
    ("Об обеспеченности учебниками учащихся на 2023-2024 учебный год", "Куклина Н.Н.", "Обеспеченность учебниками по "
     "городу — 97 %; не хватает учебников по физике для 7 классов.",
     [("Принять отчёт к сведению.", None, None, None),
      ("Разместить излишки учебников в обменном фонде.", "Куклина Н.Н.", datetime.date(2023, 10, 15), None)]),
    ("Об уточнении банка данных о школьных библиотекарях", "Саблина В.И.", "",
     [("Уточнить сведения банка данных до 1 октября.", "Садовникова Л.И.", datetime.date(2023, 10, 1), None)]),
]  # fmt: skip


@transaction.atomic
def load(association, plan):
    events = {
        e.meeting_number: e for e in Event.objects.filter(section__plan=plan, meeting_number__isnull=False)
    }
    if 1 not in events or Meeting.objects.filter(event=events[1]).exists():
        return "Заседания уже заполнены."
    people = {person.printed_name: person for person in Person.objects.filter(association=association)}
    meeting = Meeting.objects.create(
        event=events[1],
        held_on=datetime.date(2023, 9, 11),
        place="МАОУ СОШ № 1, библиотека",
        chair=people.get("Саблина В.И."),
        secretary=people.get("Куклина Н.Н."),
        guests="Лаптева О.В., методист МКУ «ЦРО»",
    )
    for position, (title, speaker, heard, decisions) in enumerate(FIRST, start=1):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, title=title, speaker=people.get(speaker), heard=heard
        )
        for number, (text, responsible, deadline, votes) in enumerate(decisions, start=1):
            for_, against, abstained = votes or (None, None, None)
            Decision.objects.create(
                item=item, position=number, text=text, responsible=people.get(responsible), deadline=deadline,
                votes_for=for_, votes_against=against, votes_abstained=abstained,
                done_on=datetime.date(2023, 9, 28) if responsible == "Садовникова Л.И." else None,
            )  # fmt: skip
    librarians = Person.objects.filter(association=association, school__isnull=False, is_active=True)
    marks = [
        (person, person.printed_name != "Ткачук Т.М.", "курсы повышения квалификации")
        for person in librarians
    ]
    services.save_attendance(meeting, marks, meeting.guests)
    services.set_published(meeting, True)
    if 2 in events:
        second = Meeting.objects.create(event=events[2], held_on=datetime.date(2023, 12, 19))
        AgendaItem.objects.create(
            meeting=second, position=1, title="О выполнении решений предыдущего заседания"
        )
        AgendaItem.objects.create(
            meeting=second, position=2, title="Об особенностях комплектования фонда в условиях обновления ФПУ"
        )
    return "Заполнен протокол заседания № 1 (опубликован), составлена повестка заседания № 2."
