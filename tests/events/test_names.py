"""Printed names in the plan's «Ответственный» column (members.names), as the importer reads them."""

import pytest

from members.names import PrintedName, name_key, parse_name, parse_names


@pytest.mark.parametrize(
    "cell, names",
    [
        ("Саблина В.И", ["Саблина В.И."]),
        ("Саблина В.И,", ["Саблина В.И."]),
        ("Саблина В.И Садовникова Л.И.", ["Саблина В.И.", "Садовникова Л.И."]),
        ("Саблина В.И., Куклина Н.Н. Степанова М.М. Барышева Н.М.", ["Саблина В.И.", "Куклина Н.Н.", "Степанова М.М.", "Барышева Н.М."]),
        ("Саблина В.И. ГТО ШБ", ["Саблина В.И.", "ГТО ШБ"]),
        ("ГТО ШБ", ["ГТО ШБ"]),
        ("Пискарёва С. Б.", ["Пискарёва С.Б."]),
        ("Черных М.В; Ткачук Т.М.", ["Черных М.В.", "Ткачук Т.М."]),
        ("Салтыков-Щедрин М.Е.", ["Салтыков-Щедрин М.Е."]),
        # one initial, then the next surname: its first letter is not a second initial
        ("Иванова И. Петрова П.П.", ["Иванова И.", "Петрова П.П."]),
        ("", []),
    ],
)
def test_parse_names(cell, names):
    assert [str(name) for name in parse_names(cell)] == names


@pytest.mark.parametrize("cell", ["Саблина", "Саблина В.И. и Куклина Н.Н.", "библиотекари школ", "В.И. Саблина"])
def test_not_names(cell):
    with pytest.raises(ValueError, match="Фамилия И.О."):
        parse_names(cell)


def test_association_mark_is_not_a_person():
    (name,) = parse_names("ГТО ШБ")
    assert name.is_association
    assert not parse_name("Саблина В.И.").is_association


def test_key_reads_yo_as_ye_and_ignores_spaces_and_dots():
    assert parse_name("Пискарёва С.Б.").key == parse_name("Пискарева С. Б.").key == name_key("ПИСКАРЕВА", "С.Б")
    assert parse_name("Садовникова Л.И.").key != parse_name("Садовникова Н.Н.").key


def test_parse_name_wants_exactly_one():
    assert parse_name(" Саблина В.И ") == PrintedName("Саблина", "В.И.")
    with pytest.raises(ValueError):
        parse_name("Саблина В.И. Куклина Н.Н.")
