"""Provision lines that come in whole: a grade pasted from a spreadsheet, or the report's form filled in Excel.

Both give rows as typed — {grade, subject, students, available, missing}, numbers as strings — with the number a
person finds them by (the pasted line, the sheet's row). Each row is then checked by the report's own row form
(rounds.forms.ProvisionLineForm), so a pasted number means what a typed one does. One bad row refuses them all,
every problem named by its row; nothing is written.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from textbooks.spreadsheets import SpreadsheetError, check_xlsx_file, header_name, read_rows

# A school's report is at most 11 grades times a few dozen subjects: anything far longer is not its form.
MAX_PASTED_CHARS = 20000
MAX_PASTED_LINES = 100
MAX_FORM_ROWS = 1000
MAX_FORM_BYTES = 1024 * 1024
WHAT = gettext_lazy("формы отчёта")  # in the messages of read_rows, in the genitive
# The form's columns, by the words of their headers (rounds.exports.ProvisionFormXlsx writes them).
HEADERS = {
    "grade": ("класс",),
    "subject": ("предмет",),
    "students": ("учащихся", "учащиеся", "обучающихся", "кол-во учащихся"),
    "available": ("есть экземпляров", "есть экз", "экземпляров", "имеется"),
    "missing": ("не хватает", "не хватает экземпляров", "недостает"),
}
# Excel writes «1 200» with a space or a no-break space when the cell is formatted so.
SPACES = re.compile(r"[\s\u00a0\u202f]+")


class ProvisionInputError(Exception):
    """Rows refused: `errors` lists every problem in Russian, by row, in the input's order."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))


def number_text(value):
    """A cell as the form reads a number: «1 200» → «1200», 45.0 → «45», empty → «»."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return SPACES.sub("", str(value))


def where(number, grade, subject, pasted=False):
    """«Строка 3 (5 класс, Математика)»: how a row is named in a message."""
    parts = []
    if grade not in (None, ""):
        parts.append(_("%(grade)s класс") % {"grade": grade})
    if subject:
        parts.append(subject)
    text = (_("Вставленная строка %(number)d") if pasted else _("Строка %(number)d")) % {"number": number}
    return f"{text} ({', '.join(parts)})" if parts else text


def pasted_rows(text, grade):
    """[(line number, row)] of the lines pasted for `grade`: «Предмет<TAB>учащихся<TAB>экземпляров<TAB>не хватает»
    as Excel copies them — Windows or Unix line ends, empty lines and a header line left out."""
    if len(text) > MAX_PASTED_CHARS:
        raise ProvisionInputError(
            [
                _("Вставлено больше %(count)d знаков: вставляйте строки одного класса.")
                % {"count": MAX_PASTED_CHARS}
            ]
        )
    rows, errors = [], []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        cells = [cell.strip() for cell in line.split("\t")]
        if not any(cells):
            continue
        if not rows and not errors and header_name(cells[0]) == "предмет":
            continue
        if len(rows) >= MAX_PASTED_LINES:
            raise ProvisionInputError(
                [
                    _("Вставлено больше %(count)d строк: вставляйте строки одного класса.")
                    % {"count": MAX_PASTED_LINES}
                ]
            )
        if any(cells[4:]):
            errors.append(
                _("%(where)s: лишние ячейки. Нужны четыре: предмет, учащихся, экземпляров, не хватает.")
                % {"where": where(number, grade, cells[0], pasted=True)}
            )
            continue
        cells += [""] * (4 - len(cells))
        rows.append(
            (
                number,
                {
                    "grade": str(grade),
                    "subject": cells[0],
                    "students": number_text(cells[1]),
                    "available": number_text(cells[2]),
                    "missing": number_text(cells[3]),
                },
            )
        )
    if errors:
        raise ProvisionInputError(errors)
    if not rows:
        raise ProvisionInputError([_("Вставка пуста: скопируйте в Excel строки класса и вставьте их сюда.")])
    return rows


def check_form_file(file):
    """ProvisionInputError unless `file` is an .xlsx (textbooks.spreadsheets.check_xlsx_file)."""
    try:
        check_xlsx_file(file)
    except ValidationError as error:
        raise ProvisionInputError(error.messages) from None


def form_rows(file):
    """[(sheet row number, row)] of the report's form filled in Excel: the first sheet, its header row found by
    the words in it («Класс», «Предмет», «Учащихся», «Есть экземпляров», «Не хватает»), in any order.

    Read through textbooks.spreadsheets.read_rows: its bounds, and its refusals in Russian."""
    if file.size > MAX_FORM_BYTES:
        raise ProvisionInputError(
            [
                _(
                    "Файл больше %(limit)d МБ (%(size).1f МБ): форма отчёта столько не весит — проверьте, тот ли это файл."
                )
                % {"limit": MAX_FORM_BYTES // 2**20, "size": file.size / 2**20}
            ]
        )
    check_form_file(file)
    try:
        sheet = read_rows(file, max_rows=MAX_FORM_ROWS, max_bytes=MAX_FORM_BYTES, what=WHAT)
    except SpreadsheetError as error:
        raise ProvisionInputError(error.errors) from None
    columns, rows = None, []
    for number, values in sheet:
        if columns is None:
            columns = _columns(values)
            continue
        cells = {name: values[index] if index < len(values) else None for name, index in columns.items()}
        row = {name: number_text(cells.get(name)) for name in ("grade", "students", "available", "missing")}
        row["subject"] = str(cells.get("subject") or "").strip()
        rows.append((number, row))
    if columns is None:
        raise unreadable_form()
    return rows


def _columns(values):
    names = [header_name(value) for value in values]
    columns = {}
    for field, words in HEADERS.items():
        for index, name in enumerate(names):
            if name in words and index not in columns.values():
                columns[field] = index
                break
    missing = [field for field in ("grade", "subject", "available") if field not in columns]
    if missing:
        raise unreadable_form()
    return columns


def unreadable_form():
    return ProvisionInputError(
        [
            _(
                "В первой строке файла нет заголовков формы: «Класс», «Предмет», «Учащихся», «Есть экземпляров», "
                "«Не хватает». Скачайте форму отчёта на этой странице и заполните её."
            )
        ]
    )
