"""Importing the plan: the real 2023-2024 plan (.txt, and the same content as .docx), broken copies of it, reimport."""

import re

import docx
import pytest

from events.importer import (
    PlanImportError,
    import_plan_file,
    parse_plan_file,
    parse_plan_text,
    read_docx,
)
from events.models import Event, Plan, Responsible, Section
from members.models import Person
from tests.conftest import SEED_PLAN

SEED_TEXT = SEED_PLAN.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.split("\n")
SEED_PERSONS = {
    "Саблина В.И.", "Садовникова Л.И.", "Садовникова Н.Н.", "Соколова Н.В.", "Куклина Н.Н.",
    "Степанова М.М.", "Гайнутдинова Т.Н.", "Барышева Н.М.", "Матвеева Т.Д.", "Меньшаева Л.П.",
    "Лазарева Т.Н.", "Черных М.В.", "Ткачук Т.М.", "Новикова Е.А.", "Пискарёва С.Б.",
}  # fmt: skip


def events_by_number(plan):
    return {event.number: event for section in plan.numbered_sections() for event in section.numbered_events}


def counts():
    return Plan.objects.count(), Section.objects.count(), Event.objects.count(), Responsible.objects.count(), Person.objects.count()


def write_seed_copy(tmp_path, replace_line=None, text=None, name="plan.txt"):
    """The seed with one line (1-based number → new text) changed."""
    lines = list(SEED_LINES)
    if replace_line:
        number, new = replace_line
        lines[number - 1] = new
    path = tmp_path / name
    path.write_text(text if text is not None else "\n".join(lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the seed


def test_seed_plan_imports_whole(association):
    result = import_plan_file(SEED_PLAN, association)
    plan = result.plan

    assert plan.year_start == 2023
    assert plan.association == association
    assert plan.head_post == "Руководитель ГТО ШБ"
    assert plan.head_name == "Саблина В.И."
    assert plan.theme.startswith("Профессиональная компетентность школьного библиотекаря")
    assert plan.city_theme.startswith("Реализация и совершенствование механизмов")
    assert plan.goal.endswith("в условиях реализации ФГОС.")
    assert [section.title for section in plan.sections.all()] == [
        "Организационная деятельность",
        "Информационно-аналитическая деятельность",
        "Социальное партнерство",
        "Организационно-методическая деятельность",
        "Организационно-педагогическая деятельность с учащимися",
    ]
    assert [section.position for section in plan.sections.all()] == [1, 2, 3, 4, 5]
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert result.warnings == []

    tasks = plan.task_tree()
    assert len(tasks) == 6
    assert tasks[0][0].startswith("Организовать методическое сопровождение")
    assert [len(points) for _, points in tasks] == [0, 5, 5, 3, 3, 3]
    assert tasks[1][1][1] == "организацию участия школьных библиотекарей в проведении международного конкурса юных чтецов «Живая классика»;"
    # task 6 continues on the next row of the table (seed line 8)
    assert tasks[5][0].endswith("основных образовательных программ, через:")
    assert tasks[5][1][-1] == "изучение существующих нормативных документов, теоретических работ, практических разработок."
    results = plan.result_list()
    assert len(results) == 6
    assert results[0].startswith("Рост качества оказываемых услуг")
    assert results[5] == "Повышение уровня ИКТ - компетентности школьных библиотекарей."

    assert {person.printed_name for person in result.created_persons} == SEED_PERSONS
    assert len(result.created_persons) == Person.objects.filter(association=association).count() == 15


def test_seed_events(seed_plan):
    events = events_by_number(seed_plan)
    assert sorted(events) == list(range(1, 26))
    assert [event.position for event in events.values()] == [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4]

    first = events[1]
    assert first.title == "Утверждение плана работы на 2023-2024 учебный год."
    assert first.dates_text == "11.09.2023г."
    assert first.responsible_names() == ["Саблина В.И."]

    # event 9 runs over a page break: title and responsible continue on seed line 27
    ninth = events[9]
    assert ninth.title == "Отчёт по работе школьных библиотек с документами, включёнными в ФСЭМ»"
    assert ninth.title.endswith("включёнными в ФСЭМ»")
    assert ninth.dates_text == "20.01.2024 г."
    assert ninth.responsible_names() == ["Саблина В.И.", "ГТО ШБ"]
    assert ninth.responsibles.get(position=2).person is None

    assert events[12].responsible_names() == ["Саблина В.И.", "Куклина Н.Н.", "Степанова М.М.", "Барышева Н.М."]
    assert events[20].responsible_names() == ["Саблина В.И.", "ГТО ШБ"]
    assert events[24].responsible_names() == ["Новикова Е.А.", "Садовникова Л.И.", "Пискарёва С.Б.", "Барышева Н.М."]
    assert events[23].responsible_names() == ["Саблина В.И.", "Куклина Н.Н.", "Садовникова Н.Н."]

    # the derived dates are stored beside the text
    assert (str(events[4].date_start), str(events[4].date_end)) == ("2024-04-01", "2024-05-31")
    assert (events[3].date_start, events[3].date_end) == (None, None)
    assert (str(events[2].date_start), str(events[2].date_end)) == ("2023-09-01", "2024-08-31")


def test_same_person_is_one_row_across_events(seed_plan):
    sablina = Person.objects.get(association=seed_plan.association, surname="Саблина")
    assert sablina.responsibilities.count() == 22  # every event but 17, 24 and 25


def test_existing_person_is_matched_ignoring_yo_spaces_and_dots(association):
    existing = Person.objects.create(association=association, surname="Пискарева", initials="С. Б.")
    result = import_plan_file(SEED_PLAN, association)

    assert "Пискарёва С.Б." not in {person.printed_name for person in result.created_persons}
    assert len(result.created_persons) == 14
    assert Person.objects.filter(association=association).count() == 15
    event = events_by_number(result.plan)[24]
    assert [r.person_id for r in event.responsibles.all()][2] == existing.pk


def test_persons_of_another_association_are_not_matched(association, other_association):
    Person.objects.create(association=other_association, surname="Саблина", initials="В.И.")
    result = import_plan_file(SEED_PLAN, association)
    assert len(result.created_persons) == 15


def test_text_in_windows_1251(association, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED_TEXT.encode("cp1251", errors="replace"))
    plan = import_plan_file(path, association).plan
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert plan.head_name == "Саблина В.И."


def test_year_comes_from_the_most_frequent_academic_year():
    # the seed names 2022-2023 once (event 15) and 2023-2024 many times
    assert parse_plan_text(SEED_TEXT).year_start == 2023
    text = SEED_TEXT.replace("2023-2024", "2024-2025")
    assert parse_plan_text(text).year_start == 2024


def test_year_argument_wins_with_a_warning(association):
    result = import_plan_file(SEED_PLAN, association, year_start=2024)
    assert result.plan.year_start == 2024
    assert any("2023-2024" in warning and "2024-2025" in warning for warning in result.warnings)


def test_no_year_anywhere_needs_the_argument(association, tmp_path):
    path = write_seed_copy(tmp_path, text=re.sub(r"\d{4}-\d{4}", "текущий", SEED_TEXT))
    with pytest.raises(PlanImportError, match="учебный год"):
        import_plan_file(path, association)
    assert import_plan_file(path, association, year_start=2023).plan.year_start == 2023


# ---------------------------------------------------------------- reimport


def test_reimport_is_refused_without_replace(seed_plan):
    before = counts()
    with pytest.raises(PlanImportError) as caught:
        import_plan_file(SEED_PLAN, seed_plan.association)
    assert caught.value.line is None
    assert str(caught.value) == "План на 2023-2024 учебный год уже есть. Чтобы заменить его, укажите --replace."
    assert counts() == before


def test_reimport_with_replace(seed_plan):
    persons = Person.objects.count()
    result = import_plan_file(SEED_PLAN, seed_plan.association, replace=True)
    assert not Plan.objects.filter(pk=seed_plan.pk).exists()
    assert Plan.objects.count() == 1
    assert Section.objects.count() == 5
    assert Event.objects.count() == 25
    assert result.created_persons == []
    assert Person.objects.count() == persons == 15


def test_another_association_may_have_the_same_year(seed_plan, other_association):
    import_plan_file(SEED_PLAN, other_association)
    assert Plan.objects.filter(year_start=2023).count() == 2


# ---------------------------------------------------------------- broken files: the line named, nothing written

BROKEN = [
    # an extra tab in event 5 (seed line 20)
    (20, "5\tОрганизация конкурса юных поэтов\t\tМарт, 2024 г.\tСаблина В.И.", "5 ячеек вместо 4"),
    # numbers out of sequence: 12 written as 13 (seed line 31)
    (31, "13\tКруглый стол\t25 октября 2023 г.\tСаблина В.И.", "№ 13 идёт после № 11"),
    # a number missing its dot and its value
    (24, "9\tАнализ\t22.09.2024 г.\tСаблина В.И.", "№ 9 идёт после № 7"),
    # a responsible cell that is not names (seed line 36)
    (36, "16\tЗаседание №2\t19.12.2023 г.\tСаблина В.И. и все библиотекари", "«Ответственный»"),
    # the first section row lost: event 1 (next line) stands before any section
    (15, "", "Строка 16: мероприятие № 1 стоит до первого раздела"),
    # an unknown line before the table
    (4, "Девиз\tЧитаем вместе", "не понимаю строку «Девиз Читаем вместе»"),
    # a line in the table that is nothing known
    (43, "Пятый раздел: работа с учащимися", "не понимаю строку"),
    # dates longer than the column holds: refused, not cut
    (23, "7\tПредставление плана\t" + "12.09.2023 г. " * 20 + "\tСаблина В.И.", "сроки проведения длиннее 200 знаков"),
    # an event without a title
    (33, "14\t\tЯнварь, 2024 г\tСаблина В.И.", "нет названия"),
]


@pytest.mark.parametrize("number, line, message", BROKEN, ids=[f"line {row[0]}" for row in BROKEN])
def test_broken_file_names_the_line_and_writes_nothing(association, head_user, tmp_path, number, line, message):
    path = write_seed_copy(tmp_path, (number, line))
    before = counts()
    with pytest.raises(PlanImportError) as caught:
        import_plan_file(path, association)
    named = int(re.match(r"Строка (\d+): ", message)[1]) if message.startswith("Строка") else number
    assert caught.value.line == named
    assert str(caught.value).startswith(f"Строка {named}: ")
    assert message in str(caught.value)
    assert counts() == before


def test_file_without_events(association, tmp_path):
    path = write_seed_copy(tmp_path, text="\n".join(SEED_LINES[:14]))
    with pytest.raises(PlanImportError, match="ни одного мероприятия") as caught:
        import_plan_file(path, association)
    assert caught.value.line is None
    assert Plan.objects.count() == 0


@pytest.mark.parametrize("name", ["plan.pdf", "plan.doc", "plan"])
def test_unknown_file_type(association, tmp_path, name):
    path = tmp_path / name
    path.write_text(SEED_TEXT, encoding="utf-8")
    with pytest.raises(PlanImportError, match=r"\.txt и \.docx"):
        import_plan_file(path, association)


def test_missing_file(association, tmp_path):
    with pytest.raises(PlanImportError, match="^Не удалось прочитать файл"):
        import_plan_file(tmp_path / "нет.txt", association)


def test_failure_while_saving_rolls_everything_back(association, tmp_path, monkeypatch):
    """A database error after some events were written leaves nothing behind."""
    from events import importer

    real = importer.find_or_create_person
    calls = []

    def failing(association, name):
        calls.append(name)
        if len(calls) == 10:
            raise RuntimeError("сбой базы данных")
        return real(association, name)

    monkeypatch.setattr(importer, "find_or_create_person", failing)
    with pytest.raises(RuntimeError):
        import_plan_file(SEED_PLAN, association)
    assert counts() == (0, 0, 0, 0, 0)


def test_repeated_table_header_and_column_numbers_after_a_page_break(association, tmp_path):
    lines = list(SEED_LINES)
    lines[29:29] = [SEED_LINES[12], SEED_LINES[13]]  # «№/п …» and «1 2 3 4» again before section III
    path = write_seed_copy(tmp_path, text="\n".join(lines))
    plan = import_plan_file(path, association).plan
    assert Event.objects.filter(section__plan=plan).count() == 25


# ---------------------------------------------------------------- .docx


def seed_rows():
    """The seed's table rows (from «№/п» to the last event), empty lines dropped."""
    start = next(i for i, line in enumerate(SEED_LINES) if line.startswith("№/п"))
    end = next(i for i, line in enumerate(SEED_LINES) if line.startswith("Руководитель"))
    return [line.split("\t") for line in SEED_LINES[start:end] if line.strip()]


def add_paragraphs(cell, texts, style=None):
    cell.paragraphs[0].text = texts[0] if texts else ""
    if style and texts:
        cell.paragraphs[0].style = style
    for text in texts[1:]:
        cell.add_paragraph(text, style=style)


def build_docx(path, header_as_table=True):
    """The seed's content as Word would hold it: lists as paragraphs (auto-numbered), the plan a 4-column table."""
    parsed = parse_plan_text(SEED_TEXT)
    document = docx.Document()
    header = [
        ("Единая городская методическая тема", [parsed.city_theme]),
        ("Методическая тема ГТО ШБ", [parsed.theme]),
        ("Цель", [parsed.goal]),
    ]
    if header_as_table:
        table = document.add_table(rows=0, cols=2)
        for key, texts in header:
            row = table.add_row().cells
            row[0].text = key
            add_paragraphs(row[1], texts)
        row = table.add_row().cells
        row[0].text = "Задачи"
        # numbers and dashes typed out, a paragraph each
        row[1].paragraphs[0].text = ""
        number = 0
        for task, points in parsed.tasks:
            number += 1
            row[1].add_paragraph(f"{number}. {task}")
            for point in points:
                row[1].add_paragraph(f"- {point}")
        row = table.add_row().cells
        row[0].text = "Ожидаемые результаты"
        # Word's automatic numbering: the numbers are not in the text
        add_paragraphs(row[1], parsed.results, style="List Number")
    else:
        for key, texts in header:
            document.add_paragraph(f"{key}: {texts[0]}")
        document.add_paragraph("Задачи:")
        for task, points in parsed.tasks:
            document.add_paragraph(task, style="List Number")
            for point in points:
                document.add_paragraph(point, style="List Bullet")
        document.add_paragraph("Ожидаемые результаты")
        for result in parsed.results:
            document.add_paragraph(result, style="List Number")  # Word numbers on: 7, 8, …
    document.add_paragraph("")
    document.add_paragraph("Содержание работы")

    rows = seed_rows()
    table = document.add_table(rows=len(rows), cols=4)
    for row, cells in zip(table.rows, rows):
        if re.match(r"^[IV]+\. ", cells[0]):
            merged = row.cells[0].merge(row.cells[3])  # a section row spans the table
            merged.text = cells[0]
            continue
        for cell, text in zip(row.cells, cells):
            # a responsible cell: one name per paragraph
            add_paragraphs(cell, re.split(r"(?<=[.,])\s+(?=[А-ЯЁ])", text) if text else [""])
    # event 9 runs over a page break: its № cell is merged down into the continuation row
    continuation = next(i for i, cells in enumerate(rows) if cells[1] == "в ФСЭМ»")
    table.cell(continuation - 1, 0).merge(table.cell(continuation, 0))
    table.cell(continuation - 1, 0).text = "9"
    document.add_paragraph("")
    document.add_paragraph("Руководитель ГТО ШБ\tСаблина В.И.")
    document.save(path)
    return path


@pytest.mark.parametrize("header_as_table", [True, False], ids=["header table", "header paragraphs"])
def test_docx_imports_the_same_plan(association, tmp_path, header_as_table):
    path = build_docx(tmp_path / "план.docx", header_as_table)
    result = import_plan_file(path, association)
    plan = result.plan
    from_text = parse_plan_text(SEED_TEXT)

    assert plan.year_start == 2023
    assert plan.sections.count() == 5
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert plan.task_tree() == [(task, points) for task, points in from_text.tasks]
    assert plan.result_list() == from_text.results
    assert len(plan.task_tree()) == 6 and len(plan.result_list()) == 6
    assert plan.goal == from_text.goal
    assert plan.head_name == "Саблина В.И."
    assert len(result.created_persons) == 15
    events = events_by_number(plan)
    assert events[9].title.endswith("включёнными в ФСЭМ»")
    assert events[9].responsible_names() == ["Саблина В.И.", "ГТО ШБ"]
    assert events[12].responsible_names() == ["Саблина В.И.", "Куклина Н.Н.", "Степанова М.М.", "Барышева Н.М."]
    assert [(e.title, e.dates_text) for e in events.values()] == [(e.title, e.dates_text) for e in from_text.events]


def test_read_docx_gives_tab_separated_rows(tmp_path):
    text = read_docx(build_docx(tmp_path / "plan.docx"))
    lines = text.split("\n")
    assert "I. Организационная деятельность" in lines  # the merged section row read once
    assert "1\t2\t3\t4" in lines
    assert any(line.startswith("\tв ФСЭМ»\t") for line in lines)  # the merged-down № cell reads empty


def test_broken_docx_names_the_table_row(association, tmp_path):
    path = build_docx(tmp_path / "plan.docx")
    document = docx.Document(path)
    plan_table = document.tables[1]
    row = plan_table.rows[5]  # the 6th row: «№/п…», «1 2 3 4», «I. …», events 1, 2, 3
    assert row.cells[0].text == "3."
    row.cells[0].text = "7"
    document.save(path)
    with pytest.raises(PlanImportError) as caught:
        import_plan_file(path, association)
    assert str(caught.value).startswith("Таблица 2, строка 6: мероприятие № 7 идёт после № 2")
    assert caught.value.line == 6
    assert Plan.objects.count() == 0


def test_docx_with_one_table_says_table_row(tmp_path):
    path = build_docx(tmp_path / "plan.docx", header_as_table=False)
    document = docx.Document(path)
    document.tables[0].rows[4].cells[3].text = "все библиотекари"
    document.save(path)
    with pytest.raises(PlanImportError, match=r"^Строка таблицы 5: в графе «Ответственный»"):
        parse_plan_file(path)


def test_not_a_docx(association, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_text(SEED_TEXT, encoding="utf-8")
    with pytest.raises(PlanImportError, match="не читается как документ Word"):
        import_plan_file(path, association)
