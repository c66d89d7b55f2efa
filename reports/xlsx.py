"""XLSX: openpyxl write-only workbooks, styled to print like the PDFs (A4, Times New Roman, borders).

Write-only sheets stream their rows: column widths, row heights, merged cells and
print settings are set on the sheet before or beside the rows, never by reading
cells back.
"""

import datetime
import io
import math

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

FONT_NAME = "Times New Roman"
FONT_SIZE = 12

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name=FONT_NAME, size=FONT_SIZE)
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
TITLE = Font(name=FONT_NAME, size=14, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
PERCENT = "0%"
MAX_ROW_HEIGHT = 409  # points: Excel's limit
PAPERSIZE_A4 = 9


def new_workbook():
    return Workbook(write_only=True)


def save_workbook(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(text):
    """A sheet name Excel accepts: 31 characters, none of []:*?/\\."""
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text.strip()[:31] or "Лист"


# A text a person typed that begins like a formula («=HYPERLINK(…)», «+7…», «-5», «@…») is written as
# plain text: a spreadsheet program shows it and never runs it.
FORMULA_START = ("=", "+", "-", "@")


def cell(sheet, value, font=FONT, alignment=WRAP, border=BORDER, fill=None, number_format=None):
    result = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        result.data_type = "s"
    result.font = font
    result.alignment = alignment
    if border is not None:
        result.border = border
    if fill is not None:
        result.fill = fill
    if number_format:
        result.number_format = number_format
    elif isinstance(value, datetime.date):
        result.number_format = "DD.MM.YYYY"
    return result


def set_column_widths(sheet, widths):
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def text_lines(value, width):
    """How many lines `value` takes in a column `width` characters wide (an estimate: Excel does not fit rows)."""
    if value is None:
        return 1
    text = str(value)
    per_line = max(int(width * 1.05), 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def fit_row_height(sheet, row_index, values, widths, font_size=FONT_SIZE):
    """Set the height of row `row_index` (1-based, not yet written) so its wrapped text shows whole.

    `values` and `widths` go column by column; a None width spans the merged row (the sum of widths).
    """
    lines = 1
    for value, width in zip(values, widths):
        lines = max(lines, text_lines(value, width))
    if lines > 1:
        sheet.row_dimensions[row_index].height = min(round(lines * font_size * 1.2 + 3, 1), MAX_ROW_HEIGHT)


def print_setup(sheet, landscape=False, title_rows=None, margins_cm=(2.0, 1.5, 2.0, 2.0)):
    """A4, fit to the page width, page numbers at the bottom, header rows repeated on every page.

    `margins_cm`: top, right, bottom, left.
    """
    sheet.page_setup.paperSize = PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    top, right, bottom, left = (value / 2.54 for value in margins_cm)
    sheet.page_margins.top, sheet.page_margins.right = top, right
    sheet.page_margins.bottom, sheet.page_margins.left = bottom, left
    sheet.oddFooter.center.text = "&P"
    sheet.oddFooter.center.font = FONT_NAME
    if title_rows:
        sheet.print_title_rows = title_rows


def write_list_sheet(workbook, title, header, rows, column_widths=None, landscape=False):
    """One sheet: a bold header row (repeated when printed), then `rows`, all bordered and wrapped."""
    sheet = workbook.create_sheet(sheet_title(title))
    widths = column_widths or [20] * len(header)
    set_column_widths(sheet, widths)
    print_setup(sheet, landscape=landscape, title_rows="1:1")
    sheet.freeze_panes = "A2"
    fit_row_height(sheet, 1, header, widths)
    sheet.append([cell(sheet, value, font=BOLD, alignment=WRAP_CENTER) for value in header])
    for index, row in enumerate(rows, start=2):
        fit_row_height(sheet, index, row, widths)
        sheet.append([cell(sheet, value) for value in row])
    return sheet
