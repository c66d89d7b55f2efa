"""The contest's documents (contests.exports), built by their exporters and read back: the jury's protocol as PDF
(pdftotext) and DOCX (python-docx) — every entry with its scores, total and place, the jury, the signatures, the
preliminary places before the head confirms them, a table of a hundred entries over several pages with its
header on each; the results as XLSX (openpyxl) — a summary sheet and one valid, unique sheet per category; the
«Конкурсы» block of the year's analysis, counted in a fixed number of queries."""

import io
from decimal import Decimal

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contests import services
from contests.exports import (
    ContestProtocolDocx,
    ContestProtocolPdf,
    ContestResultsXlsx,
    score_text,
    sheet_titles,
)
from contests.exports import contests as contests_block
from contests.models import Category, Contest, Entry, Score, Stage
from events.exports.analysis import AnalysisPdf, AnalysisXlsx, analyse_plan
from members.models import Person, School
from reports.base import get_exporter
from tests.reports.conftest import assert_in_order, pdf_pages, pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db

# filled_contest's rows as the protocol prints them, best first: №, participant, grade, school, work, prepared
# by, the mean per criterion, the total, the place. Ли Ким and Петров Иван tie on 22 and share II (no III);
# Шевченко Ольга's 12 is fourth: a participant.
JUNIOR = [
    "1 Иванова Мария 5 МАОУ СОШ № 1 Стихотворение Куклина Наталья Николаевна 10 9,5 5 24,5 I",
    "2 Ли Ким 7 МАОУ СОШ № 2 Стихотворение Садовникова Людмила Ивановна 9 9 4 22 II",
    "3 Петров Иван 6 МАОУ СОШ № 1 Стихотворение Куклина Наталья Николаевна 9 9 4 22 II",
    "4 Шевченко Ольга 8 МАОУ СОШ № 2 Стихотворение Садовникова Людмила Ивановна 5 5 2 12 участник",
]
SENIOR = [
    "1 Черных Анна 10 МАОУ СОШ № 1 Стихотворение 8 8 4 20 I",
    "2 Гусь Лев 11 МАОУ СОШ № 2 Стихотворение Садовникова Людмила Ивановна 6 6 3 15 II",
]
CHAIR = "Саблина В.И."
GUEST = "Орлова Н.П., методист МКУ «ЦРО»"
PRELIMINARY = "Места не утверждены: предварительные итоги"


@pytest.fixture
def confirmed(filled_contest):
    return services.confirm_places(filled_contest, {})


def docx_document(content):
    return docx.Document(io.BytesIO(content))


def docx_text(document):
    """The paragraphs' and the tables' text in the document's order, whitespace collapsed."""
    parts = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            parts.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif child.tag.endswith("}tbl"):
            for row in child.iter():
                if row.tag.endswith("}tc"):
                    parts.append("".join(node.text or "" for node in row.iter() if node.tag.endswith("}t")))
    return " ".join(" ".join(parts).split())


def table_rows(table):
    """Each row's cells' text (a merged cell once)."""
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1][0]:
                cells.append((cell._tc, cell.text))
        rows.append([text for _tc, text in cells])
    return rows


def repeated_header_rows(table):
    return [
        row
        for row in table.rows
        if row._tr.trPr is not None and row._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    ]


# ---------------------------------------------------------------- the protocol


def test_the_exporters_are_registered_and_called_with_the_contest(confirmed):
    for identifier, extension in [
        ("contest-protocol-pdf", "pdf"),
        ("contest-protocol-docx", "docx"),
        ("contest-results-xlsx", "xlsx"),
    ]:
        exporter = get_exporter(identifier)(confirmed)
        assert exporter.filename().endswith(f".{extension}")
        assert "Конкурс юных поэтов" in exporter.filename()
    assert get_exporter("contest-protocol-pdf") is ContestProtocolPdf


def test_the_protocol_pdf_has_every_entry_with_its_total_and_place(confirmed):
    text = pdf_text(ContestProtocolPdf(confirmed).render())
    assert_in_order(
        text,
        [
            "ГТО ШБ г. Усть-Илимска",
            "ПРОТОКОЛ",
            "заседания жюри конкурса «Конкурс юных поэтов»",
            "Март, 2024 г.",  # no stage dates, and the event names no single day
            f"Председатель жюри: {CHAIR}",
            f"Члены жюри: {GUEST}",
            "Критерии оценки:",
            "1. Знание текста — 10 баллов",
            "2. Выразительность — 10 баллов",
            "3. Сценическая культура — 5 баллов",
            "5–8 классы",
            "№ Участник Класс Школа Работа Подготовил(а) Средний балл по критериям Итого Место 1 2 3",
            *JUNIOR,
            "9–11 классы",
            *SENIOR,
            "Итоги",
            "5–8 классы",
            "Победитель (I место): Иванова Мария (МАОУ СОШ № 1)",
            "Призёры (II место): Ли Ким (МАОУ СОШ № 2), Петров Иван (МАОУ СОШ № 1)",
            "9–11 классы",
            "Победитель (I место): Черных Анна (МАОУ СОШ № 1)",
            "Призёр (II место): Гусь Лев (МАОУ СОШ № 2)",
            f"Председатель жюри ________________ {CHAIR}",
            f"Члены жюри ________________ {GUEST}",
        ],
    )
    assert "III" not in text  # the tie takes II twice and skips III
    assert PRELIMINARY not in text


def test_the_protocol_docx_has_every_entry_and_repeats_the_header(confirmed):
    document = docx_document(ContestProtocolDocx(confirmed).render())
    text = docx_text(document)
    assert_in_order(
        text,
        [
            "ГТО ШБ г. Усть-Илимска",
            "ПРОТОКОЛ",
            "заседания жюри конкурса «Конкурс юных поэтов»",
            f"Председатель жюри: {CHAIR}",
            f"Члены жюри: {GUEST}",
            "1. Знание текста — 10 баллов",
            "5–8 классы",
            "9–11 классы",
            "Итоги",
            "Победитель (I место): Иванова Мария (МАОУ СОШ № 1)",
            "Призёры (II место): Ли Ким (МАОУ СОШ № 2), Петров Иван (МАОУ СОШ № 1)",
            f"Председатель жюри ________________ {CHAIR}",
            f"Члены жюри ________________ {GUEST}",
        ],
    )
    junior, senior, signatures = document.tables
    rows = table_rows(junior)
    assert rows[0] == [
        "№",
        "Участник",
        "Класс",
        "Школа",
        "Работа",
        "Подготовил(а)",
        "Средний балл по критериям",
        "Итого",
        "Место",
    ]
    assert rows[1] == [
        "№",
        "Участник",
        "Класс",
        "Школа",
        "Работа",
        "Подготовил(а)",
        "1",
        "2",
        "3",
        "Итого",
        "Место",
    ]
    assert [" ".join(" ".join(row).split()) for row in rows[2:]] == JUNIOR
    assert [" ".join(" ".join(row).split()) for row in table_rows(senior)[2:]] == SENIOR
    assert len(repeated_header_rows(junior)) == 2  # both header rows, on every page
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert PRELIMINARY not in text


def test_before_the_places_are_confirmed_the_protocol_gives_the_suggested_ones(filled_contest):
    assert not filled_contest.places_confirmed
    text = pdf_text(ContestProtocolPdf(filled_contest).render())
    assert PRELIMINARY in text
    assert_in_order(text, JUNIOR)
    assert PRELIMINARY in docx_text(docx_document(ContestProtocolDocx(filled_contest).render()))


def test_the_confirmed_places_are_the_heads(filled_contest):
    shevchenko = Entry.objects.get(contest=filled_contest, surname="Шевченко")
    petrov = Entry.objects.get(contest=filled_contest, surname="Петров")
    services.confirm_places(filled_contest, {shevchenko.pk: 3, petrov.pk: None})
    text = pdf_text(ContestProtocolPdf(filled_contest).render())
    assert "Шевченко Ольга 8 МАОУ СОШ № 2 Стихотворение Садовникова Людмила Ивановна 5 5 2 12 III" in text
    assert "Петров Иван 6 МАОУ СОШ № 1 Стихотворение Куклина Наталья Николаевна 9 9 4 22 участник" in text
    assert "Призёр (III место): Шевченко Ольга (МАОУ СОШ № 2)" in text


def test_the_date_is_the_last_stages_end(filled_contest):
    Stage.objects.create(contest=filled_contest, position=1, title="Школьный", ends_on="2024-02-20")
    Stage.objects.create(contest=filled_contest, position=2, title="Муниципальный", ends_on="2024-03-15")
    assert ContestProtocolPdf(filled_contest).date_text() == "15 марта 2024 г."
    assert "15 марта 2024 г." in pdf_text(ContestProtocolPdf(filled_contest).render())


def test_a_contest_for_librarians_names_the_librarian(contest):
    contest.for_librarians = True
    contest.save()
    kuklina = Person.objects.get(association=contest.plan.association, surname="Куклина")
    kuklina.first_name, kuklina.patronymic = "Наталья", "Николаевна"
    kuklina.save()
    Entry.objects.create(
        contest=contest,
        school=kuklina.school,
        category=contest.categories.get(position=1),
        participant=kuklina,
        work_title="Методическая разработка «Читаем вместе»",
    )
    text = pdf_text(ContestProtocolPdf(contest).render())
    assert "№ Участник Школа Работа Подготовил(а)" in text  # no grades
    assert (
        "1 Куклина Наталья Николаевна МАОУ СОШ № 1 Методическая разработка «Читаем вместе» — — — — участник"
        in text
    )
    document = docx_document(ContestProtocolDocx(contest).render())
    assert "Куклина Наталья Николаевна" in [cell.text for cell in document.tables[0].rows[2].cells]
    sheet = workbook(ContestResultsXlsx(contest).render())["5–8 классы"]
    assert sheet_rows(sheet)[1][:3] == ["участник", "Куклина", "Наталья Николаевна"]


def test_a_contest_without_a_jury_leaves_lines_to_fill_in(contest):
    contest.jury.all().delete()
    text = pdf_text(ContestProtocolPdf(contest).render())
    assert "Председатель жюри: ______________________ Члены жюри: ______________________" in text
    assert "Заявок нет." in text
    assert "Победители и призёры не определены." in text


def many_entries(contest, count, category_position=1):
    """`count` pupils of school A in one category, each scored by both jury members."""
    school = School.objects.get(association=contest.plan.association, short_name="МАОУ СОШ № 1")
    category = contest.categories.get(position=category_position)
    entries = Entry.objects.bulk_create(
        Entry(
            contest=contest,
            school=school,
            category=category,
            surname=f"Участникова{number:03d}",
            first_name="Анна",
            grade=5 + number % 4,
            work_title=f"Стихотворение № {number}",
            mentor_text="Петрова Анна Сергеевна",
        )
        for number in range(count)
    )
    criteria = list(contest.criteria.all())
    Score.objects.bulk_create(
        Score(entry=entry, jury=jury, criterion=criterion, value=Decimal(1 + (entry.pk + criterion.pk) % 5))
        for entry in entries
        for jury in contest.jury.all()
        for criterion in criteria
    )
    return entries


def test_a_hundred_entries_run_over_pages_each_with_the_header(contest):
    many_entries(contest, 100)
    content = ContestProtocolPdf(contest).render()
    pages = pdf_pages(content)
    with_entries = [page for page in pages if "Участникова" in page]
    assert len(with_entries) >= 3
    for page in with_entries:
        assert (
            "№ Участник Класс Школа Работа Подготовил(а) Средний балл по критериям Итого Место 1 2 3" in page
        )
    text = " ".join(pages)
    for number in range(100):
        assert f"Участникова{number:03d} Анна" in text
    document = docx_document(ContestProtocolDocx(contest).render())
    table = document.tables[0]
    assert len(table.rows) == 102
    assert len(repeated_header_rows(table)) == 2


# ---------------------------------------------------------------- the results as XLSX


def test_the_results_xlsx_has_a_summary_and_a_sheet_per_category(confirmed):
    book = workbook(ContestResultsXlsx(confirmed).render())
    assert book.sheetnames == ["Сводка", "5–8 классы", "9–11 классы"]
    assert sheet_rows(book["Сводка"]) == [
        ["Номинация", "Заявок", "Школ", "Победителей", "Призёров"],
        ["5–8 классы", 4, 2, 1, 2],
        ["9–11 классы", 2, 2, 1, 1],
        ["Всего", 6, 2, 2, 3],
    ]
    junior = book["5–8 классы"]
    assert junior.freeze_panes == "A2"
    rows = sheet_rows(junior)
    assert rows[0] == [
        "Место",
        "Фамилия",
        "Имя",
        "Класс",
        "Школа",
        "Работа",
        "Подготовил(а)",
        "Знание текста",
        "Выразительность",
        "Сценическая культура",
        "Итого",
    ]
    assert rows[1] == [
        1,
        "Иванова",
        "Мария",
        5,
        "МАОУ СОШ № 1",
        "Стихотворение",
        "Куклина Наталья Николаевна",
        10,
        9.5,
        5,
        24.5,
    ]
    assert [(row[0], row[1], row[-1]) for row in rows[2:]] == [
        (2, "Ли", 22),
        (2, "Петров", 22),
        ("участник", "Шевченко", 12),
    ]


def test_an_unconfirmed_results_xlsx_says_so(filled_contest):
    rows = sheet_rows(workbook(ContestResultsXlsx(filled_contest).render())["Сводка"])
    assert rows[-1][0] == "Места не утверждены: предварительные итоги."


FORBIDDEN = set("[]:*?/\\")


def test_the_sheet_names_are_valid_and_unique(contest):
    long = "Художественное чтение наизусть: поэзия Серебряного века"
    titles = [
        f"{long} (5–8 классы)",
        f"{long} (9–11 классы)",
        "Проза/поэзия",
        "Проза поэзия",  # what «Проза/поэзия» becomes
        "сводка",  # the summary's name, in another case
        "[Вопросы?]",
    ]
    for position, title in enumerate(titles, start=3):
        Category.objects.create(contest=contest, position=position, title=title)
    names = workbook(ContestResultsXlsx(contest).render()).sheetnames
    assert len(names) == 1 + 2 + len(titles)
    assert len({name.lower() for name in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and not FORBIDDEN & set(name), name
    assert names[3].startswith(long[:20]) and names[4].startswith(long[:20])
    assert names[5] == "Проза поэзия"


def test_sheet_titles():
    assert sheet_titles(["a" * 40, "a" * 35, "'Итоги'", "  "], taken=["Сводка"]) == [
        "a" * 31,
        "a" * 27 + " (2)",
        "Итоги",
        "Номинация",
    ]


def test_score_text():
    assert [score_text(value) for value in (Decimal("24.50"), Decimal("22.00"), Decimal("20"), None)] == [
        "24,5",
        "22",
        "20",
        "—",
    ]


# ---------------------------------------------------------------- the year's analysis


def block(plan):
    return next((found for found in analyse_plan(plan).blocks if found.title == "Конкурсы"), None)


def test_a_year_without_contests_has_no_block(plan):
    assert contests_block(plan) is None
    assert block(plan) is None


def test_the_block_counts_schools_entries_winners_and_prize_winners(confirmed):
    found = block(confirmed.plan)
    assert found.header == ["Конкурс", "Сроки", "Школ", "Заявок", "Победителей", "Призёров"]
    assert found.rows == [["Конкурс юных поэтов", "Март, 2024 г.", 2, 6, 2, 3]]
    assert found.summary == "1 конкурс, 6 заявок из 2 школ. Победителей — 2, призёров — 3."


def test_the_block_is_in_the_analysis_pdf_and_xlsx(confirmed):
    plan = confirmed.plan
    assert_in_order(
        pdf_text(AnalysisPdf(plan).render()),
        [
            "Конкурсы",
            "1 конкурс, 6 заявок из 2 школ. Победителей — 2, призёров — 3.",
            "Конкурс Сроки Школ Заявок Победителей Призёров",
            "Конкурс юных поэтов Март, 2024 г. 2 6 2 3",
        ],
    )
    rows = sheet_rows(workbook(AnalysisXlsx(plan).render())["Конкурсы"])
    assert rows[0] == ["Конкурс", "Сроки", "Школ", "Заявок", "Победителей", "Призёров"]
    assert rows[1] == ["Конкурс юных поэтов", "Март, 2024 г.", 2, 6, 2, 3]


def test_the_block_leaves_out_places_not_confirmed(filled_contest, plan):
    other = Contest.objects.create(event=plan.sections.get(position=2).events.get(title="Круглый стол"))
    found = contests_block(plan)
    assert found.rows == [
        ["Конкурс юных поэтов", "Март, 2024 г.", 2, 6, "—", "—"],
        ["Круглый стол", "25 октября 2023 г.", 0, 0, "—", "—"],
    ]
    assert "6 заявок из 2 школ." in found.summary and "Победителей" not in found.summary
    services.confirm_places(filled_contest, {})
    assert contests_block(plan).rows[0][4:] == [2, 3]
    assert other.pk


def block_queries(plan):
    with CaptureQueriesContext(connection) as queries:
        contests_block(plan)
    return len(queries)


def test_the_block_takes_the_same_queries_whatever_the_entries(contest):
    many_entries(contest, 6)
    few = block_queries(contest.plan)
    many_entries(contest, 54, category_position=2)
    assert Entry.objects.filter(contest=contest).count() == 60
    assert block_queries(contest.plan) == few <= 2


def test_the_protocol_takes_the_same_queries_whatever_the_entries(contest):
    many_entries(contest, 6)
    with CaptureQueriesContext(connection) as queries:
        ContestProtocolPdf(Contest.objects.get(pk=contest.pk)).get_context()
    few = len(queries)
    many_entries(contest, 54, category_position=2)
    with CaptureQueriesContext(connection) as queries:
        ContestProtocolPdf(Contest.objects.get(pk=contest.pk)).get_context()
    assert len(queries) == few
