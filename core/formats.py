"""How values read on pages and in documents: dates as «11 сентября 2023 г.», numbers as «20 000», shares as whole
percents, and the Russian month words that dates are written with."""

import datetime
import re

from django.utils.formats import date_format


def format_date(day):
    """«11 сентября 2023 г.»: Django's Russian DATE_FORMAT, as documents and messages write a date."""
    return date_format(day, "DATE_FORMAT")


def number(count):
    """«20 000»: a number as a Russian message writes it, its thousands apart."""
    return f"{count:,}".replace(",", "\u00a0")


# Month stems: nominative «март», genitive «марта», prepositional «марте».
MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
MONTH_WORD = r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"


def month_number(word):
    """«март», «марта», «марте» → 3 (ValueError for a word that is no month)."""
    word = word.lower()
    for stem, number in MONTHS.items():
        if word.startswith(stem):
            return number
    raise ValueError(word)


def before_period(text):
    """A name or a phrase that a sentence or a file's extension follows: «Куклина Н.Н.» loses its final period,
    so that it reads «… Куклина Н.Н. Скан …» and «Куклина Н.Н.pdf», never «Н.Н..»."""
    return text.rstrip().rstrip(".")


ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number):
    """12 → «XII»: a section's number as plans print it."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


NUMBER_RUN = re.compile(r"\d+")


def sort_key(text):
    """A name as a list sorts it: numbers by their value («№ 2» before «№ 11»), letters without case, Ё as Е."""
    text = text.lower().replace("ё", "е")
    return NUMBER_RUN.sub(lambda match: match[0].zfill(8), text)[:200]


YEAR_MARK = re.compile(r"(\d)\s+(гг?\.)")


def percent(part, whole):
    """`part` of `whole` in whole percents, halves rounded up; None when `whole` is 0."""
    if not whole:
        return None
    return int(100 * part / whole + 0.5)


def percent_text(part, whole, empty=""):
    """«80 %» (a narrow no-break space before the sign), or `empty` when `whole` is 0."""
    value = percent(part, whole)
    return empty if value is None else f"{value}\u202f%"


def share(part, whole):
    """`part` of `whole` as a fraction for an XLSX percent cell; None when `whole` is 0."""
    return part / whole if whole else None


def keep_year_together(text):
    """«2024 г.» never split over two lines in print: a no-break space before «г.», the text otherwise as typed."""
    return YEAR_MARK.sub("\\1\u00a0\\2", text)


NUMBER_SIGN = re.compile(r"№\s+(?=\d)")


def printed(value):
    """A cell of a printed table: dates in Russian, None as empty, «№ 12» never split over two lines."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return keep_year_together(format_date(value))
    return NUMBER_SIGN.sub("№\u00a0", str(value))


def printed_columns(header, widths=None):
    """[(name, CSS width or "")]: a printed table's header, widths in proportion to the XLSX column widths."""
    total = sum(widths or [])
    return [
        (name, f"{100 * widths[index] / total:.1f}%" if total and index < len(widths) else "")
        for index, name in enumerate(header)
    ]
