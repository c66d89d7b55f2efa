"""Loading the Federal List of textbooks (ФПУ) from the ministry's XLSX.

The layout: a header row naming the columns — порядковый номер; наименование учебника; автор
(авторский коллектив); наименование издателя; учебные пособия; класс; язык; срок действия
экспертного заключения or предельный срок использования («До 25 апреля 2027 года») — in any
order, possibly under a title and above a row of column numbers. Then rows of two kinds:

- a heading: a number and a name only («1.1.1.1. Русский язык (учебный предмет)»); the
  entries under it take their subject from the nearest heading marked «учебный предмет»
  (or the nearest heading at all), unless the file has a «предмет» column;
- an entry: a number («1.1.1.1.1.1»), a title, authors, a grade…

Importing updates the catalogue in place, keyed by the number: new numbers are added,
known ones updated; a number the file no longer has is marked excluded — never deleted, so
every offer and need pointing to it stays — and one that comes back is listed again. One
transaction: a file with any bad row changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from textbooks.models import Textbook
from textbooks.parsing import cell_text, parse_grades, parse_until
from textbooks.spreadsheets import SpreadsheetError, header_name, read_rows, row_error

NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
SUBJECT_MARK = re.compile(r"\(\s*учебный предмет\s*\)", re.IGNORECASE)
PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")
HEADER_SEARCH_ROWS = 30
# The ministry's list is 1–3 MB; it comes in by command, not through a browser's 5 MB form.
MAX_FPU_BYTES = 20 * 1024 * 1024

# Each column: the words its header contains (the first matching rule wins).
COLUMNS = [
    ("number", ("порядковый номер", "номер", "№")),
    ("manuals", ("пособи",)),
    ("publisher", ("издател", "издательств")),  # before the title: «наименование издателя»
    ("title", ("наименование учебника", "название учебника", "наименование", "название")),
    ("authors", ("автор",)),
    ("grade", ("класс",)),
    ("language", ("язык",)),
    ("valid_until", ("срок", "использован")),
    ("subject", ("предмет",)),
]
REQUIRED = {"number": "порядковый номер", "title": "наименование учебника", "grade": "класс"}
FIELDS = [
    "title",
    "authors",
    "publisher",
    "manuals",
    "subject",
    "grade_from",
    "grade_to",
    "language",
    "valid_until_text",
    "valid_until",
]


@dataclass
class FpuImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    excluded: int = 0
    restored: int = 0
    total: int = 0
    excluded_numbers: list = field(default_factory=list)


def find_header(rows):
    """(index of the header row, {column: cell index}) — the first row naming a number, a title and a grade."""
    for index, (_number, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for position, value in enumerate(values):
            name = header_name(value)
            if not name:
                continue
            for column, words in COLUMNS:
                if column not in columns and any(word in name for word in words):
                    columns[column] = position
                    break
        if all(column in columns for column in REQUIRED):
            return index, columns
    missing = ", ".join(f"«{name}»" for name in REQUIRED.values())
    raise SpreadsheetError(
        [f"Не найдена строка заголовков: нужны столбцы {missing} (как в перечне министерства)."]
    )


def subject_of(number, headings):
    """The subject an entry falls under: the nearest heading marked «учебный предмет», else the nearest heading."""
    parents = [
        (heading_number, text)
        for heading_number, text in headings.items()
        if number.startswith(heading_number + ".")
    ]
    parents.sort(key=lambda item: item[0].count("."))
    marked = [text for _n, text in parents if SUBJECT_MARK.search(text)]
    chosen = marked[-1] if marked else (parents[-1][1] if parents else "")
    return PARENTHESES.sub("", chosen).strip()


def read_fpu(file):
    """The entries of a ФПУ file: a list of dicts of Textbook fields (with `fpu_number`). SpreadsheetError on bad rows."""
    rows = read_rows(file, max_bytes=MAX_FPU_BYTES, what=_("перечня учебников"))
    header_index, columns = find_header(rows)

    def value(values, column):
        position = columns.get(column)
        return values[position] if position is not None and position < len(values) else None

    headings, entries, errors, seen = {}, [], [], {}
    for row_number, values in rows[header_index + 1 :]:
        number = cell_text(value(values, "number")).rstrip(".")
        title = cell_text(value(values, "title"))
        if not number and not title:
            continue
        if number.isdigit() and title.isdigit():
            continue  # the row of column numbers under the header: 1, 2, 3…
        if not NUMBER.match(number + "."):
            errors.append(
                row_error(
                    row_number,
                    f"порядковый номер «{number}» — нужен номер вроде 1.1.1.1.1.1"
                    if number
                    else "не указан порядковый номер",
                )
            )
            continue
        authors = cell_text(value(values, "authors"))
        grade_text = cell_text(value(values, "grade"))
        if not authors and not grade_text:
            if title:
                headings[number] = title
            continue
        problems = []
        if not title:
            problems.append("не указано наименование учебника")
        try:
            grade_from, grade_to = parse_grades(grade_text)
        except ValueError as error:
            problems.append(str(error))
            grade_from = grade_to = None
        if number in seen:
            problems.append(f"номер «{number}» уже был в строке {seen[number]}")
        seen.setdefault(number, row_number)
        if problems:
            errors.extend(row_error(row_number, problem) for problem in problems)
            continue
        until_value = value(values, "valid_until")
        entries.append({
            "fpu_number": number,
            "title": title[:500],
            "authors": authors[:500],
            "publisher": cell_text(value(values, "publisher"))[:300],
            "manuals": cell_text(value(values, "manuals")),
            "subject": (cell_text(value(values, "subject")) or subject_of(number, headings))[:200],
            "grade_from": grade_from,
            "grade_to": grade_to,
            "language": cell_text(value(values, "language"))[:100],
            "valid_until_text": cell_text(until_value)[:300],
            "valid_until": parse_until(until_value),
        })  # fmt: skip
    if errors:
        raise SpreadsheetError(errors)
    if not entries:
        raise SpreadsheetError(
            ["В файле нет ни одного учебника: под заголовками нет строк с номером, наименованием и классом."]
        )
    return entries


# A newer list drops a few titles; one that leaves out most of the catalogue is not the federal list (a school's
# own table, say) and is refused unless asked for on purpose.
MOST_EXCLUDED = 0.5


@transaction.atomic
def import_fpu(file, today=None, allow_mass_exclusion=False):
    """Bring the catalogue in line with the ФПУ in `file`. FpuImportResult; SpreadsheetError (nothing changed)."""
    today = today or timezone.localdate()
    entries = read_fpu(file)
    known = {textbook.fpu_number: textbook for textbook in Textbook.objects.select_for_update()}
    listed = [number for number, textbook in known.items() if not textbook.excluded]
    dropped = len(set(listed) - {entry["fpu_number"] for entry in entries})
    if listed and dropped > MOST_EXCLUDED * len(listed) and not allow_mass_exclusion:
        raise SpreadsheetError(
            [
                f"В этом файле нет {dropped} из {len(listed)} учебников каталога: похоже, это не федеральный перечень "
                "(или не весь перечень). Ничего не изменено. Если перечень действительно сократился так сильно, "
                "загрузите его с ключом --allow-mass-exclusion."
            ]
        )
    result = FpuImportResult(total=len(entries))
    to_create, to_update = [], []
    for entry in entries:
        textbook = known.pop(entry["fpu_number"], None)
        if textbook is None:
            textbook = Textbook(**entry)
            textbook.set_keys()
            to_create.append(textbook)
            result.created += 1
            continue
        changed = any(getattr(textbook, name) != entry[name] for name in FIELDS)
        if textbook.excluded:
            textbook.excluded, textbook.excluded_on = False, None
            result.restored += 1
            changed = True
        if changed:
            for name in FIELDS:
                setattr(textbook, name, entry[name])
            textbook.set_keys()
            textbook.updated_at = timezone.now()
            to_update.append(textbook)
            result.updated += 1
        else:
            result.unchanged += 1
    for textbook in known.values():  # in the catalogue, not in this list
        if not textbook.excluded:
            textbook.excluded, textbook.excluded_on = True, today
            textbook.updated_at = timezone.now()
            to_update.append(textbook)
            result.excluded += 1
            result.excluded_numbers.append(textbook.fpu_number)
    Textbook.objects.bulk_create(to_create, batch_size=500)
    Textbook.objects.bulk_update(
        to_update,
        FIELDS + ["excluded", "excluded_on", "title_key", "author_key", "search_text", "updated_at"],
        batch_size=500,
    )
    return result
