"""The events table as Word keeps it in other associations' plans: columns by the words of their headers, in any
order and beside other columns; sections however numbered or named; Word's numbering; merged cells; the table
continued on the next page; several paragraphs in a cell."""

import datetime

import docx

from events.plan_import import draft_from_file, import_plan_file
from tests.events.plan_import.documents import SOFT, Auto, PlanDocument, numbered_events


def plan_with(build, headers=None, **table_options):
    """A plan with a title and a short header, the table `build(table)` fills, and a signature."""
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ ГМО школьных библиотекарей г. Братска на 2024-2025 учебный год")
    plan.short_header()
    table = plan.events_table(headers, **table_options) if headers else plan.events_table(**table_options)
    build(plan, table)
    plan.paragraph()
    plan.paragraph("Руководитель ГМО ______ Л.В. Ким")
    return plan


def events(draft):
    return [
        (event.title, event.dates_text, [line.text for line in event.lines], event.extra)
        for event in draft.events
    ]


def sections(draft):
    return [(section.title, len(section.events)) for section in draft.sections]


def test_columns_in_another_order_without_a_number_and_other_columns_kept(association, tmp_path):
    headers = [
        "Сроки",
        "Ответственные",
        "Мероприятие",
        "Форма проведения",
        "Место проведения",
        "Отметка о выполнении",
    ]

    def build(plan, table):
        table.section("Работа с педагогическими кадрами")
        table.row("Сентябрь", "Ким Л.В.", "Заседание ГМО №1", "круглый стол", "МБОУ «СОШ № 3»", "выполнено")
        table.row("IV четверть", "все библиотекари", "Семинар «Читательская грамотность»", "семинар", "", "")

    result = import_plan_file(plan_with(build, headers, column_numbers=False).save(tmp_path), association)
    first, second = numbered_events(result.plan)
    assert (first.title, first.dates_text, first.responsible_names()) == (
        "Заседание ГМО №1",
        "Сентябрь",
        ["Ким Л.В."],
    )
    assert first.extra == {
        "Форма проведения": "круглый стол",
        "Место проведения": "МБОУ «СОШ № 3»",
        "Отметка о выполнении": "выполнено",
    }
    assert (first.date_start, first.date_end) == (datetime.date(2024, 9, 1), datetime.date(2024, 9, 30))
    assert (second.title, second.dates_text, second.responsible_names()) == (
        "Семинар «Читательская грамотность»",
        "IV четверть",
        ["все библиотекари"],
    )
    assert second.extra == {"Форма проведения": "семинар"}
    assert (second.date_start, second.date_end) == (datetime.date(2025, 4, 1), datetime.date(2025, 5, 31))
    assert [section.title for section in result.plan.sections.all()] == ["Работа с педагогическими кадрами"]
    assert result.warnings == []


def test_responsible_before_the_event_and_participants_beside_it(tmp_path):
    headers = ["№", "Ответственный", "Содержание работы", "Участники", "Дата"]

    def build(plan, table):
        table.section("Методическая работа")
        table.row("1", "Мальцева Т.А.", "Обзор новинок литературы", "библиотекари школ", "октябрь")

    draft = draft_from_file(plan_with(build, headers).save(tmp_path))
    assert events(draft) == [
        ("Обзор новинок литературы", "октябрь", ["Мальцева Т.А."], {"Участники": "библиотекари школ"})
    ]
    assert draft.warnings == []


def test_the_events_column_is_the_one_of_events_beside_a_column_of_directions(tmp_path):
    """«Направление деятельности» merged down over its events, then «Мероприятия»: the events are the second."""
    headers = ["№", "Направление деятельности", "Мероприятия", "Сроки", "Ответственные"]

    def build(plan, table):
        table.section("Работа с фондом")
        first = table.row("1.", "Комплектование", "Анализ обеспеченности учебниками", "сентябрь", "Ким Л.В.")
        last = table.row("2.", None, "Заказ учебников на 2025-2026 учебный год", "февраль", "Ким Л.В.")
        table.merge_down(1, first, last)

    draft = draft_from_file(plan_with(build, headers).save(tmp_path))
    assert events(draft) == [
        (
            "Анализ обеспеченности учебниками",
            "сентябрь",
            ["Ким Л.В."],
            {"Направление деятельности": "Комплектование"},
        ),
        (
            "Заказ учебников на 2025-2026 учебный год",
            "февраль",
            ["Ким Л.В."],
            {"Направление деятельности": "Комплектование"},
        ),
    ]


def test_sections_however_numbered_or_named(tmp_path):
    def build(plan, table):
        roman = plan.numbering(("upperRoman", "%1."))
        table.section("Работа с педагогическими кадрами", bold=False)  # merged across the row
        table.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")
        table.section("Раздел 2. Методическая работа", merged=False, bold=False)  # typed in the first cell
        table.row("2.", "Семинар", "Ноябрь", "Ким Л.В.")
        table.section("3. Массовая работа", merged=False)
        table.row("3.", "Неделя детской книги", "Март", "все библиотекари")
        table.section("Информационная деятельность", numbered=roman)  # «IV.» by Word's numbering
        table.row("4.", "Обзор публикаций", "В течение года", "Ким Л.В.")
        table.row("V", "Работа с учащимися", None, None)  # typed in the number cell, its title beside it
        table.row("5.", "Конкурс чтецов", "Январь", "Ким Л.В.")

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert sections(draft) == [
        ("Работа с педагогическими кадрами", 1),
        ("Методическая работа", 1),
        ("Массовая работа", 1),
        ("Информационная деятельность", 1),
        ("Работа с учащимися", 1),
    ]
    assert [section.where for section in draft.sections] == [f"Строка таблицы {n}" for n in (3, 5, 7, 9, 11)]
    assert [event.title for event in draft.events] == [
        "Заседание ГМО",
        "Семинар",
        "Неделя детской книги",
        "Обзор публикаций",
        "Конкурс чтецов",
    ]
    assert draft.warnings == []


def test_events_and_sections_numbered_by_word(association, tmp_path):
    def build(plan, table):
        roman = plan.numbering(("upperRoman", "%1."))
        numbers = plan.numbering(("decimal", "%1."))
        table.section("Организационная работа", numbered=roman)
        table.row(Auto(numbers), "Заседание ГМО №1", "Август", "Ким Л.В.")
        table.row(Auto(numbers), "Заседание ГМО №2", "Ноябрь", "Ким Л.В.")
        table.section("Работа с учащимися", numbered=roman)
        table.row(Auto(numbers), "Конкурс чтецов", "Январь", "Ким Л.В.")

    path = plan_with(build).save(tmp_path)
    draft = draft_from_file(path)
    assert sections(draft) == [("Организационная работа", 2), ("Работа с учащимися", 1)]
    assert [(event.number, event.title) for event in draft.events] == [
        (1, "Заседание ГМО №1"),
        (2, "Заседание ГМО №2"),
        (3, "Конкурс чтецов"),
    ]
    assert draft.warnings == []
    saved = numbered_events(import_plan_file(path, association).plan)
    assert [(event.number, event.position, event.title) for event in saved] == [
        (1, 1, "Заседание ГМО №1"),
        (2, 2, "Заседание ГМО №2"),
        (3, 1, "Конкурс чтецов"),
    ]


def test_typed_numbers_in_every_form_and_a_gap_warned_on_its_row(tmp_path):
    def build(plan, table):
        table.section("I. Организационная работа")
        table.row("1.", "Первое", "Август", "Ким Л.В.")
        table.row("2", "Второе", "Август", "Ким Л.В.")
        table.row("3)", "Третье", "Август", "Ким Л.В.")
        table.row("5.", "Пятое", "Август", "Ким Л.В.")

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert [(event.number, event.title) for event in draft.events] == [
        (1, "Первое"),
        (2, "Второе"),
        (3, "Третье"),
        (5, "Пятое"),
    ]
    assert [str(warning) for warning in draft.warnings] == [
        "Строка таблицы 7: мероприятие № 5 идёт после № 3: номера на сайте идут подряд."
    ]


def test_events_numbered_within_their_sections(tmp_path):
    def build(plan, table):
        table.row("1.", "Работа с педагогическими кадрами", None, None)
        table.row("1.1.", "Заседание ШМО", "Август", "Орлова Н.П.")
        table.row("1.2.", "Семинар", "Октябрь", "Орлова Н.П.")
        table.row("2.", "Массовая работа", None, None)
        table.row("2.1", "Неделя книги", "Март", "все библиотекари")

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert sections(draft) == [("Работа с педагогическими кадрами", 2), ("Массовая работа", 1)]
    assert [event.title for event in draft.events] == ["Заседание ШМО", "Семинар", "Неделя книги"]
    assert draft.warnings == []


def test_cells_merged_down_belong_to_every_row_they_cover(association, tmp_path):
    def build(plan, table):
        table.section("Массовая работа")
        first = table.row("1.", "Неделя детской книги", "Март", "все библиотекари")
        second = table.row("2.", "Выставка «Книги-юбиляры»", None, "Ким Л.В.")
        third = table.row("3.", "Конкурс рисунков", None, None)
        table.merge_down(2, first, third)  # «Март» for the three
        table.merge_down(3, second, third)  # «Ким Л.В.» for the last two

    result = import_plan_file(plan_with(build).save(tmp_path), association)
    saved = numbered_events(result.plan)
    assert [(event.title, event.dates_text, event.responsible_names()) for event in saved] == [
        ("Неделя детской книги", "Март", ["все библиотекари"]),
        ("Выставка «Книги-юбиляры»", "Март", ["Ким Л.В."]),
        ("Конкурс рисунков", "Март", ["Ким Л.В."]),
    ]
    assert {(event.date_start, event.date_end) for event in saved} == {
        (datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    }
    assert result.warnings == []


def test_a_number_merged_down_over_the_rows_of_one_event(tmp_path):
    """A meeting whose agenda takes a row per item: its number (and date) merged down over them."""

    def build(plan, table):
        table.section("Заседания ГМО")
        first = table.row("1.", "Заседание №1:", "27.08.2024", "Ким Л.В.")
        table.row(None, "1) Анализ работы за 2023-2024 учебный год;", None, None)
        last = table.row(None, "2) Утверждение плана.", None, "Мальцева Т.А.")
        table.merge_down(0, first, last)
        table.merge_down(2, first, last)
        table.row("2.", "Заседание №2", "Ноябрь", "Ким Л.В.")

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert events(draft) == [
        (
            "Заседание №1: 1) Анализ работы за 2023-2024 учебный год; 2) Утверждение плана.",
            "27.08.2024",
            ["Ким Л.В.", "Мальцева Т.А."],
            {},
        ),
        ("Заседание №2", "Ноябрь", ["Ким Л.В."], {}),
    ]
    assert draft.warnings == []


def test_header_repeated_on_each_page_and_typed_again_inside_the_table(tmp_path):
    def build(plan, table):
        table.section("I. Организационная работа")
        table.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")
        table.row(*table.headers, bold=True)  # the header and «1 2 3 4» typed again after a page break
        table.row("1", "2", "3", "4")
        table.row("2.", "Семинар", "Октябрь", "Ким Л.В.")

    path = plan_with(build, repeat_header=True).save(tmp_path)
    draft = draft_from_file(path)
    assert events(draft) == [
        ("Заседание ГМО", "Август", ["Ким Л.В."], {}),
        ("Семинар", "Октябрь", ["Ким Л.В."], {}),
    ]
    assert draft.warnings == []


def test_a_second_table_continues_the_first_with_its_header_and_column_numbers(association, tmp_path):
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ РМО на 2024-2025 учебный год")
    plan.short_header()
    numbers = plan.numbering(("decimal", "%1."))
    first = plan.events_table()
    first.section("Работа с кадрами")
    first.row(Auto(numbers), "Заседание РМО", "Август", "Мальцева Т.А.")
    first.row(
        Auto(numbers), "Отчёт о работе школьных библиотек с документами,", "до 20.12.2024 г.", "Мальцева Т.А."
    )
    second = first.continued()
    second.row(None, "включёнными в ФСЭМ", None, "руководители ШМО")  # the row split across the page
    second.section("Массовая работа")
    second.row(Auto(numbers), "Неделя книги", "Март", "все библиотекари")
    plan.paragraph()
    plan.paragraph("Руководитель РМО ______ Т.А. Мальцева")

    result = import_plan_file(plan.save(tmp_path), association)
    saved = numbered_events(result.plan)
    assert [(event.number, event.title, event.dates_text, event.responsible_names()) for event in saved] == [
        (1, "Заседание РМО", "Август", ["Мальцева Т.А."]),
        (
            2,
            "Отчёт о работе школьных библиотек с документами, включёнными в ФСЭМ",
            "до 20.12.2024 г.",
            ["Мальцева Т.А.", "руководители ШМО"],
        ),
        (3, "Неделя книги", "Март", ["все библиотекари"]),
    ]
    assert [section.title for section in result.plan.sections.all()] == [
        "Работа с кадрами",
        "Массовая работа",
    ]
    assert result.warnings == []


def test_a_section_title_between_two_parts_of_the_table(tmp_path):
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ ГМО на 2024-2025 учебный год")
    plan.short_header()
    first = plan.events_table()
    first.section("I. Организационная работа")
    first.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")
    plan.paragraph("II. Работа с учащимися", bold=True)
    second = plan.events_table(column_numbers=False)
    second.row("2.", "Конкурс чтецов", "Январь", "Ким Л.В.")
    plan.paragraph("Руководитель ГМО Л.В. Ким")

    draft = draft_from_file(plan.save(tmp_path))
    assert sections(draft) == [("Организационная работа", 1), ("Работа с учащимися", 1)]
    assert draft.head_name == "Л.В. Ким" and draft.warnings == []


def test_a_row_split_across_the_page_goes_on_with_its_event(tmp_path):
    def build(plan, table):
        table.section("Информационная работа")
        table.row("1.", "Анализ комплексной проверки состояния", "22.10.2024", "Ким Л.В.")
        table.row("", "библиотечных фондов", "", "Мальцева Т.А.")
        table.row("2.", "Обзор периодики", "Ежемесячно", "Ким Л.В.")

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert events(draft) == [
        (
            "Анализ комплексной проверки состояния библиотечных фондов",
            "22.10.2024",
            ["Ким Л.В.", "Мальцева Т.А."],
            {},
        ),
        ("Обзор периодики", "Ежемесячно", ["Ким Л.В."], {}),
    ]


def test_several_paragraphs_and_soft_breaks_in_a_cell(tmp_path):
    def build(plan, table):
        table.section("Методическая работа")
        table.row(
            "1.",
            "Семинар-практикум\n«Читательская грамотность:" + SOFT + "от теории к практике»",
            "Ноябрь" + SOFT + "2024 г.",
            "Ким Л.В." + SOFT + "Петрова А.А.\nвсе библиотекари",
        )

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert events(draft) == [
        (
            "Семинар-практикум «Читательская грамотность: от теории к практике»",
            "Ноябрь 2024 г.",
            ["Ким Л.В.", "Петрова А.А.", "все библиотекари"],
            {},
        )
    ]


def test_what_cannot_be_read_is_kept_with_a_warning_on_its_row(tmp_path):
    def build(plan, table):
        table.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")  # before any section
        table.section("Работа с учащимися")
        table.row("2.", "", "Октябрь", "Ким Л.В.")  # no title
        table.section("Работа с родителями")  # no events

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert sections(draft) == [("Мероприятия", 1), ("Работа с учащимися", 1), ("Работа с родителями", 0)]
    assert draft.events[1].title == "Без названия"
    assert [str(warning) for warning in draft.warnings] == [
        "Строка таблицы 3: Мероприятия идут до первого раздела: они собраны в раздел «Мероприятия».",
        "Строка таблицы 5: у мероприятия нет названия: записано «Без названия», исправьте его на сайте.",
        "Строка таблицы 6: Раздел «Работа с родителями» без мероприятий.",
    ]


def test_column_numbers_with_dots_and_sections_across_the_row_beside_their_number(tmp_path):
    def build(plan, table):
        table.row("1.", "2.", "3.", "4.")  # «1. 2. 3. 4.» under the header, typed
        for numeral, title, event in (
            ("1.", "Работа с кадрами", "Заседание"),
            ("2.", "Массовая работа", "Неделя книги"),
        ):
            row = table.row(numeral, title)
            row.cells[1].merge(row.cells[3])  # the title across the rest of the row
            table.row("1.", event, "Март", "Ким Л.В.")  # the events numbered from 1 in each section

    draft = draft_from_file(plan_with(build, column_numbers=False).save(tmp_path))
    assert sections(draft) == [("Работа с кадрами", 1), ("Массовая работа", 1)]
    assert [(event.number, event.title) for event in draft.events] == [(1, "Заседание"), (1, "Неделя книги")]
    assert draft.warnings == []


def test_sections_alone_in_the_events_column_however_many(tmp_path):
    """A plan whose sections stand alone in the «Мероприятие» column, not bold, not merged: the first one says so."""

    def build(plan, table):
        table.row(None, "Работа с педагогическими кадрами", None, None)
        table.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")
        table.row(
            None, "продолжение заседания", None, None
        )  # a row split across the page: lower case, goes on
        table.row(None, "Работа с учащимися", None, None)
        table.row("2.", "Конкурс чтецов", "Январь", "Ким Л.В.")

    draft = draft_from_file(plan_with(build).save(tmp_path))
    assert sections(draft) == [("Работа с педагогическими кадрами", 1), ("Работа с учащимися", 1)]
    assert [event.title for event in draft.events] == [
        "Заседание ГМО продолжение заседания",
        "Конкурс чтецов",
    ]


def test_a_first_column_without_a_header_holds_the_numbers(tmp_path):
    def build(plan, table):
        table.section("Организационная работа")
        table.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")
        table.row("", "и утверждение плана", "", "")
        table.row("2.", "Семинар", "Октябрь", "Ким Л.В.")

    draft = draft_from_file(plan_with(build, ["", "Мероприятие", "Сроки", "Ответственный"]).save(tmp_path))
    assert [(event.number, event.title) for event in draft.events] == [
        (1, "Заседание ГМО и утверждение плана"),
        (2, "Семинар"),
    ]


def test_tables_of_their_own_each_under_its_line(association, tmp_path):
    """«План заседаний» and «План мероприятий»: a table each, with its own columns, a line of text above it."""
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ РМО на 2024-2025 учебный год")
    plan.short_header()
    plan.paragraph("План заседаний РМО")
    meetings = plan.events_table(
        ["№", "Тема заседания", "Вопросы", "Дата", "Ответственные"], column_numbers=False
    )
    meetings.row("1", "Итоги года", "Анализ работы", "28.08.2024", "Мальцева Т.А.")
    plan.paragraph("План мероприятий")
    events = plan.events_table(["№", "Мероприятие", "Сроки", "Ответственные"], column_numbers=False)
    events.row("2", "Неделя детской книги", "Март", "все библиотекари")
    plan.paragraph("Руководитель РМО ______ Т.А. Мальцева")

    result = import_plan_file(plan.save(tmp_path), association)
    assert [section.title for section in result.plan.sections.all()] == [
        "План заседаний РМО",
        "План мероприятий",
    ]
    first, second = numbered_events(result.plan)
    assert (first.title, first.extra, first.dates_text) == (
        "Итоги года",
        {"Вопросы": "Анализ работы"},
        "28.08.2024",
    )
    assert (second.title, second.extra, second.dates_text) == ("Неделя детской книги", {}, "Март")
    assert result.plan.result_list() == ["рост мастерства."]  # the line above the first table is no result
    assert result.warnings == [] and result.plan.notes == []


def test_headers_in_other_words(tmp_path):
    headers = ["№ п/п", "Наименование мероприятия", "Месяц", "Ф.И.О. ответственного", "Примечание"]

    def build(plan, table):
        table.section("Работа с фондом")
        table.row("1", "Списание устаревшей литературы", "Май", "Ким Л.В.", "по акту")

    draft = draft_from_file(plan_with(build, headers).save(tmp_path))
    assert events(draft) == [
        ("Списание устаревшей литературы", "Май", ["Ким Л.В."], {"Примечание": "по акту"})
    ]
    draft = draft_from_file(
        plan_with(build, ["№", "Мероприятие", "Дата", "Организатор", "Кандидатура"]).save(tmp_path)
    )
    assert events(draft) == [
        ("Списание устаревшей литературы", "Май", ["Ким Л.В."], {"Кандидатура": "по акту"})
    ]


def test_a_row_empty_but_for_a_cell_merged_down_adds_nothing(tmp_path):
    headers = ["Направление работы", "№", "Мероприятие", "Сроки", "Ответственный"]

    def build(plan, table):
        table.section("Работа с фондом")
        first = table.row("Комплектование", "1.", "Заказ учебников", "Февраль", "Ким Л.В.")
        last = table.row(None, None, None, None, None)  # an empty row left under the event
        table.merge_down(0, first, last)
        table.row("Работа с читателями", "2.", "Неделя книги", "Март", "Ким Л.В.")

    draft = draft_from_file(plan_with(build, headers).save(tmp_path))
    assert sections(draft) == [("Работа с фондом", 2)]
    assert events(draft) == [
        ("Заказ учебников", "Февраль", ["Ким Л.В."], {"Направление работы": "Комплектование"}),
        ("Неделя книги", "Март", ["Ким Л.В."], {"Направление работы": "Работа с читателями"}),
    ]
    assert draft.warnings == []


def test_a_row_split_over_a_page_in_a_table_without_numbers_goes_on_with_its_event(association, tmp_path):
    """Columns «Ответственные | Дата | Содержание | Форма», no №: after the header repeated on the next page, a row
    holding only the end of a title («читают подростки»») is the title going on, not an event of its own."""

    document = docx.Document()
    document.add_paragraph("План работы ШМО на 2024-2025 учебный год")
    header = ("Ответственные", "Дата", "Содержание работы", "Форма")
    rows = [
        header,
        ("", "", "Работа с читателями", ""),
        ("Орлова Н.П.", "Октябрь 2024", "Круглый стол «Книга и цифра: что", "круглый стол"),
        header,
        ("", "", "читают подростки»", ""),
        ("все библиотекари", "Ноябрь 2024", "Неделя детской книги", "выставка"),
    ]
    table = document.add_table(rows=0, cols=4)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    table.rows[1].cells[0].merge(table.rows[1].cells[3]).text = "Работа с читателями"
    path = tmp_path / "план.docx"
    document.save(path)
    plan = import_plan_file(path, association).plan
    events = [
        (e.title, e.dates_text, e.responsible_names(), e.extra)
        for s in plan.numbered_sections()
        for e in s.numbered_events
    ]
    assert events == [
        (
            "Круглый стол «Книга и цифра: что читают подростки»",
            "Октябрь 2024",
            ["Орлова Н.П."],
            {"Форма": "круглый стол"},
        ),
        ("Неделя детской книги", "Ноябрь 2024", ["все библиотекари"], {"Форма": "выставка"}),
    ]


def test_a_multilevel_list_numbers_sections_in_roman_and_events_under_them(tmp_path):
    """Word's multilevel list: «I.» for a section, «I.1.», «I.2.» for its events in an empty № cell — numbers, not
    words of the titles."""
    plan = PlanDocument()
    plan.paragraph("План работы ГМО на 2024-2025 учебный год")
    levels = plan.numbering(("upperRoman", "%1."), ("decimal", "%1.%2."))
    table = plan.events_table(["№ п/п", "Мероприятие", "Сроки", "Ответственный"], column_numbers=False)
    table.section("Работа с кадрами", numbered=levels)
    table.row(Auto(levels, "", level=1), "Изучение нормативных документов", "Сентябрь", "Ким Л.В.")
    table.row(Auto(levels, "", level=1), "Обзор профессиональных изданий", "Октябрь", "Ким Л.В.")
    table.section("Работа с читателями", numbered=levels)
    table.row(Auto(levels, "", level=1), "Неделя детской книги", "Март", "все библиотекари")
    draft = draft_from_file(plan.save(tmp_path))
    assert [(section.title, [event.title for event in section.events]) for section in draft.sections] == [
        ("Работа с кадрами", ["Изучение нормативных документов", "Обзор профессиональных изданий"]),
        ("Работа с читателями", ["Неделя детской книги"]),
    ]


def test_a_text_files_signature_in_the_tables_columns_and_a_cells_second_paragraph(association, tmp_path):
    """Word's text export: a cell's second paragraph on a line of its own, without tabs; the signature typed with
    tabs below the table."""
    lines = [
        "План работы ГМО школьных библиотекарей на 2023-2024 учебный год",
        "№\tМероприятие\tФорма\tСроки\tОтветственный",
        "Методическая работа",
        "1.\tСеминар «Работа с ФСЭМ»\tсеминар\tноябрь 2023 г.\tИванова О.П.",
        "Петрова А.С.",
        "2.\tКонкурс чтецов\tконкурс\tмарт 2024 г.\tвсе библиотекари",
        "",
        "Руководитель ГМО\t\t\tВ.И. Саблина",
    ]
    path = tmp_path / "план.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    draft = draft_from_file(path)
    assert [section.title for section in draft.sections] == ["Методическая работа"]
    assert [(event.title, [line.text for line in event.lines]) for event in draft.events] == [
        ("Семинар «Работа с ФСЭМ»", ["Иванова О.П.", "Петрова А.С."]),
        ("Конкурс чтецов", ["все библиотекари"]),
    ]
    assert (draft.head_post, draft.head_name) == ("Руководитель ГМО", "В.И. Саблина")
    lines[-1] = "Руководитель РМО:\tИванова О.П."
    path.write_text("\n".join(lines), encoding="utf-8")
    draft = draft_from_file(path)
    assert len(draft.events) == 2 and (draft.head_post, draft.head_name) == (
        "Руководитель РМО",
        "Иванова О.П.",
    )
