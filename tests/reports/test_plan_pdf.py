"""The printed plan as PDF, read back with pdftotext: every event in order, the header, the signature, the approval block."""

import datetime
import re

import pytest

from events.exports.plan import PlanPdf
from events.models import Plan
from tests.reports.conftest import assert_in_order, pdf_info, pdf_pages, pdf_text, plan_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_pdf(seed_plan):
    return PlanPdf(Plan.objects.select_related("association").get(pk=seed_plan.pk)).render()


def test_seed_plan_holds_every_event_date_and_name_in_order(seed_plan, seed_pdf):
    text = pdf_text(seed_pdf)
    rows = plan_rows(seed_plan)
    assert len(rows) == 25
    pieces = ["Содержание работы", "№/п", "Мероприятие", "Сроки проведения", "Ответственный"]
    sections = iter(seed_plan.numbered_sections())
    section = next(sections)
    for number, title, dates, names in rows:
        if section.numbered_events and section.numbered_events[0].number == number:
            pieces.append(f"{section.numeral}. {section.title}")
            section = next(sections, section)
        pieces += [f"{number}.", title, dates, *names]
    assert_in_order(text, pieces)
    # The dates exactly as written, not as the program reads them.
    for written in [
        "11.09.2023г.",
        "Апрель - Май, 2024 г.",
        "В течение учебного года по плану МАОУ ДО ЦДТ",
        "Январь, 2024 г",
    ]:
        assert written in text


def test_seed_plan_header_texts_and_signature(seed_plan, seed_pdf):
    text = pdf_text(seed_pdf)
    pieces = ["План работы ГТО ШБ на 2023-2024 учебный год", "ГТО ШБ г. Усть-Илимска"]
    pieces += ["Единая городская методическая тема", seed_plan.city_theme]
    pieces += ["Методическая тема ГТО ШБ", seed_plan.theme, "Цель", seed_plan.goal, "Задачи"]
    for task, points in seed_plan.task_tree():
        pieces += [task, *points]
    pieces += ["Ожидаемые результаты", *seed_plan.result_list()]
    pieces += ["Содержание работы", "Руководитель ГТО ШБ ________ Саблина В.И."]
    assert_in_order(text, pieces)
    assert len(seed_plan.task_tree()) == 6
    assert "УТВЕРЖДАЮ" not in text


def test_seed_plan_is_a4_with_page_numbers_and_a_serif_font(seed_pdf):
    info = pdf_info(seed_pdf)
    assert "A4" in info
    assert re.search(r"Title:\s+План работы ГТО ШБ на 2023-2024 учебный год", info)
    pages = pdf_pages(seed_pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert page.endswith(str(number)), page[-80:]
    fonts = pdf_info(seed_pdf, "pdffonts")
    assert re.search(r"Times|Liberation-?Serif|PT-?Serif|PTSerif", fonts), fonts


def test_the_table_header_repeats_on_every_page_of_the_table(seed_pdf):
    pages = pdf_pages(seed_pdf)
    first = next(i for i, page in enumerate(pages) if "Содержание работы" in page)
    for page in pages[first:]:
        assert "№/п Мероприятие Сроки проведения Ответственный" in page


def test_a_section_title_never_ends_a_page(seed_plan, seed_pdf):
    titles = [f"{s.numeral}. {s.title}" for s in seed_plan.numbered_sections()]
    for page in pdf_pages(seed_pdf):
        body = re.sub(r"\s*\d+$", "", page)  # the page number
        assert not any(body.endswith(title) for title in titles), body[-120:]


def test_approval_block_when_the_plan_has_one(plan):
    plan.approved_by_post = "Директор МКУ «Центр развития образования»"
    plan.approved_by_name = "Иванова А.П."
    plan.approved_on = datetime.date(2023, 9, 11)
    plan.save()
    text = pdf_text(PlanPdf(plan).render())
    assert_in_order(
        text,
        [
            "УТВЕРЖДАЮ",
            "Директор МКУ «Центр развития образования»",
            "________ Иванова А.П.",
            "11 сентября 2023 г.",
            "План работы ГТО ШБ на 2023-2024 учебный год",
        ],
    )


def test_approval_without_a_date_leaves_a_line_for_it(plan):
    plan.approved_by_name = "Иванова А.П."
    plan.save()
    text = pdf_text(PlanPdf(plan).render())
    assert_in_order(text, ["УТВЕРЖДАЮ", "________ Иванова А.П.", "«____» ______________ 20___ г."])


def test_plan_without_header_or_events_still_prints(association):
    plan = Plan.objects.create(association=association, year_start=2024)
    text = pdf_text(PlanPdf(plan).render())
    assert "План работы ГТО ШБ на 2024-2025 учебный год" in text
    assert "Содержание работы" in text
    assert "Цель" not in text
    assert text.endswith("Руководитель ГТО ШБ ________ 1")  # no name yet: the line waits for it


def test_file_name_is_russian(seed_plan):
    assert PlanPdf(seed_plan).filename() == "План работы ГТО ШБ 2023-2024.pdf"
