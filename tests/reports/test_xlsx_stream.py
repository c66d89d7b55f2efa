"""reports.xlsx: a list sheet streamed row by row makes the same workbook as openpyxl writing it whole,
and reads its rows only as the bytes go out; cell styles are worked out once per workbook."""

import datetime
import decimal
import io

import pytest
from openpyxl import load_workbook

from reports import xlsx

HEADER = ["Школа", "Дата", "Число", "Текст", "Да"]
ROWS = [
    ["МАОУ «СОШ» № 1 & <b>", datetime.date(2024, 5, 1), 5, '=HYPERLINK("http://x")', True],
    [None, None, 2.5, "длинный текст, который не помещается в одну строку столбца " * 3, False],
    ["две\nстроки", datetime.datetime(2024, 1, 2, 3, 4), decimal.Decimal("1.25"), " с пробелом ", None],
]
WIDTHS = [10, 12, 8, 20, 5]


def whole():
    workbook = xlsx.new_workbook()
    xlsx.write_list_sheet(workbook, "Список", HEADER, iter(ROWS), column_widths=WIDTHS, landscape=True)
    xlsx.write_list_sheet(workbook, "Второй", HEADER[:2], iter([r[:2] for r in ROWS]))
    return load_workbook(io.BytesIO(xlsx.save_workbook(workbook)))


def streamed(rows=ROWS):
    workbook = xlsx.new_streaming_workbook()
    xlsx.write_list_sheet(workbook, "Список", HEADER, iter(rows), column_widths=WIDTHS, landscape=True)
    xlsx.write_list_sheet(workbook, "Второй", HEADER[:2], iter([r[:2] for r in ROWS]))
    return load_workbook(io.BytesIO(b"".join(xlsx.stream_workbook(workbook))))


def described(sheet):
    """Everything of a sheet a person would see or print, as comparable text."""
    cells = [
        [repr((c.value, c.data_type, c.number_format, c.font, c.alignment, c.border, c.fill)) for c in row]
        for row in sheet.iter_rows()
    ]
    return {
        "cells": cells,
        "heights": {k: v.height for k, v in sheet.row_dimensions.items() if v.height},
        "widths": {k: v.width for k, v in sheet.column_dimensions.items()},
        "print": repr((sheet.page_setup, sheet.page_margins, sheet.sheet_properties, sheet.print_title_rows, sheet.freeze_panes,
                       sheet.oddFooter.center.text)),
    }  # fmt: skip


def test_the_same_workbook_as_written_whole():
    a, b = whole(), streamed()
    assert a.sheetnames == b.sheetnames == ["Список", "Второй"]
    for sheet_a, sheet_b in zip(a.worksheets, b.worksheets):
        assert described(sheet_a) == described(sheet_b)
    sheet = b["Список"]
    assert (
        sheet["D2"].value == '=HYPERLINK("http://x")' and sheet["D2"].data_type == "s"
    )  # text, never a formula
    assert sheet["A2"].value == "МАОУ «СОШ» № 1 & <b>" and sheet["B2"].number_format == "DD.MM.YYYY"
    assert sheet.row_dimensions[3].height > 15  # the long text's row is tall enough to show it


def test_characters_xml_cannot_hold_are_dropped():
    sheet = streamed([["a\x01b\x0bc", None, None, None, None]])["Список"]
    assert sheet["A2"].value == "abc"


def test_rows_are_read_as_the_bytes_go_out(monkeypatch):
    monkeypatch.setattr(xlsx, "STREAM_CHUNK", 1024)
    monkeypatch.setattr(xlsx, "XML_BATCH", 1024)
    read = []

    def rows():
        for n in range(5000):
            read.append(n)
            yield [f"Школа {n}", None, n, "учебник " * (n % 7), False]

    workbook = xlsx.new_streaming_workbook()
    xlsx.write_list_sheet(workbook, "Список", HEADER, rows(), column_widths=WIDTHS)
    assert read == []  # noted, not read
    pieces = xlsx.stream_workbook(workbook)
    first = next(pieces)
    assert first.startswith(b"PK") and 0 < len(read) < 5000
    data = first + b"".join(pieces)
    assert len(read) == 5000
    sheet = load_workbook(io.BytesIO(data))["Список"]
    assert sheet.max_row == 5001 and sheet["A5001"].value == "Школа 4999"


@pytest.mark.parametrize("font", [xlsx.FONT, xlsx.BOLD])
def test_a_style_is_worked_out_once_per_workbook(font):
    workbook = xlsx.new_workbook()
    sheet = workbook.create_sheet("x")
    first, second = xlsx.cell(sheet, "a", font=font), xlsx.cell(sheet, "b", font=font)
    assert first._style == second._style and first._style is not second._style  # equal, never shared
    assert len(workbook._gto_styles) == 1
