"""The printed plan as a Word document, to send to the committee or edit further: the PDF's layout — the title,
«СОГЛАСОВАНО» on the left and «УТВЕРЖДАЮ» on the right, the header table with the tasks and their points, the
table of events with its section rows merged across and its header row repeated on every page, the signature.
events.plan_import reads it back into the same plan."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from docx.shared import Cm

from events.exports.plan import SIGNATURE_LINE, PlanExporter
from reports import word
from reports.base import DocxExporter, register

FILL_IN_DATE = "«____» ______________ 20___ г."
HEADER_WIDTHS = [4.6, 12.4]


@register
class PlanDocx(PlanExporter, DocxExporter):
    identifier = "plan-docx"
    title = _("План работы (DOCX)")

    def build(self, document):
        self.write_blocks(document)
        for line in self.subject.title_lines():
            word.paragraph(document, line, bold=True, align=word.CENTER)
        self.write_header(document)
        word.paragraph(document, gettext("Содержание работы"), bold=True, align=word.CENTER, space_before=12)
        self.write_table(document)
        for note in self.subject.closing_notes():
            for line in note.splitlines():
                word.paragraph(document, line, space_before=6)
        word.paragraph(document, "", space_before=12)
        word.paragraph(document, self.signature())

    def write_blocks(self, document):
        blocks = self.blocks()
        if not blocks:
            return
        grid = word.table(document, 2, [Cm(8.5), Cm(8.5)], borders=False)
        cells = word.row(grid).cells
        for block in blocks:
            cell = cells[1] if block.kind == "approved" else cells[0]
            texts = [
                block.word,
                block.post,
                f"{SIGNATURE_LINE} {block.name}".strip(),
                block.note,
                block.date or FILL_IN_DATE,
            ]
            word.lines(cell, [text for text in texts if text])
            cell.paragraphs[0].runs[0].bold = True
        word.paragraph(document, "")

    def write_header(self, document):
        rows = self.header_rows()
        if not rows:
            return
        word.paragraph(document, "")
        grid = word.table(document, 2, [Cm(width) for width in HEADER_WIDTHS])
        tasks_label = self.subject.label("tasks")
        for label, text in rows:
            cells = word.row(grid, keep_together=False).cells  # the tasks run over a page: let them
            word.lines(cells[0], [label], bold=True)
            if isinstance(text, str):
                word.lines(cells[1], text.splitlines())
            elif label == tasks_label:
                texts = []
                for number, (task, points) in enumerate(text, start=1):
                    texts.append(f"{number}. {task}")
                    texts.extend(f"– {point}" for point in points)
                word.lines(cells[1], texts)
            else:
                word.lines(cells[1], [f"{number}. {item}" for number, item in enumerate(text, start=1)])

    def write_table(self, document):
        sections = self.sections
        widths = [Cm(width) for width in self.column_widths()]
        grid = word.table(document, len(widths), widths)
        header = [
            gettext("№/п"),
            gettext("Мероприятие"),
            gettext("Сроки проведения"),
            gettext("Ответственный"),
            *self.extra_columns,
        ]
        for cell, text in zip(word.row(grid, repeat_header=True).cells, header):
            word.lines(cell, [text], bold=True, align=word.CENTER)
        for section in sections:
            cells = word.row(grid).cells
            merged = cells[0].merge(cells[-1])
            word.lines(merged, [f"{section.numeral}. {section.title}"], bold=True, align=word.CENTER)
            for event in section.numbered_events:
                cells = word.row(grid).cells
                word.lines(cells[0], [f"{event.number}."], align=word.CENTER)
                word.lines(cells[1], [event.title])
                word.lines(cells[2], [event.dates_text])
                word.lines(cells[3], [line.name for line in event.responsible_list])
                for cell, (_header, value) in zip(cells[4:], event.extra_values):
                    word.lines(cell, [value])
