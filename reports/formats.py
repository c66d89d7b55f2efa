"""How values read in documents: dates as «11 сентября 2023 г.», shares as whole percents."""

import datetime
import re

from events.dates import format_date

YEAR_MARK = re.compile(r"(\d)\s+(гг?\.)")


def percent(part, whole):
    """`part` of `whole` in whole percents, halves rounded up; None when `whole` is 0."""
    if not whole:
        return None
    return int(100 * part / whole + 0.5)


def share(part, whole):
    """`part` of `whole` as a fraction for an XLSX percent cell; None when `whole` is 0."""
    return part / whole if whole else None


def keep_year_together(text):
    """«2024 г.» never split over two lines in print: a no-break space before «г.», the text otherwise as typed."""
    return YEAR_MARK.sub("\\1\u00a0\\2", text)


def printed(value):
    """A cell of a printed table: dates in Russian, None as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return keep_year_together(format_date(value))
    return str(value)


def printed_columns(header, widths=None):
    """[(name, CSS width or "")]: a printed table's header, widths in proportion to the XLSX column widths."""
    total = sum(widths or [])
    return [
        (name, f"{100 * widths[index] / total:.1f}%" if total and index < len(widths) else "")
        for index, name in enumerate(header)
    ]
