"""The exporter base and the registry: what another app builds its exports on."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from reports import base
from reports.base import ListExporter, get_exporter, register, registry
from tests.reports.conftest import pdf_text, sheet_rows, workbook


def test_the_project_reports_are_registered():
    assert {"plan-pdf", "plan-xlsx", "analysis-pdf", "analysis-xlsx"} <= set(registry)
    assert get_exporter("plan-pdf").extension == "pdf"
    with pytest.raises(KeyError):
        get_exporter("nothing")


def test_an_identifier_is_taken_once():
    class Another(ListExporter):
        identifier = "plan-pdf"

    with pytest.raises(ImproperlyConfigured, match="taken"):
        register(Another)

    class Nameless(ListExporter):
        pass

    with pytest.raises(ImproperlyConfigured):
        register(Nameless)


class Librarians(ListExporter):
    """A list exporter as the members app would write one."""

    identifier = "test-librarians-xlsx"
    title = "Банк данных о школьных библиотекарях"
    extension = "xlsx"
    column_widths = [24, 20, 16]

    def filename_stem(self):
        return f"Библиотекари: {self.subject}/{self.options['year']}"

    def rows(self):
        yield ["Библиотекарь", "Школа", "Аттестация"]
        yield ["Саблина В.И.", "МАОУ СОШ № 1", datetime.date(2024, 3, 20)]
        yield ["Куклина Н.Н.", "МАОУ СОШ № 2\nкорпус 2", None]


class LibrariansPdf(Librarians):
    identifier = "test-librarians-pdf"
    extension = "pdf"


@pytest.fixture
def registered():
    for exporter in (Librarians, LibrariansPdf):
        register(exporter)
    yield
    for exporter in (Librarians, LibrariansPdf):
        registry.pop(exporter.identifier)


def test_a_list_exporter_gives_an_xlsx_sheet(registered):
    exporter = get_exporter("test-librarians-xlsx")("ГТО ШБ", year="2023-2024")
    assert exporter.filename() == "Библиотекари- ГТО ШБ-2023-2024.xlsx"
    assert exporter.content_type == base.CONTENT_TYPES["xlsx"]
    book = workbook(exporter.render())
    sheet = book["Банк данных о школьных библиоте"]  # 31 characters: Excel's limit
    assert sheet_rows(sheet) == [
        ["Библиотекарь", "Школа", "Аттестация"],
        ["Саблина В.И.", "МАОУ СОШ № 1", datetime.datetime(2024, 3, 20)],
        ["Куклина Н.Н.", "МАОУ СОШ № 2\nкорпус 2", None],
    ]
    assert sheet["C2"].number_format == "DD.MM.YYYY"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet["A1"].font.bold


def test_the_same_list_as_a_printed_table(registered):
    exporter = get_exporter("test-librarians-pdf")("ГТО ШБ", year="2023-2024")
    assert exporter.filename().endswith(".pdf")
    text = pdf_text(exporter.render())
    assert text.startswith(
        "Банк данных о школьных библиотекарях Библиотекарь Школа Аттестация Саблина В.И. МАОУ СОШ № 1 20 марта 2024 г."
    )
    assert "Куклина Н.Н. МАОУ СОШ № 2 корпус 2" in text


def test_printed_columns_follow_the_xlsx_widths():
    from core.formats import printed_columns

    assert printed_columns(["Библиотекарь", "Школа"], [30, 10]) == [
        ("Библиотекарь", "75.0%"),
        ("Школа", "25.0%"),
    ]
    assert printed_columns(["А", "Б"]) == [("А", ""), ("Б", "")]
    assert printed_columns(["А", "Б", "В"], [10, 10]) == [("А", "50.0%"), ("Б", "50.0%"), ("В", "")]


def test_a_year_and_its_mark_stay_on_one_line_in_print():
    from core.formats import keep_year_together, printed

    assert keep_year_together("Апрель - Май, 2024 г.") == "Апрель - Май, 2024\u00a0г."
    assert keep_year_together("на 2023-2024 гг. и 11.09.2023г.") == "на 2023-2024\u00a0гг. и 11.09.2023г."
    assert printed(datetime.date(2024, 1, 17)) == "17 января 2024\u00a0г."


def test_a_printed_number_sign_keeps_its_number():
    from core.formats import printed

    assert printed("МАОУ СОШ № 12") == "МАОУ СОШ №\u00a012"
    assert printed("№ п/п") == "№ п/п" and printed(12) == "12"
