"""The lines of a plan's «Ответственный» cell (members.names): each kept as written, with the name it holds."""

import pytest

from members.names import PrintedName, name_key, parse_name, responsible_lines


def lines(cell):
    return [(line.text, str(line.name) if line.name else None) for line in responsible_lines(cell)]


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Саблина В.И", [("Саблина В.И", "Саблина В.И.")]),
        ("Саблина В.И,", [("Саблина В.И", "Саблина В.И.")]),
        ("Саблина В.И Садовникова Л.И.", [("Саблина В.И", "Саблина В.И."), ("Садовникова Л.И.", "Садовникова Л.И.")]),
        (
            "Саблина В.И., Куклина Н.Н. Степанова М.М. Барышева Н.М.",
            [("Саблина В.И.", "Саблина В.И."), ("Куклина Н.Н.", "Куклина Н.Н."),
             ("Степанова М.М.", "Степанова М.М."), ("Барышева Н.М.", "Барышева Н.М.")],
        ),
        ("Саблина В.И. ГТО ШБ", [("Саблина В.И.", "Саблина В.И."), ("ГТО ШБ", None)]),
        ("ГТО ШБ", [("ГТО ШБ", None)]),
        ("Пискарёва С. Б.", [("Пискарёва С. Б.", "Пискарёва С.Б.")]),
        ("Черных М.В; Ткачук Т.М.", [("Черных М.В", "Черных М.В."), ("Ткачук Т.М.", "Ткачук Т.М.")]),
        ("Салтыков-Щедрин М.Е.", [("Салтыков-Щедрин М.Е.", "Салтыков-Щедрин М.Е.")]),
        # one initial, then the next surname: its first letter is not a second initial
        ("Иванова И. Петрова П.П.", [("Иванова И.", "Иванова И."), ("Петрова П.П.", "Петрова П.П.")]),
        ("", []),
        # initials first, with or without a space
        ("Т.А. Мальцева", [("Т.А. Мальцева", "Мальцева Т.А.")]),
        ("Л.В.Ким", [("Л.В.Ким", "Ким Л.В.")]),
        # a full name: the patronymic says so
        ("Иванова Елена Александровна", [("Иванова Елена Александровна", "Иванова Е.А.")]),
        # a school in parentheses stays on its name's line
        ("Петрова А.А. (СОШ №5); все библиотекари", [("Петрова А.А. (СОШ №5)", "Петрова А.А."), ("все библиотекари", None)]),
        # groups are lines without a person; a comma inside quotes does not split
        ("МКУ «ЦРО», руководители ШМО", [("МКУ «ЦРО»", None), ("руководители ШМО", None)]),
        ("члены ГМО\nИванова Е.А.", [("члены ГМО", None), ("Иванова Е.А.", "Иванова Е.А.")]),
        ("Саблина В.И. и Куклина Н.Н.", [("Саблина В.И.", "Саблина В.И."), ("Куклина Н.Н.", "Куклина Н.Н.")]),
        ("руководитель РМО Иванова Е.А.", [("руководитель РМО", None), ("Иванова Е.А.", "Иванова Е.А.")]),
        ("Кузнецова Т.А., председатель жюри", [("Кузнецова Т.А.", "Кузнецова Т.А."), ("председатель жюри", None)]),
        ("все библиотекари", [("все библиотекари", None)]),
    ],
)
def test_responsible_lines(cell, expected):
    assert lines(cell) == expected


def test_full_name_keeps_first_name_and_patronymic():
    assert parse_name("Иванова Елена Александровна") == PrintedName("Иванова", "Е.А.", "Елена", "Александровна")


def test_key_reads_yo_as_ye_and_ignores_spaces_dots_and_order():
    keys = {parse_name(text).key for text in ["Пискарёва С.Б.", "Пискарева С. Б.", "С.Б. Пискарёва", "Пискарёва Светлана Борисовна"]}
    assert keys == {name_key("ПИСКАРЕВА", "С.Б")}
    assert parse_name("Садовникова Л.И.").key != parse_name("Садовникова Н.Н.").key


@pytest.mark.parametrize("text", ["Саблина", "Саблина В.И. Куклина Н.Н.", "библиотекари школ", ""])
def test_parse_name_wants_exactly_one(text):
    with pytest.raises(ValueError, match="Фамилия И.О."):
        parse_name(text)
    assert parse_name(" Саблина В.И ") == PrintedName("Саблина", "В.И.")
