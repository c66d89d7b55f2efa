"""Dates as the plan writes them («Апрель - Май, 2024 г.», «В течение года») → first and last day.

(Stub: the full parser is being written.)
"""

import datetime


def academic_year_bounds(year_start):
    return datetime.date(year_start, 9, 1), datetime.date(year_start + 1, 8, 31)


def parse_dates(text, year_start):
    return None, None


def shift_text_by_year(text):
    return text
