"""Date texts of the plan → first and last day; shifting a text to the next year."""

from datetime import date

import pytest

from core.years import academic_year_bounds
from events.dates import impossible_date, parse_dates, shift_text_by_year

YEAR = 2023  # «2023-2024»


def test_academic_year_bounds():
    assert academic_year_bounds(2023) == (date(2023, 9, 1), date(2024, 8, 31))


# Every date text of the seed plan (events/data/plan-2023-2024.txt), once.
SEED_DATES = [
    ("11.09.2023г.", date(2023, 9, 11), date(2023, 9, 11)),
    ("В течение года", date(2023, 9, 1), date(2024, 8, 31)),
    ("Два раза в год", None, None),
    ("Апрель - Май, 2024 г.", date(2024, 4, 1), date(2024, 5, 31)),
    ("Март, 2024 г.", date(2024, 3, 1), date(2024, 3, 31)),
    ("Декабрь, 2023 г.", date(2023, 12, 1), date(2023, 12, 31)),
    ("12.09.2023 г.", date(2023, 9, 12), date(2023, 9, 12)),
    ("22.09.2024 г.", date(2024, 9, 22), date(2024, 9, 22)),
    ("20.01.2024 г.", date(2024, 1, 20), date(2024, 1, 20)),
    ("20.05.2024 г.", date(2024, 5, 20), date(2024, 5, 20)),
    ("25 октября 2023 г.", date(2023, 10, 25), date(2023, 10, 25)),
    ("Январь, 2024 г", date(2024, 1, 1), date(2024, 1, 31)),
    ("11.09.2023 г.", date(2023, 9, 11), date(2023, 9, 11)),
    ("19.12.2023 г.", date(2023, 12, 19), date(2023, 12, 19)),
    ("19.03.2024 г.", date(2024, 3, 19), date(2024, 3, 19)),
    ("24.05.2024 г.", date(2024, 5, 24), date(2024, 5, 24)),
    ("Январь-март 2024 г.", date(2024, 1, 1), date(2024, 3, 31)),
    ("В течение учебного года по плану МАОУ ДО ЦДТ", date(2023, 9, 1), date(2024, 8, 31)),
    ("Ноябрь 2023г.", date(2023, 11, 1), date(2023, 11, 30)),
    ("Апрель, 2024 г", date(2024, 4, 1), date(2024, 4, 30)),
    ("Май, 2024 г", date(2024, 5, 1), date(2024, 5, 31)),
]


@pytest.mark.parametrize("text, first, last", SEED_DATES, ids=[row[0] for row in SEED_DATES])
def test_seed_date_texts(text, first, last):
    assert parse_dates(text, YEAR) == (first, last)


def test_the_table_covers_every_date_text_of_the_seed():
    from events.plan_import import parse_plan_text
    from tests.conftest import SEED_PLAN

    document = parse_plan_text(SEED_PLAN.read_text(encoding="utf-8"))
    assert {event.dates_text for event in document.events} == {row[0] for row in SEED_DATES}


OTHER_FORMS = [
    # single days
    ("11.09.23", date(2023, 9, 11), date(2023, 9, 11)),
    ("1.9.2023", date(2023, 9, 1), date(2023, 9, 1)),
    ("25 октября", date(2023, 10, 25), date(2023, 10, 25)),
    ("5 марта", date(2024, 3, 5), date(2024, 3, 5)),
    ("29 февраля 2024 года", date(2024, 2, 29), date(2024, 2, 29)),
    # ranges of days
    ("11-15.09.2023", date(2023, 9, 11), date(2023, 9, 15)),
    ("11.09.2023 - 15.09.2023", date(2023, 9, 11), date(2023, 9, 15)),
    ("11.09.2023–15.09.2023 гг.", date(2023, 9, 11), date(2023, 9, 15)),
    ("с 11 по 15 сентября 2023 г.", date(2023, 9, 11), date(2023, 9, 15)),
    ("11–15 сентября 2023", date(2023, 9, 11), date(2023, 9, 15)),
    ("11 — 15 сентября", date(2023, 9, 11), date(2023, 9, 15)),
    ("25.12-10.01.2024", date(2023, 12, 25), date(2024, 1, 10)),
    ("30 октября – 3 ноября 2023 г.", date(2023, 10, 30), date(2023, 11, 3)),
    ("25 декабря 2023 - 10 января 2024", date(2023, 12, 25), date(2024, 1, 10)),
    # months
    ("Март", date(2024, 3, 1), date(2024, 3, 31)),
    ("Октябрь", date(2023, 10, 1), date(2023, 10, 31)),
    ("февраль, 2024 г.", date(2024, 2, 1), date(2024, 2, 29)),
    ("  ДЕКАБРЬ ,  2023  г. ", date(2023, 12, 1), date(2023, 12, 31)),
    ("Сентябрь – май", date(2023, 9, 1), date(2024, 5, 31)),
    ("Сентябрь — май 2024 г.", date(2023, 9, 1), date(2024, 5, 31)),
    ("Декабрь 2023 – январь 2024 гг.", date(2023, 12, 1), date(2024, 1, 31)),
    ("с января по март 2024 г.", date(2024, 1, 1), date(2024, 3, 31)),
    # the whole year
    ("в течение учебного года", date(2023, 9, 1), date(2024, 8, 31)),
    ("В ТЕЧЕНИЕ ГОДА, по запросу", date(2023, 9, 1), date(2024, 8, 31)),
    # names no dates
    ("31.02.2024", None, None),
    ("32.01.2024", None, None),
    ("15.13.2024", None, None),
    ("15.09.2023 - 11.09.2023", None, None),
    ("Май - сентябрь", None, None),
    ("По мере необходимости", None, None),
    ("Ежемесячно", None, None),
    ("Раз в четверть, 2024 г.", None, None),
    ("", None, None),
    ("   ", None, None),
    ("11.09.2023, 19.12.2023", None, None),
]


@pytest.mark.parametrize("text, first, last", OTHER_FORMS, ids=[row[0] or "empty" for row in OTHER_FORMS])
def test_other_forms(text, first, last):
    assert parse_dates(text, YEAR) == (first, last)


# What other associations write in «Сроки» (a plan of 2025-2026).
OTHER_ASSOCIATIONS = [
    # ends then
    ("до 20.10.2025 г.", date(2025, 10, 20), date(2025, 10, 20)),
    ("до 25.05.2026г.", date(2026, 5, 25), date(2026, 5, 25)),
    ("не позднее 15 ноября", date(2025, 11, 15), date(2025, 11, 15)),
    # the quarter's or half-year's range within the academic year
    ("IV четверть", date(2026, 4, 1), date(2026, 5, 31)),
    ("I четверть", date(2025, 9, 1), date(2025, 10, 31)),
    ("в течение 3 четверти", date(2026, 1, 1), date(2026, 3, 31)),
    ("II-III четверть", date(2025, 11, 1), date(2026, 3, 31)),
    ("2 полугодие", date(2026, 1, 1), date(2026, 5, 31)),
    ("I полугодие", date(2025, 9, 1), date(2025, 12, 31)),
    ("во втором полугодии", date(2026, 1, 1), date(2026, 5, 31)),
    # months without a year: from the academic year
    ("сентябрь-октябрь", date(2025, 9, 1), date(2025, 10, 31)),
    ("Ноябрь – декабрь", date(2025, 11, 1), date(2025, 12, 31)),
    ("декабрь-январь", date(2025, 12, 1), date(2026, 1, 31)),
    ("август", date(2026, 8, 1), date(2026, 8, 31)),
    # verbatim, no dates
    ("ежемесячно", None, None),
    ("1 раз в четверть", None, None),
    ("по графику", None, None),
    ("по плану ЦРО", None, None),
    ("III-II четверть", None, None),
    # impossible dates name none (events.checks says so)
    ("31.02.2025", None, None),
    ("15.13.2025", None, None),
    ("до 31.02.2026", None, None),
    ("30 февраля", None, None),
]


@pytest.mark.parametrize("text, first, last", OTHER_ASSOCIATIONS, ids=[row[0] for row in OTHER_ASSOCIATIONS])
def test_what_other_associations_write(text, first, last):
    assert parse_dates(text, 2025) == (first, last)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("31.02.2025", "31.02.2025"),
        ("15.13.2025", "15.13.2025"),
        ("до 31.02.2026 г.", "31.02.2026"),
        ("30 февраля", "30 февраля"),
        ("29.02.2024", None),
        ("IV четверть", None),
        ("", None),
    ],
)
def test_impossible_date(text, wrong):
    assert impossible_date(text) == wrong


def test_month_without_year_follows_the_academic_year():
    assert parse_dates("Январь", 2030) == (date(2031, 1, 1), date(2031, 1, 31))
    assert parse_dates("Ноябрь", 2030) == (date(2030, 11, 1), date(2030, 11, 30))


SHIFTS = [
    ("2023-2024", "2024-2025"),
    ("11.09.2023г.", "11.09.2024г."),
    ("Апрель - Май, 2024 г.", "Апрель - Май, 2025 г."),
    (
        "Планирование работы ГТО ШБ на 2023-2024 учебный год.",
        "Планирование работы ГТО ШБ на 2024-2025 учебный год.",
    ),
    ("Юбилей В.П. Астафьева – 100 лет со дня рождения!", "Юбилей В.П. Астафьева – 100 лет со дня рождения!"),
    ("Заседание №1", "Заседание №1"),
    ("А.С. Пушкину - 225 лет", "А.С. Пушкину - 225 лет"),
    ("11.09.23", "11.09.24"),
    ("31.12.99", "31.12.00"),
    ("29.02.2024", "28.02.2025"),
    ("29.02.2027", "29.02.2028"),
    ("29.02.24 г.", "28.02.25 г."),
    ("29 февраля 2024 г.", "28 февраля 2025 г."),
    ("В течение года", "В течение года"),
    ("Учебник 1.1.1.2.1.3.61 (ФПУ 2022 г.)", "Учебник 1.1.1.2.1.3.61 (ФПУ 2023 г.)"),
    ("с 1999 по 2000", "с 2000 по 2001"),
]


@pytest.mark.parametrize("text, shifted", SHIFTS, ids=[row[0] for row in SHIFTS])
def test_shift_text_by_year(text, shifted):
    assert shift_text_by_year(text) == shifted


def test_shifted_seed_dates_fall_a_year_later():
    for text, first, last in SEED_DATES:
        if first is None:
            continue
        assert parse_dates(shift_text_by_year(text), YEAR + 1) == (
            first.replace(year=first.year + 1),
            last.replace(year=last.year + 1),
        ), text


def test_impossible_date_of_a_forms_date():
    assert impossible_date("«31» февраля 2025 г.") == "31 февраля 2025"
    assert impossible_date("«28» февраля 2025 г.") is None
