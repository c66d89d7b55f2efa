"""A school's entries to a contest as an XLSX: the template a librarian fills in, and the upload of it.

The upload takes the table as people really make it, not only the template: the header may stand below a title
row (merged cells, a second header row under «Участник»), its columns are known by their wording in any order
(«Фамилия участника», «ФИО», «Кл.», «Возрастная группа», «Педагог»…), a grade is «5», 5.0, «5а», «5 «А»» or «5
класс», a category is typed in any case, with Ё or Е, with or without spaces and quotes — or left out, when the
grade tells it —, blank rows, a row of column numbers and a closing «Итого» are passed over, and the first
visible sheet with a header is read. «Подготовил(а)» is linked to a person of the association's data bank when
the name is hers (members.names), else kept as written.

It is all or nothing, as the textbook list is (textbooks.spreadsheets, whose limits and reader of sizes it uses):
every row is checked before anything is written, and the file is refused with its problems, each naming the row
as Excel numbers it («Строка 7: класс «12» — такого класса нет (1–11).»): EntriesRefused, a ValidationError
whose `messages` a page lists. The work a file may cause is bounded before it is opened (members.office_files)
and while it is read (read-only, at most the rows the contest still takes).
"""

import dataclasses
import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contests.models import Category, Contest, Entry
from members.models import Person
from members.names import SURNAME, WORD, normalize, parse_name
from members.office_files import OfficeFileRefused, check_office_file
from textbooks.parsing import cell_text
from textbooks.spreadsheets import (
    MAX_COLUMNS,
    MAX_UPLOAD_BYTES,
    ROW_NUMBER_FACTOR,
    XLSX_SIGNATURE,
    SpreadsheetError,
    header_name,
    row_error,
    unreadable,
    xlsx_limits,
)

MAX_ERRORS_SHOWN = 20
# The header is looked for in the first rows of a sheet: a title, a date, a school's name may stand above it.
HEADER_ROWS = 30
MAIN_SHEET = "Заявка"
HELP_SHEET = "Как заполнять"
TEMPLATE_ROWS = 300  # rows of the template the category drop-down covers
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and .doc: the Office formats before 2007

# The columns, by the stems of their wording (as `_words` has a header cell), tried in this order: «Ф.И.О.
# руководителя» is the mentor's, «Название школы» no one's, «Ссылка на работу» not the title.
SCHOOL_STEMS = ("школ", "учрежден", "организац")
MENTOR_STEMS = ("руковод", "педагог", "подготов", "учител", "наставник", "куратор")
LINK_STEMS = ("ссылк", "url", "адрес")
CATEGORY_STEMS = ("номинац", "категор", "возрастн", "направлен")
TITLE_STEMS = ("назван", "наименован", "тема", "произведен")
FULL_NAME_WORDS = ("участник", "ученик", "учащийся", "обучающийся")

SURNAME_FIELD, FIRST_FIELD, GRADE_FIELD = "surname", "first_name", "grade"
FULL_FIELD, PATRONYMIC_FIELD, CATEGORY_FIELD = "full_name", "patronymic", "category"
TITLE_FIELD, LINK_FIELD, MENTOR_FIELD = "work_title", "work_link", "mentor"
# How long a cell may be: what the entry keeps of it (a patronymic and a category are not kept, but matched).
MAX_LENGTHS = {
    SURNAME_FIELD: Entry._meta.get_field("surname").max_length,
    FIRST_FIELD: Entry._meta.get_field("first_name").max_length,
    PATRONYMIC_FIELD: Person._meta.get_field("patronymic").max_length,
    FULL_FIELD: Entry._meta.get_field("surname").max_length + Entry._meta.get_field("first_name").max_length,
    CATEGORY_FIELD: Category._meta.get_field("title").max_length,
    TITLE_FIELD: Entry._meta.get_field("work_title").max_length,
    LINK_FIELD: Entry._meta.get_field("work_link").max_length,
    MENTOR_FIELD: Entry._meta.get_field("mentor_text").max_length,
}

# «5», «5а», «5 А», «5-А», «5 «А»», «5 класс», «5 кл.», «5а класс», «5-й», «5 класс «Б»»
LETTER = r"(?:[«\"'„“]?\s*[А-ЯЁа-яёA-Za-z]\s*[»\"'“”]?)"
GRADE = re.compile(
    rf"(\d{{1,2}})\s*[-–—]?\s*(?:(?:-?\s*(?:й|ый|ой))|{LETTER})?\s*(?:класс[а-яё]*|кл\.?)?\s*{LETTER}?\.?",
    re.IGNORECASE,
)
TWO_WORDS = re.compile(rf"({SURNAME})\s+({WORD})")
TOTAL_WORDS = ("итого", "всего")


class EntriesRefused(SpreadsheetError, ValidationError):
    """The upload refused, nothing written: `messages` lists the problems in Russian, in the file's order —
    at most MAX_ERRORS_SHOWN, then «и ещё 7 ошибок»; `total` is how many there were. A page lists `messages`
    (or a form takes it: form.add_error("file", refusal)); `summary()` is the sentence above the list."""

    def __init__(self, errors):
        errors = list(errors)
        self.total = len(errors)
        shown = errors[:MAX_ERRORS_SHOWN]
        if self.total > len(shown):
            left = self.total - len(shown)
            shown.append(
                ngettext("…и ещё %(count)d ошибка.", "…и ещё %(count)d ошибок.", left) % {"count": left}
            )
        self.errors = shown
        ValidationError.__init__(self, shown)

    def __str__(self):
        return "; ".join(self.errors)

    def summary(self):
        return ngettext(
            "Файл не загружен, ничего не изменено: %(count)d ошибка.",
            "Файл не загружен, ничего не изменено: %(count)d ошибок.",
            self.total,
        ) % {"count": self.total}

    def shown_errors(self):
        return self.errors


# ---------------------------------------------------------------- the template


def _columns(contest):
    """The template's header: the participant's name as the contest needs it, then the work."""
    if contest.for_librarians:
        names = [_("Фамилия"), _("Имя"), _("Отчество")]
        tail = []
    else:
        names = [_("Фамилия"), _("Имя"), _("Класс")]
        tail = [_("Подготовил(а)")]
    return [*names, _("Номинация"), _("Название работы"), _("Ссылка на работу"), *tail]


def entries_template(contest) -> bytes:
    """The XLSX a school fills in: the header, a drop-down of the contest's categories in «Номинация», and a second
    sheet «Как заполнять» with what to write and the categories with their grades."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    categories = list(contest.categories.all())
    columns = _columns(contest)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = MAIN_SHEET
    sheet.append(columns)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    widths = {_("Название работы"): 40, _("Ссылка на работу"): 35, _("Подготовил(а)"): 32, _("Номинация"): 24}
    for index, title in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(title, 16)
    sheet.freeze_panes = "A2"

    help_sheet = workbook.create_sheet(HELP_SHEET)
    help_sheet.column_dimensions["A"].width = 40
    help_sheet.column_dimensions["B"].width = 60
    lines = [
        contest.title,
        _("Заявки принимаются до %(date)s включительно.") % {"date": contest.deadline_text}
        if contest.entry_deadline
        else "",
        "",
        _("Одна строка на листе «%(sheet)s» — один участник. Заголовок не меняйте и не удаляйте.")
        % {"sheet": MAIN_SHEET},
    ]
    if contest.for_librarians:
        lines.append(
            _(
                "Фамилия, имя и отчество — как в банке данных: участник — библиотекарь вашей школы, заявка "
                "свяжется с её карточкой."
            )
        )
    else:
        lines += [
            _("Фамилия и имя — ученика. Класс — число от 1 до 11, можно с буквой: «5», «5а»."),
            _(
                "Подготовил(а) — фамилия, имя, отчество библиотекаря или учителя. Если он есть в банке данных, "
                "заявка свяжется с его карточкой; если нет — имя сохранится как написано."
            ),
        ]
    lines += [
        _("Номинация — выберите из списка. Если оставить пустой, она выбирается по классу (когда подходит одна)."),
        _("Ссылка на работу — адрес в интернете, например https://disk.yandex.ru/…; файл работы можно прикрепить на сайте после загрузки."),
        _("Таблица загружается целиком или не загружается совсем: если в строке ошибка, сайт назовёт её номер."),
        "",
    ]  # fmt: skip
    for line in lines:
        help_sheet.append([line])
    help_sheet["A1"].font = Font(bold=True, size=13)
    help_sheet.append([_("Номинация"), _("Кто участвует")])
    header_row = help_sheet.max_row
    for cell in help_sheet[header_row]:
        cell.font, cell.fill = bold, fill
    for category in categories:
        help_sheet.append([category.title, category.range_text or _("без ограничений по классу")])
    if categories:
        first, last = header_row + 1, header_row + len(categories)
        source = f"{quote_sheetname(HELP_SHEET)}!$A${first}:$A${last}"
        letter = get_column_letter(columns.index(_("Номинация")) + 1)
        choice = DataValidation(type="list", formula1=source, allow_blank=True, showDropDown=False)
        choice.error = _("Выберите номинацию из списка.")
        choice.errorTitle = _("Номинация")
        choice.prompt = _("Выберите номинацию конкурса.")
        choice.showErrorMessage = choice.showInputMessage = True
        sheet.add_data_validation(choice)
        choice.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- the upload


def _words(value):
    """A header cell as lower-case words: «Ф.И.О. участника:» → «ф и о участника», «Кл.» → «кл»."""
    return " ".join(re.sub(r"[\W_]+", " ", header_name(value)).split())


def column_of(value, for_librarians=False):
    """The field a header cell names, or None."""
    key = _words(value)
    if not key:
        return None
    compact, first = key.replace(" ", ""), key.split()[0]
    has = lambda stems: any(stem in key for stem in stems)  # noqa: E731
    if not for_librarians and has(MENTOR_STEMS) and "библиотекар" not in key:
        return MENTOR_FIELD
    if has(SCHOOL_STEMS) or first in ("оу", "оо"):
        return None
    if has(LINK_STEMS):
        return LINK_FIELD
    if has(CATEGORY_STEMS) or first == "группа":
        return CATEGORY_FIELD
    if has(TITLE_STEMS) or key in ("работа", "конкурсная работа"):
        return TITLE_FIELD
    if (
        compact.startswith(("фио", "фамилияимя"))
        or first == "фи"
        or key.startswith("ф и ")
        or first in FULL_NAME_WORDS
        or first.startswith("участник")
    ):
        return FULL_FIELD
    if first == "фамилия":
        return SURNAME_FIELD
    if first == "имя":
        return FIRST_FIELD
    if first.startswith("отчеств"):
        return PATRONYMIC_FIELD
    if first in ("класс", "классы", "кл") or first.startswith("класс"):
        return None if for_librarians else GRADE_FIELD
    return None


def _header_of(values, for_librarians):
    """{field: column index} of the cells of a row that name a field (the first of each); and whether every
    non-empty cell does (a row of the header, not of data)."""
    found, every = {}, True
    for index, value in enumerate(values):
        if not cell_text(value):
            continue
        field = column_of(value, for_librarians)
        if field is None:
            every = False
        else:
            found.setdefault(field, index)
    return found, every


def _is_header(found):
    return (SURNAME_FIELD in found or FULL_FIELD in found) and len(found) >= 2


def _merge(upper, lower):
    """A header of two rows (cells merged down, or «Участник» over «Фамилия | Имя»): the lower row's fields, and
    the upper row's in the columns the lower leaves empty."""
    taken = set(lower.values())
    merged = dict(lower)
    for field, index in upper.items():
        if index not in taken and field not in merged:
            merged[field] = index
    if SURNAME_FIELD in merged and FULL_FIELD in merged:
        del merged[FULL_FIELD]  # the separate columns are the precise ones
    return merged


def _is_numbering(values):
    """A row of column numbers under the header: 1, 2, 3 …"""
    numbers = [value for value in values if cell_text(value)]
    if len(numbers) < 3:
        return False
    try:
        return [int(cell_text(value)) for value in numbers] == list(range(1, len(numbers) + 1))
    except ValueError:
        return False


def _is_total(values):
    first = next((cell_text(value) for value in values if cell_text(value)), "")
    return first.lower().startswith(TOTAL_WORDS)


def _refuse(message):
    return EntriesRefused([message])


def _not_xlsx(head, name):
    """The Russian sentence for a file that is not an .xlsx, by what it is."""
    resave = _("Откройте его в Excel и сохраните как «Книга Excel (.xlsx)».")
    if head.startswith(OLE2_SIGNATURE):
        what = (
            _("Это документ Word старого формата (.doc), а не таблица.")
            if name.endswith(".doc")
            else _("Это файл старого формата Excel (.xls), а нужен .xlsx.")
        )
    elif head.startswith(b"%PDF"):
        what = _("Это PDF, а не таблица Excel: из PDF заявки не читаются.")
    elif name.endswith((".csv", ".txt")) or _looks_like_text(head):
        what = _("Это текстовый файл (CSV или TXT), а не таблица Excel, даже если он назван .xlsx.")
    else:
        what = _("Файл не похож на таблицу .xlsx: возможно, он повреждён или переименован.")
    return _refuse(f"{what} {resave}")


def _looks_like_text(head):
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1251")
        except UnicodeDecodeError:
            return False
    return bool(text) and all(char.isprintable() or char in "\r\n\t" for char in text)


def _not_a_workbook(file):
    """A ZIP that openpyxl cannot read: a Word document or an OpenDocument table said so, else None."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        file.seek(0)
    resave = _("Откройте его в Excel и сохраните как «Книга Excel (.xlsx)».")
    if "word/document.xml" in names:
        return _refuse(
            _("Это документ Word, а не таблица Excel.")
            + " "
            + _("Скопируйте таблицу в Excel и сохраните как «Книга Excel (.xlsx)».")
        )
    if b"opendocument" in mimetype:
        return _refuse(_("Это таблица LibreOffice или OpenOffice (.ods), а нужен .xlsx.") + " " + resave)
    if "xl/workbook.xml" not in names:
        return _refuse(
            _("Файл не похож на таблицу .xlsx: возможно, он повреждён или переименован.") + " " + resave
        )
    return None  # fmt: skip


def _limits(max_rows):
    """textbooks' bounds for a file of `max_rows` rows, its too-many-rows sentence about entries."""
    limits = xlsx_limits(max_rows, MAX_UPLOAD_BYTES, _("заявок на конкурс"))
    message = _(
        "В файле больше %(count)d строк: столько заявок на конкурс не бывает. Проверьте, тот ли это файл."
    ) % {"count": Contest.MOST_ENTRIES}
    limits.counts = [
        dataclasses.replace(count, message=message) if count.tag == b"row" else count
        for count in limits.counts
    ]
    return limits


def _open(file):
    """`file` as a binary file object with a name and a size: an upload as it is, a path opened."""
    if hasattr(file, "read"):
        return file, False
    opened = open(file, "rb")  # noqa: SIM115 — closed by the caller
    return opened, True


def _workbook(file):
    """The file opened read-only by openpyxl, once it is known to be an .xlsx within the limits (members.office_files);
    EntriesRefused otherwise, saying what the file is when it is another kind (.xls, CSV, Word, PDF)."""
    from openpyxl import load_workbook

    name = str(getattr(file, "name", "") or "").lower()
    file.seek(0)
    head = file.read(512)
    file.seek(0)
    try:
        check_office_file(file, _limits(Contest.MOST_ENTRIES + HEADER_ROWS))
    except OfficeFileRefused as refused:
        raise _refuse(str(refused)) from None
    if not head.startswith(XLSX_SIGNATURE):
        raise _not_xlsx(head, name)
    if refusal := _not_a_workbook(file):
        raise refusal
    try:
        workbook = load_workbook(file, read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises zip, XML, key and value errors alike for a malformed file
        raise EntriesRefused(unreadable().errors) from None
    return workbook


class _Context:
    """What reading one contest's file needs: the contest's categories, the people to match names to, what the
    school has entered already."""

    def __init__(self, contest, school):
        self.contest, self.school = contest, school
        self.librarians = contest.for_librarians
        self.categories = list(contest.categories.all())
        self.by_key = {}
        for category in self.categories:
            self.by_key.setdefault(category_key(category.title), category)
        people = Person.objects.filter(association_id=contest.association.pk)
        if self.librarians:
            people = people.filter(school=school)
        self.people = {}
        for person in people.only(
            "pk",
            "surname",
            "first_name",
            "patronymic",
            "initials",
            "is_active",
            "school_id",
            "association_id",
        ):
            self.people.setdefault(normalize(person.surname), []).append(person)
        self.taken = {}
        for entry in Entry.objects.filter(contest=contest, school=school):
            self.taken[self.entry_key(entry)] = None

    def entry_key(self, entry):
        if entry.participant_id:
            return ("person", entry.participant_id, entry.category_id)
        return (normalize(entry.surname), normalize(entry.first_name), entry.category_id)


def category_key(text):
    """A category for matching: lower case, Ё as Е, no spaces, quotes or dots, every dash a hyphen."""
    text = cell_text(text).lower().replace("ё", "е")
    text = re.sub(r"[–—−‐]", "-", text)
    return re.sub(r"[\s«»\"'„“”.]+", "", text)


def parse_grade(value):
    """The grade of a cell: 5, 5.0, «5», «5а», «5 «А»», «5 класс»; ValueError with the Russian phrase."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_text(value)
    if not text:
        raise ValueError(_("не указан класс"))
    match = GRADE.fullmatch(text) if not isinstance(value, float) else None
    if not match:
        raise ValueError(_("класс «%(text)s» — не число вроде «5» или «5а»") % {"text": _shown(text)})
    grade = int(match.group(1))
    if not 1 <= grade <= 11:
        raise ValueError(_("класс «%(text)s» — такого класса нет (1–11)") % {"text": _shown(text)})
    return grade


def _shown(text, most=40):
    """A cell's text short enough to quote in a message."""
    text = cell_text(text)
    return text if len(text) <= most else text[: most - 1] + "…"


def _fits(person, first, patronymic, initials):
    """Whether the person of the data bank is the one of this name (her surname already matches)."""
    have = normalize(person.initials)
    typed = normalize(initials) or (normalize(first)[:1] + normalize(patronymic)[:1])
    if first and person.first_name and normalize(person.first_name) != normalize(first):
        return False
    if patronymic and person.patronymic and normalize(person.patronymic) != normalize(patronymic):
        return False
    if not typed:
        return True
    return (
        have == typed
        or (len(typed) == 1 and have.startswith(typed))
        or (len(have) == 1 and typed.startswith(have))
    )


def _find_person(context, surname, first="", patronymic="", initials=""):
    """The one person of `context` of this name, or None (nobody, or several and none told apart)."""
    found = [p for p in context.people.get(normalize(surname), []) if _fits(p, first, patronymic, initials)]
    if len(found) > 1:
        found = [person for person in found if person.is_active] or found
    return found[0] if len(found) == 1 else None


def _mentor(context, text):
    """(Person, "") when «Подготовил(а)» is one person of the data bank, else (None, text as written)."""
    try:
        name = parse_name(text)
    except ValueError:
        match = TWO_WORDS.fullmatch(text)
        person = _find_person(context, match[1], match[2]) if match else None
    else:
        person = _find_person(context, name.surname, name.first_name, name.patronymic, name.initials)
    return (person, "") if person else (None, text)


def _clean_link(text):
    """A link as typed — «disk.yandex.ru/…» gets its https:// —; ValueError unless it is a web address."""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        text = "https://" + text
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise ValueError from None
    return text


class _Row:
    """One data row read into an Entry, the problems of it collected in `errors`."""

    def __init__(self, context, header, number, values):
        self.context, self.header, self.number, self.values = context, header, number, values
        self.errors = []

    def text(self, field):
        index = self.header.get(field)
        if index is None or index >= len(self.values):
            return ""
        return cell_text(self.values[index])

    def raw(self, field):
        index = self.header.get(field)
        return self.values[index] if index is not None and index < len(self.values) else None

    def error(self, message):
        self.errors.append(row_error(self.number, message) + ".")

    def too_long(self):
        """Every cell longer than its field takes, named: a 200,000-character cell is a row's problem."""
        long = False
        for field, most in MAX_LENGTHS.items():
            length = len(self.text(field))
            if length > most:
                self.error(
                    _("в столбце «%(column)s» %(length)d знаков, а можно не больше %(most)d")
                    % {"column": header_label(field), "length": length, "most": most}
                )
                long = True
        return long

    def entry(self):
        context = self.context
        if self.too_long():
            return None
        entry = Entry(contest=context.contest, school=context.school)
        if context.librarians:
            self.read_librarian(entry)
        else:
            self.read_pupil(entry)
        entry.category = self.read_category(entry.grade)
        entry.work_title = self.text(TITLE_FIELD)
        if not entry.work_title:
            self.error(_("не указано название работы"))
        link = self.text(LINK_FIELD)
        if link:
            try:
                entry.work_link = _clean_link(link)
            except ValueError:
                self.error(
                    _("ссылка «%(link)s» — не адрес в интернете (нужно https://…)") % {"link": _shown(link)}
                )
            else:
                if len(entry.work_link) > MAX_LENGTHS[LINK_FIELD]:
                    self.error(_("ссылка длиннее %(most)d знаков") % {"most": MAX_LENGTHS[LINK_FIELD]})
        mentor = self.text(MENTOR_FIELD)
        if mentor and not context.librarians:
            entry.mentor, entry.mentor_text = _mentor(context, mentor)
        return None if self.errors else entry

    def names(self):
        """(surname, first name, patronymic) from the separate columns or the one «ФИО»."""
        surname, first, patronymic = (
            self.text(SURNAME_FIELD),
            self.text(FIRST_FIELD),
            self.text(PATRONYMIC_FIELD),
        )
        if FULL_FIELD in self.header and not surname:
            words = self.text(FULL_FIELD).split()
            surname, first = (words[0], words[1]) if len(words) >= 2 else ("".join(words), "")
            patronymic = " ".join(words[2:]) or patronymic
        elif surname and not first and len(surname.split()) >= 2:  # «Иванова Мария» in «Фамилия»
            words = surname.split()
            surname, first = words[0], words[1]
            patronymic = patronymic or " ".join(words[2:])
        return surname, first, patronymic

    def read_pupil(self, entry):
        surname, first, _patronymic = self.names()
        if not surname:
            self.error(_("не указана фамилия"))
        elif not first:
            self.error(_("«%(name)s» — нужны фамилия и имя") % {"name": _shown(surname)})
        entry.surname, entry.first_name = surname, first
        try:
            entry.grade = parse_grade(self.raw(GRADE_FIELD))
        except ValueError as problem:
            self.error(str(problem))

    def read_librarian(self, entry):
        surname, first, patronymic = self.names()
        if not surname:
            self.error(_("не указана фамилия"))
            return
        initials = ""
        if not first:
            try:
                parsed = parse_name(surname)  # «Куклина Н.Н.» in one cell
            except ValueError:
                pass
            else:
                surname, initials = parsed.surname, parsed.initials
        person = _find_person(self.context, surname, first, patronymic, initials)
        if person is None:
            name = " ".join(part for part in (surname, first, patronymic, initials) if part)
            self.error(
                _("«%(name)s» — такого библиотекаря вашей школы нет в банке данных: проверьте, как написано имя, или сначала добавьте её карточку")
                % {"name": _shown(name)}
            )  # fmt: skip
        entry.participant = person

    def read_category(self, grade):
        context, typed = self.context, self.text(CATEGORY_FIELD)
        if typed:
            category = context.by_key.get(category_key(typed))
            if category is None:
                self.error(
                    _("номинация «%(typed)s» — такой в конкурсе нет; есть %(choices)s")
                    % {"typed": _shown(typed), "choices": _listed(context.categories)}
                )
                return None
            if grade is not None and not category.takes(grade):
                self.error(
                    _("%(grade)d класс не подходит к номинации «%(category)s» (%(range)s)")
                    % {"grade": grade, "category": category.title, "range": category.range_text}
                )
            return category
        if grade is None and not context.librarians:
            return None  # the grade's own problem is told
        fitting = [category for category in context.categories if category.takes(grade)]
        if len(fitting) == 1:
            return fitting[0]
        if not fitting:
            self.error(
                _("%(grade)d класс не подходит ни к одной номинации конкурса: %(choices)s")
                % {"grade": grade, "choices": _listed(context.categories, ranges=True)}
            )
        else:
            self.error(
                _("не указана номинация: выберите одну из %(choices)s") % {"choices": _listed(fitting)}
            )
        return None


def header_label(field):
    return {
        SURNAME_FIELD: _("Фамилия"),
        FIRST_FIELD: _("Имя"),
        PATRONYMIC_FIELD: _("Отчество"),
        FULL_FIELD: _("ФИО"),
        CATEGORY_FIELD: _("Номинация"),
        TITLE_FIELD: _("Название работы"),
        LINK_FIELD: _("Ссылка на работу"),
        MENTOR_FIELD: _("Подготовил(а)"),
        GRADE_FIELD: _("Класс"),
    }[field]


def _listed(categories, ranges=False):
    def one(category):
        if ranges and category.range_text:
            return f"«{category.title}» ({category.range_text})"
        return f"«{category.title}»"

    return ", ".join(one(category) for category in categories)


def _missing_columns(header, librarians):
    """The header's problems: the columns a row needs that it has not."""
    problems = []
    if SURNAME_FIELD not in header and FULL_FIELD not in header:
        problems.append(_("нет столбца «Фамилия» (или «ФИО»)"))
    if not librarians and GRADE_FIELD not in header:
        problems.append(_("нет столбца «Класс»"))
    if TITLE_FIELD not in header:
        problems.append(_("нет столбца «Название работы»"))
    return problems


def read_entries(file, contest, school) -> list:
    """The unsaved Entries of `school` the file holds, every row checked; EntriesRefused listing the problems,
    each with its row as Excel numbers it, when there is one. `file`: an upload, a binary file object or a path."""
    if not contest.categories.exists():
        raise _refuse(_("Сначала руководитель должна задать номинации конкурса — потом загружайте заявки."))
    already = Entry.objects.filter(contest=contest).count()
    room = Contest.MOST_ENTRIES - already
    if room <= 0:
        raise _refuse(
            _("На конкурс уже подано %(count)d заявок — больше не принимается.") % {"count": already}
        )
    file, opened = _open(file)
    try:
        workbook = _workbook(file)
        try:
            header, rows = _read_workbook(workbook, contest, room)
        except EntriesRefused:
            raise
        except Exception:
            raise EntriesRefused(unreadable().errors) from None
        finally:
            workbook.close()
    finally:
        if opened:
            file.close()
    context = _Context(contest, school)
    errors, entries, seen = [], [], {}
    for number, values in rows:
        row = _Row(context, header, number, values)
        entry = row.entry()
        if entry is not None:
            key = context.entry_key(entry)
            name = entry.participant.full_name if entry.participant_id else entry.name
            if key in seen:
                row.error(
                    _("«%(name)s» в номинации «%(category)s» уже есть в строке %(row)d")
                    % {"name": _shown(name), "category": entry.category.title, "row": seen[key]}
                )
            elif key in context.taken:
                row.error(
                    _("«%(name)s» в номинации «%(category)s» уже есть в заявках школы на этот конкурс")
                    % {"name": _shown(name), "category": entry.category.title}
                )
            else:
                seen[key] = number
                entries.append(entry)
        errors += row.errors
    if errors:
        raise EntriesRefused(errors)
    if not entries:
        raise _refuse(
            _(
                "В таблице нет ни одного участника: под заголовком заполните строки — одна строка, один участник."
            )
        )
    return entries


def _read_workbook(workbook, contest, room):
    """(header, data rows) of the first visible sheet with a header, reading at most `room` + 1 data rows and
    (room + HEADER_ROWS) × ROW_NUMBER_FACTOR rows of the sheet."""
    librarians = contest.for_librarians
    sheets = [sheet for sheet in workbook.worksheets if getattr(sheet, "sheet_state", "visible") == "visible"]
    most_numbers = (room + HEADER_ROWS) * ROW_NUMBER_FACTOR
    too_many = _refuse(
        _(
            "В файле больше участников, чем конкурс ещё примет: можно подать ещё %(count)d, а всего на конкурс "
            "принимается не больше %(most)d заявок."
        )
        % {"count": room, "most": Contest.MOST_ENTRIES}
    )
    for sheet in sheets:
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # the size the sheet declares is not trusted
        header, previous, rows, numbering = None, None, [], True
        for number, values in enumerate(
            sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            if number > most_numbers:
                raise too_many
            if header is None:
                if number > HEADER_ROWS:
                    break
                if not any(cell_text(value) for value in values):
                    previous = None
                    continue
                found, _every = _header_of(values, librarians)
                if _is_header(found):
                    header = _merge(previous[0], found) if previous else found
                else:
                    previous = (found, number)
                continue
            if not any(cell_text(values[index]) for index in header.values() if index < len(values)):
                continue  # a blank row, or one numbered in «№» only
            found, every = _header_of(values, librarians)
            if not rows and every and found:  # the header's second row: «Фамилия | Имя» under «Участник»
                header = _merge(header, found)
                continue
            if numbering and not rows and _is_numbering(values):
                numbering = False
                continue
            if _is_total(values):
                continue
            rows.append((number, list(values)))
            if len(rows) > room:
                raise too_many
        if header is not None:
            problems = _missing_columns(header, librarians)
            if problems:
                raise EntriesRefused(
                    [_("В заголовке таблицы %(problems)s. Возьмите за образец шаблон заявки.") % {"problems": "; ".join(problems)}]
                )  # fmt: skip
            return header, rows
    raise _refuse(
        _(
            "В таблице не найден заголовок: в одной из первых %(rows)d строк нужны столбцы «Фамилия», «Имя», "
            "«Класс», «Номинация», «Название работы». Возьмите за образец шаблон заявки."
        )
        % {"rows": HEADER_ROWS}
        if not librarians
        else _(
            "В таблице не найден заголовок: в одной из первых %(rows)d строк нужны столбцы «Фамилия», «Имя», "
            "«Отчество», «Номинация», «Название работы». Возьмите за образец шаблон заявки."
        )
        % {"rows": HEADER_ROWS}
    )


def import_entries(file, contest, school) -> int:
    """Every entry of the file saved, or none (EntriesRefused): one transaction, the contest locked so that two
    uploads at once do not pass its limit together. Whether the contest takes entries now is the caller's to ask."""
    with transaction.atomic():
        Contest.objects.select_for_update().filter(pk=contest.pk).first()
        entries = read_entries(file, contest, school)
        for entry in entries:
            entry.save()
    return len(entries)
