"""The printed plan as XLSX, read back with openpyxl: the table on one sheet, the header texts on another."""

import datetime

import pytest

from events.exports.plan import PlanXlsx
from tests.reports.conftest import plan_rows, sheet_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_book(seed_plan):
    return workbook(PlanXlsx(seed_plan).render())


def test_seed_plan_gives_25_events_in_four_columns_and_five_section_rows(seed_plan, seed_book):
    sheet = seed_book["Содержание работы"]
    rows = sheet_rows(sheet)
    assert rows[0][0] == "План работы ГТО ШБ на 2023-2024 учебный год"
    assert rows[2] == ["№/п", "Мероприятие", "Сроки проведения", "Ответственный"]
    events = [row for row in rows[3:] if isinstance(row[0], int)]
    assert [tuple(row) for row in events] == [
        (number, title, dates, "\n".join(names)) for number, title, dates, names in plan_rows(seed_plan)
    ]
    assert len(events) == 25
    section_rows = [row[0] for row in rows[3:] if isinstance(row[0], str) and row[1:] == [None, None, None]][
        :-1
    ]
    assert section_rows == [
        "I. Организационная деятельность",
        "II. Информационно-аналитическая деятельность",
        "III. Социальное партнерство",
        "IV. Организационно-методическая деятельность",
        "V. Организационно-педагогическая деятельность с учащимися",
    ]
    assert rows[-1][0] == "Руководитель ГТО ШБ ________ Саблина В.И."


def test_section_rows_are_merged_across_the_four_columns(seed_book):
    sheet = seed_book["Содержание работы"]
    merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
    section_rows = [
        index for index, row in enumerate(sheet_rows(sheet), start=1) if str(row[0]).startswith(("I", "V"))
    ]
    assert len(section_rows) == 5
    assert {f"A{row}:D{row}" for row in section_rows} <= merged


def test_print_settings_widths_and_wrapping(seed_book):
    sheet = seed_book["Содержание работы"]
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [6, 56, 20, 21]
    assert sheet["B5"].alignment.wrap_text
    assert sheet["A4"].font.bold and sheet["B3"].font.bold
    assert sheet["B5"].font.name == "Times New Roman"
    # A long title gets a row tall enough for its lines.
    assert sheet.row_dimensions[6].height and sheet.row_dimensions[6].height > 30


def test_header_texts_on_the_second_sheet(seed_plan, seed_book):
    assert seed_book.sheetnames == ["Содержание работы", "Шапка"]
    rows = sheet_rows(seed_book["Шапка"])
    texts = [text for _, text in rows]
    labels = [label for label, _ in rows if label]
    assert labels == [
        "Единая городская методическая тема",
        "Методическая тема ГТО ШБ",
        "Цель",
        "Задачи",
        "Ожидаемые результаты",
        "Подпись",
    ]
    assert seed_plan.city_theme in texts and seed_plan.goal in texts
    tasks = seed_plan.task_tree()
    assert f"1. {tasks[0][0]}" in texts
    assert f"– {tasks[1][1][0]}" in texts
    assert (
        texts.index(f"2. {tasks[1][0]}")
        < texts.index(f"– {tasks[1][1][0]}")
        < texts.index(f"3. {tasks[2][0]}")
    )
    assert f"6. {seed_plan.result_list()[5]}" in texts
    assert texts[-1] == "Руководитель ГТО ШБ ________ Саблина В.И."


def test_agreed_and_approval_head_the_header_sheet(plan):
    plan.approved_by_post = "Директор МКУ «ЦРО»"
    plan.approved_by_name = "Иванова А.П."
    plan.approved_on = datetime.date(2023, 9, 11)
    plan.agreed_by_post = "На заседании ГМО"
    plan.agreed_note = "Протокол № 1 от 28.08.2023"
    plan.save()
    rows = sheet_rows(workbook(PlanXlsx(plan).render())["Шапка"])
    assert rows[:5] == [
        ["СОГЛАСОВАНО", "На заседании ГМО"],
        [None, "Протокол № 1 от 28.08.2023"],
        ["УТВЕРЖДАЮ", "Директор МКУ «ЦРО»"],
        [None, "________ Иванова А.П."],
        [None, "11 сентября 2023 г."],
    ]


def test_other_columns_labels_and_title_as_the_document_wrote_them(plan):
    from events.models import Event

    plan.title = "ПЛАН РАБОТЫ\nгородского методического объединения школьных библиотекарей"
    plan.header_labels = {"theme": "Методическая тема ГМО", "tasks": "Основные задачи"}
    plan.extra_headers = [
        "Форма проведения",
        "Место",
    ]  # the document's order (PostgreSQL keeps none in a JSON object)
    plan.save()
    Event.objects.filter(title="Круглый стол").update(
        extra={"Форма проведения": "семинар", "Место": "СОШ №2"}
    )
    book = workbook(PlanXlsx(plan).render())
    table = sheet_rows(book["Содержание работы"])
    assert table[0][0] == "ПЛАН РАБОТЫ\nгородского методического объединения школьных библиотекарей"
    assert table[2] == [
        "№/п",
        "Мероприятие",
        "Сроки проведения",
        "Ответственный",
        "Форма проведения",
        "Место",
    ]
    round_table = next(row for row in table if row[1] == "Круглый стол")
    assert round_table[4:] == ["семинар", "СОШ №2"]
    assert next(row for row in table if row[1] == "Конкурс юных поэтов")[4:] == [None, None]
    labels = [label for label, _ in sheet_rows(book["Шапка"]) if label]
    assert labels[:2] == ["Методическая тема ГМО", "Основные задачи"]


def test_file_name_is_russian(seed_plan):
    assert PlanXlsx(seed_plan).filename() == "План работы ГТО ШБ 2023-2024.xlsx"
