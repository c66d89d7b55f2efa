"""XLSX: openpyxl write-only workbooks, styled to print like the PDFs (A4, Times New Roman, borders).

Write-only sheets stream their rows: column widths, row heights, merged cells and
print settings are set on the sheet before or beside the rows, never by reading
cells back. A long list (the textbook bank's 200,000 offers) goes further: its
workbook is written while it is sent, row by row (new_streaming_workbook,
stream_workbook, streaming_response).
"""

import datetime
import decimal
import io
import math
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

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


DATE_FORMAT = "DD.MM.YYYY"


def cell(sheet, value, font=FONT, alignment=WRAP, border=BORDER, fill=None, number_format=None):
    result = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        result.data_type = "s"
    if number_format is None and isinstance(value, datetime.date):
        number_format = DATE_FORMAT
    result._style = StyleArray(style_array(sheet, font, alignment, border, fill, number_format))
    return result


def style_array(sheet, font=FONT, alignment=WRAP, border=BORDER, fill=None, number_format=None):
    """The workbook's style of a cell with these font, alignment, border, fill and number format.

    Setting `cell.font = …` makes openpyxl hash the whole Font object to find it among the
    workbook's fonts: four of those a cell made writing a row of thirteen take a millisecond.
    The combinations a workbook uses are few: each is worked out once, on a cell of its own,
    and kept on the workbook, keyed by the identity of the style objects (which the key keeps alive).
    """
    styles = sheet.parent.__dict__.setdefault("_gto_styles", {})
    key = (id(font), id(alignment), id(border), id(fill), number_format)
    found = styles.get(key)
    if found is None:
        model = WriteOnlyCell(sheet)
        model.font, model.alignment = font, alignment
        if border is not None:
            model.border = border
        if fill is not None:
            model.fill = fill
        if number_format:
            model.number_format = number_format
        found = styles[key] = (model._style, (font, alignment, border, fill))
    return found[0]


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
    """One sheet: a bold header row (repeated when printed), then `rows`, all bordered and wrapped.

    In a workbook from new_streaming_workbook the rows are not read here but while the file is sent.
    """
    sheet = workbook.create_sheet(sheet_title(title))
    widths = column_widths or [20] * len(header)
    set_column_widths(sheet, widths)
    print_setup(sheet, landscape=landscape, title_rows="1:1")
    sheet.freeze_panes = "A2"
    if hasattr(workbook, "_gto_list_sheets"):
        workbook._gto_list_sheets.append((sheet, header, rows, widths))
        return sheet
    fit_row_height(sheet, 1, header, widths)
    sheet.append([cell(sheet, value, font=BOLD, alignment=WRAP_CENTER) for value in header])
    for index, row in enumerate(rows, start=2):
        fit_row_height(sheet, index, row, widths)
        sheet.append([cell(sheet, value) for value in row])
    return sheet


# ---------------------------------------------------------------- streaming a workbook

# A sheet's list rows go out in pieces of about this many bytes (compressed), compressed in batches of
# this many bytes of XML, at a lower level than zlib's default: a third faster, a sixth larger.
STREAM_CHUNK = 256 * 1024
XML_BATCH = 256 * 1024
COMPRESS_LEVEL = 3
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def new_streaming_workbook():
    """A write-only workbook whose list sheets (write_list_sheet) are only noted, to be written row by
    row while the file is sent (stream_workbook)."""
    workbook = new_workbook()
    workbook._gto_list_sheets = []
    return workbook


def stream_workbook(workbook):
    """The XLSX of a workbook from new_streaming_workbook, as pieces of bytes made as they are sent.

    Every list sheet is written straight into the zip, its rows taken from their iterator one by
    one (a server-side cursor, for a database list), and the compressed bytes are handed on every
    STREAM_CHUNK: memory stays flat whatever the number of rows, and the first bytes leave at once.
    The rest — styles, the workbook, other sheets — openpyxl writes at the end, as it would.

    The zip is written forward only (sizes after each part, as zip allows): Excel, LibreOffice and
    openpyxl read it. A list sheet's XML must stay under 2 GB, some 1.5 million rows.
    """
    out = _Pieces()
    archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=COMPRESS_LEVEL)
    streamed = set()
    for sheet, header, rows, widths in workbook.__dict__.pop("_gto_list_sheets", []):
        head, tail = _sheet_frame(sheet)
        sheet._id = (
            workbook.worksheets.index(sheet) + 1
        )  # the number ExcelWriter gives it (and its path) later
        with archive.open(sheet.path[1:], "w") as entry:
            row_xml = _row_writer(sheet, widths)
            batch, batch_size = [head, row_xml(1, header, header=True)], 0
            for index, row in enumerate(rows, start=2):
                xml = row_xml(index, row)
                batch.append(xml)
                batch_size += len(xml)
                if batch_size >= XML_BATCH:  # the compressor takes rows a few hundred at a time
                    entry.write(b"".join(batch))
                    batch, batch_size = [], 0
                    if out.size >= STREAM_CHUNK:
                        yield out.take()
            batch.append(tail)
            entry.write(b"".join(batch))
        streamed.add(sheet)
        yield out.take()
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _ListSheetsWriter(workbook, archive, streamed).save()
    yield out.take()


def streaming_response(exporter):
    """An XlsxExporter's file as an attachment sent while it is written (a StreamingHttpResponse, no length).

    The exporter's `write(workbook)` adds its sheets; list sheets are read only as the response goes out.
    """
    from django.http import StreamingHttpResponse
    from django.utils.http import content_disposition_header

    workbook = new_streaming_workbook()
    exporter.write(workbook)
    response = StreamingHttpResponse(stream_workbook(workbook), content_type=exporter.content_type)
    response["Content-Disposition"] = content_disposition_header(True, exporter.filename())
    return response


class _Pieces:
    """A file the zip writes into and the response reads from: tell(), no seek()."""

    def __init__(self):
        self.pieces, self.size, self.position = [], 0, 0

    def write(self, data):
        self.pieces.append(bytes(data))
        self.size += len(data)
        self.position += len(data)
        return len(data)

    def tell(self):
        return self.position

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.pieces)
        self.pieces, self.size = [], 0
        return data


def _sheet_frame(sheet):
    """The sheet's XML around its rows: views, columns, print settings — all openpyxl's, split where the rows go."""
    writer = WorksheetWriter(sheet, out=io.BytesIO())
    writer.write_top()
    xf = writer.xf.send(True)
    with xf.element("sheetData"):
        pass
    writer.xf.send(None)
    writer.write_tail()
    writer.close()
    sheet._gto_rels = writer._rels
    xml = writer.out.getvalue()
    empty = re.search(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>", xml)
    return xml[: empty.start()] + b"<sheetData>", b"</sheetData>" + xml[empty.end() :]


def _row_writer(sheet, widths):
    """A function writing one row of a list sheet as XML: the same cells `cell()` makes, without a Cell each."""
    workbook = sheet.parent
    letters = [get_column_letter(index) for index in range(1, len(widths) + 1)]

    def style_id(**options):
        return workbook._cell_styles.add(StyleArray(style_array(sheet, **options)))

    plain, dated, bold = (
        style_id(),
        style_id(number_format=DATE_FORMAT),
        style_id(font=BOLD, alignment=WRAP_CENTER),
    )

    # Beyond this many characters (or with a line break) a text may take more than a line (text_lines).
    one_line = [max(int(width * 1.05), 1) for width in widths]

    def row_xml(index, values, header=False):
        cells = []
        lines = 1
        for letter, value, width, fits in zip(letters, values, widths, one_line):
            ref = f"{letter}{index}"
            style = bold if header else plain
            if value is None:
                cells.append(f'<c r="{ref}" s="{style}"/>')
                continue
            if isinstance(value, str):
                if "\n" in value:
                    lines = max(lines, text_lines(value, width))
                elif len(value) > fits:
                    lines = max(lines, -(-len(value) // fits))  # text_lines of one line of text
                text = ILLEGAL_XML.sub("", value)
                if "&" in text or "<" in text or ">" in text:
                    text = text.translate(XML_ESCAPES)
                space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
                continue
            if (
                len(shown := str(value)) > fits
            ):  # text_lines measures what str() shows, a number or a date too
                lines = max(lines, text_lines(shown, width))
            if isinstance(value, bool):
                cells.append(f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float, decimal.Decimal)):
                cells.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')
            elif isinstance(value, datetime.date):
                if isinstance(value, datetime.datetime) and value.tzinfo is not None:
                    value = value.astimezone().replace(tzinfo=None)
                cells.append(f'<c r="{ref}" s="{bold if header else dated}"><v>{to_excel(value)}</v></c>')
            else:
                text = ILLEGAL_XML.sub("", shown).translate(XML_ESCAPES)
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t>{text}</t></is></c>')
        height = (
            f' ht="{min(round(lines * FONT_SIZE * 1.2 + 3, 1), MAX_ROW_HEIGHT)}" customHeight="1"'
            if lines > 1
            else ""
        )
        return f'<row r="{index}"{height}>{"".join(cells)}</row>'.encode()

    return row_xml


class _ListSheetsWriter(ExcelWriter):
    """openpyxl's ExcelWriter for the rest of the workbook, the list sheets being in the zip already."""

    def __init__(self, workbook, archive, streamed):
        super().__init__(workbook, archive)
        self.streamed = streamed

    def write_worksheet(self, ws):
        if ws not in self.streamed:
            return super().write_worksheet(ws)
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts, ws._drawing.images = ws._charts, ws._images
        ws._rels = ws._gto_rels
        self.manifest.append(ws)
