"""The association's work plan from a document: a Word table exported as text (.txt) or the .docx itself.

Both formats become the same lines of cells and go through one parser:

    Единая городская методическая тема → Тема → Цель → Задачи → Ожидаемые результаты   (header rows)
    Содержание работы                                                                   (title)
    №/п | Мероприятие | Сроки проведения | Ответственный                                (table header)
    I. Организационная деятельность                                                     (section)
    1. | Утверждение плана… | 11.09.2023г. | Саблина В.И                                (event)
       | …continued after a page break   |              | ГТО ШБ                         (continuation)
    Руководитель ГТО ШБ  Саблина В.И.                                                   (signature)

`parse_plan_text` / `parse_plan_docx` give a PlanDocument; `save_plan` writes it;
`import_plan_file` does both for a file on disk.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import ProtectedError
from simple_history.utils import bulk_create_with_history

from events.models import Event, Plan, Responsible, Section, academic_year_name
from members.names import PRINTED_NAME, parse_name, parse_names
from members.office_files import Count, OfficeFileRefused, OfficeLimits, check_office_file
from members.services import find_or_create_person


class PlanImportError(Exception):
    """A plan file that cannot be imported; the message is Russian and names the line."""

    def __init__(self, message, line=None, where=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.where = where or (f"Строка {line}" if line is not None else None)

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class EventData:
    title: str
    dates_text: str
    responsible_text: str
    names: list = field(default_factory=list)  # [PrintedName]
    line: int | None = None
    number: int | None = None


@dataclass
class SectionData:
    title: str
    events: list = field(default_factory=list)  # [EventData]
    line: int | None = None


@dataclass
class PlanDocument:
    year_start: int | None = None
    city_theme: str = ""
    theme: str = ""
    goal: str = ""
    tasks: list = field(default_factory=list)  # [(task, [sub-point, …])]
    results: list = field(default_factory=list)  # [str]
    head_post: str = ""
    head_name: str = ""
    sections: list = field(default_factory=list)  # [SectionData]
    warnings: list = field(default_factory=list)  # [str]

    @property
    def events(self):
        return [event for section in self.sections for event in section.events]

    def tasks_text(self):
        """Plan.tasks: a task per line, each sub-point on its own line after it, starting with «- »."""
        lines = []
        for task, points in self.tasks:
            lines.append(task)
            lines.extend(f"- {point}" for point in points)
        return "\n".join(lines)

    def results_text(self):
        return "\n".join(self.results)


@dataclass
class ImportResult:
    plan: Plan
    created_persons: list = field(default_factory=list)  # [Person], in the order the plan first names them
    warnings: list = field(default_factory=list)


@dataclass
class SourceLine:
    """One row of the document: its cells, and how an error message points at it."""

    number: int
    cells: list
    where: str
    paragraph: bool = False  # a .docx paragraph outside any table

    def error(self, message):
        return PlanImportError(message, line=self.number, where=self.where)


# ---------------------------------------------------------------- reading the text

HEADER_KEYS = {
    "единая городская методическая тема": "city_theme",
    "методическая тема гто шб": "theme",
    "цель": "goal",
    "задачи": "tasks",
    "ожидаемые результаты": "results",
}
HEADER_KEY = re.compile(
    r"^\s*(" + "|".join(re.escape(key).replace(r"\ ", r"\s+") for key in HEADER_KEYS) + r")\s*(?::\s*|$)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
CONTENTS_TITLE = re.compile(r"^\s*содержание\s+работы\s*:?\s*$", re.IGNORECASE)
DOCUMENT_TITLE = re.compile(r"^\s*план\s+работы\b", re.IGNORECASE)
EVENT_NUMBER = re.compile(r"^\s*(\d+)\s*\.?\s*$")
ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Cyrillic look-alikes Word users type for Roman numerals: «І», «Х».
ROMAN_LOOKALIKES = str.maketrans({"І": "I", "Х": "X"})
SECTION = re.compile(r"^\s*([IVXLCІХ]+)\s*\.\s*(.*?)\s*$")
SIGNATURE = re.compile(rf"^(?P<post>.*?\S)\s+(?P<name>{PRINTED_NAME.pattern})\s*$")
ACADEMIC_YEAR = re.compile(r"(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)")
TABLE_COLUMNS = 4
BREAK = "\n"  # where a cell's paragraphs, <br>, <ul>, <li> … were


def _roman_value(numeral):
    numeral = numeral.translate(ROMAN_LOOKALIKES)
    total = 0
    for index, letter in enumerate(numeral):
        value = ROMAN_DIGITS[letter]
        if index + 1 < len(numeral) and ROMAN_DIGITS[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _spaces(text):
    return re.sub(r"\s+", " ", text).strip()


def _untag(text, breaks=BREAK):
    """The cell's text without HTML: block tags become `breaks`, the rest a space; entities decoded.
    (A tag ends at the next «<» too: else a cell of a thousand «<» costs the square of its length.)"""
    text = re.sub(r"<\s*(?:/\s*)?(?:br|p|div|li|ul|ol)\b[^<>]*>", breaks, text, flags=re.IGNORECASE)
    text = re.sub(r"<[^<>]*>", " ", text)
    return html.unescape(text).replace("\xa0", " ")


def _plain(text):
    """A header cell as text: one line per paragraph."""
    lines = (_spaces(line) for line in _untag(text).split(BREAK))
    return "\n".join(line for line in lines if line)


def _cell(text):
    """An event cell as one line: paragraphs joined by spaces."""
    return _spaces(_untag(text, " "))


# A sub-point starts with a dash at the start of the text or a paragraph, or after «:», «;», «.»:
# «…через: - распространение…; - организацию…». «ИКТ - компетентности» is not one.
SUB_POINT = re.compile(r"(?:^|(?<=[\n;:.]))[^\S\n]*[-–—•]\s+")


def _item_with_points(segment):
    parts = SUB_POINT.split(segment)
    item = _spaces(parts[0])
    return item, [_spaces(part) for part in parts[1:] if _spaces(part)]


def _list_items(text):
    """«<ol> 1. Task <ul> - point - point 2. Task …» → [(task, [point, …]), …].

    Items are found by their numbers counting 1, 2, 3 … (a number followed by a dot,
    after a space: «2.Повышение», «3. Привлекать»); text without numbers is read a
    paragraph per item, a paragraph starting with a dash being a sub-point.
    """
    text = _untag(text)
    starts = []
    # A list Word numbers on from an earlier one («7. … 8. …») starts where it starts.
    leading = re.match(r"\s*(\d+)\.(?!\d)", text)
    number, pos = int(leading[1]) if leading else 1, 0
    while match := re.compile(rf"(?:^|(?<=\s)){number}\.(?!\d)\s*").search(text, pos):
        starts.append((match.start(), match.end()))
        number, pos = number + 1, match.end()
    items = []
    if starts:
        preamble = text[: starts[0][0]]
        if _spaces(preamble):
            items.append(_item_with_points(preamble))
        for index, (_, body_start) in enumerate(starts):
            body_end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            items.append(_item_with_points(text[body_start:body_end]))
        return [(item, points) for item, points in items if item or points]
    for paragraph in text.split(BREAK):
        item, points = _item_with_points(paragraph)
        if not item and points and items:
            items[-1][1].extend(points)
        elif item or points:
            items.append((item, points) if item else (points[0], points[1:]))
    return items


def _year_of(text):
    """The most frequent «YYYY-YYYY» of consecutive years in the text, or None."""
    years = Counter(int(first) for first, last in ACADEMIC_YEAR.findall(text) if int(last) == int(first) + 1)
    return years.most_common(1)[0][0] if years else None


def _names(line, text):
    # A cell may list the names one per paragraph with bullets: «• Саблина В.И.»
    text = re.sub(r"(?:^|(?<=\n))[^\S\n]*[-–—•][^\S\n]*", " ", _untag(text))
    try:
        return parse_names(_spaces(text))
    except ValueError as error:
        raise line.error(f"в графе «Ответственный» {error}.") from None


DATES_LENGTH = Event._meta.get_field("dates_text").max_length
TITLE_LENGTH = Event._meta.get_field("title").max_length
SECTION_TITLE_LENGTH = Section._meta.get_field("title").max_length
HEADER_FIELDS = {"city_theme": "Единая городская методическая тема", "theme": "Методическая тема", "goal": "Цель",
                 "tasks": "Задачи", "results": "Ожидаемые результаты"}
# Bounds on the work a file may cause: its size, what a .docx unpacks into and the elements python-docx would
# build of it (members.office_files), the rows and paragraphs read, the length of one cell.
MAX_PLAN_BYTES = 5 * 1024 * 1024
MAX_LINES = 20000
MAX_COLUMNS = 64
MAX_CELLS = 30000  # a plan of 500 events is 3,000 cells
MAX_CELL_CHARS = 20000  # the longest text of a plan, its tasks, is at most 10,000
TOO_LONG = "В документе больше {max} строк и абзацев — план работы столько не занимает. Проверьте, тот ли это файл."
DOCX_LIMITS = OfficeLimits(
    what="плана работы", max_bytes=MAX_PLAN_BYTES, max_unpacked=60 * 1024 * 1024, max_part=15 * 1024 * 1024,
    counts=[  # over all the parts, whatever they are called (python-docx finds them through the relationships)
        Count(b"p", MAX_LINES, TOO_LONG.format(max=MAX_LINES)),
        Count(b"tc", MAX_CELLS, f"В таблицах документа больше {MAX_CELLS} ячеек — план работы столько не занимает."),
        Count(b"style", 5000),
        Count(None, 300_000),
    ],
)  # fmt: skip


def _checked_length(line, what, text, limit):
    """The text as written — or an error, rather than cutting it."""
    if len(text) > limit:
        raise line.error(f"{what} длиннее {limit} знаков: «{text[:40]}…».")
    return text


def _is_empty(cells):
    return not any(cell.strip() for cell in cells)


def parse_lines(lines):
    """The plan in `lines` (SourceLine) → PlanDocument; PlanImportError naming the line on a malformed one."""
    document = PlanDocument()
    header = {}  # key → text, continuation rows appended
    last_key = None
    in_table = False
    signed = False
    section = None
    event = None
    expected_number = 1
    section_count = 0

    for line in lines:
        if any(len(cell) > MAX_CELL_CHARS for cell in line.cells):
            raise line.error(f"в ячейке больше {MAX_CELL_CHARS} знаков — в плане таких текстов не бывает.")
        cells = [cell.replace("\r", "") for cell in line.cells]
        while len(cells) > 1 and not cells[-1].strip():
            cells.pop()
        if _is_empty(cells):
            continue
        first = cells[0].strip()
        joined = _spaces(" ".join(cells))

        if signed:
            document.warnings.append(f"{line.where}: текст после подписи руководителя пропущен: «{joined[:60]}».")
            continue

        if [cell.strip() for cell in cells] == [str(n) for n in range(1, len(cells) + 1)] and len(cells) > 1:
            continue  # the column-number row «1 2 3 4»
        if first.startswith("№"):
            in_table = True  # the table header «№/п | Мероприятие | …», also when repeated on a new page
            continue

        if not in_table:
            if match := HEADER_KEY.match(first):
                last_key = HEADER_KEYS[_spaces(match[1]).lower().replace("ё", "е")]
                text = BREAK.join(part for part in [match[2], *cells[1:]] if part.strip())
                if last_key in header:
                    header[last_key] += BREAK + text
                else:
                    header[last_key] = text
                continue
            if CONTENTS_TITLE.match(joined):
                last_key = None
                continue
            if not first and last_key:
                header[last_key] += BREAK + BREAK.join(cell for cell in cells[1:] if cell.strip())
                continue
            if line.paragraph and last_key and not SECTION.match(first) and not EVENT_NUMBER.match(first):
                header[last_key] += BREAK + BREAK.join(cell for cell in cells if cell.strip())
                continue
            if DOCUMENT_TITLE.match(joined) and len(cells) == 1:
                continue
            if EVENT_NUMBER.match(first):
                raise line.error(f"мероприятие № {EVENT_NUMBER.match(first)[1]} стоит до первого раздела («I. …»).")
            if not SECTION.match(first):
                raise line.error(
                    f"не понимаю строку «{joined[:80]}». До таблицы ожидаются строки «Единая городская методическая тема», "
                    "«Методическая тема ГТО ШБ», «Цель», «Задачи», «Ожидаемые результаты» и заголовок «Содержание работы»."
                )
            in_table = True  # a section row opens the table even without its header

        if match := EVENT_NUMBER.match(first):
            number = int(match[1])
            if section is None:
                raise line.error(f"мероприятие № {number} стоит до первого раздела («I. …»).")
            if len(cells) > TABLE_COLUMNS:
                raise line.error(
                    f"в строке мероприятия № {number} {len(cells)} ячеек вместо {TABLE_COLUMNS} "
                    "(№, мероприятие, сроки, ответственный) — лишняя табуляция или разбитая ячейка."
                )
            if number != expected_number:
                raise line.error(
                    f"мероприятие № {number} идёт после № {expected_number - 1}: номера мероприятий должны идти "
                    f"подряд через все разделы (ожидается № {expected_number})."
                )
            cells += [""] * (TABLE_COLUMNS - len(cells))
            title = _cell(cells[1])
            if not title:
                raise line.error(f"у мероприятия № {number} нет названия.")
            event = EventData(
                title=_checked_length(line, "название мероприятия", title, TITLE_LENGTH),
                dates_text=_checked_length(line, "сроки проведения", _cell(cells[2]), DATES_LENGTH),
                responsible_text=_cell(cells[3]),
                names=_names(line, cells[3]),
                line=line.number,
                number=number,
            )
            section.events.append(event)
            expected_number += 1
            continue

        if not first:
            if event is None:
                raise line.error(f"строка «{joined[:80]}» продолжает мероприятие, но мероприятий выше нет.")
            if len(cells) > TABLE_COLUMNS:
                raise line.error(
                    f"в строке, продолжающей мероприятие № {event.number}, {len(cells)} ячеек вместо {TABLE_COLUMNS}."
                )
            cells += [""] * (TABLE_COLUMNS - len(cells))
            event.title = _checked_length(line, "название мероприятия", _spaces(f"{event.title} {_cell(cells[1])}"), TITLE_LENGTH)
            event.dates_text = _checked_length(
                line, "сроки проведения", _spaces(f"{event.dates_text} {_cell(cells[2])}"), DATES_LENGTH
            )
            event.responsible_text = _spaces(f"{event.responsible_text} {_cell(cells[3])}")
            event.names += _names(line, cells[3])
            continue

        if (match := SECTION.match(first)) and (title := _spaces(match[2] or (cells[1] if len(cells) > 1 else ""))):
            if not _is_empty(cells[1:] if match[2] else cells[2:]):
                raise line.error(f"в строке раздела «{title[:60]}» после названия не должно быть других ячеек с текстом.")
            section_count += 1
            if _roman_value(match[1]) != section_count:
                document.warnings.append(
                    f"{line.where}: раздел «{match[1]}» — по счёту {section_count}-й; разделы пронумерованы по порядку."
                )
            title = _checked_length(line, "название раздела", title, SECTION_TITLE_LENGTH)
            section = SectionData(title=title, line=line.number)
            document.sections.append(section)
            event = None
            continue

        if match := SIGNATURE.match(joined):
            document.head_post = _spaces(match["post"])
            document.head_name = str(parse_name(match["name"]))
            signed = True
            continue

        raise line.error(
            f"не понимаю строку «{joined[:80]}»: в таблице ожидается мероприятие с номером, раздел («II. …»), "
            "продолжение мероприятия (пустая первая ячейка) или подпись руководителя."
        )

    if not document.events:
        raise PlanImportError(
            "В файле нет ни одного мероприятия: ожидается таблица «№/п — Мероприятие — Сроки проведения — Ответственный» "
            "с разделами «I. …» и пронумерованными мероприятиями."
        )
    for section_data in document.sections:
        if not section_data.events:
            document.warnings.append(f"Раздел «{section_data.title}» без мероприятий.")

    document.city_theme = _plain(header.get("city_theme", ""))
    document.theme = _plain(header.get("theme", ""))
    document.goal = _plain(header.get("goal", ""))
    document.tasks = _list_items(header.get("tasks", ""))
    # Results are a flat list: a result's sub-points, if any, count as results of their own.
    document.results = [text for item, points in _list_items(header.get("results", "")) for text in (item, *points)]
    for name, label in HEADER_FIELDS.items():
        text = document.tasks_text() if name == "tasks" else document.results_text() if name == "results" else getattr(document, name)
        limit = Plan._meta.get_field(name).max_length
        if len(text) > limit:
            raise PlanImportError(f"«{label}» в шапке плана длиннее {limit} знаков ({len(text)}): сократите текст.")
    for key, label in (("tasks", "Задачи"), ("results", "Ожидаемые результаты"), ("goal", "Цель")):
        if not header.get(key, "").strip():
            document.warnings.append(f"В плане нет строки «{label}».")
    if not signed:
        document.warnings.append("Не найдена подпись в конце плана («Руководитель ГТО ШБ  Фамилия И.О.»).")

    document.year_start = _year_of("\n".join("\t".join(line.cells) for line in lines))
    return document


def parse_plan_text(text):
    """A plan exported from Word as tab-separated text → PlanDocument."""
    rows = text.split("\n", MAX_LINES)
    if len(rows) > MAX_LINES:
        raise PlanImportError(TOO_LONG.format(max=MAX_LINES))
    lines = [SourceLine(number=number, cells=row.split("\t"), where=f"Строка {number}") for number, row in enumerate(rows, start=1)]
    return parse_lines(lines)


# ---------------------------------------------------------------- .docx

class _Numbering:
    """Word's automatic numbering: what number or bullet a list paragraph shows (its text does not hold it)."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.counters = {}
        self.formats = {}
        self.by_style = {}  # style id → its numbering, resolved
        self._read_styles(document)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for node in numbering.findall(qn("w:abstractNum")):
            levels = {}
            for level in node.findall(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                levels[level.get(qn("w:ilvl"))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for node in numbering.findall(qn("w:num")):
            ref = node.find(qn("w:abstractNumId"))
            if ref is not None:
                self.formats[node.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})

    def _num_pr(self, paragraph):
        """The paragraph's numbering: its own, else its style's («List Number»), else None."""
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        return self._style_num_pr(paragraph._p.style or self.default_style)

    def _style_num_pr(self, style_id):
        """A style's numbering, or its base styles': each style resolved once (python-docx finds a style by walking
        all of them), and never round a chain that comes back to itself."""
        chain = []
        while style_id is not None and style_id not in self.by_style and style_id not in chain:
            chain.append(style_id)
            style_id = self.styles.get(style_id, (None, None))[1]
        found = self.by_style.get(style_id)
        for member in reversed(chain):
            own = self.styles.get(member, (None, None))[0]
            found = self.by_style[member] = own if own is not None else found
        return self.by_style.get(chain[0]) if chain else found

    def _read_styles(self, document):
        """{style id: (its numbering or None, the id it is based on or None)} and the default paragraph style."""
        from docx.oxml.ns import qn

        self.styles, self.default_style = {}, None
        try:
            element = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in element.findall(qn("w:style")):
            p_pr = style.find(qn("w:pPr"))
            num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
            based_on = style.find(qn("w:basedOn"))
            style_id = style.get(qn("w:styleId"))
            self.styles[style_id] = (num_pr, based_on.get(qn("w:val")) if based_on is not None else None)
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                self.default_style = style_id

    def prefix(self, paragraph):
        """«3. » for the third paragraph of a numbered list, «- » for a bullet or a nested level, else «»."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None or num_pr.numId.val == 0:
            return ""
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        fmt = self.formats.get(num_id, {}).get(str(level), "decimal")
        if fmt in ("bullet", "none") or level > 0:
            return "- "
        count = self.counters.get(num_id, 0) + 1
        self.counters[num_id] = count
        return f"{count}. "


def _cell_text(cell, numbering):
    """A cell's paragraphs joined by <br>, auto-numbers and bullets written out as text."""
    parts = []
    for paragraph in cell.paragraphs:
        prefix = numbering.prefix(paragraph)
        text = paragraph.text.strip()
        if prefix.strip() == "-" and text[:1] in "-–—•":
            prefix = ""
        if prefix and text[:1].isdigit() and prefix[0].isdigit():
            prefix = ""
        if text or prefix.strip(" -"):
            parts.append(prefix + text)
    return "<br>".join(part.replace("\t", " ") for part in parts)


def read_docx_lines(path_or_file):
    """The .docx as SourceLines: each table row a line of cells, each paragraph outside tables a line.

    A cell merged across columns is read once; a cell merged down from the row above
    reads as empty, like the continuation rows of the text export.
    """
    import docx

    try:
        check_office_file(path_or_file, DOCX_LIMITS)
    except OfficeFileRefused as refused:
        raise PlanImportError(str(refused)) from None
    try:
        document = docx.Document(path_or_file)
    except Exception:  # python-docx raises zip, XML and package errors alike
        raise PlanImportError(
            "Файл не читается как документ Word (.docx): он повреждён или сохранён не Word. Откройте его в Word и сохраните "
            "заново как «Документ Word (.docx)»."
        ) from None
    try:
        return _docx_lines(document)
    except PlanImportError:
        raise
    except Exception:  # a part python-docx reads only now (numbering, styles) is malformed
        raise PlanImportError("Файл повреждён: часть документа Word не читается. Откройте его в Word и сохраните заново.") from None


def _docx_lines(document):
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    body = document.element.body
    if len(body) + len(body.xpath("./w:tbl/w:tr")) > MAX_LINES:  # paragraphs and table rows, counted before reading any
        raise PlanImportError(TOO_LONG.format(max=MAX_LINES))
    numbering = _Numbering(document)
    several_tables = len(document.tables) > 1
    lines = []
    paragraph_number = table_number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraph_number += 1
            prefix = numbering.prefix(block)
            text = block.text
            if prefix and not text.strip()[:1].isdigit():
                text = prefix + text.strip()
            lines.append(SourceLine(paragraph_number, text.split("\t"), f"Абзац {paragraph_number}", paragraph=True))
            continue
        table_number += 1
        for row_number, row in enumerate(block.rows, start=1):
            cells = [""] * min(row.grid_cols_before, MAX_COLUMNS)  # Word has at most 63 columns
            for tc in row._tr.tc_lst[:MAX_COLUMNS]:
                cells.append("" if tc.vMerge == "continue" else _cell_text(_Cell(tc, block), numbering))
            where = f"Таблица {table_number}, строка {row_number}" if several_tables else f"Строка таблицы {row_number}"
            lines.append(SourceLine(row_number, cells, where))
    return lines


def read_docx(path_or_file):
    """The .docx as the tab-separated text the .txt export holds (one line per table row or paragraph)."""
    return "\n".join("\t".join(line.cells) for line in read_docx_lines(path_or_file))


def parse_plan_docx(path_or_file):
    """A plan in a Word document → PlanDocument; errors name the table row («Строка таблицы 17: …»)."""
    return parse_lines(read_docx_lines(path_or_file))


def decode_text(data):
    """Bytes of a .txt export: UTF-8 (with or without BOM), else Windows-1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def parse_plan_file(path_or_file, name=None):
    """PlanDocument from a .txt or .docx file (a path, or an open binary file with its `name`)."""
    name = str(name or getattr(path_or_file, "name", path_or_file))
    suffix = Path(name).suffix.lower()
    if suffix not in (".txt", ".docx"):
        raise PlanImportError(f"Файл «{Path(name).name}»: поддерживаются планы в формате .txt и .docx.")
    try:
        if suffix == ".docx":
            return parse_plan_docx(path_or_file)
        if hasattr(path_or_file, "read"):
            data = path_or_file.read(MAX_PLAN_BYTES + 1)
        else:
            with open(path_or_file, "rb") as file:
                data = file.read(MAX_PLAN_BYTES + 1)
    except OSError as error:
        raise PlanImportError(f"Не удалось прочитать файл «{name}»: {error.strerror or error}.") from None
    if len(data) > MAX_PLAN_BYTES:
        raise PlanImportError(f"Файл больше {MAX_PLAN_BYTES // 2**20} МБ: для плана работы это слишком много — проверьте, тот ли это файл.")
    return parse_plan_text(decode_text(data) if isinstance(data, bytes) else data)


# ---------------------------------------------------------------- saving

def save_plan(document, association, year_start=None, replace=False):
    """Write the PlanDocument as the association's plan, in one transaction.

    The year is `year_start` or the document's. An existing plan for that year is
    refused unless `replace`, which deletes it (its sections and events) first;
    persons stay. Printed names are matched to the association's persons, missing
    ones created (ImportResult.created_persons).
    """
    year = year_start or document.year_start
    if year is None:
        raise PlanImportError(
            "Не удалось определить учебный год: в документе нет записи вида «2023-2024». Укажите год (--year 2023-2024)."
        )
    warnings = list(document.warnings)
    if year_start and document.year_start and year_start != document.year_start:
        warnings.append(
            f"В документе указан {academic_year_name(document.year_start)} учебный год, "
            f"план сохранён на {academic_year_name(year_start)}."
        )
    with transaction.atomic():
        existing = Plan.objects.select_for_update().filter(association=association, year_start=year).first()
        if existing:
            if not replace:
                raise PlanImportError(
                    f"План на {academic_year_name(year)} учебный год уже есть. Чтобы заменить его, укажите --replace."
                )
            try:
                existing.delete()
            except ProtectedError:
                raise PlanImportError(
                    f"План на {academic_year_name(year)} учебный год нельзя заменить: на его мероприятия ссылаются другие записи."
                ) from None
        plan = Plan.objects.create(
            association=association,
            year_start=year,
            city_theme=document.city_theme,
            theme=document.theme,
            goal=document.goal,
            tasks=document.tasks_text(),
            results=document.results_text(),
            head_post=document.head_post or Plan._meta.get_field("head_post").default,
            head_name=document.head_name,
        )
        persons = {}  # key → Person
        created = []
        responsibles = []
        for section_position, section_data in enumerate(document.sections, start=1):
            section = Section.objects.create(plan=plan, position=section_position, title=section_data.title)
            for event_position, event_data in enumerate(section_data.events, start=1):
                event = Event(
                    section=section,
                    position=event_position,
                    title=event_data.title,
                    dates_text=event_data.dates_text,
                )
                event.save()
                for position, name in enumerate(_unique(event_data.names), start=1):
                    person = None
                    if not name.is_association:
                        if name.key not in persons:
                            persons[name.key], is_new = find_or_create_person(association, name)
                            if is_new:
                                created.append(persons[name.key])
                        person = persons[name.key]
                    responsibles.append(Responsible(event=event, person=person, position=position))
        bulk_create_with_history(responsibles, Responsible)
    return ImportResult(plan=plan, created_persons=created, warnings=warnings)


def _unique(names):
    """A name printed twice in one cell is one responsible."""
    seen = set()
    for name in names:
        if name.key not in seen:
            seen.add(name.key)
            yield name


def import_plan_file(path, association, year_start=None, replace=False):
    """Read, parse and save a plan file (.txt or .docx)."""
    return save_plan(parse_plan_file(path), association, year_start=year_start, replace=replace)

