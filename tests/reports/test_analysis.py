"""The year's analysis: the counts, the events not done, each person's load, the optional blocks, PDF and XLSX."""

import datetime

import pytest

from events.exports.analysis import AnalysisPdf, AnalysisXlsx, analyse_plan
from events.models import Event
from members.models import Course, Person
from reports import blocks as analysis_module
from reports.blocks import AnalysisBlock, analysis_block
from reports.charts import bar_chart_svg
from tests.reports.conftest import assert_in_order, pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def marked_plan(plan):
    """The small plan with its events marked: done, moved (with a note), still planned; plus a cancelled one."""
    events = {event.title: event for event in Event.objects.filter(section__plan=plan)}
    events["Утверждение плана работы"].status = Event.Status.DONE
    events["Конкурс юных поэтов"].status = Event.Status.MOVED
    events["Конкурс юных поэтов"].outcome = "Перенесён на апрель"
    for event in events.values():
        event.save()
    second = plan.sections.get(position=2)
    cancelled = Event.objects.create(
        section=second,
        position=2,
        title="Литературная гостиная",
        dates_text="Январь, 2024 г",
        status=Event.Status.CANCELLED,
        outcome="Центр закрыт на ремонт",
    )
    cancelled.set_responsibles([None, Person.objects.get(surname="Саблина")])
    return plan


def test_counts_per_section_and_in_total(marked_plan):
    result = analyse_plan(marked_plan)
    first, second = result.sections
    assert (
        first.label,
        first.counts.total,
        first.counts.done,
        first.counts.moved,
        first.counts.cancelled,
        first.counts.unmarked,
    ) == ("I. Организационная деятельность", 2, 1, 1, 0, 0)
    assert (second.counts.total, second.counts.done, second.counts.cancelled, second.counts.unmarked) == (
        2,
        0,
        1,
        1,
    )
    total = result.total
    assert (total.total, total.done, total.moved, total.cancelled, total.unmarked) == (4, 1, 1, 1, 1)
    assert (total.done_percent, total.moved_percent, total.cancelled_percent) == (25, 25, 25)
    assert first.counts.done_percent == 50


def test_events_not_done_with_their_notes_in_plan_order(marked_plan):
    result = analyse_plan(marked_plan)
    assert [(e.number, e.title, e.status_name, e.outcome) for e in result.not_done] == [
        (2, "Конкурс юных поэтов", "перенесено", "Перенесён на апрель"),
        (3, "Круглый стол", "не отмечено", ""),
        (4, "Литературная гостиная", "отменено", "Центр закрыт на ремонт"),
    ]


def test_each_person_load_without_the_association_itself(marked_plan):
    Person.objects.create(association=marked_plan.association, surname="Куклина", initials="Н.Н.")
    event = Event.objects.get(title="Утверждение плана работы")
    event.set_responsibles([Person.objects.get(surname="Саблина"), Person.objects.get(surname="Куклина")])
    result = analyse_plan(marked_plan)
    assert [(p.name, p.total, p.done, p.done_percent) for p in result.people] == [
        ("Саблина В.И.", 4, 1, 25),
        ("Куклина Н.Н.", 1, 1, 100),
    ]


def test_summary_reads_as_a_russian_sentence(marked_plan, plan):
    assert analyse_plan(marked_plan).summary() == (
        "В плане 4 мероприятия в 2 разделах: проведено 1 (25\u202f%), перенесено 1, отменено 1, не отмечено 1."
    )


def test_summary_plural_forms(association):
    from events.models import Plan, Section

    plan = Plan.objects.create(association=association, year_start=2023)
    assert analyse_plan(plan).summary() == "В плане 0 мероприятий в 0 разделах."
    section = Section.objects.create(plan=plan, position=1, title="Раздел")
    for position in range(1, 22):
        Event.objects.create(
            section=section, position=position, title=f"М{position}", status=Event.Status.DONE
        )
    assert analyse_plan(plan).summary() == "В плане 21 мероприятие в 1 разделе: проведено 21 (100\u202f%)."


def test_pdf_holds_the_tables_the_chart_and_the_signature(marked_plan):
    text = pdf_text(AnalysisPdf(marked_plan).render())
    assert_in_order(
        text,
        [
            "Анализ деятельности ГТО ШБ за 2023-2024 учебный год",
            "В плане 4 мероприятия в 2 разделах: проведено 1 (25 %), перенесено 1, отменено 1, не отмечено 1.",
            "Выполнение плана по разделам",
            "I. Организационная деятельность",
            "2",
            "1 (50 %)",
            "1 (50 %)",
            "0",
            "0",
            "II. Социальное партнерство",
            "2",
            "0 (0 %)",
            "0",
            "1 (50 %)",
            "1",
            "Всего",
            "4",
            "1 (25 %)",
            "1 (25 %)",
            "1 (25 %)",
            "1",
            "Проведено из запланированного по разделам",
            "Мероприятия, которые не проведены",
            "2.",
            "Конкурс юных поэтов",
            "Март, 2024 г.",
            "перенесено: Перенесён на апрель",
            "3.",
            "Круглый стол",
            "25 октября 2023 г.",
            "не отмечено",
            "4.",
            "Литературная гостиная",
            "Январь, 2024 г",
            "отменено: Центр закрыт на ремонт",
            "Нагрузка ответственных",
            "Саблина В.И.",
            "4",
            "1 (25 %)",
            "Составлен",
            "Руководитель ГТО ШБ ________ Саблина В.И.",
        ],
    )
    assert (
        "I 2 0 II Запланировано Проведено" in text
    )  # the chart (its SVG is drawn apart from the page's flow)
    assert "Курсы повышения квалификации" not in text  # no data for the year: no block, no heading
    assert "Аттестация" not in text


def test_all_done_says_so(plan):
    Event.objects.filter(section__plan=plan).update(status=Event.Status.DONE)
    assert "Все мероприятия плана проведены." in pdf_text(AnalysisPdf(plan).render())


def test_xlsx_sheets_numbers_percentages_and_chart(marked_plan):
    book = workbook(AnalysisXlsx(marked_plan).render())
    assert book.sheetnames == ["Итоги", "Не проведены", "Ответственные"]
    totals = book["Итоги"]
    rows = sheet_rows(totals)
    assert rows[0][0] == "Анализ деятельности ГТО ШБ за 2023-2024 учебный год"
    assert rows[2] == [
        "Раздел",
        "Запланировано",
        "Проведено",
        "%",
        "Перенесено",
        "%",
        "Отменено",
        "%",
        "Не отмечено",
    ]
    assert rows[3] == ["I. Организационная деятельность", 2, 1, 0.5, 1, 0.5, 0, 0, 0]
    assert rows[5] == ["Всего", 4, 1, 0.25, 1, 0.25, 1, 0.25, 1]
    assert totals["D4"].number_format == "0%"
    assert len(totals._charts) == 1
    assert sheet_rows(book["Не проведены"])[1:] == [
        [2, "Конкурс юных поэтов", "Март, 2024 г.", "перенесено", "Перенесён на апрель"],
        [3, "Круглый стол", "25 октября 2023 г.", "не отмечено", None],
        [4, "Литературная гостиная", "Январь, 2024 г", "отменено", "Центр закрыт на ремонт"],
    ]
    assert sheet_rows(book["Ответственные"]) == [
        ["Ответственный", "Мероприятий", "Из них проведено", "%"],
        ["Саблина В.И.", 4, 1, 0.25],
    ]


# ---- optional blocks ----


@pytest.fixture
def extra_block():
    """A block registered for one test: returns its data only for plans of 2023-2024."""

    def transfers(plan):
        if plan.year_start != 2023:
            return None
        return AnalysisBlock(
            title="Передача учебников во временное пользование",
            header=["Школа", "Экземпляров", "Дата акта"],
            rows=[["МАОУ СОШ № 1", 25, datetime.date(2023, 10, 2)]],
            summary="Передано 25 экземпляров.",
            sheet_title="Передачи",
        )

    analysis_block(order=50)(transfers)
    yield transfers
    analysis_module.unregister_analysis_block(transfers)


def test_a_block_with_data_joins_the_pdf_and_the_xlsx(plan, extra_block):
    text = pdf_text(AnalysisPdf(plan).render())
    assert_in_order(
        text,
        [
            "Нагрузка ответственных",
            "Передача учебников во временное пользование",
            "Передано 25 экземпляров.",
            "Школа",
            "Экземпляров",
            "Дата акта",
            "МАОУ СОШ № 1",
            "25",
            "2 октября 2023 г.",
            "Составлен",
        ],
    )
    book = workbook(AnalysisXlsx(plan).render())
    assert book.sheetnames[-1] == "Передачи"
    rows = sheet_rows(book["Передачи"])
    assert rows[:2] == [
        ["Школа", "Экземпляров", "Дата акта"],
        ["МАОУ СОШ № 1", 25, datetime.datetime(2023, 10, 2)],
    ]
    assert rows[-1] == ["Передано 25 экземпляров.", None, None]


def test_a_block_without_data_is_left_out(association, extra_block):
    from events.models import Plan

    plan = Plan.objects.create(association=association, year_start=2024)
    assert analyse_plan(plan).blocks == []
    assert "Передача учебников" not in pdf_text(AnalysisPdf(plan).render())
    assert "Передачи" not in workbook(AnalysisXlsx(plan).render()).sheetnames


def test_courses_and_attestations_of_the_year(plan, school):
    sablina = Person.objects.get(surname="Саблина")
    kuklina = Person.objects.create(
        association=plan.association,
        surname="Куклина",
        initials="Н.Н.",
        school=school,
        category=Person.Category.FIRST,
        attestation_date=datetime.date(2024, 3, 20),
    )
    Person.objects.create(
        association=plan.association,
        surname="Лазарева",
        initials="Т.Н.",
        category=Person.Category.HIGHEST,
        attestation_date=datetime.date(2023, 6, 1),
    )  # the year before
    Course.objects.create(
        person=sablina,
        title="Школьная библиотека как ИБЦ",
        provider="ИРО",
        hours=72,
        start=datetime.date(2023, 10, 1),
        end=datetime.date(2023, 10, 20),
    )
    Course.objects.create(
        person=kuklina,
        title="ФГОС и учебный фонд",
        hours=36,
        start=datetime.date(2024, 2, 1),
        end=datetime.date(2024, 2, 10),
    )
    Course.objects.create(
        person=kuklina,
        title="Курсы прошлого года",
        hours=16,
        start=datetime.date(2023, 5, 1),
        end=datetime.date(2023, 5, 10),
    )
    result = analyse_plan(plan)
    assert [block.title for block in result.blocks] == ["Курсы повышения квалификации", "Аттестация"]
    courses, attestations = result.blocks
    assert (
        courses.summary == "Курсы повышения квалификации за учебный год: 2 библиотекаря, 2 курса, 108 часов."
    )
    assert courses.rows == [
        ["Саблина В.И.", "", "Школьная библиотека как ИБЦ (ИРО)", 72, datetime.date(2023, 10, 20)],
        ["Куклина Н.Н.", "МАОУ СОШ № 1", "ФГОС и учебный фонд", 36, datetime.date(2024, 2, 10)],
    ]
    assert attestations.summary == "Аттестованы за учебный год: 1 библиотекарь (первая — 1)."
    assert attestations.rows == [["Куклина Н.Н.", "МАОУ СОШ № 1", "первая", datetime.date(2024, 3, 20)]]
    text = pdf_text(AnalysisPdf(plan).render())
    assert_in_order(
        text,
        [
            "Курсы повышения квалификации",
            "Саблина В.И.",
            "72",
            "20 октября 2023 г.",
            "Аттестация",
            "Куклина Н.Н.",
            "первая",
            "20 марта 2024 г.",
        ],
    )
    assert "Курсы прошлого года" not in text
    assert workbook(AnalysisXlsx(plan).render()).sheetnames == [
        "Итоги",
        "Не проведены",
        "Ответственные",
        "Курсы",
        "Аттестация",
    ]


def test_courses_of_another_association_are_not_counted(plan, other_association):
    other = Person.objects.create(
        association=other_association,
        surname="Иванова",
        initials="А.А.",
        attestation_date=datetime.date(2024, 1, 10),
    )
    Course.objects.create(
        person=other,
        title="Курсы",
        hours=72,
        start=datetime.date(2023, 10, 1),
        end=datetime.date(2023, 10, 20),
    )
    assert analyse_plan(plan).blocks == []


# ---- the chart ----


def test_bar_chart_bars_are_proportional_and_labelled():
    svg = str(bar_chart_svg(["I", "II"], [("Запланировано", [10, 5]), ("Проведено", [5, 0])]))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 4 + 2  # four bars, two legend swatches
    heights = [float(part.split('"')[0]) for part in svg.split('height="')[2:6]]  # after the svg's own height
    assert (
        heights[0] == pytest.approx(2 * heights[1])
        and heights[0] == pytest.approx(2 * heights[2])
        and heights[3] == 0
    )
    assert ">Запланировано<" in svg and ">Проведено<" in svg and ">II<" in svg


def test_bar_chart_escapes_labels():
    assert "&lt;b&gt;" in str(bar_chart_svg(["<b>"], [("x", [1])]))
