"""What Word keeps round the text of a plan: tracked changes, smart tags, hyperlinks, content controls — the text
is read wherever it stands, a deleted text is not, and a table inside a content control is a table."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from events.plan_import import draft_from_file
from tests.events.plan_import.documents import PlanDocument


def wrap(element, *tags):
    """Put `element` inside new elements `tags` (outermost first), where it stood."""
    outer = inner = OxmlElement(tags[0])
    for tag in tags[1:]:
        child = OxmlElement(tag)
        inner.append(child)
        inner = child
    element.addprevious(outer)
    inner.append(element)
    return outer


def run_of(paragraph, text, around=()):
    """A run with `text` added to the paragraph, inside the elements `around`."""
    run = paragraph.add_run(text)._r
    if around:
        outer = wrap(run, *around)
        if outer.tag == qn("w:del"):
            for t in run.iter(qn("w:t")):
                t.tag = qn("w:delText")
    return run


def plan_in_markup(tmp_path):
    plan = PlanDocument()
    title = plan.paragraph("План работы ")
    run_of(title, "РМО школьных библиотекарей", ["w:smartTag"])
    run_of(title, " на 2024-2025 учебный год", ["w:ins"])
    run_of(title, " (черновик)", ["w:del"])
    plan.short_header()
    table = plan.events_table()
    table.section("Работа с кадрами")
    row = table.row("1.", "Заседание РМО", "Август", "")
    cell = row.cells[1].paragraphs[0]
    run_of(cell, " «Итоги года»", ["w:hyperlink"])
    run_of(cell, " и план", ["w:sdt", "w:sdtContent"])
    run_of(row.cells[3].paragraphs[0], "Мальцева Т.А.", ["w:ins"])
    wrap(table.rows[-1]._tr, "w:sdt", "w:sdtContent")  # a row in a repeating-section content control
    table.row("2.", "Семинар", "Ноябрь", "Мальцева Т.А.")
    wrap(table.table._tbl, "w:sdt", "w:sdtContent")  # the whole table in a content control
    signature = plan.paragraph("Руководитель РМО ______ Т.А. Мальцева")
    wrap(signature._p, "w:customXml")
    return plan.save(tmp_path)


def test_text_wherever_word_keeps_it(tmp_path):
    draft = draft_from_file(plan_in_markup(tmp_path))
    assert draft.title == "План работы РМО школьных библиотекарей на 2024-2025 учебный год"
    assert [
        (event.title, event.dates_text, [line.text for line in event.lines]) for event in draft.events
    ] == [
        ("Заседание РМО «Итоги года» и план", "Август", ["Мальцева Т.А."]),
        ("Семинар", "Ноябрь", ["Мальцева Т.А."]),
    ]
    assert [section.title for section in draft.sections] == ["Работа с кадрами"]
    assert (draft.head_post, draft.head_name) == ("Руководитель РМО", "Т.А. Мальцева")
    assert draft.warnings == []


def test_a_text_box_is_not_read_into_its_paragraph(tmp_path):
    plan = PlanDocument()
    title = plan.paragraph("План работы ГМО на 2024-2025 учебный год")
    box = OxmlElement("w:txbxContent")
    inner = OxmlElement("w:p")
    text_run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Надпись на полях"
    text_run.append(text)
    inner.append(text_run)
    box.append(inner)
    holder = title.add_run()._r
    holder.append(
        box
    )  # (Word keeps it deeper, in a drawing's shape: the reader looks for the box wherever it is)
    plan.short_header()
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert draft.title == "План работы ГМО на 2024-2025 учебный год"
