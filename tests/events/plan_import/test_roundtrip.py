"""The plan goes out as Word and comes back the same: every printed field of the seed and of a generated plan of
7 sections and 40 events survives the DOCX (reports.plan_docx) read back by the importer (events.plan_import)."""

import datetime

import pytest

from events.exports.plan_docx import PlanDocx
from events.models import Event, Plan, Section
from events.plan_import import import_plan_file
from members.models import Person

FIELDS = ["city_theme", "theme", "goal", "head_post", "head_name", "approved_by_post", "approved_by_name", "approved_on", "approved_note",
          "agreed_by_post", "agreed_by_name", "agreed_on", "agreed_note"]  # fmt: skip


def snapshot(plan):
    """Everything the printed plan shows, and what the site derives from it."""
    plan = Plan.objects.get(pk=plan.pk)
    sections = plan.numbered_sections()
    return {
        "year": plan.year_start,
        "title": plan.title_lines(),
        "labels": {field: plan.label(field) for field in ("city_theme", "theme", "goal", "tasks", "results")},
        "fields": {field: getattr(plan, field) for field in FIELDS},
        "tasks": plan.task_tree(),
        "results": plan.result_list(),
        "notes": [tuple(note) for note in plan.notes],
        "columns": plan.extra_headers,
        "sections": [section.title for section in sections],
        "events": [
            (event.number, section.title, event.title, event.dates_text, event.date_start, event.date_end, event.extra,
             [(line.text, line.key, line.person_id) for line in event.responsible_list])
            for section in sections for event in section.numbered_events
        ],
    }  # fmt: skip


def round_trip(plan, tmp_path):
    before = snapshot(plan)
    path = tmp_path / "план.docx"
    path.write_bytes(PlanDocx(plan).render())
    result = import_plan_file(path, plan.association, replace=True)
    after = snapshot(result.plan)
    return before, after, result


def test_the_seed_comes_back_whole(seed_plan, head_user, tmp_path):
    before, after, result = round_trip(seed_plan, tmp_path)
    assert len(before["events"]) == 25 and len(before["sections"]) == 5 and len(before["tasks"]) == 6
    for key in before:
        assert after[key] == before[key], key
    assert [str(warning) for warning in result.warnings] == []


LINES = [["Мальцева Т.А."], ["все библиотекари"], ["Петрова А.А. (СОШ №5)", "члены ГМО"], ["Иванова Елена Александровна"],
         ["МКУ «ЦРО»"], ["Т.А. Мальцева", "руководители ШМО"]]  # fmt: skip
DATES = ["до 20.10.2025 г.", "IV четверть", "2 полугодие", "сентябрь-октябрь", "ежемесячно", "1 раз в четверть", "по графику",
         "по плану ЦРО", "11.09.2025", "Январь-март 2026 г.", "31.02.2026"]  # fmt: skip


@pytest.fixture
def generated(association):
    """Another association's kind of plan: its own title, labels, both blocks, other columns, groups, notes."""
    Person.objects.create(association=association, surname="Мальцева", initials="Т.А.")
    plan = Plan.objects.create(
        association=association, year_start=2025,
        title="ПЛАН РАБОТЫ\nгородского методического объединения школьных библиотекарей\nна 2025-2026 учебный год",
        city_theme="Формирование функциональной грамотности обучающихся", theme="Школьная библиотека — центр чтения",
        goal="Повышение профессиональной компетентности школьных библиотекарей\nи качества библиотечных услуг",
        tasks="Совершенствовать работу с фондом\n- списание\n- комплектование\nРазвивать читательскую грамотность",
        results="Рост числа читателей\nУчастие в конкурсах",
        header_labels={"city_theme": "Единая районная методическая тема", "theme": "Методическая тема ГМО", "tasks": "Основные задачи"},
        notes=[["Направления работы", "Методическое, информационное"], ["", "План обсуждён на заседании ГМО 28.08.2025."]],
        head_post="Руководитель ГМО", head_name="Ким Л.В.",
        approved_by_post="Директор МКУ «ЦРО»", approved_by_name="Смирнова О.П.", approved_on=datetime.date(2025, 9, 1),
        approved_note="Приказ № 12 от 01.09.2025",
        agreed_by_post="Заместитель директора МКУ «ЦРО»", agreed_by_name="Попова Н.В.", agreed_on=datetime.date(2025, 8, 29),
        agreed_note="Протокол № 1 от 28.08.2025", extra_headers=["Форма проведения", "Место проведения"],
    )  # fmt: skip
    number = 0
    for position in range(1, 8):
        section = Section.objects.create(
            plan=plan, position=position, title=f"Направление {position}: работа с кадрами и читателями"
        )
        for event_position in range(1, 40 // 7 + (2 if position <= 40 % 7 else 1)):
            number += 1
            event = Event(
                section=section,
                position=event_position,
                title=f"Семинар № {number} «Библиотека и чтение»",
                dates_text=DATES[number % len(DATES)],
                extra={
                    "Форма проведения": ["семинар", "круглый стол"][number % 2],
                    "Место проведения": f"МОУ СОШ № {number % 9 + 1}",
                },
            )
            if number % 3 == 0:
                del event.extra["Форма проведения"]  # an empty cell
            event.save()
            event.set_responsibles(LINES[number % len(LINES)])
    assert number == 40
    return plan


def test_a_generated_plan_of_7_sections_and_40_events_comes_back_whole(generated, tmp_path):
    before, after, _result = round_trip(generated, tmp_path)
    assert len(before["sections"]) == 7 and len(before["events"]) == 40
    for key in before:
        assert after[key] == before[key], key
    # the responsible lines link as they did: Мальцева's card, a full name without one, groups
    lines = {text: person for *_, responsible in after["events"] for text, _key, person in responsible}
    maltseva = Person.objects.get(surname="Мальцева").pk
    assert lines["Мальцева Т.А."] == lines["Т.А. Мальцева"] == maltseva
    assert lines["Иванова Елена Александровна"] is None and lines["члены ГМО"] is None
    assert Person.objects.count() == 1
