"""How values read in documents: dates as «11 сентября 2023 г.», shares as whole percents."""

import datetime

from django.utils.formats import date_format


def format_date(day):
    """«11 сентября 2023 г.»: Django's Russian DATE_FORMAT."""
    return date_format(day, "DATE_FORMAT")


def percent(part, whole):
    """`part` of `whole` in whole percents, halves rounded up; None when `whole` is 0."""
    if not whole:
        return None
    return int(100 * part / whole + 0.5)


def share(part, whole):
    """`part` of `whole` as a fraction for an XLSX percent cell; None when `whole` is 0."""
    return part / whole if whole else None


def printed(value):
    """A cell of a printed table: dates in Russian, None as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return format_date(value)
    return str(value)
