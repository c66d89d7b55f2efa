"""Reading the XLSX files the bank takes in: the ministry's ФПУ and a school's list of offers.

Both imports share the rules here: the first sheet is read; a file that is not an .xlsx, or
over 5 MB, is refused with a sentence a librarian understands; every bad row is collected
(«Строка 5: не указано количество») and the import writes nothing when there is one.
"""

import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
XLSX_SIGNATURE = b"PK\x03\x04"
MAX_ERRORS_SHOWN = 50
# A school's list is a few hundred rows and the federal list a few thousand: a sheet far longer is
# not one of them, and is refused before it fills the memory.
MAX_ROWS = 20000


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
            _("Файл больше 5 МБ (%(size).1f МБ): в таблице обменного фонда столько не бывает — проверьте, тот ли это файл.")
            % {"size": file.size / 1024 / 1024}
        )
    if not file.name.lower().endswith(".xlsx"):
        raise ValidationError(_("Нужен файл Excel в формате .xlsx. Файл .xls или .ods откройте и сохраните как «Книга Excel (.xlsx)»."))
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if head != XLSX_SIGNATURE:
        raise ValidationError(_("Файл не похож на таблицу .xlsx: возможно, он повреждён или переименован."))


def read_rows(file, max_rows=MAX_ROWS):
    """The first sheet's rows as (row number, list of cell values), empty rows left out.

    `file` is a path or a file object. SpreadsheetError when it cannot be read as .xlsx
    or holds more than `max_rows` rows.
    """
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, TypeError) as error:
        raise SpreadsheetError([_("Файл не читается как таблица Excel (.xlsx): %(error)s") % {"error": error}]) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            values = list(values)
            if any(value is not None and str(value).strip() for value in values):
                rows.append((number, values))
                if len(rows) > max_rows:
                    raise SpreadsheetError([
                        _("В файле больше %(max)d строк: это не похоже на список учебников. Проверьте, тот ли это файл.") % {"max": max_rows}
                    ])
        return rows
    finally:
        workbook.close()


def header_name(value):
    """A column's name for matching: lower case, Ё as Е, spaces collapsed, trailing dots and colons dropped."""
    text = " ".join(str(value or "").split()).lower().replace("ё", "е")
    return re.sub(r"[\s.:*]+$", "", text)


def row_error(number, message):
    return _("Строка %(number)d: %(message)s") % {"number": number, "message": message}
