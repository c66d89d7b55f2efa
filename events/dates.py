"""Dates as the plan writes them («Апрель - Май, 2024 г.», «В течение года») → first and last day.

The plan's «Сроки проведения» column is free text. `parse_dates` derives the
first and the last day it names, or (None, None) when it names none («Два раза
в год»); the text itself is always kept as written.
"""

import calendar
import datetime
import re

from core.formats import MONTH_WORD, month_number
from core.years import academic_year_bounds, year_of_month

WHOLE_YEAR = re.compile(r"^\s*в\s+течени[ие]\s+(?:всего\s+)?(?:учебного\s+)?года", re.IGNORECASE)

DAY = r"(\d{1,2})"
YEAR = r"(\d{4})"
NUMERIC_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})"
DASH = r"\s*-\s*"
OPT_YEAR = r"(?:\s+(\d{4}))?"


def _pattern(text):
    return re.compile("^" + text + "$")


# Each pattern's groups are read by the function beside it in PATTERNS below.
SINGLE_NUMERIC = _pattern(NUMERIC_DATE)
RANGE_NUMERIC = _pattern(rf"(?:с\s+)?{NUMERIC_DATE}(?:{DASH}|\s+по\s+){NUMERIC_DATE}")
# «11-15.09.2023», «с 11 по 15.09.2023»
DAYS_NUMERIC = _pattern(rf"(?:с\s+)?{DAY}(?:{DASH}|\s+по\s+){NUMERIC_DATE}")
# «25.12-10.01.2024»
DAY_MONTH_NUMERIC = _pattern(rf"(?:с\s+)?(\d{{1,2}})\.(\d{{1,2}})(?:{DASH}|\s+по\s+){NUMERIC_DATE}")
# «25 октября 2023»
SINGLE_WORDS = _pattern(rf"{DAY}\s+{MONTH_WORD}{OPT_YEAR}")
# «11–15 сентября 2023», «с 11 по 15 сентября 2023»
DAYS_WORDS = _pattern(rf"(?:с\s+)?{DAY}(?:{DASH}|\s+по\s+){DAY}\s+{MONTH_WORD}{OPT_YEAR}")
# «30 октября – 3 ноября 2023», «30 октября 2023 – 3 ноября 2023»
DAY_MONTH_WORDS = _pattern(
    rf"(?:с\s+)?{DAY}\s+{MONTH_WORD}{OPT_YEAR}(?:{DASH}|\s+по\s+){DAY}\s+{MONTH_WORD}{OPT_YEAR}"
)
# «Март 2024», «Март»
MONTH_ONLY = _pattern(rf"{MONTH_WORD}{OPT_YEAR}")
# «Апрель - Май 2024», «Сентябрь – май», «Сентябрь 2023 – май 2024»
MONTH_RANGE = _pattern(rf"(?:с\s+)?{MONTH_WORD}{OPT_YEAR}(?:{DASH}|\s+по\s+){MONTH_WORD}{OPT_YEAR}")


def _year(text):
    """A written year: «2024», or «24» of dd.mm.yy."""
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _year_of_month(month, year_start):
    """The year a month without a year falls in, inside the academic year."""
    return year_of_month(year_start, month)


def _last_day(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _years(first_month, first_year, last_month, last_year, year_start):
    """Fill in missing years of a range: a single year belongs to the range's end."""
    if first_year is None and last_year is None:
        return _year_of_month(first_month, year_start), _year_of_month(last_month, year_start)
    if last_year is None:
        last_year = first_year if last_month >= first_month else first_year + 1
    if first_year is None:
        first_year = last_year if first_month <= last_month else last_year - 1
    return first_year, last_year


def _single_numeric(m, year_start):
    day = datetime.date(_year(m[3]), int(m[2]), int(m[1]))
    return day, day


def _range_numeric(m, year_start):
    return (
        datetime.date(_year(m[3]), int(m[2]), int(m[1])),
        datetime.date(_year(m[6]), int(m[5]), int(m[4])),
    )


def _days_numeric(m, year_start):
    year, month = _year(m[4]), int(m[3])
    return datetime.date(year, month, int(m[1])), datetime.date(year, month, int(m[2]))


def _day_month_numeric(m, year_start):
    last = datetime.date(_year(m[5]), int(m[4]), int(m[3]))
    first_month = int(m[2])
    first_year = last.year if first_month <= last.month else last.year - 1
    return datetime.date(first_year, first_month, int(m[1])), last


def _single_words(m, year_start):
    month = month_number(m[2])
    year = int(m[3]) if m[3] else _year_of_month(month, year_start)
    day = datetime.date(year, month, int(m[1]))
    return day, day


def _days_words(m, year_start):
    month = month_number(m[3])
    year = int(m[4]) if m[4] else _year_of_month(month, year_start)
    return datetime.date(year, month, int(m[1])), datetime.date(year, month, int(m[2]))


def _day_month_words(m, year_start):
    first_month, last_month = month_number(m[2]), month_number(m[5])
    first_year, last_year = _years(
        first_month, m[3] and int(m[3]), last_month, m[6] and int(m[6]), year_start
    )
    return datetime.date(first_year, first_month, int(m[1])), datetime.date(last_year, last_month, int(m[4]))


def _month_only(m, year_start):
    month = month_number(m[1])
    year = int(m[2]) if m[2] else _year_of_month(month, year_start)
    return datetime.date(year, month, 1), _last_day(year, month)


def _month_range(m, year_start):
    first_month, last_month = month_number(m[1]), month_number(m[3])
    first_year, last_year = _years(
        first_month, m[2] and int(m[2]), last_month, m[4] and int(m[4]), year_start
    )
    return datetime.date(first_year, first_month, 1), _last_day(last_year, last_month)


# «до 20.10.2025 г.», «не позднее 20 октября»: ends then
UNTIL_NUMERIC = _pattern(rf"(?:до|не\s+позднее|к)\s+{NUMERIC_DATE}")
UNTIL_WORDS = _pattern(rf"(?:до|не\s+позднее|к)\s+{DAY}\s+{MONTH_WORD}{OPT_YEAR}")
ROMAN_OR_DIGIT = r"(iv|iii|ii|i|1|2|3|4|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)"
# «IV четверть», «в 3 четверти», «в течение II четверти»
QUARTER = _pattern(rf"(?:в\s+)?(?:течение\s+)?{ROMAN_OR_DIGIT}(?:-?[яйе])?\s+четверт[ьиея]")
# «II-III четверть», «в 1–2 четвертях»
QUARTERS_RANGE = _pattern(
    rf"(?:в\s+)?(?:течение\s+)?{ROMAN_OR_DIGIT}(?:-?[яйе])?\s*-\s*{ROMAN_OR_DIGIT}(?:-?[яйе])?\s+четверт\w*"
)
# «2 полугодие», «во II полугодии», «первое полугодие»
HALF_YEAR = _pattern(rf"(?:во?\s+)?(?:течение\s+)?{ROMAN_OR_DIGIT}(?:-?[еом])?\s+полугоди[еяию]")
# The school quarters and half-years, by month and day within the academic year (first, last).
QUARTERS = {1: ((9, 1), (10, 31)), 2: ((11, 1), (12, 31)), 3: ((1, 1), (3, 31)), 4: ((4, 1), (5, 31))}
HALVES = {1: ((9, 1), (12, 31)), 2: ((1, 1), (5, 31))}


def _ordinal(word):
    word = word.lower()
    for prefix, number in (
        ("iv", 4),
        ("iii", 3),
        ("ii", 2),
        ("i", 1),
        ("перв", 1),
        ("втор", 2),
        ("трет", 3),
        ("четв", 4),
    ):
        if word.startswith(prefix):
            return number
    return int(word)


def _within_year(bounds, year_start):
    (first_month, first_day), (last_month, last_day) = bounds
    return (
        datetime.date(_year_of_month(first_month, year_start), first_month, first_day),
        datetime.date(_year_of_month(last_month, year_start), last_month, last_day),
    )


def _until_numeric(m, year_start):
    day = datetime.date(_year(m[3]), int(m[2]), int(m[1]))
    return day, day


def _until_words(m, year_start):
    return _single_words(m, year_start)


def _quarter(m, year_start):
    return _within_year(QUARTERS[_ordinal(m[1])], year_start)


def _quarters_range(m, year_start):
    first, last = QUARTERS[_ordinal(m[1])], QUARTERS[_ordinal(m[2])]
    return _within_year((first[0], last[1]), year_start)


def _half_year(m, year_start):
    number = _ordinal(m[1])
    if number not in HALVES:
        raise ValueError(number)
    return _within_year(HALVES[number], year_start)


PATTERNS = [
    (UNTIL_NUMERIC, _until_numeric),
    (UNTIL_WORDS, _until_words),
    (QUARTER, _quarter),
    (QUARTERS_RANGE, _quarters_range),
    (HALF_YEAR, _half_year),
    (SINGLE_NUMERIC, _single_numeric),
    (RANGE_NUMERIC, _range_numeric),
    (DAYS_NUMERIC, _days_numeric),
    (DAY_MONTH_NUMERIC, _day_month_numeric),
    (SINGLE_WORDS, _single_words),
    (DAYS_WORDS, _days_words),
    (DAY_MONTH_WORDS, _day_month_words),
    (MONTH_ONLY, _month_only),
    (MONTH_RANGE, _month_range),
]


def _normalize(text):
    """Lower case, one kind of dash, no «г.»/«гг.», no commas, single spaces."""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[‐‑‒–—−]", "-", text)
    # «2024г.», «2024 г», «2023-2024 гг.», «2024 года»
    text = re.sub(r"(\d)\s*(?:гг?|года|году)(?![а-я])\.?", r"\1", text)
    text = text.replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip(" .;")
    return text


def parse_dates(text, year_start):
    """(first day, last day) the text names, or (None, None).

    `year_start` is the plan's academic year (2023 for «2023-2024»): it places a
    month written without a year and gives «В течение года» its bounds.
    """
    if not text or not text.strip():
        return None, None
    if WHOLE_YEAR.match(text.replace("ё", "е")):
        return academic_year_bounds(year_start)
    text = _normalize(text)
    for pattern, read in PATTERNS:
        if match := pattern.match(text):
            try:
                first, last = read(match, year_start)
            except ValueError:  # 31.02.2024, month 13
                return None, None
            if first > last:
                return None, None
            return first, last
    return None, None


WRITTEN_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\.?\d)")
WRITTEN_WORDS = re.compile(rf"(?<!\d)(\d{{1,2}})\s+{MONTH_WORD}(?:\s+(\d{{4}}))?", re.IGNORECASE)


def impossible_date(text):
    """The first date the text writes that no calendar has («31.02.2025», «15.13.2025», «30 февраля»), or None.
    Such a text names no dates (parse_dates); the plan's checks and the event's form say so."""
    text = re.sub(r"«\s*(\d{1,2})\s*»", r"\1", text or "")  # «31» февраля, as a form's date is written
    for match in WRITTEN_NUMERIC.finditer(text):
        try:
            datetime.date(_year(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return match[0]
    for match in WRITTEN_WORDS.finditer(text.replace("ё", "е")):
        month = month_number(match[2])
        if not 1 <= int(match[1]) <= calendar.monthrange(int(match[3]) if match[3] else 2024, month)[1]:
            return match[0]
    return None


# A date dd.mm.yyyy or dd.mm.yy that is not part of a longer dotted number (ФПУ «1.1.1.2.1.3.61»),
# «29 февраля 2024», or a bare year 19xx/20xx.
SHIFTABLE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})(?!\.?\d)"
    r"|(?P<feb29>29\s+феврал[яье]\s+)(?P<feb_year>(?:19|20)\d{2})(?!\d)"
    r"|(?<!\d)(?P<bare>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)


def _shift(match):
    if match["bare"]:
        return str(int(match["bare"]) + 1)
    if match["feb29"]:
        year = int(match["feb_year"]) + 1
        if calendar.isleap(year):
            return match["feb29"] + str(year)
        return match["feb29"].replace("29", "28", 1) + str(year)
    day, month, year_text = match["day"], match["month"], match["year"]
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return match[0]
    if len(year_text) == 4:
        if not year_text.startswith(("19", "20")):
            return match[0]
        new_year = str(int(year_text) + 1)
        full_year = int(new_year)
    else:
        new_year = f"{(int(year_text) + 1) % 100:02d}"
        full_year = 2000 + int(new_year)
    if int(day) == 29 and int(month) == 2 and not calendar.isleap(full_year):
        day = day.replace("29", "28")
    return f"{day}.{month}.{new_year}"


def shift_text_by_year(text):
    """The same text a year later: «11.09.2023г.» → «11.09.2024г.», «2023-2024» → «2024-2025».

    Only years move (19xx/20xx, and the yy of dd.mm.yy); «100 лет», «№1» stay.
    29 February becomes 28 February when the next year is not a leap year.
    """
    return SHIFTABLE.sub(_shift, text)
