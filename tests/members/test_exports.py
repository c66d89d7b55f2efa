"""The data bank as XLSX and a librarian's card as PDF, read back; who may download them."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from members.models import Course, PortfolioEntry
from tests.reports.conftest import pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(librarian_user, other_librarian_user):
    kuklina = librarian_user.account.person
    kuklina.first_name, kuklina.patronymic, kuklina.phone = "Наталья", "Николаевна", "+7 900 111-22-33"
    kuklina.category, kuklina.attestation_date = "first", datetime.date(2022, 3, 1)
    kuklina.save()
    Course.objects.create(
        person=kuklina,
        title="Школьная библиотека и ФГОС",
        provider="ИРО",
        hours=36,
        start=datetime.date(2023, 10, 2),
        end=datetime.date(2023, 10, 13),
        certificate_number="382-17",
    )
    PortfolioEntry.objects.create(
        person=kuklina,
        title="Буктрейлер",
        kind="master_class",
        date=datetime.date(2024, 3, 19),
        level="municipal",
    )
    return kuklina


def test_head_downloads_the_data_bank(head_client, filled, django_assert_max_num_queries):
    # session, user, account; people, courses, portfolio
    with django_assert_max_num_queries(6):
        response = head_client.get(reverse("members:download"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    book = workbook(response.content)
    assert book.sheetnames == ["Библиотекари", "Курсы", "Портфолио"]
    people = sheet_rows(book["Библиотекари"])
    assert people[0][:3] == ["Фамилия, имя, отчество", "Как в документах", "Школа"]
    kuklina = next(row for row in people if row[1] == "Куклина Н.Н.")
    assert (
        kuklina[0] == "Куклина Наталья Николаевна"
        and kuklina[2] == "МАОУ СОШ № 1"
        and "+7 900 111-22-33" in kuklina
    )
    assert len(people) == 1 + 3  # header, Саблина, Куклина, Садовникова
    courses = sheet_rows(book["Курсы"])
    assert courses[1][:5] == ["Куклина Н.Н.", "МАОУ СОШ № 1", "Школьная библиотека и ФГОС", "ИРО", 36]
    assert sheet_rows(book["Портфолио"])[1][3:5] == ["мастер-класс", "муниципальный"]


def test_data_bank_download_is_for_head_and_committee(viewer_client, client, librarian_user, filled):
    assert viewer_client.get(reverse("members:download")).status_code == 200
    client.force_login(librarian_user)
    assert client.get(reverse("members:download")).status_code == 403
    assert client.post(reverse("members:download")).status_code == 405


def test_card_pdf_hides_contacts_from_another_librarian(client, other_librarian_user, head_user, filled):
    url = reverse("members:person_card", args=[filled.pk])
    client.force_login(other_librarian_user)
    text = pdf_text(client.get(url).content)
    assert "Карточка школьного библиотекаря" in text and "Куклина Наталья Николаевна" in text
    assert "Школьная библиотека и ФГОС (ИРО), удостоверение № 382-17" in text
    assert "+7 900 111-22-33" not in text
    client.force_login(head_user)
    assert "+7 900 111-22-33" in pdf_text(client.get(url).content)


def test_card_pdf_other_association_and_visitor(client, other_head_user, filled):
    url = reverse("members:person_card", args=[filled.pk])
    assert client.get(url).status_code == 302
    client.force_login(other_head_user)
    assert client.get(url).status_code == 404


def test_export_members_command(tmp_path, filled):
    output = tmp_path / "bank.xlsx"
    out = StringIO()
    call_command("export_members", "--format", "xlsx", "--output", str(output), stdout=out)
    assert "Записан" in out.getvalue()
    rows = sheet_rows(workbook(output.read_bytes())["Библиотекари"])
    assert "Куклина Наталья Николаевна" in [row[0] for row in rows]


def test_a_name_ending_in_a_period_gets_no_second_one(client, head_user, filled):
    """«Куклина Н.Н.» before an extension or a full stop: «Н.Н.pdf», «Н.Н. Скан», never «Н.Н..»."""
    from urllib.parse import unquote

    client.force_login(head_user)
    card = client.get(reverse("members:person_card", args=[filled.pk]))
    assert unquote(card["Content-Disposition"]).endswith("Карточка Куклина Н.Н.pdf")
    data = client.get(reverse("members:my_data", args=[filled.pk, "json"]))
    assert unquote(data["Content-Disposition"]).endswith("Мои данные Куклина Н.Н.json")
    page = client.get(reverse("members:course_add", args=[filled.pk])).content.decode()
    assert "Куклина Н.Н. Скан удостоверения" in page and "Н.Н.." not in page


def test_the_card_pdf_says_an_attestation_is_overdue(client, head_user, filled):
    import datetime as dt

    from django.utils import timezone

    filled.attestation_due = timezone.localdate() - dt.timedelta(days=3)
    filled.save()
    client.force_login(head_user)
    text = pdf_text(client.get(reverse("members:person_card", args=[filled.pk])).content)
    assert "просрочена" in text


def test_education_without_its_level_reads_without_a_dash(client, head_user, filled):
    """«Образование: —: ИГУ» came out when only the institution was known."""
    filled.education_level, filled.education_institution, filled.education_year = "", "ИГУ", 2005
    filled.save()
    client.force_login(head_user)
    text = pdf_text(client.get(reverse("members:person_card", args=[filled.pk])).content)
    assert "ИГУ, 2005" in text and "—: ИГУ" not in text
    assert "ИГУ, 2005" in client.get(reverse("members:person", args=[filled.pk])).content.decode()
    filled.education_level = "higher_library"
    filled.save()
    assert filled.education_text == "высшее библиотечное: ИГУ, 2005"
    filled.education_institution, filled.education_year = "", None
    assert filled.education_text == "высшее библиотечное"
