"""A school's list as librarians write it (issue 17): the copies column's other names, «Состояние», «2 кл.»,
«15 шт.», and the count of ignored columns in its plural."""

import pytest
from django.urls import reverse
from django.utils import translation

from textbooks.models import Offer
from textbooks.offers_import import OffersImportResult, import_offers
from textbooks.spreadsheets import SpreadsheetError

from .conftest import upload, xlsx_file

pytestmark = pytest.mark.django_db

CONDITIONS = "«новые», «хорошее», «удовлетворительное» или «требуют ремонта»"


def load(rows, school):
    """Import `rows` (the first is the header) as the school's XLSX; the result and the saved offers in order."""
    result = import_offers(xlsx_file(rows), school)
    return result, list(Offer.objects.filter(school=school).order_by("pk"))


def refused(rows, school):
    """The errors of a refused file, after checking that nothing was saved."""
    with pytest.raises(SpreadsheetError) as error:
        import_offers(xlsx_file(rows), school)
    assert not Offer.objects.exists()
    return error.value.errors


@pytest.mark.parametrize(
    "header", ["Экз.", "Кол-во", "Кол-во экз.", "Количество, шт.", "шт.", "Количество (шт.)"]
)
def test_copies_column_under_the_names_librarians_give_it(school, header):
    result, [offer] = load([["Наименование", "Класс", header], ["Химия", 8, 7]], school)
    assert (offer.copies, offer.available) == (7, 7)
    assert result.ignored_columns == []


@pytest.mark.parametrize("typed", ["15 шт", "15 шт.", "15 экз.", "15 экз", "15шт.", "15 штук", "15 ШТ."])
def test_copies_with_their_unit(school, typed):
    _result, [offer] = load([["Наименование", "Класс", "Кол-во"], ["Химия", 8, typed]], school)
    assert (offer.copies, offer.available) == (15, 15)


def test_copies_with_a_unit_but_not_a_positive_number_refuse_the_file(school):
    rows = [
        ["Наименование", "Класс", "шт."],
        ["Химия", 8, "0 шт."],
        ["Физика", 7, "пять шт."],
        ["Алгебра", 7, 3],
    ]
    assert refused(rows, school) == [
        "Строка 2: количество «0 шт.» — нужно целое число больше нуля",
        "Строка 3: количество «пять шт.» — нужно целое число больше нуля",
    ]


@pytest.mark.parametrize(
    "typed, grades",
    [("2 кл.", (2, 2)), ("2 кл", (2, 2)), ("2 класс", (2, 2)), ("5-7 кл.", (5, 7)), ("10–11 кл.", (10, 11))],
)
def test_grade_with_the_word_class(school, typed, grades):
    _result, [offer] = load([["Наименование", "Класс", "Количество"], ["Химия", typed, 3]], school)
    assert (offer.grade_from, offer.grade_to) == grades


def test_grade_with_the_word_class_outside_one_to_eleven_refuses_the_file(school):
    rows = [["Наименование", "Класс", "Количество"], ["Химия", "12 кл.", 3], ["Физика", "9-7 кл.", 3]]
    assert refused(rows, school) == [
        "Строка 2: класс «12 кл.» — нет такого класса",
        "Строка 3: класс «9-7 кл.» — начало промежутка больше конца",
    ]


CONDITION_TYPED = [
    ("новые", Offer.Condition.NEW),
    ("Новый", Offer.Condition.NEW),
    ("хорошее", Offer.Condition.GOOD),
    ("хор.", Offer.Condition.GOOD),
    ("Хорошие", Offer.Condition.GOOD),
    ("удовлетворительное", Offer.Condition.FAIR),
    ("удовл.", Offer.Condition.FAIR),
    ("требует ремонта", Offer.Condition.WORN),
    ("Требуют  ремонта", Offer.Condition.WORN),
    ("ветхие", Offer.Condition.WORN),
    ("Ветхий", Offer.Condition.WORN),
    (None, Offer.Condition.GOOD),  # left empty: the form's default
]


def test_condition_is_imported_from_the_words_librarians_type(school):
    rows = [["Наименование", "Класс", "Количество", "Состояние"]]
    rows += [[f"Учебник {n}", 5, 2, typed] for n, (typed, _condition) in enumerate(CONDITION_TYPED)]
    result, offers = load(rows, school)
    assert [offer.condition for offer in offers] == [condition for _typed, condition in CONDITION_TYPED]
    assert result.ignored_columns == []


def test_without_a_condition_column_the_offers_are_in_good_condition(school):
    _result, [offer] = load([["Наименование", "Класс", "Количество"], ["Химия", 8, 3]], school)
    assert offer.condition == Offer.Condition.GOOD


def test_the_banks_own_export_labels_come_back_as_they_went(school):
    rows = [["Наименование", "Класс", "Количество", "Состояние"]]
    rows += [[f"Учебник {value}", 5, 2, str(label)] for value, label in Offer.Condition.choices]
    _result, offers = load(rows, school)
    assert [offer.condition for offer in offers] == list(Offer.Condition.values)


def test_an_unknown_condition_refuses_the_whole_file_by_row(school):
    rows = [["Наименование", "Класс", "Количество", "Состояние"],
            ["Химия", 8, 3, "хор."],
            ["Физика", 7, 2, "отличное"],
            ["Алгебра", 7, 5, "б/у"]]  # fmt: skip
    assert refused(rows, school) == [
        f"Строка 3: состояние «отличное» — не понятно, напишите {CONDITIONS}",
        f"Строка 4: состояние «б/у» — не понятно, напишите {CONDITIONS}",
    ]


def test_the_page_saves_condition_copies_and_grades_as_typed(librarian_client, school):
    rows = [
        ["Наименование", "Класс", "Кол-во экз.", "Состояние"],
        ["Геометрия", "7-9 кл.", "15 шт.", "удовл."],
    ]
    response = librarian_client.post(reverse("textbooks:offers_import"), {"file": upload(rows)})
    assert response.status_code == 302
    offer = Offer.objects.get(school=school)
    assert (offer.grade_from, offer.grade_to, offer.copies, offer.condition) == (
        7,
        9,
        15,
        Offer.Condition.FAIR,
    )


def test_the_page_lists_an_unknown_condition_and_saves_nothing(librarian_client, school):
    rows = [["Наименование", "Класс", "Кол-во", "Состояние"], ["Геометрия", "7 кл.", 2, "так себе"]]
    response = librarian_client.post(reverse("textbooks:offers_import"), {"file": upload(rows)})
    assert response.status_code == 400
    assert f"Строка 2: состояние «так себе» — не понятно, напишите {CONDITIONS}" in response.content.decode()
    assert not Offer.objects.exists()


@pytest.mark.parametrize(
    "count, expected",
    [
        (1, "1 столбец не распознан и пропущен: «Шифр 1»."),
        (2, "2 столбца не распознаны и пропущены: «Шифр 1», «Шифр 2»."),
        (5, "5 столбцов не распознаны и пропущены: «Шифр 1», «Шифр 2», «Шифр 3», «Шифр 4», «Шифр 5»."),
        (11, "11 столбцов не распознаны и пропущены: "),
        (21, "21 столбец не распознан и пропущен: "),  # the «one» form of locale/ru: 21, 31…
    ],
)
def test_ignored_columns_are_counted_in_russian(school, count, expected):
    header = ["Наименование", "Класс", "Количество"] + [f"Шифр {n}" for n in range(1, count + 1)]
    result, _offers = load([header, ["Химия", 8, 3] + ["x"] * count], school)
    assert result.ignored_columns == header[3:]
    with translation.override("ru"):
        assert result.ignored_message().startswith(expected)


def test_no_ignored_columns_no_message():
    assert OffersImportResult(ignored_columns=[]).ignored_message() == ""
