"""The Federal List (ФПУ) from the ministry's XLSX: the catalogue, a newer list, bad files, the command."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from demo import samples as sample
from textbooks.fpu import import_fpu
from textbooks.models import Need, Offer, Textbook
from textbooks.spreadsheets import SpreadsheetError

from .conftest import FPU_NEWER, FPU_SAMPLE, make_need, make_offer, xlsx_file

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 9, 1)


def test_sample_list_loads_with_subjects_grades_and_dates():
    result = import_fpu(FPU_SAMPLE, today=DAY)
    assert result.created == result.total == Textbook.objects.count() == 37
    kanakina = Textbook.objects.get(fpu_number="1.1.1.1.1.1")
    assert kanakina.title == "Русский язык. 1 класс"
    assert kanakina.authors == "Канакина В.П., Горецкий В.Г."
    assert kanakina.publisher == "АО «Издательство «Просвещение»"
    assert (kanakina.subject, kanakina.grade_from, kanakina.grade_to, kanakina.language) == (
        "Русский язык",
        1,
        1,
        "русский",
    )
    assert kanakina.manuals == "Рабочая тетрадь"
    geometry = Textbook.objects.get(fpu_number="1.2.3.3.1.1")
    assert (geometry.subject, geometry.grade_from, geometry.grade_to) == ("Геометрия", 7, 9)
    english = Textbook.objects.get(fpu_number="1.1.2.1.1.1")
    assert english.subject == "Иностранный язык (английский)"
    assert english.valid_until_text == "До 25 апреля 2027 года" and english.valid_until == datetime.date(
        2027, 4, 25
    )
    assert english.title_key == "английскийязык" and english.author_key == "быкова"


def test_newer_list_updates_in_place_marks_dropped_titles_and_keeps_every_offer_and_need(
    school, other_school
):
    import_fpu(FPU_SAMPLE, today=DAY)
    dropped = Textbook.objects.get(fpu_number="1.2.4.1.1.1")  # «Физика. 7 класс», Пёрышкин А.В., ДРОФА
    kept = Textbook.objects.get(fpu_number="1.2.1.2.1.1")
    offer = make_offer(other_school, dropped, copies=30)
    need = make_need(school, dropped, copies=25)
    kept_offer = make_offer(other_school, kept, copies=8)

    result = import_fpu(FPU_NEWER, today=DAY + datetime.timedelta(days=400))
    assert (result.created, result.excluded, result.restored) == (3, 4, 0)
    assert sorted(result.excluded_numbers) == ["1.1.2.1.1.1", "1.1.3.1.2.1", "1.2.3.1.1.1", "1.2.4.1.1.1"]
    assert result.updated == 2 and result.unchanged == 33 - 2  # two dates moved
    dropped.refresh_from_db()
    assert dropped.excluded and dropped.excluded_on == DAY + datetime.timedelta(days=400)
    kept.refresh_from_db()
    assert not kept.excluded and kept.valid_until == datetime.date(2029, 5, 31)
    # every offer and need stays, still pointing to its textbook
    assert Offer.objects.count() == 2 and Need.objects.count() == 1
    offer.refresh_from_db(), need.refresh_from_db(), kept_offer.refresh_from_db()
    assert offer.textbook_id == dropped.pk and need.textbook_id == dropped.pk
    assert offer.fpu_status() == "excluded" and need.fpu_status() == "excluded"
    assert Textbook.objects.get(fpu_number="1.2.5.1.1.1").subject == "Труд (технология)"

    # the older list again brings the dropped titles back
    result = import_fpu(FPU_SAMPLE, today=DAY)
    assert result.restored == 4 and result.excluded == 3
    dropped.refresh_from_db()
    assert not dropped.excluded and dropped.excluded_on is None


def test_importing_the_same_list_twice_changes_nothing():
    import_fpu(FPU_SAMPLE, today=DAY)
    result = import_fpu(FPU_SAMPLE, today=DAY)
    assert (result.created, result.updated, result.excluded, result.unchanged) == (0, 0, 0, 37)


def rows_with(*entries):
    return [sample.FPU_HEADER, ["1.1.1.1.", "Русский язык (учебный предмет)"], *entries]


def test_a_file_with_bad_rows_changes_nothing_and_names_every_row():
    import_fpu(FPU_SAMPLE, today=DAY)
    before = list(Textbook.objects.values_list("fpu_number", "title", "excluded").order_by("fpu_number"))
    bad = rows_with(
        ["1.1.1.1.1.1", "Русский язык. 1 класс", "Канакина В.П.", "Просвещение", "", "1", "русский", ""],
        ["1.1.1.1.1.2", "Русский язык. 2 класс", "Канакина В.П.", "Просвещение", "", "13", "русский", ""],
        ["1.1.1.1.1.3", "", "Канакина В.П.", "Просвещение", "", "3", "русский", ""],
        ["1.1.1.1.1.1", "Русский язык. 1 класс", "Канакина В.П.", "Просвещение", "", "1", "русский", ""],
        ["первый", "Русский язык", "Канакина В.П.", "Просвещение", "", "1", "русский", ""],
    )  # fmt: skip
    with pytest.raises(SpreadsheetError) as refused:
        import_fpu(xlsx_file(bad), today=DAY)
    assert refused.value.errors == [
        "Строка 4: класс «13» — нет такого класса",
        "Строка 5: не указано наименование учебника",
        "Строка 6: номер «1.1.1.1.1.1» уже был в строке 3",
        "Строка 7: порядковый номер «первый» — нужен номер вроде 1.1.1.1.1.1",
    ]
    assert (
        list(Textbook.objects.values_list("fpu_number", "title", "excluded").order_by("fpu_number")) == before
    )


def test_a_file_without_the_lists_header_is_refused():
    with pytest.raises(SpreadsheetError, match="Не найдена строка заголовков"):
        import_fpu(xlsx_file([["Предмет", "Класс"], ["Физика", 7]]))
    with pytest.raises(SpreadsheetError, match="не читается как таблица Excel"):
        import_fpu(StringIO("не таблица"))
    assert not Textbook.objects.exists()


def test_columns_in_another_order_and_a_subject_column():
    rows = [["Класс", "Автор/авторский коллектив", "Наименование учебника", "Порядковый номер", "Учебный предмет", "Наименование издателя(ей)"],
            ["7", "Пёрышкин И.М., Иванов А.И.", "Физика. 7 класс", "1.2.4.1.2.1", "Физика", "Просвещение"]]  # fmt: skip
    import_fpu(xlsx_file(rows))
    physics = Textbook.objects.get()
    assert (physics.fpu_number, physics.subject, physics.publisher, physics.grade_from) == (
        "1.2.4.1.2.1",
        "Физика",
        "Просвещение",
        7,
    )


def test_command(tmp_path):
    out = StringIO()
    call_command("import_fpu", str(FPU_SAMPLE), stdout=out)
    assert (
        "Загружен перечень: 37 учебников (37 новых, 0 изменено, 0 без изменений, 0 исключено)."
        in out.getvalue()
    )
    out = StringIO()
    call_command("import_fpu", str(FPU_NEWER), stdout=out)
    assert "4 исключено" in out.getvalue() and "Исключены из перечня: 1.1.2.1.1.1" in out.getvalue()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        xlsx_file(
            rows_with(["1.1.1.1.1.9", "Русский язык", "Канакина В.П.", "", "", "12", "", ""])
        ).getvalue()
    )
    with pytest.raises(CommandError, match="Строка 3: класс «12» — нет такого класса"):
        call_command("import_fpu", str(bad))
    with pytest.raises(CommandError, match="не найден"):
        call_command("import_fpu", str(tmp_path / "нет.xlsx"))


@pytest.mark.parametrize("name", ["fpu-sample.xlsx", "fpu-sample-newer.xlsx", "offers-sample.xlsx"])
def test_committed_samples_are_what_the_script_writes(name):
    """textbooks/sample.py is the source: run `python -m textbooks.sample` after changing it."""

    def rows(content):
        import io

        return [
            list(row)
            for row in load_workbook(io.BytesIO(content), read_only=True)
            .worksheets[0]
            .iter_rows(values_only=True)
        ]

    expected = rows(sample.files()[name])
    assert rows((sample.TESTS_DIR / name).read_bytes()) == expected
    assert rows((sample.DEMO_DIR / name).read_bytes()) == expected


def test_a_file_that_would_exclude_most_of_the_catalogue_is_refused(tmp_path):
    """A school's table taken for the federal list once marked the whole catalogue «исключён из ФПУ»."""
    from demo.samples import xlsx_bytes

    call_command("import_fpu", str(FPU_SAMPLE), stdout=StringIO())
    listed = Textbook.objects.filter(excluded=False).count()
    small = tmp_path / "не-перечень.xlsx"
    small.write_bytes(
        xlsx_bytes([["№", "Наименование", "Класс", "Автор"], ["1.1.1.1.1.1", "Азбука", "1", "Горецкий В.Г."]])
    )
    with pytest.raises(CommandError, match="похоже, это не федеральный перечень"):
        call_command("import_fpu", str(small))
    assert Textbook.objects.filter(excluded=False).count() == listed
    call_command("import_fpu", str(small), "--allow-mass-exclusion", stdout=StringIO())
    assert Textbook.objects.filter(excluded=False).count() == 1


def test_the_banks_download_template_is_what_the_script_writes():
    """The «Образец списка» a librarian downloads (textbooks/data) is the demo's offers sample."""
    import io

    def rows(content):
        return list(
            load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows(values_only=True)
        )

    expected = rows(sample.files()["offers-sample.xlsx"])
    assert len(expected) > 1
    assert rows((sample.TEMPLATE_DIR / "offers-sample.xlsx").read_bytes()) == expected
