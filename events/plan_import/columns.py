"""The events table's columns, by the words of their headers, and the numbers and titles of its rows."""

import re

from events.plan_import.texts import one_line, spaces

COLUMN_WORDS = [
    ("number", re.compile(r"^(?:№|n|no|п/п|№\s*п/?п|№/п|номер)\b|^№", re.IGNORECASE)),
    ("dates", re.compile(r"\b(?:срок|дат[аы]|время|период|когда|месяц)", re.IGNORECASE)),
    (
        "responsible",
        re.compile(
            r"\b(?:ответствен|исполнител|кто\b|проводит|организатор|ф\.?\s?и\.?\s?о\b)", re.IGNORECASE
        ),
    ),
]
# The events' own column, best first: beside «Мероприятия» a column «Направление работы» is one of the others.
TITLE_WORDS = [
    re.compile(words, re.IGNORECASE)
    for words in (
        r"мероприят",
        r"содержание|наименование|название",
        r"тема",
        r"вид(?:ы)?\s+(?:работы|деятельности)|направлени",
    )
]


def columns_of(row):
    """{"number"|"title"|"dates"|"responsible": grid column} and {column: header} of the other columns, if the row
    is an events table's header (a title column and a dates or responsible one); else None."""
    columns, others, titles = {}, {}, []
    for column, cell in row.filled:
        text = spaces(cell.text)
        if len(text) > 60:
            return None
        if name := next(
            (name for name, words in COLUMN_WORDS if name not in columns and words.search(text)), None
        ):
            columns[name] = column
        elif (
            rank := next((rank for rank, words in enumerate(TITLE_WORDS) if words.search(text)), None)
        ) is not None:
            titles.append((rank, column, text))
        else:
            others[column] = text
    if not titles or not ("dates" in columns or "responsible" in columns):
        return None
    columns["title"] = min(titles)[1]
    others.update({column: text for _rank, column, text in titles if column != columns["title"]})
    if (
        "number" not in columns
        and row.cells
        and row.cells[0].empty
        and not row.cells[0].covered
        and 0 not in others
    ):
        columns["number"] = 0  # a first column without a header: the numbers'
    return columns, dict(sorted(others.items()))


EVENT_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s*$")
ROMAN_NUMBER = re.compile(r"^\s*[IVXLCІХ]+\s*[.)]?\s*$")
# «2.3», «II.3.» (Word's multilevel list: the section in Roman numerals): event 3 of section 2
SUB_NUMBER = re.compile(r"^\s*(\d{1,2}|[IVXLC]{1,6})\.(\d{1,3})\s*[.)]?\s*$")
# A list's number of any kind, nothing else: «1.1.1.», «а)», «IV.» — a № cell's, never words of the title
NUMBERING = re.compile(r"^\s*(?:[IVXLC]{1,6}|\d{1,3}|[а-яa-z])(?:\.(?:\d{1,3}|[IVXLC]{1,6}))*\s*[.)]?\s*$")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def section_number(text):
    """«2» → 2, «IV» → 4."""
    if text.isdigit():
        return int(text)
    values = [ROMAN_VALUES[letter] for letter in text]
    return sum(
        -value if index + 1 < len(values) and value < values[index + 1] else value
        for index, value in enumerate(values)
    )


ROMAN = re.compile(r"^\s*([IVXLCІХ]+)\s*[.)]?\s+(\S.*)$")
SECTION_NUMBERED = re.compile(
    r"^\s*(?:раздел|часть|блок|направление)\s*(?:№\s*)?([IVXLCІХ]+|\d+)?\s*[.:)–-]?\s*(.*)$", re.IGNORECASE
)
ARABIC_SECTION = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(\S.*)$")


def section_title(text):
    """A section's title without its number: «I. Организационная деятельность», «Раздел 2: Работа с кадрами»."""
    text = one_line(text)
    for pattern in (SECTION_NUMBERED, ROMAN, ARABIC_SECTION):
        if (match := pattern.match(text)) and match[2].strip():
            return match[2].strip(" .:")
    return text.strip(" .:")
