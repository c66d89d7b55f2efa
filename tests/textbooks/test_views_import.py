"""Loading a school's list from XLSX in the browser: who may, the limits, the list of bad rows."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from textbooks.models import Offer

from .conftest import OFFERS_SAMPLE, upload

pytestmark = pytest.mark.django_db

URL = reverse("textbooks:offers_import")
HEADER = ["Наименование", "Класс", "Количество", "Инв. номер"]


def test_librarian_loads_own_schools_list(librarian_client, school, catalogue):
    with open(OFFERS_SAMPLE, "rb") as file:
        response = librarian_client.post(URL, {"file": file}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("textbooks:school", args=[school.pk])
    assert Offer.objects.filter(school=school).count() == 6
    html = response.content.decode()
    assert "Загружено 6 предложений, 110 экземпляров; 5 из них найдены в ФПУ." in html
    assert "1 столбец не распознан и пропущен: «№ п/п»." in html


def test_head_chooses_the_school(head_client, school, other_school, foreign_school):
    form = head_client.get(URL).context["form"]
    assert set(form.fields["school"].queryset) == {school, other_school}
    response = head_client.post(
        URL, {"school": other_school.pk, "file": upload([HEADER, ["Химия", 8, 3, "И-1"]])}
    )
    assert response.status_code == 302 and Offer.objects.get().school == other_school
    response = head_client.post(
        URL, {"school": foreign_school.pk, "file": upload([HEADER, ["Химия", 8, 3, "И-1"]])}
    )
    assert response.status_code == 400 and Offer.objects.count() == 1


def test_bad_rows_are_listed_and_nothing_is_written(librarian_client, school):
    rows = [HEADER, ["Химия", 8, 3, ""], ["Физика", 7, None, ""], ["Алгебра", 13, 5, ""]]
    response = librarian_client.post(URL, {"file": upload(rows)})
    html = response.content.decode()
    assert response.status_code == 400 and not Offer.objects.exists()
    assert "Файл не загружен, ничего не изменено: 2 ошибки." in html
    assert "Строка 3: не указано количество" in html and "Строка 4: класс «13» — нет такого класса" in html


@pytest.mark.parametrize("name, content, message", [
    ("список.xls", b"\xd0\xcf\x11\xe0old excel", "Нужен файл Excel в формате .xlsx"),
    ("список.xlsx", b"%PDF-1.4 not a table", "Файл не похож на таблицу .xlsx"),
])  # fmt: skip
def test_only_xlsx(librarian_client, school, name, content, message):
    response = librarian_client.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert message in response.content.decode() and not Offer.objects.exists()


def test_five_megabytes_at_most(librarian_client, school):
    big = SimpleUploadedFile("список.xlsx", b"PK\x03\x04" + b"0" * (5 * 1024 * 1024))
    response = librarian_client.post(URL, {"file": big})
    assert "Файл больше 5 МБ" in response.content.decode() and not Offer.objects.exists()


def test_a_broken_xlsx(librarian_client, school):
    response = librarian_client.post(
        URL, {"file": SimpleUploadedFile("список.xlsx", b"PK\x03\x04broken zip")}
    )
    assert "не читается как таблица Excel" in response.content.decode() and not Offer.objects.exists()


@pytest.mark.parametrize("who", ["viewer_client"])
def test_committee_loads_nothing(request, who, school):
    client = request.getfixturevalue(who)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"file": upload([HEADER, ["Химия", 8, 3, ""]])}).status_code == 403
    assert not Offer.objects.exists()


def test_the_page_explains_the_columns_and_offers_a_sample(librarian_client, school):
    html = librarian_client.get(URL).content.decode()
    assert "«Количество», «Кол-во» или «Кол-во экз.»" in html
    response = librarian_client.get(reverse("textbooks:offers_sample"))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"PK\x03\x04")


def test_visitor(client, db):
    assert client.get(URL).status_code == 302
    assert client.get(reverse("textbooks:offers_sample")).status_code == 302
