"""A school's list of surplus textbooks, loaded from the XLSX the librarian keeps.

The first non-empty row is the header; its columns are recognised by their Russian names, in
any order: Предмет, Класс, Автор / Авторы, Наименование / Название, Издательство, Год издания,
Количество / Кол-во / Кол-во экз. / Экз. / Количество, шт. / шт., Состояние (and Примечание, № ФПУ, which
the bank's own export writes); dots, commas and brackets in a name do not matter. A column with another
name is named back and ignored. Наименование, Класс and Количество are required. Values are taken as
librarians type them: «5-7 кл.», «15 шт.», «хор.» (the condition; «Состояние» left empty means «хорошее»).

Every row is checked before anything is written; a file with any bad row is refused whole,
with the list of the bad rows and why («Строка 5: не указано количество»). A row's textbook is
linked to the Federal List when its ФПУ number is given, or when its title, first author and
grade match one catalogue entry; the title and authors stay as the school typed them.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext, ngettext

from textbooks import keys
from textbooks.models import Offer, Textbook
from textbooks.parsing import cell_text, parse_choice, parse_count, parse_grades, parse_year, word_key
from textbooks.spreadsheets import SpreadsheetError, header_name, read_rows, row_error

COLUMNS = {
    "subject": {"предмет", "учебный предмет"},
    "grade": {"класс", "классы"},
    "authors": {"автор", "авторы", "автор (авторский коллектив)", "авторский коллектив", "автор(ы)"},
    "title": {"наименование", "название", "наименование учебника", "название учебника"},
    "publisher": {"издательство", "издатель", "наименование издателя"},
    "year": {"год издания", "год"},
    "copies": {
        "количество",
        "кол-во",
        "кол-во экз",
        "количество экз",
        "количество экземпляров",
        "кол-во экземпляров",
        "экземпляров",
        "экз",
        "шт",
        "количество шт",
        "кол-во шт",
    },
    "condition": {"состояние", "состояние учебников", "состояние учебника", "состояние экземпляров"},
    "note": {"примечание", "примечания"},
    "fpu_number": {"№ фпу", "номер в фпу", "номер фпу", "№ в фпу"},
}
REQUIRED = {"title": "Наименование", "grade": "Класс", "copies": "Количество"}
# What librarians type in «Состояние», as word_key has it; the choices' own labels (the bank's export) too.
CONDITION_WORDS = {
    Offer.Condition.NEW: {"новые", "новый", "новое", "новая", "нов"},
    Offer.Condition.GOOD: {"хорошее", "хорошие", "хороший", "хорошая", "хорошо", "хор"},
    Offer.Condition.FAIR: {
        "удовлетворительное", "удовлетворительные", "удовлетворительный", "удовлетворительная", "удовлетворительно",
        "удовлетв", "удовл", "уд",
    },
    Offer.Condition.WORN: {
        "требуют ремонта", "требует ремонта", "треб. ремонта", "нужен ремонт", "нуждаются в ремонте",
        "нуждается в ремонте", "ветхие", "ветхий", "ветхое", "ветхая", "ветх",
    },
}  # fmt: skip


def condition_words():
    """word_key(typed) → Offer.Condition, with each choice's label (read when asked: the labels are translated)."""
    words = {word: condition for condition, typed in CONDITION_WORDS.items() for word in typed}
    words.update((word_key(label), condition) for condition, label in Offer.Condition.choices)
    return words


def column_key(name):
    """A header_name for looking up in COLUMNS: dots, commas, semicolons and brackets as spaces, so «Количество,
    шт.», «Количество (шт.)» and «количество шт» are one."""
    return " ".join(re.sub(r"[.,;()]+", " ", name).split())


COLUMN_KEYS = {column: {column_key(name) for name in names} for column, names in COLUMNS.items()}


@dataclass
class OffersImportResult:
    offers: list = field(default_factory=list)
    ignored_columns: list = field(default_factory=list)
    linked: int = 0

    def ignored_message(self):
        """«2 столбца не распознаны и пропущены: «Шифр», «№ п/п».»; "" when every column was recognised."""
        count = len(self.ignored_columns)
        if not count:
            return ""
        return ngettext(
            "%(count)d столбец не распознан и пропущен: %(names)s.",
            "%(count)d столбцов не распознаны и пропущены: %(names)s.",
            count,
        ) % {"count": count, "names": ", ".join(f"«{name}»" for name in self.ignored_columns)}

    @property
    def count(self):
        return len(self.offers)

    @property
    def copies(self):
        return sum(offer.copies for offer in self.offers)

    def message(self):
        """«Загружено 6 предложений, 110 экземпляров; 4 из них найдены в ФПУ.»"""
        from textbooks.services import copies_text

        text = ngettext("Загружено %(count)d предложение", "Загружено %(count)d предложений", self.count) % {
            "count": self.count
        }
        text += ", " + copies_text(self.copies)
        if self.linked:
            text += "; " + ngettext(
                "%(count)d из них найдено в ФПУ", "%(count)d из них найдены в ФПУ", self.linked
            ) % {"count": self.linked}
        return text + "."


def map_header(values):
    """{column: cell index}, [names of the columns not recognised]; SpreadsheetError for a missing or doubled column."""
    columns, ignored, errors = {}, [], []
    for position, value in enumerate(values):
        name = header_name(value)
        if not name:
            continue
        key = column_key(name)
        column = next((column for column, names in COLUMN_KEYS.items() if key in names), None)
        if column is None:
            ignored.append(cell_text(value))
        elif column in columns:
            errors.append(f"Столбец «{cell_text(value)}» повторяется: оставьте в заголовке один.")
        else:
            columns[column] = position
    for column, label in REQUIRED.items():
        if column not in columns:
            errors.append(
                f"В первой строке (заголовке) нет столбца «{label}»: назовите столбцы так, как в образце."
            )
    if errors:
        raise SpreadsheetError(errors)
    return columns, ignored


def catalogue_index(textbooks=None):
    """(title key, author key) → catalogue entries (of `textbooks`, the whole list by default), for linking rows
    to the ФПУ: one query."""
    index = defaultdict(list)
    textbooks = Textbook.objects.all() if textbooks is None else textbooks
    for textbook in textbooks.only(
        "pk", "fpu_number", "title_key", "author_key", "grade_from", "grade_to", "excluded", "subject"
    ):
        index[(textbook.title_key, textbook.author_key)].append(textbook)
    return index


def find_typed(title, authors, grade_from, grade_to):
    """The catalogue entry a textbook typed by hand (an offer's or a need's form) is, by the rule an XLSX row is
    linked by (find_in_catalogue), or None: one query, of the entries with the title's and the author's keys."""
    title_key, author_key = keys.title_key(title), keys.author_key(authors)
    if not title_key or grade_from is None:
        return None
    index = catalogue_index(Textbook.objects.filter(title_key=title_key, author_key=author_key))
    return find_in_catalogue(index, title, authors, grade_from, grade_to)


def find_in_catalogue(index, title, authors, grade_from, grade_to):
    """The entry of `index` with the row's title and first author whose grades take in the row's: the one still
    listed when the newer list dropped the others, or None when there is no such entry or more than one."""
    candidates = [
        textbook for textbook in index.get((keys.title_key(title), keys.author_key(authors)), [])
        if textbook.grade_from <= grade_from and grade_to <= textbook.grade_to
    ]  # fmt: skip
    listed = [textbook for textbook in candidates if not textbook.excluded]
    if len(listed) == 1:
        return listed[0]
    return candidates[0] if len(candidates) == 1 else None


# A school's surplus list: hundreds of rows at most.
MAX_OFFER_ROWS = 5000
NOTE_LENGTH = Offer._meta.get_field("note").max_length


def read_offers(file, school, today=None):
    """Unsaved Offers of `school` from the file, and the ignored columns. SpreadsheetError listing every bad row."""
    rows = read_rows(file, max_rows=MAX_OFFER_ROWS, what=gettext("списка учебников школы"))
    if not rows:
        raise SpreadsheetError(["Файл пустой: в первой строке нужны заголовки столбцов, ниже — учебники."])
    (_header_row, header), data = rows[0], rows[1:]
    columns, ignored = map_header(header)

    def value(values, column):
        position = columns.get(column)
        return values[position] if position is not None and position < len(values) else None

    # Only the entries a row can match: those with one of the file's title keys (a school's list is a few hundred
    # rows, the federal list tens of thousands).
    title_keys = {keys.title_key(cell_text(value(values, "title"))) for _n, values in data} - {""}
    index = catalogue_index(Textbook.objects.filter(title_key__in=title_keys))
    numbers = {}
    if "fpu_number" in columns:
        wanted = {cell_text(value(values, "fpu_number")).rstrip(".") for _n, values in data} - {""}
        numbers = {
            textbook.fpu_number: textbook for textbook in Textbook.objects.filter(fpu_number__in=wanted)
        }

    conditions = condition_words()
    condition_labels = [str(label) for label in Offer.Condition.labels]
    offers, errors, linked = [], [], 0
    for row_number, values in data:
        problems = []
        title = cell_text(value(values, "title"))
        authors = cell_text(value(values, "authors"))
        if not title:
            problems.append("не указано наименование")
        elif len(title) > 500:
            problems.append("наименование длиннее 500 знаков")
        try:
            grade_from, grade_to = parse_grades(value(values, "grade"))
        except ValueError as error:
            problems.append(str(error))
            grade_from = grade_to = None
        try:
            year = parse_year(value(values, "year"), today)
        except ValueError as error:
            problems.append(str(error))
            year = None
        try:
            copies = parse_count(value(values, "copies"))
        except ValueError as error:
            problems.append(str(error))
            copies = None
        try:
            condition = parse_choice(
                value(values, "condition"),
                conditions,
                "состояние",
                condition_labels,
                default=Offer.Condition.GOOD,
            )
        except ValueError as error:
            problems.append(str(error))
            condition = None
        note = cell_text(value(values, "note"))
        if len(note) > NOTE_LENGTH:
            problems.append(f"примечание длиннее {NOTE_LENGTH} знаков")
        number = cell_text(value(values, "fpu_number")).rstrip(".")
        if number and number not in numbers:
            problems.append(f"номера «{number}» нет в федеральном перечне учебников")
        if problems:
            errors.extend(row_error(row_number, problem) for problem in problems)
            continue
        textbook = (
            numbers.get(number) if number else find_in_catalogue(index, title, authors, grade_from, grade_to)
        )
        linked += textbook is not None
        offer = Offer(
            school=school, textbook=textbook, title=title, authors=authors[:500],
            publisher=cell_text(value(values, "publisher"))[:300], subject=cell_text(value(values, "subject"))[:200],
            grade_from=grade_from, grade_to=grade_to, year_published=year, copies=copies, available=copies,
            condition=condition, note=note,
        )  # fmt: skip
        if not offer.subject and textbook is not None:
            offer.subject = textbook.subject
        offer.set_keys()
        offers.append(offer)
    if errors:
        raise SpreadsheetError(errors)
    if not offers:
        raise SpreadsheetError(["Под заголовком нет ни одного учебника."])
    return OffersImportResult(offers=offers, ignored_columns=ignored, linked=linked)


@transaction.atomic
def import_offers(file, school, today=None):
    """Add the file's offers to `school`'s, all or none. OffersImportResult; SpreadsheetError (nothing written)."""
    result = read_offers(file, school, today)
    result.offers = Offer.objects.bulk_create(result.offers)
    return result
