"""Whole plans of other associations, every difference at once: what the preview shows the head, and what is saved."""

import datetime

from events.plan_import import draft_from_file, import_plan_file, preview, preview_text
from members.models import Person
from tests.events.plan_import.documents import SOFT, Auto, PlanDocument, numbered_events


def bratsk_gmo():
    """ГМО г. Братска: blocks in a borderless table, the header as paragraphs with Word's lists, sections and events
    numbered by Word, the header row repeated on each page, a second table after a page, merged cells."""
    plan = PlanDocument()
    plan.blocks_table(
        ["СОГЛАСОВАНО", "Методист МКУ «ЦРО»", "________ Е.В. Белова", "«29» августа 2024 г."],
        ["УТВЕРЖДАЮ", "Директор МКУ «ЦРО»", "________ Т.А. Мальцева", "Приказ № 45 от 30.08.2024"],
    )
    plan.paragraph()
    plan.paragraph(
        "ПЛАН РАБОТЫ"
        + SOFT
        + "городского методического объединения школьных библиотекарей г. Братска"
        + SOFT
        + "на 2024-2025 учебный год",
        bold=True,
    )
    plan.paragraph("Методическая тема ГМО: «Школьная библиотека как пространство читательского развития».")
    plan.paragraph("Цель: совершенствование профессиональной компетентности школьных библиотекарей.")
    plan.paragraph("Задачи:")
    plan.numbered_list(
        [("Оказывать методическую помощь через:", ["семинары;", "консультации."]), "Обобщать опыт коллег."]
    )
    plan.paragraph("Ожидаемые результаты:")
    plan.numbered_list(["Рост мастерства библиотекарей.", "Участие в городских конкурсах."])
    roman = plan.numbering(("upperRoman", "%1."))
    numbers = plan.numbering(("decimal", "%1."))
    first = plan.events_table(
        ["№ п/п", "Мероприятие", "Форма проведения", "Сроки", "Ответственные"], repeat_header=True
    )
    first.section("Работа с педагогическими кадрами", numbered=roman)
    one = first.row(
        Auto(numbers),
        "Заседание ГМО №1 «Планирование работы на 2024-2025 учебный год»",
        "совещание",
        "август",
        "Ким Л.В.",
    )
    first.row(
        Auto(numbers),
        "Семинар «Функциональная грамотность»",
        "семинар",
        None,
        "Иванова Елена Александровна" + SOFT + "все библиотекари",
    )
    first.merge_down(3, one, first.rows[-1])
    first.row(Auto(numbers), "Отчёт о работе с документами,", "", "до 20.12.2024 г.", "Ким Л.В.")
    second = first.continued()
    second.row(None, "включёнными в ФСЭМ", None, None, "руководители ШМО")
    second.section("Массовая работа", numbered=roman)
    second.row(
        Auto(numbers), "Неделя детской книги", "акция", "IV четверть", "Петрова А.А. (СОШ №5); Т.А. Мальцева"
    )
    second.row(Auto(numbers), "Конкурс чтецов", "конкурс", "31.02.2025", "члены ГМО")
    plan.paragraph()
    plan.paragraph("Руководитель ГМО ______________ Л.В. Ким")
    return plan


def test_the_preview_of_a_gmo_plan(association, tmp_path):
    kim = Person.objects.create(association=association, surname="Ким", initials="Л.В.")
    shown = preview(draft_from_file(bratsk_gmo().save(tmp_path)), association)

    assert shown.year_start == 2024 and shown.existing is None
    assert shown.summary == "2 раздела, 5 мероприятий, 2 задачи, 2 ожидаемых результата"
    assert [(section.numeral, section.draft.title) for section, _events in shown.sections] == [
        ("I", "Работа с педагогическими кадрами"),
        ("II", "Массовая работа"),
    ]
    events = [event for _section, events in shown.sections for event in events]
    assert [
        (event.number, event.draft.title, event.draft.dates_text, event.first, event.last) for event in events
    ] == [
        (
            1,
            "Заседание ГМО №1 «Планирование работы на 2024-2025 учебный год»",
            "август",
            datetime.date(2025, 8, 1),
            datetime.date(2025, 8, 31),
        ),
        (
            2,
            "Семинар «Функциональная грамотность»",
            "август",
            datetime.date(2025, 8, 1),
            datetime.date(2025, 8, 31),
        ),
        (
            3,
            "Отчёт о работе с документами, включёнными в ФСЭМ",
            "до 20.12.2024 г.",
            datetime.date(2024, 12, 20),
            datetime.date(2024, 12, 20),
        ),
        (4, "Неделя детской книги", "IV четверть", datetime.date(2025, 4, 1), datetime.date(2025, 5, 31)),
        (5, "Конкурс чтецов", "31.02.2025", None, None),
    ]
    assert [event.draft.extra for event in events] == [
        {"Форма проведения": "совещание"},
        {"Форма проведения": "семинар"},
        {},
        {"Форма проведения": "акция"},
        {"Форма проведения": "конкурс"},
    ]
    assert [[(line.text, card) for line, card in event.lines] for event in events] == [
        [("Ким Л.В.", kim)],
        [("Иванова Елена Александровна", None), ("все библиотекари", None)],
        [("Ким Л.В.", kim), ("руководители ШМО", None)],
        [("Петрова А.А. (СОШ №5)", None), ("Т.А. Мальцева", None)],
        [("члены ГМО", None)],
    ]
    assert [(key, str(name), card, numbers) for key, name, card, numbers in shown.names] == [
        ("ким|лв", "Ким Л.В.", kim, [1, 3]),
        ("иванова|еа", "Иванова Е.А.", None, [2]),
        ("петрова|аа", "Петрова А.А.", None, [4]),
        ("мальцева|та", "Мальцева Т.А.", None, [4]),
    ]
    assert shown.draft.warnings == []
    assert [str(problem) for problem in shown.problems] == [
        "Мероприятие 5: в сроках «31.02.2025» — такой даты нет."
    ]
    assert [event.warnings for event in events] == [
        [],
        [],
        [],
        [],
        ["Мероприятие 5: в сроках «31.02.2025» — такой даты нет."],
    ]

    text = preview_text(shown)
    assert (
        "Утверждает: Директор МКУ «ЦРО», Т.А. Мальцева, 30 августа 2024 г., Приказ № 45 от 30.08.2024" in text
    )
    assert "Согласовано: Методист МКУ «ЦРО», Е.В. Белова, 29 августа 2024 г." in text
    assert "Подпись: Руководитель ГМО Л.В. Ким" in text
    assert "  5. Конкурс чтецов | 31.02.2025 (такой даты нет: «31.02.2025») | члены ГМО" in text


def test_a_gmo_plan_saved(association, tmp_path):
    ivanova = Person.objects.create(association=association, surname="Иванова", initials="Е.А.")
    result = import_plan_file(bratsk_gmo().save(tmp_path), association)
    plan = result.plan

    assert (
        plan.title
        == "ПЛАН РАБОТЫ\nгородского методического объединения школьных библиотекарей г. Братска\nна 2024-2025 учебный год"
    )
    assert (plan.approved_by_post, plan.approved_by_name, plan.approved_on, plan.approved_note) == (
        "Директор МКУ «ЦРО»",
        "Т.А. Мальцева",
        datetime.date(2024, 8, 30),
        "Приказ № 45 от 30.08.2024",
    )
    assert (plan.agreed_by_post, plan.agreed_by_name, plan.agreed_on, plan.agreed_note) == (
        "Методист МКУ «ЦРО»",
        "Е.В. Белова",
        datetime.date(2024, 8, 29),
        "",
    )
    assert plan.theme == "«Школьная библиотека как пространство читательского развития»."
    assert plan.header_labels == {"theme": "Методическая тема ГМО"}
    assert plan.task_tree() == [
        ("Оказывать методическую помощь через:", ["семинары;", "консультации."]),
        ("Обобщать опыт коллег.", []),
    ]
    assert (plan.head_post, plan.head_name) == ("Руководитель ГМО", "Л.В. Ким")
    events = numbered_events(plan)
    assert [event.responsible_names() for event in events] == [
        ["Ким Л.В."],
        ["Иванова Елена Александровна", "все библиотекари"],
        ["Ким Л.В.", "руководители ШМО"],
        ["Петрова А.А. (СОШ №5)", "Т.А. Мальцева"],
        ["члены ГМО"],
    ]
    assert events[1].responsibles.first().person == ivanova
    ivanova.refresh_from_db()
    assert (ivanova.first_name, ivanova.patronymic) == ("Елена", "Александровна")
    assert (events[4].date_start, events[4].date_end) == (None, None)
    assert Person.objects.count() == 1 and result.created_persons == []
    assert result.warnings == []
