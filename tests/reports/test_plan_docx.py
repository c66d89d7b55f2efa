"""The printed plan as Word (reports.plan_docx): read back with python-docx — the layout the PDF has."""

import datetime
import io

import docx
from docx.oxml.ns import qn

from events.exports.plan_docx import PlanDocx
from events.models import Event
from members.models import Person


def document(plan, **options):
    return docx.Document(io.BytesIO(PlanDocx(plan, **options).render()))


def cell_lines(cell):
    return [p.text for p in cell.paragraphs]


def test_seed_plan_as_word(seed_plan):
    doc = document(seed_plan)
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == "План работы ГТО ШБ на 2023-2024 учебный год"
    assert texts[1] == "Содержание работы"
    assert texts[-1] == "Руководитель ГТО ШБ ________ Саблина В.И."
    header, events = doc.tables
    assert [row.cells[0].text for row in header.rows] == [
        "Единая городская методическая тема",
        "Методическая тема ГТО ШБ",
        "Цель",
        "Задачи",
        "Ожидаемые результаты",
    ]
    tasks = cell_lines(header.rows[3].cells[1])
    assert tasks[0].startswith("1. Организовать методическое сопровождение") and tasks[2].startswith(
        "– распространение позитивных"
    )
    assert len([line for line in tasks if line[:2].rstrip(".").isdigit()]) == 6
    assert [cell.text for cell in events.rows[0].cells] == [
        "№/п",
        "Мероприятие",
        "Сроки проведения",
        "Ответственный",
    ]
    # the header row repeats on every page, no row splits, a section's row spans the table
    assert events.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in events.rows)
    section = events.rows[1]
    assert section.cells[0].text == "I. Организационная деятельность" and section._tr.tc_lst[0].grid_span == 4
    assert [cell.text for cell in events.rows[2].cells[:3]] == [
        "1.",
        "Утверждение плана работы на 2023-2024 учебный год.",
        "11.09.2023г.",
    ]
    ninth = next(row for row in events.rows if row.cells[0].text == "9.")
    assert cell_lines(ninth.cells[3]) == ["Саблина В.И.", "ГТО ШБ"]
    assert sum(1 for row in events.rows if len(row._tr.tc_lst) == 4) == 1 + 25


def test_blocks_labels_other_columns_and_notes(plan):
    plan.title = "ПЛАН РАБОТЫ\nгородского методического объединения"
    plan.header_labels = {"goal": "Основная цель"}
    plan.goal = "Повышение компетентности"
    plan.notes = [["Направления", "Методическое"], ["", "Обсуждён на заседании ГМО."]]
    plan.agreed_by_post, plan.agreed_note = "На заседании ГМО", "Протокол № 1 от 28.08.2023"
    plan.approved_by_post, plan.approved_by_name, plan.approved_on = (
        "Директор МКУ «ЦРО»",
        "Иванова А.П.",
        datetime.date(2023, 9, 11),
    )
    plan.save()
    Event.objects.filter(title="Круглый стол").update(extra={"Форма проведения": "семинар"})
    doc = document(plan)
    blocks, header, events = doc.tables
    left, right = blocks.rows[0].cells
    assert cell_lines(left) == [
        "СОГЛАСОВАНО",
        "На заседании ГМО",
        "________",
        "Протокол № 1 от 28.08.2023",
        "«____» ______________ 20___ г.",
    ]
    assert cell_lines(right) == [
        "УТВЕРЖДАЮ",
        "Директор МКУ «ЦРО»",
        "________ Иванова А.П.",
        "11 сентября 2023 г.",
    ]
    assert blocks.style.name != "Table Grid"  # without borders
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[:2] == ["ПЛАН РАБОТЫ", "городского методического объединения"]
    assert "Обсуждён на заседании ГМО." in texts
    labels = [row.cells[0].text for row in header.rows]
    assert "Основная цель" in labels and "Направления" in labels
    assert events.rows[0].cells[4].text == "Форма проведения"
    row = next(row for row in events.rows if row.cells[1].text == "Круглый стол")
    assert row.cells[4].text == "семинар"
    widths = [cell.width.cm for cell in events.rows[0].cells]
    assert abs(sum(widths) - 17) < 0.05 and widths[1] >= 4.5  # within the page, the title column kept wide


def test_a_public_file_names_people_only_with_their_consent(published_plan):
    Event.objects.get(title="Круглый стол").set_responsibles(
        ["Саблина В.И.", "Мальцева Т.А.", "все библиотекари"]
    )
    assert "Саблина В.И." in "\n".join(row.cells[3].text for row in document(published_plan).tables[-1].rows)
    Person.objects.filter(surname="Саблина").update(publish_name=False)
    doc = document(published_plan, public=True)
    people = [row.cells[3].text for row in doc.tables[-1].rows]
    assert not any("Саблина" in text for text in people)
    assert people[-1].split("\n")[1:] == [
        "участник объединения",
        "все библиотекари",
    ]  # a name without a card, a group
    assert "Саблина" not in doc.paragraphs[-1].text


def test_file_name_and_type(seed_plan):
    exporter = PlanDocx(seed_plan)
    assert exporter.filename() == "План работы ГТО ШБ 2023-2024.docx"
    assert exporter.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
