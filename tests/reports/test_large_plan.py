"""A plan of 500 events renders to PDF and XLSX, and every event is in both files.

The plan is built and rendered once for the module (a few seconds of WeasyPrint),
inside a transaction rolled back afterwards.
"""

import pytest
from django.db import transaction

from bench.large_plan import make_large_plan
from events.exports.analysis import AnalysisPdf, AnalysisXlsx
from events.exports.plan import PlanPdf, PlanXlsx
from members.models import Association
from tests.reports.conftest import assert_in_order, pdf_pages, pdf_text, plan_rows, sheet_rows, workbook

EVENTS = 500

# Marked so that the test database exists for the module fixture (pytest-django sets up only what marked tests need).
pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def large(django_db_setup, django_db_blocker):
    files = {}
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                association = Association.objects.create(
                    name="ГТО ШБ г. Усть-Илимска", short_name="ГТО ШБ", slug="large"
                )
                plan = make_large_plan(association, events=EVENTS)
                files["rows"] = plan_rows(plan)
                files["sections"] = [f"{s.numeral}. {s.title}" for s in plan.numbered_sections()]
                files["plan.pdf"] = PlanPdf(plan).render()
                files["plan.xlsx"] = PlanXlsx(plan).render()
                files["analysis.xlsx"] = AnalysisXlsx(plan).render()
                files["analysis.pdf"] = AnalysisPdf(plan).render()
                raise Rollback
        except Rollback:
            pass
    return files


def test_pdf_holds_all_500_events_in_order(large):
    rows = large["rows"]
    assert len(rows) == EVENTS
    pieces = []
    for number, title, dates, names in rows:
        pieces += [f"{number}.", title, dates, *names]
    text = pdf_text(large["plan.pdf"])
    assert_in_order(text, pieces)
    assert text.count("(мероприятие ") == EVENTS
    assert_in_order(text, large["sections"])


def test_pdf_pages_each_start_with_the_table_header(large):
    pages = pdf_pages(large["plan.pdf"])
    assert len(pages) > 20
    first = next(i for i, page in enumerate(pages) if "Содержание работы" in page)
    for page in pages[first + 1 :]:
        assert page.startswith("№/п Мероприятие Сроки проведения Ответственный"), page[:80]
    assert pages[-1].endswith(f"Руководитель ГТО ШБ ________ Саблина В.И. {len(pages)}")


def test_xlsx_holds_all_500_events(large):
    rows = sheet_rows(workbook(large["plan.xlsx"])["Содержание работы"])
    events = [tuple(row) for row in rows if isinstance(row[0], int)]
    assert events == [(n, title, dates, "\n".join(names)) for n, title, dates, names in large["rows"]]
    sections = [row[0] for row in rows[3:] if isinstance(row[0], str) and row[1:] == [None, None, None]][:-1]
    assert sections == large["sections"]


def test_analysis_of_500_events(large):
    rows = sheet_rows(workbook(large["analysis.xlsx"])["Итоги"])
    total = next(row for row in rows if row[0] == "Всего")
    assert total[1] == EVENTS
    assert total[2] + total[4] + total[6] + total[8] == EVENTS
    text = pdf_text(large["analysis.pdf"])
    assert f"В плане {EVENTS} мероприятий в 10 разделах" in text


@pytest.mark.parametrize("events", [17, 18, 21, 25, 26])  # 18–25 ended with the closing lines alone
def test_the_analysis_never_ends_with_its_closing_lines_alone(db, events):
    """«Составлен …» and the signature never make a last page of their own: a table's last rows go with them."""
    association = Association.objects.create(name="ГМО", short_name="ГМО", slug=f"gmo-{events}")
    plan = make_large_plan(association, events=events, year_start=2030)
    last = pdf_pages(AnalysisPdf(plan).render())[-1]
    assert last.replace("Составлен", "").count(" ") > 12, last
