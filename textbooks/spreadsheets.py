"""Reading the XLSX files the bank takes in: the ministry's ФПУ and a school's list of offers.

Both imports share the rules here: the first sheet is read; a file that is not an .xlsx, or
over 5 MB, is refused with a sentence a librarian understands; every bad row is collected
(«Строка 5: не указано количество») and the import writes nothing when there is one.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from members.office_files import Count, OfficeFileRefused, OfficeLimits, check_office_file

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
XLSX_SIGNATURE = b"PK\x03\x04"
MAX_ERRORS_SHOWN = 50
# A school's list is a few hundred rows and the federal list a few thousand: a sheet far longer is
# not one of them, and is refused before it fills the memory.
MAX_ROWS = 20000
# Bounds on the work a file may cause, checked before and while it is read: what it unpacks into (an .xlsx
# of 5 MB unpacks into 20–40 MB of XML), how many rows it runs to — empty ones included, at most
# ROW_NUMBER_FACTOR times the rows it may hold —, the columns read (the rest of a row is not looked at) and
# the characters in one cell.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024
ROW_NUMBER_FACTOR = 5
MAX_COLUMNS = 100
MAX_CELL_CHARS = 10000
# What openpyxl parses whole whatever is asked of it: every cell of a row (also past the columns read), every
# cell style, every shared string, every element of the workbook's small parts. Counted before it opens the file.
TOO_MANY_ROWS = gettext_lazy(
    "В файле больше %(count)d строк: это не похоже на список учебников. Проверьте, тот ли это файл."
)
MAX_CELLS_PER_ROW = 1000
ELEMENTS_PER_ROW = 60  # a row, its cells and values, its share of the shared strings and rich text: 20–40
MAX_STYLES = 10000  # a list is a few dozen; Excel itself stops at 64,000
MAX_SHEETS = 100
MAX_OTHER_ELEMENTS = 50000
# A sheet's rows, cells, values and formulas, the shared strings and their rich-text runs: read as they stream.
CHEAP_ELEMENTS = frozenset(
    {
        b"row",
        b"c",
        b"v",
        b"f",
        b"is",
        b"t",
        b"si",
        b"r",
        b"rPr",
        b"rFont",
        b"sz",
        b"color",
        b"b",
        b"i",
        b"u",
        b"family",
        b"charset",
        b"scheme",
        b"vertAlign",
        b"strike",
    }
)


def xlsx_limits(max_rows, max_bytes, what):
    """The bounds of members.office_files for a file that may hold `max_rows` rows: the elements of all its parts
    together — whatever the parts are called — and, by name, what openpyxl reads by name (the styles)."""
    return OfficeLimits(
        what=what, max_bytes=max_bytes, max_unpacked=MAX_UNPACKED_BYTES, max_part=MAX_PART_BYTES,
        counts=[
            Count(b"row", max_rows * ROW_NUMBER_FACTOR, str(TOO_MANY_ROWS) % {"count": max_rows}),
            Count(b"sheet", MAX_SHEETS, gettext_lazy("В книге больше %(count)d листов: оставьте в файле лист со списком.")),
            Count(b"xf", MAX_STYLES, gettext_lazy("В таблице больше %(count)d стилей ячеек: скопируйте данные в новую книгу Excel и сохраните её.")),
            Count(None, max_rows * ELEMENTS_PER_ROW),
            # What openpyxl turns into objects one by one — styles, fonts, merged cells, links, rules, names —
            # costs ten times a cell: a few thousand of them in a real list, fifty thousand at most.
            Count(None, MAX_OTHER_ELEMENTS, but=CHEAP_ELEMENTS),
        ],
        rows=(b"row", b"c", MAX_CELLS_PER_ROW),
    )  # fmt: skip


class SpreadsheetError(Exception):
    """An import refused: `errors` lists every problem, in Russian, in the file's order."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))

    def summary(self):
        """The sentence above the list: how many problems, and that nothing was written."""
        count = len(self.errors)
        return ngettext(
            "Файл не загружен, ничего не изменено: %(count)d ошибка.",
            "Файл не загружен, ничего не изменено: %(count)d ошибок.",
            count,
        ) % {"count": count}

    def shown_errors(self):
        return self.errors[:MAX_ERRORS_SHOWN]


def validate_xlsx_upload(file):
    """For forms: 5 MB at most, an .xlsx by name and by its first bytes (an .xlsx is a ZIP archive)."""
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _(
                "Файл больше 5 МБ (%(size).1f МБ): в таблице обменного фонда столько не бывает — проверьте, тот ли это файл."
            )
            % {"size": file.size / 1024 / 1024}
        )
    check_xlsx_file(file)


def check_xlsx_file(file):
    """ValidationError unless `file` is an .xlsx by its name and by its first bytes (an .xlsx is a ZIP archive):
    every upload of a spreadsheet asks this before anything reads it."""
    if not file.name.lower().endswith(".xlsx"):
        raise ValidationError(
            _(
                "Нужен файл Excel в формате .xlsx. Файл .xls или .ods откройте и сохраните как «Книга Excel (.xlsx)»."
            )
        )
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if head != XLSX_SIGNATURE:
        raise ValidationError(_("Файл не похож на таблицу .xlsx: возможно, он повреждён или переименован."))


def unreadable(row_number=None):
    where = _(" (строка %(number)d)") % {"number": row_number} if row_number else ""
    return SpreadsheetError(
        [
            _(
                "Файл не читается как таблица Excel (.xlsx)%(where)s: он повреждён или сохранён не Excel. Откройте его в Excel "
                "и сохраните заново как «Книга Excel (.xlsx)»."
            )
            % {"where": where}
        ]
    )


def read_rows(file, max_rows=MAX_ROWS, max_bytes=MAX_UPLOAD_BYTES, what=gettext_lazy("таблицы")):
    """The first sheet's rows as (row number, list of cell values), empty rows left out.

    `file` is a path or a file object. SpreadsheetError, with a Russian sentence, for every file it will not
    read: over `max_bytes`, unpacking into too much (checked before opening), malformed XML or ZIP, more than
    `max_rows` rows, a cell over MAX_CELL_CHARS characters. The work is bounded whatever the file says of itself:
    the sheet's declared size is not trusted, and reading stops at the first limit passed.
    """
    from openpyxl import load_workbook

    try:
        check_office_file(file, xlsx_limits(max_rows, max_bytes, what))
    except OfficeFileRefused as refused:
        raise SpreadsheetError([str(refused)]) from None
    try:
        workbook = load_workbook(file, read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises zip, XML, key and value errors alike for a malformed file
        raise unreadable() from None
    number = 0
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # the size the sheet declares is not trusted: no empty rows are made up past the data
        rows = []
        too_long = SpreadsheetError([str(TOO_MANY_ROWS) % {"count": max_rows}])
        for number, values in enumerate(
            sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            if number > max_rows * ROW_NUMBER_FACTOR:
                raise too_long
            if not any(value is not None and str(value).strip() for value in values):
                continue
            if any(isinstance(value, str) and len(value) > MAX_CELL_CHARS for value in values):
                raise SpreadsheetError(
                    [
                        row_error(
                            number,
                            _("в ячейке больше %(max)d знаков — столько в таблице не пишут.")
                            % {"max": MAX_CELL_CHARS},
                        )
                    ]
                )
            rows.append((number, list(values)))
            if len(rows) > max_rows:
                raise too_long
        return rows
    except SpreadsheetError:
        raise
    except Exception:
        raise unreadable(number + 1) from None
    finally:
        workbook.close()


def header_name(value):
    """A column's name for matching: lower case, Ё as Е, spaces collapsed, trailing dots and colons dropped."""
    text = " ".join(str(value or "").split()).lower().replace("ё", "е")
    return text.rstrip(" .:*")  # not a regex anchored at the end: that one took the square of a cell of dots


def row_error(number, message):
    return _("Строка %(number)d: %(message)s") % {"number": number, "message": message}
