"""Word plans as the heads of other associations write them, built with python-docx for the importer's tests.

    plan = PlanDocument()
    plan.paragraphs("ПЛАН РАБОТЫ", "ГМО школьных библиотекарей г. Братска", "на 2024-2025 учебный год")
    plan.header_table([("Тема", "…"), ("Цель", "…")])
    table = plan.events_table(["№", "Мероприятие", "Сроки", "Ответственный"])
    table.section("I. Организационная работа")
    table.row("1.", "Заседание ГМО", "Сентябрь", "Ким Л.В.")
    plan.paragraph("Руководитель ГМО ______ Л.В. Ким")
    path = plan.save(tmp_path)

A cell's or a paragraph's text: «\n» starts a new paragraph, SOFT («\v», Word's own character for it) is a
soft line break (Shift+Enter) inside one. `Auto(num_id)` is a paragraph whose number Word writes from a list
(`PlanDocument.numbering`), with its text after it.
"""

from dataclasses import dataclass

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

SOFT = "\v"
EVENT_HEADERS = ["№ п/п", "Мероприятие", "Сроки проведения", "Ответственный"]


@dataclass
class Auto:
    """A paragraph numbered by Word's list `num_id` (at `level`), its number not in its text."""

    num_id: str
    text: str = ""
    level: int = 0


def _element(tag, **attributes):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _write_with_breaks(paragraph, text, bold=False):
    """The text into the paragraph, a soft line break (a `w:br` run) for each SOFT."""
    for index, piece in enumerate(text.split(SOFT)):
        if index:
            paragraph.add_run().add_break()
        if piece:
            paragraph.add_run(piece).bold = True if bold else None
    return paragraph


def _number(paragraph, num_id, level=0):
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = _element("w:numPr")
    num_pr.append(_element("w:ilvl", val=level))
    num_pr.append(_element("w:numId", val=num_id))
    p_pr.append(num_pr)


def fill(cell, value, bold=False):
    """A table cell's paragraphs from a value: a text («\n» between paragraphs), an Auto, or a list of them."""
    values = value if isinstance(value, list) else [value]
    paragraphs = []
    for item in values:
        if isinstance(item, Auto):
            paragraphs.append(item)
        else:
            paragraphs.extend(str(item).split("\n"))
    first = True
    for item in paragraphs:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if isinstance(item, Auto):
            _number(paragraph, item.num_id, item.level)
            _write_with_breaks(paragraph, item.text, bold)
        else:
            _write_with_breaks(paragraph, item, bold)


class PlanDocument:
    def __init__(self):
        self.document = docx.Document()
        self.document._body.clear_content()  # no empty first paragraph
        self._next_num = 100

    # -- paragraphs and lists

    def paragraph(self, text="", bold=False, numbered=None, level=0):
        """A paragraph outside any table (numbered: a list's num_id)."""
        paragraph = self.document.add_paragraph()
        if numbered:
            _number(paragraph, numbered, level)
        return _write_with_breaks(paragraph, text, bold)

    def paragraphs(self, *texts, bold=False):
        for text in texts:
            self.paragraph(text, bold=bold)

    def numbering(self, *levels, start=1):
        """A list of Word's numbering part: levels [(numFmt, lvlText)], by default «1.» with «–» bullets below;
        returns its numId."""
        levels = levels or (("decimal", "%1."), ("bullet", "–"))
        self._next_num += 1
        num_id = str(self._next_num)
        numbering = self.document.part.numbering_part.element
        abstract = _element("w:abstractNum", abstractNumId=num_id)
        for depth, (fmt, text) in enumerate(levels):
            level = _element("w:lvl", ilvl=depth)
            level.append(_element("w:start", val=start))
            level.append(_element("w:numFmt", val=fmt))
            level.append(_element("w:lvlText", val=text))
            abstract.append(level)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
        else:
            numbering.append(abstract)
        num = _element("w:num", numId=num_id)
        num.append(_element("w:abstractNumId", val=num_id))
        numbering.append(num)
        return num_id

    def numbered_list(self, items, num_id=None):
        """Items [text or (text, [sub-point, …])] as a Word list: numbers at level 0, bullets at level 1."""
        num_id = num_id or self.numbering()
        for item in items:
            text, points = (item, []) if isinstance(item, str) else item
            self.paragraph(text, numbered=num_id)
            for point in points:
                self.paragraph(point, numbered=num_id, level=1)
        return num_id

    # -- tables

    def table(self, rows, columns, style=None):
        table = self.document.add_table(rows=rows, cols=columns)
        if style:
            table.style = style
        return table

    def header_table(self, rows):
        """The header as a two-column table: [(label, text)], a text «\n» between its paragraphs."""
        table = self.table(len(rows), 2, "Table Grid")
        for index, (label, text) in enumerate(rows):
            fill(table.cell(index, 0), label)
            fill(table.cell(index, 1), text)
        return table

    def blocks_table(self, left, right, row_per_line=False):
        """«СОГЛАСОВАНО» and «УТВЕРЖДАЮ» side by side in a borderless table: each block's lines in one cell, or a
        row per line (`row_per_line`)."""
        if not row_per_line:
            table = self.table(1, 2)
            fill(table.cell(0, 0), "\n".join(left))
            fill(table.cell(0, 1), "\n".join(right))
            return table
        count = max(len(left), len(right))
        table = self.table(count, 2)
        for index in range(count):
            fill(table.cell(index, 0), left[index] if index < len(left) else "")
            fill(table.cell(index, 1), right[index] if index < len(right) else "")
        return table

    def events_table(self, headers=EVENT_HEADERS, column_numbers=True, repeat_header=False):
        return EventsTable(self, headers, column_numbers, repeat_header)

    def short_header(self):
        """The header of a test about something else: a goal, a task and a result, as paragraphs."""
        self.paragraphs(
            "Цель: повышение профессионального мастерства библиотекарей.",
            "Задачи: изучать опыт коллег.",
            "Ожидаемые результаты: рост мастерства.",
        )

    def a_few_events(self, head="Руководитель ГМО ______ Л.В. Ким"):
        """The events table of a test about something else: one section, two events; and the head's signature."""
        table = self.events_table()
        table.section("I. Организационная работа")
        table.row("1.", "Заседание ГМО «Планирование работы на 2024-2025 учебный год»", "Август", "Ким Л.В.")
        table.row("2.", "Консультации для библиотекарей", "В течение года", "Ким Л.В.")
        self.paragraph()
        self.paragraph(head)
        return table

    def save(self, folder, name="план.docx"):
        path = folder / name
        self.document.save(path)
        return path


class EventsTable:
    """The table «Содержание работы»: a header row (repeated on every page with `repeat_header`), «1 2 3 4» under
    it, then sections and events."""

    def __init__(self, plan, headers, column_numbers=True, repeat_header=False):
        self.plan, self.headers = plan, list(headers)
        self.table = plan.table(0, len(self.headers), "Table Grid")
        header = self.row(*self.headers, bold=True)
        if repeat_header:
            header._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        if column_numbers:
            self.row(*[str(n) for n in range(1, len(self.headers) + 1)])

    @property
    def rows(self):
        return self.table.rows

    def row(self, *values, bold=False):
        """A row of the values (None: an empty cell), one per column."""
        row = self.table.add_row()
        for cell, value in zip(row.cells, values):
            if value is not None:
                fill(cell, value, bold)
        return row

    def section(self, title, merged=True, bold=True, numbered=None):
        """A section's row: its title across the row (gridSpan), or typed in the first cell (`merged=False`);
        `numbered`: the title a paragraph of a list (an upperRoman one for «I.», «II.»)."""
        value = Auto(numbered, title) if numbered else title
        row = self.row(value, bold=bold)
        if merged:
            first = row.cells[0]
            first.merge(row.cells[-1])
        return row

    @staticmethod
    def merge_down(column, first, last):
        """The cells of `column` from the row `first` down to the row `last` as one (Word's vMerge): the text of the
        first stays, the cells below it are empty."""
        first.cells[column].merge(last.cells[column])

    def continued(self, headers=None, column_numbers=True, between=""):
        """The table going on in a second table after a page, with its header and «1 2 3 4» repeated (a paragraph
        `between` them, as Word needs one)."""
        self.plan.paragraph(between)
        return EventsTable(self.plan, headers or self.headers, column_numbers)


def numbered_events(plan):
    """The saved plan's events in order, each with its number in the plan."""
    return [event for section in plan.numbered_sections() for event in section.numbered_events]
