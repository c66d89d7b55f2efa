"""A round's summary and answers as XLSX and PDF, read back."""

import pytest
from django.urls import reverse

from rounds.models import ProvisionLine, Report
from tests.reports.conftest import pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(provision_round, school, head_user):
    report = Report.objects.get(round=provision_round, school=school)
    ProvisionLine.objects.create(
        report=report, grade=5, subject="Математика", students=50, available=40, missing=10
    )
    report.submit(head_user)
    return provision_round


def test_xlsx_has_schools_city_and_answers(head_client, answered):
    response = head_client.get(reverse("rounds:round_download", args=[answered.pk, "xlsx"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    book = workbook(response.content)
    assert book.sheetnames == ["Школы", "Город", "Ответы школ"]
    statuses = dict(sheet_rows(book["Школы"])[1:])
    assert statuses["МАОУ СОШ № 2"] == "опаздывает" and statuses["МАОУ СОШ № 1"].startswith("сдан ")
    assert sheet_rows(book["Город"])[1] == [5, "Математика", 50, 40, 10, 80]
    assert sheet_rows(book["Ответы школ"])[1] == ["МАОУ СОШ № 1", 5, "Математика", 50, 40, 10, 80]


def test_pdf_reads_back(viewer_client, answered):
    text = pdf_text(viewer_client.get(reverse("rounds:round_download", args=[answered.pk, "pdf"])).content)
    assert "Обеспеченность учебниками на 2024-2025" in text
    assert "МАОУ СОШ № 3 опаздывает" in text
    assert "МАОУ СОШ № 1 5 Математика 50 40 10 80" in text


def test_download_roles(librarian_client, client, other_head_user, answered):
    assert (
        librarian_client.get(reverse("rounds:round_download", args=[answered.pk, "xlsx"])).status_code == 403
    )
    client.logout()
    assert client.get(reverse("rounds:round_download", args=[answered.pk, "pdf"])).status_code == 302
    client.force_login(other_head_user)
    assert client.get(reverse("rounds:round_download", args=[answered.pk, "pdf"])).status_code == 404
