"""A school's list of surplus textbooks from XLSX: columns by name, all rows or none, the command."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from textbooks.models import Offer
from textbooks.offers_import import import_offers
from textbooks.spreadsheets import SpreadsheetError

from .conftest import OFFERS_SAMPLE, xlsx_file

pytestmark = pytest.mark.django_db

HEADER = ["Предмет", "Класс", "Автор", "Наименование", "Издательство", "Год издания", "Количество"]


def test_sample_list_loads_and_links_to_the_catalogue(school, catalogue):
    result = import_offers(OFFERS_SAMPLE, school)
    assert result.count == Offer.objects.filter(school=school).count() == 6
    assert result.copies == 12 + 25 + 8 + 30 + 15 + 20
    assert result.ignored_columns == ["№ п/п"]
    russian = Offer.objects.get(title="Русский язык", grade_from=2)
    # linked to «1.1.1.1.1.2 Русский язык. 2 класс, Канакина В.П., Горецкий В.Г.»; the typed text stays
    assert russian.textbook.fpu_number == "1.1.1.1.1.2"
    assert russian.authors == "Канакина В. П., Горецкий В. Г." and russian.publisher == "Просвещение"
    assert (russian.copies, russian.available, russian.year_published) == (12, 12, 2019)
    geometry = Offer.objects.get(title="Геометрия")
    assert (geometry.grade_from, geometry.grade_to, geometry.textbook.fpu_number) == (7, 9, "1.2.3.3.1.1")
    physics = Offer.objects.get(title="Физика")  # «Перышкин» typed with Е, the list has Ё
    assert physics.textbook.fpu_number == "1.2.4.1.1.1"
    regional = Offer.objects.get(title="География Иркутской области")
    assert regional.textbook is None and regional.note == "региональный учебник"
    assert result.linked == 5
    assert result.message() == "Загружено 6 предложений, 110 экземпляров; 5 из них найдены в ФПУ."


def test_columns_in_any_order_with_other_names_and_unknown_ones(school):
    rows = [["Кол-во экз.", "Название", "Шифр", "Класс", "Авторы", "Примечание"],
            [3, "Химия", "Х-8", "8", "Габриелян О.С.", "почти новые"]]  # fmt: skip
    result = import_offers(xlsx_file(rows), school)
    offer = Offer.objects.get()
    assert (offer.title, offer.authors, offer.grade_from, offer.copies, offer.note) == (
        "Химия",
        "Габриелян О.С.",
        8,
        3,
        "почти новые",
    )
    assert result.ignored_columns == ["Шифр"]


def test_any_bad_row_rejects_the_whole_file_with_a_russian_list(school):
    rows = [HEADER,
            ["Русский язык", 2, "Канакина В.П.", "Русский язык", "Просвещение", 2019, 12],
            ["Математика", 1, "Моро М.И.", "Математика", "Просвещение", 2020, 25],
            [],
            ["Физика", 7, "Перышкин А.В.", "Физика", "Дрофа", 2017, None],
            ["Алгебра", 8, "Макарычев Ю.Н.", "Алгебра", "Просвещение", 2017, "много"],
            ["Литература", 5, "Коровина В.Я.", "", "Просвещение", 2018, 8],
            ["Геометрия", "7-9", "Атанасян Л.С.", "Геометрия", "Просвещение", "давно", 15],
            ["Химия", 13, "Габриелян О.С.", "Химия", "Просвещение", 2020, 4]]  # fmt: skip
    with pytest.raises(SpreadsheetError) as refused:
        import_offers(xlsx_file(rows), school)
    assert refused.value.errors == [
        "Строка 5: не указано количество",
        "Строка 6: количество «много» — нужно целое число больше нуля",
        "Строка 7: не указано наименование",
        "Строка 8: год издания «давно» — нужен год вроде 2021",
        "Строка 9: класс «13» — нет такого класса",
    ]
    assert refused.value.summary() == "Файл не загружен, ничего не изменено: 5 ошибок."
    assert not Offer.objects.exists()


def test_missing_required_columns_are_named(school):
    with pytest.raises(SpreadsheetError) as refused:
        import_offers(
            xlsx_file(
                [
                    ["Предмет", "Автор", "Наименование", "Наименование"],
                    ["Физика", "Перышкин", "Физика", "Физика"],
                ]
            ),
            school,
        )
    assert refused.value.errors == [
        "Столбец «Наименование» повторяется: оставьте в заголовке один.",
        "В первой строке (заголовке) нет столбца «Класс»: назовите столбцы так, как в образце.",
        "В первой строке (заголовке) нет столбца «Количество»: назовите столбцы так, как в образце.",
    ]


def test_an_unknown_fpu_number_is_a_bad_row(school, catalogue):
    rows = [
        ["№ ФПУ", "Наименование", "Класс", "Количество"],
        ["1.1.1.1.1.1", "Русский язык", 1, 5],
        ["9.9.9", "Неизвестный", 1, 5],
    ]
    with pytest.raises(
        SpreadsheetError, match="Строка 3: номера «9.9.9» нет в федеральном перечне учебников"
    ):
        import_offers(xlsx_file(rows), school)
    assert not Offer.objects.exists()


def test_command(school, catalogue, tmp_path):
    out = StringIO()
    call_command("import_offers", str(OFFERS_SAMPLE), "--school", "маоу  сош № 1", stdout=out)
    assert "МАОУ СОШ № 1: Загружено 6 предложений, 110 экземпляров; 5 из них найдены в ФПУ." in out.getvalue()
    assert "1 столбец не распознан и пропущен: «№ п/п»." in out.getvalue()
    with pytest.raises(CommandError, match="Школа «СОШ № 99» не найдена. Школы объединения: «МАОУ СОШ № 1»"):
        call_command("import_offers", str(OFFERS_SAMPLE), "--school", "СОШ № 99")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx_file([HEADER, ["Физика", 7, "Перышкин", "Физика", "Дрофа", 2017, 0]]).getvalue())
    with pytest.raises(CommandError, match="Строка 2: количество «0» — нужно целое число больше нуля"):
        call_command("import_offers", str(bad), "--school", "МАОУ СОШ № 1")
    assert Offer.objects.count() == 6
