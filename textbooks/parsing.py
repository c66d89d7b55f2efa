"""Reading the values spreadsheets carry as text: grades («5-9»), dates («До 25 апреля 2027 года»), counts, words
from a short list («хор.»).

Every reader raises ValueError with a Russian phrase that names the value, ready for
«Строка 5: класс «13» — нет такого класса».
"""

import datetime
import re

from core.formats import MONTH_WORD, month_number

WORDS_DATE = re.compile(rf"(\d{{1,2}})\s+{MONTH_WORD}\s+(\d{{4}})", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
# «5», «5-9», «7-й», «10–11 классы», «2 кл.», «5-7 кл.»
GRADE_RANGE = re.compile(
    r"^(\d{1,2})(?:\s*[-–—]\s*(\d{1,2}))?(?:\s*-?\s*(?:й|ый|ой|е|ые))?(?:\s*(?:класс\w*|кл\.?))?$",
    re.IGNORECASE,
)
# «12», «12 экз.», «12 экземпляров», «12 шт», «12 штук»
COUNT = re.compile(r"(\d{1,6})(?:\s*(?:экз(?:емпляр\w*)?|шт(?:ук\w*)?)\.?)?", re.IGNORECASE)

MIN_GRADE, MAX_GRADE = 1, 11


def cell_text(value):
    """A spreadsheet cell as text: None → "", 5.0 → "5", spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).split())


def parse_grades(value):
    """«5», «5-9», «10–11 классы», «5-7 кл.», 7 → (first, last). ValueError: «класс «13» — нет такого класса»."""
    text = cell_text(value)
    if not text:
        raise ValueError("не указан класс")
    match = GRADE_RANGE.match(text)
    if not match:
        raise ValueError(f"класс «{text}» — не число и не промежуток вроде «5-9»")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    for grade in (first, last):
        if not MIN_GRADE <= grade <= MAX_GRADE:
            raise ValueError(f"класс «{text}» — нет такого класса")
    if last < first:
        raise ValueError(f"класс «{text}» — начало промежутка больше конца")
    return first, last


def parse_count(value, what="количество"):
    """A whole positive number of copies: 12, «12», «12 экз.», «12 шт.»."""
    text = cell_text(value)
    if not text:
        raise ValueError(f"не указано {what}")
    match = COUNT.fullmatch(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"{what} «{text}» — нужно целое число больше нуля")
    return int(match.group(1))


def word_key(text):
    """A typed word for looking up: lower case, Ё as Е, spaces collapsed, trailing dots dropped: «Хор.» → «хор»."""
    return " ".join(str(text).split()).lower().replace("ё", "е").rstrip(" .")


def parse_choice(value, words, what, labels, default=None):
    """One of a few values a column takes, typed in words: `words` maps word_key(typed) → the value, `default`
    when the cell is empty. ValueError naming the `labels` to write instead:
    «состояние «отличное» — не понятно, напишите «новые», «хорошее» или «требуют ремонта»»."""
    text = cell_text(value)
    if not text:
        return default
    key = word_key(text)
    if key in words:
        return words[key]
    names = [f"«{label}»" for label in labels]
    hint = ", ".join(names[:-1]) + " или " + names[-1] if len(names) > 1 else "".join(names)
    raise ValueError(f"{what} «{text}» — не понятно, напишите {hint}")


def parse_year(value, today=None):
    """A year of publication, 1950 to next year; None when empty."""
    text = cell_text(value)
    if not text:
        return None
    today = today or datetime.date.today()
    match = re.fullmatch(r"(\d{4})(?:\s*г\.?)?", text)
    if not match or not 1950 <= int(match.group(1)) <= today.year + 1:
        raise ValueError(f"год издания «{text}» — нужен год вроде 2021")
    return int(match.group(1))


def parse_until(value):
    """The date inside «До 25 апреля 2027 года», «до 25.04.2027» or a date cell; None when there is none."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    for pattern, make in (
        (WORDS_DATE, lambda m: (int(m.group(3)), month_number(m.group(2)), int(m.group(1)))),
        (NUMERIC_DATE, lambda m: (int(m.group(3)), int(m.group(2)), int(m.group(1)))),
    ):
        match = pattern.search(text)
        if match:
            try:
                return datetime.date(*make(match))
            except ValueError:
                return None
    return None
