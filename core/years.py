"""The academic year, 1 September to 31 August, named by its two years («2023-2024») and kept as its first."""

import calendar
import datetime
import re

# The academic years the site takes: a year typed or sent outside these is refused, never turned into a date.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def academic_year_bounds(year_start):
    return datetime.date(year_start, 9, 1), datetime.date(year_start + 1, 8, 31)


def year_start_from_param(value, default):
    """A year sent in a query string («?year=2024»): `default` when absent; ValueError unless it is a whole
    number between FIRST_YEAR and LAST_YEAR (so «-1» or twenty digits never reach a date)."""
    if value is None or value == "":
        return default
    if not (
        value.isascii() and value.isdigit() and len(value) == 4 and FIRST_YEAR <= int(value) <= LAST_YEAR
    ):
        raise ValueError(f"«{value[:20]}» — не учебный год")
    return int(value)


def academic_year_of(day):
    """The academic year a day falls in, by its first year: 11.09.2023 → 2023, 20.05.2024 → 2023."""
    return day.year if day.month >= 9 else day.year - 1


def year_of_month(year_start, month):
    """The calendar year a month of the academic year falls in: September–December the first, the rest the second."""
    return year_start if month >= 9 else year_start + 1


def academic_year_name(year_start):
    return f"{year_start}-{year_start + 1}"


YEAR_NAME = re.compile(r"^(\d{4})-(\d{4})$")


def parse_academic_year(text):
    """«2023-2024» → 2023; ValueError when the text is not a year name."""
    match = YEAR_NAME.match(text.strip())
    if not match or int(match[2]) != int(match[1]) + 1:
        raise ValueError(f"«{text}» — не учебный год: ожидается вида «2023-2024»")
    return int(match[1])


def add_months(day, months):
    """The same day `months` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
