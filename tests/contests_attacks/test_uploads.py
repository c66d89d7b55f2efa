"""The XLSX upload of a school's entries with odd real-world files: all or nothing, row-numbered Russian errors."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contests.models import Entry

from .helpers import client_of, open_until

pytestmark = pytest.mark.django_db

HEADER = ["Фамилия", "Имя", "Класс", "Номинация", "Название работы"]


def workbook_bytes(rows, merge=None, hide_first=False):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cells in merge or []:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(data, name="заявка.xlsx"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def post(user, contest, data, name="заявка.xlsx"):
    client = client_of(user)
    client.raise_request_exception = False
    return client.post(reverse("contests:entries_upload", args=[contest.pk]), {"file": upload(data, name)})


def test_a_password_protected_xlsx_is_named_as_such_not_called_an_old_xls(contest, librarian_user):
    """Excel saves a password-protected .xlsx as an OLE2 compound file («EncryptedPackage»): the same first bytes
    as an .xls. The librarian uploads «заявка.xlsx» she protected; she is told it is «старого формата Excel (.xls)»
    and to re-save it as .xlsx — which it already is."""
    open_until(contest)
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    encrypted = (
        ole2 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    )
    response = post(librarian_user, contest, encrypted + b"\x00" * 4096, "заявка.xlsx")
    page = response.content.decode()
    assert response.status_code == 400 and not Entry.objects.exists()
    assert "парол" in page, "a password-protected .xlsx is not told apart from an old .xls"


def test_a_real_xls_is_refused_in_russian(contest, librarian_user):
    open_until(contest)
    response = post(
        librarian_user, contest, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000, "заявка.xls"
    )
    assert response.status_code == 400 and ".xls" in response.content.decode()


def test_a_200000_character_title_is_a_row_error(contest, librarian_user):
    open_until(contest)
    data = workbook_bytes([HEADER, ["Иванова", "Мария", 5, "5–8 классы", "Я" * 200_000]])
    response = post(librarian_user, contest, data)
    page = response.content.decode()
    assert response.status_code == 400 and "Строка 2" in page and not Entry.objects.exists()


def test_three_thousand_rows_are_refused_in_russian(contest, librarian_user):
    open_until(contest)
    rows = [HEADER] + [[f"Иванова{n}", "Мария", 5, "5–8 классы", "Стих"] for n in range(3000)]
    response = post(librarian_user, contest, workbook_bytes(rows))
    page = response.content.decode()
    assert response.status_code == 400 and not Entry.objects.exists()
    assert "заяв" in page


def test_one_bad_row_among_good_ones_saves_nothing_and_names_the_row(contest, librarian_user):
    open_until(contest)
    rows = [HEADER, ["Иванова", "Мария", 5, "5–8 классы", "Стих"], ["Петров", "Иван", 15, "", "Басня"],
            ["Ли", "Ким", 7, "", "Стих"]]  # fmt: skip
    response = post(librarian_user, contest, workbook_bytes(rows))
    page = response.content.decode()
    assert response.status_code == 400 and "Строка 3" in page and not Entry.objects.exists()


def test_a_title_row_merged_over_the_header_and_other_wording(contest, librarian_user):
    open_until(contest)
    rows = [
        ["Заявка на участие в конкурсе МАОУ СОШ № 1", None, None, None, None, None],
        ["№ п/п", "Ф.И.О. участника", "Класс (литера)", "Возрастная группа", "Название произведения, автор",
         "ФИО педагога"],
        [1, "Иванова Мария Петровна", "5 «А»", "5-8 классы", "«Зимнее утро» А.С. Пушкин", "Петрова Анна Сергеевна"],
    ]  # fmt: skip
    response = post(librarian_user, contest, workbook_bytes(rows, merge=["A1:F1"]))
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = Entry.objects.get()
    assert (entry.surname, entry.first_name, entry.grade) == ("Иванова", "Мария", 5)
    assert entry.mentor_text == "Петрова Анна Сергеевна"


def test_a_javascript_link_is_refused(contest, librarian_user):
    open_until(contest)
    rows = [
        HEADER + ["Ссылка на работу"],
        ["Иванова", "Мария", 5, "5–8 классы", "Стих", "javascript:alert(1)"],
    ]
    response = post(librarian_user, contest, workbook_bytes(rows))
    assert response.status_code == 400 and not Entry.objects.exists()


def test_the_upload_after_the_places_are_confirmed_is_refused_even_reopened(filled_contest, librarian_user):
    filled_contest.reopened = True
    filled_contest.places_confirmed = True
    filled_contest.save()
    data = workbook_bytes([HEADER, ["Новая", "Вера", 5, "5–8 классы", "Стих"]])
    response = post(librarian_user, filled_contest, data)
    assert response.status_code == 403 and not Entry.objects.filter(surname="Новая").exists()


def test_an_empty_post_of_the_upload_page_says_what_is_missing_in_russian(contest, librarian_user):
    open_until(contest)
    client = client_of(librarian_user)
    response = client.post(reverse("contests:entries_upload", args=[contest.pk]), {"x": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "This field is required" not in page and "Обязательное поле" in page
