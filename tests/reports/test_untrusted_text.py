"""Texts people typed that look like formulas or markup stay plain text in XLSX, PDF and pages."""

import pytest
from django.urls import reverse

from events.models import Event
from reports.base import get_exporter
from tests.reports.conftest import pdf_text, workbook

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Нажми")'
SCRIPT = "<script>alert(1)</script> Конкурс <b>чтецов</b>"


@pytest.fixture
def hostile(published_plan):
    first, second = Event.objects.filter(section__plan=published_plan).order_by(
        "section__position", "position"
    )[:2]
    first.title, first.dates_text = FORMULA, "@SUM(1)"
    first.save()
    second.title = SCRIPT
    second.save()
    return published_plan


def test_xlsx_cells_that_look_like_formulas_are_text(hostile):
    sheet = workbook(get_exporter("plan-xlsx")(hostile).render()).worksheets[0]
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if c.value is not None}
    assert cells[FORMULA] == "s" and cells["@SUM(1)"] == "s"
    assert "f" not in cells.values()


def test_markup_in_titles_is_text_in_pdf_and_page(client, hostile):
    text = pdf_text(get_exporter("plan-pdf")(hostile).render())
    assert "<script>alert(1)</script> Конкурс <b>чтецов</b>" in text
    html = client.get(
        reverse("events:plan", args=[hostile.association.slug, hostile.year_name])
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Конкурс &lt;b&gt;чтецов&lt;/b&gt;" in html
