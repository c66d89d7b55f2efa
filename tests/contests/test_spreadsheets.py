"""A school's entries from an XLSX (contests.spreadsheets): the tables people really make, and files made to hurt.

Each table is built with openpyxl here, one difference from the template at a time. Every refusal names the row
as Excel numbers it, and leaves the contest's entries as they were."""

import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from contests import spreadsheets
from contests.models import Contest, Entry
from contests.spreadsheets import EntriesRefused, entries_template, import_entries, read_entries
from members.models import Person
from tests.security.hostile_files import Repeated, office_file, sheet

from .conftest import entry as make_entry

pytestmark = pytest.mark.django_db

HEADER = ["Фамилия", "Имя", "Класс", "Номинация", "Название работы", "Ссылка на работу", "Подготовил(а)"]


def xlsx(*rows, title_rows=(), merge=None, sheets=None):
    """An .xlsx of `rows` (after `title_rows`); `sheets`: [(title, rows, hidden)] before the main one."""
    workbook = Workbook()
    first = workbook.active
    for title, extra, hidden in sheets or []:
        other = workbook.create_sheet(title, 0)
        for row in extra:
            other.append(row)
        if hidden:
            other.sheet_state = "hidden"
    for row in [*title_rows, *rows]:
        first.append(row)
    for cells in merge or []:
        first.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content, name="заявка.xlsx"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def refused(content, contest, school, name="заявка.xlsx"):
    """The messages of a refused upload, having checked that nothing was written."""
    before = Entry.objects.count()
    with pytest.raises(EntriesRefused) as caught:
        import_entries(upload(content, name), contest, school)
    assert Entry.objects.count() == before
    return caught.value.messages


def imported(content, contest, school):
    added = import_entries(upload(content), contest, school)
    entries = list(Entry.objects.filter(contest=contest, school=school).order_by("pk"))
    assert added == len(entries)
    return entries


def test_the_template_round_trips(contest, school):
    workbook = load_workbook(io.BytesIO(entries_template(contest)))
    assert workbook.sheetnames == ["Заявка", "Как заполнять"]
    main = workbook["Заявка"]
    assert [cell.value for cell in main[1]] == HEADER
    (choice,) = main.data_validations.dataValidation
    assert choice.type == "list" and "Как заполнять" in choice.formula1 and "D2:D301" in str(choice.sqref)
    help_text = [row[0] for row in workbook["Как заполнять"].iter_rows(values_only=True)]
    assert "5–8 классы" in help_text and "9–11 классы" in help_text
    assert any(str(line).startswith("Одна строка") for line in help_text)
    main.append(
        [
            "Иванова",
            "Мария",
            5,
            "5–8 классы",
            "Зимнее утро",
            "https://disk.yandex.ru/i/x",
            "Петрова Анна Сергеевна",
        ]
    )
    main.append(["Черных", "Анна", "10б", "9–11 классы", "Бородино", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    ivanova, chernykh = imported(buffer.getvalue(), contest, school)
    assert (ivanova.surname, ivanova.first_name, ivanova.grade, ivanova.category.title) == (
        "Иванова",
        "Мария",
        5,
        "5–8 классы",
    )
    assert (
        ivanova.work_link == "https://disk.yandex.ru/i/x" and ivanova.mentor_text == "Петрова Анна Сергеевна"
    )
    assert (chernykh.grade, chernykh.category.title, chernykh.work_title) == (10, "9–11 классы", "Бородино")
    assert ivanova.history.count() == 1  # saved one by one, with their history


def test_the_template_for_librarians_names_the_librarian(contest, school, librarian_user):
    contest.for_librarians = True
    contest.save()
    workbook = load_workbook(io.BytesIO(entries_template(contest)))
    main = workbook["Заявка"]
    assert [cell.value for cell in main[1]] == [
        "Фамилия",
        "Имя",
        "Отчество",
        "Номинация",
        "Название работы",
        "Ссылка на работу",
    ]
    main.append(["Куклина", "Наталья", "Николаевна", "9–11 классы", "Урок-игра по сказкам", "ya.ru/work"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    (entry,) = imported(buffer.getvalue(), contest, school)
    assert entry.participant == librarian_user.account.person
    assert entry.grade is None and entry.work_link == "https://ya.ru/work"


def test_a_librarian_not_of_the_school_is_an_error(contest, school, other_librarian_user):
    contest.for_librarians = True
    contest.save()
    content = xlsx(
        ["ФИО", "Номинация", "Тема работы"], ["Садовникова Людмила Ивановна", "5–8 классы", "Игра"]
    )
    (message,) = refused(content, contest, school)
    assert message.startswith(
        "Строка 2: «Садовникова Людмила Ивановна» — такого библиотекаря вашей школы нет"
    )


def test_other_header_wording_in_another_order(contest, school):
    content = xlsx(
        ["№ п/п", "Название произведения", "Кл.", "Фамилия участника", "Имя участника", "Возрастная группа", "Педагог"],
        [1, "Бородино", "5", "Петров", "Иван", "5-8 классы", "Куклина Н.Н."],
    )  # fmt: skip
    (entry,) = imported(content, contest, school)
    assert (entry.surname, entry.first_name, entry.grade, entry.work_title) == (
        "Петров",
        "Иван",
        5,
        "Бородино",
    )
    assert entry.category.title == "5–8 классы"


def test_fio_in_one_column_is_split(contest, school):
    content = xlsx(
        ["Ф.И.О. участника", "Класс", "Название работы"],
        ["Иванова  Мария", 6, "Стихи"],
        ["Ли Ким Сергеевич", 7, "Проза"],
    )
    first, second = imported(content, contest, school)
    assert (first.surname, first.first_name) == ("Иванова", "Мария")
    assert (second.surname, second.first_name) == ("Ли", "Ким")


def test_title_row_and_a_merged_two_row_header(contest, school):
    content = xlsx(
        ["", "Участник", "", "Класс", "Номинация", "Название работы"],
        ["", "Фамилия", "Имя", "", "", ""],
        ["1", "2", "3", "4", "5", "6"],
        ["1", "Иванова", "Мария", "5а", "5–8 классы", "Стихи"],
        title_rows=[["Заявка МАОУ СОШ № 1 на конкурс «Сад поэзии»"], []],
        merge=["A1:F1", "B3:C3", "D3:D4", "E3:E4", "F3:F4"],
    )
    (entry,) = imported(content, contest, school)
    assert (entry.surname, entry.first_name, entry.grade) == ("Иванова", "Мария", 5)
    assert Entry.objects.get().work_title == "Стихи"


@pytest.mark.parametrize("typed", [5, 5.0, "5", "5а", "5 «А»", "5 класс", "5-Б", "5 кл.", "5а класс"])
def test_a_grade_as_people_type_it(contest, school, typed):
    (entry,) = imported(xlsx(HEADER[:5], ["Иванова", "Мария", typed, "", "Стихи"]), contest, school)
    assert entry.grade == 5


def test_the_category_is_chosen_by_grade_when_the_column_is_absent(contest, school):
    first, second = imported(
        xlsx(
            ["Фамилия", "Имя", "Класс", "Название работы"],
            ["Ким", "Лев", 8, "Стихи"],
            ["Гусь", "Ян", 9, "Проза"],
        ),
        contest,
        school,
    )
    assert (first.category.title, second.category.title) == ("5–8 классы", "9–11 классы")


def test_a_category_typed_in_another_case_with_yo(contest, school):
    category = contest.categories.get(position=1)
    category.title = "Юные чтецы «Ёлочка» 5–8"
    category.save()
    content = xlsx(HEADER[:5], ["Ким", "Лев", 8, "юные ЧТЕЦЫ елочка 5-8", "Стихи"])
    (entry,) = imported(content, contest, school)
    assert entry.category == category


def test_blank_rows_numbered_rows_and_a_total_are_passed_over(contest, school):
    content = xlsx(
        ["№", "Фамилия", "Имя", "Класс", "Название работы"],
        [1, "Ким", "Лев", 8, "Стихи"],
        [],
        [None, "  ", None, None, None],
        [2, "Гусь", "Ян", 9, "Проза"],
        [3],
        [4],
        ["Итого", None, None, None, "2 участника"],
    )
    assert [entry.surname for entry in imported(content, contest, school)] == ["Ким", "Гусь"]


def test_the_mentor_is_matched_to_the_data_bank_or_kept_as_text(contest, school, librarian_user):
    kuklina = librarian_user.account.person
    content = xlsx(
        ["Фамилия", "Имя", "Класс", "Название работы", "Руководитель"],
        ["Ким", "Лев", 8, "Стихи", "Куклина Наталья Николаевна"],
        ["Гусь", "Ян", 9, "Проза", "Н.Н. Куклина"],
        ["Ли", "Ким", 6, "Эссе", "Куклина Наталья"],
        ["Ёж", "Оля", 7, "Эссе", "Орлова Н.П., учитель литературы"],
    )
    entries = imported(content, contest, school)
    assert [entry.mentor for entry in entries] == [kuklina, kuklina, kuklina, None]
    assert [entry.mentor_text for entry in entries] == ["", "", "", "Орлова Н.П., учитель литературы"]


def test_a_mentor_of_another_association_is_kept_as_text(contest, school, other_association):
    Person.objects.create(association=other_association, surname="Орлова", initials="Н.П.")
    (entry,) = imported(
        xlsx(HEADER[:5] + ["Педагог"], ["Ким", "Лев", 8, "", "Стихи", "Орлова Н.П."]), contest, school
    )
    assert entry.mentor is None and entry.mentor_text == "Орлова Н.П."


def test_the_visible_sheet_with_the_header_is_read(contest, school):
    content = xlsx(
        HEADER[:5],
        ["Ким", "Лев", 8, "", "Стихи"],
        sheets=[("Скрытый", [HEADER[:5], ["Лишний", "Ученик", 5, "", "x"]], True), ("Пояснения", [["Заполните"]], False)],
    )  # fmt: skip
    assert [entry.surname for entry in imported(content, contest, school)] == ["Ким"]


# ---------------------------------------------------------------- refusals


def test_every_bad_row_is_named_and_nothing_is_saved(contest, school):
    content = xlsx(
        HEADER[:5],
        ["Ким", "Лев", 8, "", "Стихи"],
        ["Гусь", "Ян", 12, "", "Проза"],
        ["Ли", "Ким", 10, "5–8 классы", "Эссе"],
        ["Ёж", "Оля", 7, "Поэзия", "Эссе"],
        ["Ким", "Лев", "8б", "5-8 КЛАССЫ", "Другое"],
        ["Орлов", "", 7, "", "Эссе"],
        ["Волк", "Ян", 7, "", ""],
        title_rows=[["Заявка"]],
    )
    assert refused(content, contest, school) == [
        "Строка 4: класс «12» — такого класса нет (1–11).",
        "Строка 5: 10 класс не подходит к номинации «5–8 классы» (5–8 классы).",
        "Строка 6: номинация «Поэзия» — такой в конкурсе нет; есть «5–8 классы», «9–11 классы».",
        "Строка 7: «Ким Лев» в номинации «5–8 классы» уже есть в строке 3.",
        "Строка 8: «Орлов» — нужны фамилия и имя.",
        "Строка 9: не указано название работы.",
    ]


def test_a_duplicate_of_the_schools_entry_on_the_site(contest, school, other_school):
    make_entry(contest, school, "Ким", "Лев", 8, 1)
    make_entry(
        contest, other_school, "Гусь", "Ян", 9, 2
    )  # another school's pupil of the same name is not hers
    content = xlsx(HEADER[:5], ["Гусь", "Ян", 9, "", "Проза"], ["КИМ", "лев", 7, "", "Стихи"])
    assert refused(content, contest, school) == [
        "Строка 3: «КИМ лев» в номинации «5–8 классы» уже есть в заявках школы на этот конкурс."
    ]


def test_a_grade_no_category_takes(contest, school):
    content = xlsx(
        HEADER[:5], *[["Ким", f"Лев{n}", 8, "", "Стихи"] for n in range(3)], ["Гусь", "Ян", 3, "", "x"]
    )
    assert refused(content, contest, school) == [
        "Строка 5: 3 класс не подходит ни к одной номинации конкурса: «5–8 классы» (5–8 классы), "
        "«9–11 классы» (9–11 классы)."
    ]


def test_at_most_twenty_problems_are_listed(contest, school):
    rows = [["Ким", f"Лев{n}", 12, "", "Стихи"] for n in range(25)]
    with pytest.raises(EntriesRefused) as caught:
        read_entries(upload(xlsx(HEADER[:5], *rows)), contest, school)
    messages = caught.value.messages
    assert (
        len(messages) == 21 and messages[0].startswith("Строка 2:") and messages[19].startswith("Строка 21:")
    )
    assert messages[-1] == "…и ещё 5 ошибок."
    assert caught.value.summary() == "Файл не загружен, ничего не изменено: 25 ошибок."
    assert isinstance(caught.value, ValidationError)


def test_no_categories_yet(contest, school):
    contest.categories.all().delete()
    assert refused(xlsx(HEADER[:5], ["Ким", "Лев", 8, "", "Стихи"]), contest, school) == [
        "Сначала руководитель должна задать номинации конкурса — потом загружайте заявки."
    ]


def test_a_table_without_a_header(contest, school):
    (message,) = refused(xlsx(["Ким", "Лев", 8], ["Гусь", "Ян", 9]), contest, school)
    assert message.startswith("В таблице не найден заголовок")
    (message,) = refused(xlsx(["Фамилия", "Имя", "Номинация"], ["Ким", "Лев", ""]), contest, school)
    assert message == (
        "В заголовке таблицы нет столбца «Класс»; нет столбца «Название работы». Возьмите за образец шаблон заявки."
    )


@pytest.mark.parametrize(
    "content, name, says",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "заявка.xls", "старого формата Excel (.xls)"),
        ("Фамилия;Имя;Класс\nКим;Лев;8\n".encode("cp1251"), "заявка.xlsx", "текстовый файл (CSV"),
        ("Фамилия,Имя,Класс\nКим,Лев,8\n".encode(), "заявка.csv", "текстовый файл (CSV"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "заявка.xlsx", "Это PDF"),
    ],
)
def test_a_file_that_is_not_xlsx_is_refused_with_what_it_is(contest, school, content, name, says):
    (message,) = refused(content, contest, school, name)
    assert says in message and "сохраните как «Книга Excel (.xlsx)»" in message


def test_a_word_document_is_refused(contest, school):
    import docx

    document = docx.Document()
    document.add_paragraph("Иванова Мария, 5 класс")
    buffer = io.BytesIO()
    document.save(buffer)
    (message,) = refused(buffer.getvalue(), contest, school, "заявка.xlsx")
    assert message.startswith("Это документ Word, а не таблица Excel.")


def test_a_broken_xlsx_is_refused(contest, school):
    content = office_file(
        xlsx(HEADER[:5], ["Ким", "Лев", 8, "", "Стихи"]),
        {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"},
    )
    (message,) = refused(content, contest, school)
    assert message.startswith("Файл не читается как таблица Excel (.xlsx)")


def test_a_file_over_the_size_limit(contest, school, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_UPLOAD_BYTES", 1024)
    (message,) = refused(xlsx(HEADER[:5], ["Ким", "Лев", 8, "", "x" * 5000]), contest, school)
    assert message.startswith("Файл больше 0 МБ") and "для заявок на конкурс это слишком много" in message


def test_more_rows_than_the_contest_still_takes(contest, school, other_school, monkeypatch):
    monkeypatch.setattr(Contest, "MOST_ENTRIES", 5)
    make_entry(contest, other_school, "Гусь", "Ян", 9, 2)
    content = xlsx(HEADER[:5], *[["Ким", f"Лев{n}", 8, "", "Стихи"] for n in range(5)])
    assert refused(content, contest, school) == [
        "В файле больше участников, чем конкурс ещё примет: можно подать ещё 4, а всего на конкурс принимается "
        "не больше 5 заявок."
    ]
    (entry,) = imported(xlsx(HEADER[:5], ["Ким", "Лев", 8, "", "Стихи"]), contest, school)
    assert entry.surname == "Ким"


def test_a_contest_full_already(contest, school, monkeypatch):
    monkeypatch.setattr(Contest, "MOST_ENTRIES", 1)
    make_entry(contest, school, "Гусь", "Ян", 9, 2)
    assert refused(xlsx(HEADER[:5], ["Ким", "Лев", 8, "", "Стихи"]), contest, school) == [
        "На конкурс уже подано 1 заявок — больше не принимается."
    ]


HEADER_XML = (
    "".join(
        f'<c r="{column}1" t="inlineStr"><is><t>{title}</t></is></c>'
        for column, title in zip("ABCD", ["Фамилия", "Имя", "Класс", "Название работы"], strict=True)
    )
    .join(['<row r="1">', "</row>"])
    .encode()
)


def _sheet_xml(rows_xml, dimension=None):
    head, _rows, tail = sheet(b"", dimension=dimension)
    return head + HEADER_XML + rows_xml + tail


def _fast_refusal(content, contest, school):
    started = time.perf_counter()
    messages = refused(content, contest, school)
    assert time.perf_counter() - started < 2
    return messages


BASE = xlsx(["x"])


def test_a_huge_cell_is_a_rows_error(contest, school):
    """Excel stops a cell at 32,767 characters, but a file written otherwise does not: 200,000 in one."""
    rows = "".join(
        f'<c r="{column}2" t="inlineStr"><is><t>{text}</t></is></c>'
        for column, text in zip("ABCD", ["Гусь", "Ян", "9", "я" * 200_000], strict=True)
    ).join(['<row r="2">', "</row>"])
    content = office_file(BASE, {"xl/worksheets/sheet1.xml": _sheet_xml(rows.encode())})
    assert refused(content, contest, school) == [
        "Строка 2: в столбце «Название работы» 200000 знаков, а можно не больше 400."
    ]


def test_a_sheet_declaring_forty_million_rows_is_read_only_as_far_as_it_goes(contest, school):
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>Kim</t></is></c><c r="B2" t="inlineStr"><is><t>Lev</t></is></c><c r="C2"><v>8</v></c><c r="D2" t="inlineStr"><is><t>Poems</t></is></c></row>'
    content = office_file(BASE, {"xl/worksheets/sheet1.xml": _sheet_xml(rows, dimension="A1:XFD40000000")})
    started = time.perf_counter()
    (entry,) = imported(content, contest, school)
    assert time.perf_counter() - started < 2 and entry.surname == "Kim"


def test_a_cell_at_row_forty_million_is_refused_fast(contest, school):
    rows = b'<row r="40000000"><c r="A40000000" t="inlineStr"><is><t>y</t></is></c></row>'
    content = office_file(BASE, {"xl/worksheets/sheet1.xml": _sheet_xml(rows, dimension="A1:D40000000")})
    (message,) = _fast_refusal(content, contest, school)
    assert message.startswith("В файле больше участников, чем конкурс ещё примет: можно подать ещё 2000,")


def test_forty_million_row_elements_are_refused_before_opening(contest, school):
    head, _rows, tail = sheet(b"")
    content = office_file(
        BASE, {"xl/worksheets/sheet1.xml": Repeated(head + HEADER_XML, b"<row/>" * 1_000_000, 40, tail)}
    )
    (message,) = _fast_refusal(content, contest, school)
    assert message.startswith("В файле больше 2000 строк: столько заявок на конкурс не бывает.")
