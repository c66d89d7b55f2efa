"""How titles and authors are compared, and how spreadsheet values are read."""

import datetime

import pytest

from textbooks.keys import author_key, normalize, search_text, title_key
from textbooks.parsing import parse_count, parse_grades, parse_until, parse_year


@pytest.mark.parametrize("a, b", [
    ("Русский язык. 1 класс", "русский язык"),
    ("Русский язык: 1-й класс: учебник: в 2 частях", "Русский  язык"),
    ("Математика. 5-6 классы", "МАТЕМАТИКА"),
    ("Литературное чтение (в 2-х частях)", "Литературное чтение"),
    ("Ёжик в тумане", "ежик в тумане"),
])  # fmt: skip
def test_title_key_forgives_grade_parts_case_and_yo(a, b):
    assert title_key(a) == title_key(b)


def test_title_key_keeps_what_tells_textbooks_apart():
    assert title_key("Физика. Базовый уровень. 10-11 классы") != title_key(
        "Физика. Углублённый уровень. 10-11 классы"
    )
    assert title_key("Алгебра") != title_key("Геометрия")


@pytest.mark.parametrize("authors, key", [
    ("Канакина В.П., Горецкий В.Г.", "канакина"),
    ("Канакина В. П. и др.", "канакина"),
    ("В.П. Канакина", "канакина"),
    ("Пёрышкин А.В.", "перышкин"),
    ("Мордкович А.Г.; Семенов П.В.", "мордкович"),
    ("", ""),
])  # fmt: skip
def test_author_key_is_the_first_surname(authors, key):
    assert author_key(authors) == key


def test_search_text_is_normalised():
    assert normalize("«Пёрышкин» А.В.!") == "перышкин а в"
    assert search_text("Физика. 7 класс", "Пёрышкин А.В.") == "физика 7 класс перышкин а в"


@pytest.mark.parametrize(
    "value, grades",
    [
        (5, (5, 5)),
        (5.0, (5, 5)),
        ("7-9", (7, 9)),
        ("10–11 классы", (10, 11)),
        ("1 класс", (1, 1)),
        ("5 - 6", (5, 6)),
    ],
)
def test_parse_grades(value, grades):
    assert parse_grades(value) == grades


@pytest.mark.parametrize("value, message", [
    ("13", "класс «13» — нет такого класса"),
    ("0", "класс «0» — нет такого класса"),
    ("9-7", "класс «9-7» — начало промежутка больше конца"),
    ("пятый", "класс «пятый» — не число и не промежуток вроде «5-9»"),
    (None, "не указан класс"),
])  # fmt: skip
def test_parse_grades_refuses_with_a_russian_reason(value, message):
    with pytest.raises(ValueError, match=message):
        parse_grades(value)


def test_parse_count_and_year():
    assert parse_count("12 экз.") == 12 and parse_count(3.0) == 3
    with pytest.raises(ValueError, match="не указано количество"):
        parse_count("")
    with pytest.raises(ValueError, match="количество «-2» — нужно целое число больше нуля"):
        parse_count("-2")
    assert parse_year("2019 г.") == 2019 and parse_year(None) is None
    with pytest.raises(ValueError, match="год издания «3020»"):
        parse_year(3020, today=datetime.date(2024, 9, 1))


@pytest.mark.parametrize("value, day", [
    ("До 25 апреля 2027 года", datetime.date(2027, 4, 25)),
    ("до 31 МАЯ 2029 г.", datetime.date(2029, 5, 31)),
    ("до 25.04.2027", datetime.date(2027, 4, 25)),
    (datetime.datetime(2027, 4, 25, 0, 0), datetime.date(2027, 4, 25)),
    ("бессрочно", None),
    ("До 31 февраля 2027 года", None),
    (None, None),
])  # fmt: skip
def test_parse_until(value, day):
    assert parse_until(value) == day
