"""Bad files never get past: a clear Russian message, HTTP 400 (never 500), nothing written.

The school's list of offers (in the browser), the federal list and the plan (from the command line).
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.models import Event, Plan
from tests.conftest import SEED_PLAN
from tests.textbooks.conftest import xlsx_bytes
from textbooks.models import Offer, Textbook

pytestmark = pytest.mark.django_db

URL = reverse("textbooks:offers_import")


GOOD = xlsx_bytes([["Наименование", "Класс", "Количество"], ["Химия. 8 класс", 8, 3]])
BAD_FILES = {
    "truncated": ("список.xlsx", GOOD[: len(GOOD) // 2], "не читается как таблица Excel"),
    "garbage": ("список.xlsx", bytes(range(256)) * 40, "Файл не похож на таблицу .xlsx"),
    "zip of something else": ("список.xlsx", None, "не читается как таблица Excel"),
    "missing column": (
        "список.xlsx",
        xlsx_bytes([["Наименование", "Класс"], ["Химия", 8]]),
        "нет столбца «Количество»",
    ),
    "doubled column": (
        "список.xlsx",
        xlsx_bytes([["Наименование", "Класс", "Количество", "Кол-во"], ["Химия", 8, 3, 3]]),
        "повторяется",
    ),
    "100,000 rows": (
        "список.xlsx",
        xlsx_bytes([["Наименование", "Класс", "Количество"]] + [["Химия", 8, 1]] * 100_000),
        "больше 5000 строк",
    ),
    "over 5 MB": ("список.xlsx", b"PK\x03\x04" + b"0" * (5 * 1024 * 1024 + 1), "Файл больше 5 МБ"),
}


def zip_of_text():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_offer_lists_are_refused(librarian_client, school, case):
    name, content, message = BAD_FILES[case]
    content = content if content is not None else zip_of_text()
    response = librarian_client.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Offer.objects.exists()


def test_a_good_list_still_goes_through(librarian_client, school):
    response = librarian_client.post(URL, {"file": SimpleUploadedFile("список.xlsx", GOOD)})
    assert response.status_code == 302 and Offer.objects.count() == 1


@pytest.mark.parametrize(
    "case", ["truncated", "garbage", "zip of something else", "missing column", "100,000 rows"]
)
def test_bad_federal_lists_are_refused(tmp_path, case):
    name, content, _message = BAD_FILES[case]
    path = tmp_path / "fpu.xlsx"
    path.write_bytes(content if content is not None else zip_of_text())
    with pytest.raises(CommandError) as error:
        call_command("import_fpu", str(path))
    assert "Traceback" not in str(error.value) and str(error.value)
    assert not Textbook.objects.exists()


@pytest.mark.parametrize("name, content", [
    ("plan.docx", b"PK\x03\x04 truncated docx"),
    ("plan.docx", bytes(range(256)) * 8),
    ("plan.txt", b"\x00\x01\x02 binary garbage \xff\xfe"),
    ("plan.txt", SEED_PLAN.read_bytes()[:2000]),  # cut off in the middle of the header
])  # fmt: skip
def test_bad_plan_files_are_refused(tmp_path, association, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        call_command("import_plan", str(path), "--association", association.slug)
    assert "План не загружен" in str(error.value)
    assert not Plan.objects.exists() and not Event.objects.exists()
