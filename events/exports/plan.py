"""The printed annual plan: the PDF the head signs and sends, and the same table as XLSX.

The subject of both exporters is an events.models.Plan. Each renders in four
queries, whatever the plan's size: the plan (by the caller), then its sections,
events and responsible people (Plan.numbered_sections).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl.worksheet.cell_range import CellRange

from core.formats import format_date
from events.models import extra_columns
from reports import xlsx
from reports.base import PdfExporter, XlsxExporter, register

SIGNATURE_LINE = "________"
TEXT_WIDTH = 17.0  # cm: A4 less the margins of static/css/print.css and reports.word
MIN_TITLE_WIDTH = 4.5


class PlanExporter:
    """What the plan's files share — the PDF, the XLSX and the DOCX print one layout (events.models.Plan's):
    the title as the document wrote it, «СОГЛАСОВАНО» on the left and «УТВЕРЖДАЮ» on the right, the header under
    its own labels, the table with the columns the plan keeps beside the four, the signature."""

    def filename_stem(self):
        plan = self.subject
        return f"План работы {plan.association.short_name} {plan.year_name}"

    def document_title(self):
        return " ".join(self.subject.title_lines())

    def blocks(self):
        """[PlanBlock] filled in, each with `date`, its printed date («11 сентября 2023 г.» or «»)."""
        blocks = self.subject.blocks()
        for block in blocks:
            block.date = format_date(block.on) if block.on else ""
        return blocks

    @property
    def public(self):
        """A file for anyone (a visitor's download): people named only with their consent (Plan.numbered_sections)."""
        return self.options.get("public", False)

    @cached_property
    def signed_by(self):
        """The head's name as this file prints it (Plan.signature_name: one query for a public file)."""
        return self.subject.signature_name(self.public).strip()

    def signature(self):
        """«Руководитель ГТО ШБ ________ Саблина В.И.»."""
        return " ".join(
            part for part in (self.subject.head_post.strip(), SIGNATURE_LINE, self.signed_by) if part
        )

    @cached_property
    def sections(self):
        """Plan.numbered_sections, each event with `.extra_values` under `self.extra_columns`."""
        sections = self.subject.numbered_sections(public=self.public)
        self.extra_columns = extra_columns(self.subject, sections)
        return sections

    def column_widths(self):
        """The printed table's column widths in cm on the page's 17 cm: №/п, Мероприятие, Сроки проведения,
        Ответственный, then the plan's other columns — narrower as they come, so that the title keeps 4.5 cm."""
        if not self.extra_columns:
            return [1.3, 7.6, 4.0, 4.1]
        number, others = 1.2, [3.0, 3.4] + [2.5] * len(self.extra_columns)
        title = TEXT_WIDTH - number - sum(others)
        if title < MIN_TITLE_WIDTH:
            factor = (TEXT_WIDTH - number - MIN_TITLE_WIDTH) / sum(others)
            others, title = [width * factor for width in others], MIN_TITLE_WIDTH
        return [number, title, *others]

    def header_rows(self):
        """[(label, text)] of the header block, the empty ones left out; tasks and results as lists."""
        plan = self.subject
        rows = plan.header_texts() + [
            (plan.label("tasks"), plan.task_tree()),
            (plan.label("results"), plan.result_list()),
        ]
        return [(label, text) for label, text in rows if text]


@register
class PlanPdf(PlanExporter, PdfExporter):
    identifier = "plan-pdf"
    title = _("План работы (PDF)")
    template_name = "reports/plan.html"

    @property
    def cached(self):
        return self.public  # a published plan, as any visitor downloads it

    def get_context(self):
        plan = self.subject
        sections = self.sections
        return {
            "title": self.document_title(),
            "title_lines": plan.title_lines(),
            "author": self.signed_by or plan.association.name,
            "plan": plan,
            "blocks": self.blocks(),
            "header": [(label, text, isinstance(text, str)) for label, text in self.header_rows()],
            "tasks_label": plan.label("tasks"),
            "sections": sections,
            "extra_columns": self.extra_columns,
            "columns": 4 + len(self.extra_columns),
            "widths": [f"{width:.2f}cm" for width in self.column_widths()],
            "notes": plan.closing_notes(),
            "signature": self.signature(),
        }


# Column widths of «Содержание работы» in characters: №/п, Мероприятие, Сроки проведения, Ответственный.
PLAN_WIDTHS = [6, 56, 20, 21]
EXTRA_WIDTH = 18  # a column the plan keeps beside the four («Форма проведения»)
HEADER_WIDTHS = [30, 90]


@register
class PlanXlsx(PlanExporter, XlsxExporter):
    """Sheet «Содержание работы»: the table; sheet «Шапка»: the header texts."""

    identifier = "plan-xlsx"
    title = _("План работы (XLSX)")

    def write(self, workbook):
        self.write_table(workbook)
        self.write_header(workbook)

    def write_table(self, workbook):
        sections = self.sections
        widths = PLAN_WIDTHS + [EXTRA_WIDTH] * len(self.extra_columns)
        columns = len(widths)
        sheet = workbook.create_sheet(xlsx.sheet_title(gettext("Содержание работы")))
        xlsx.set_column_widths(sheet, widths)
        xlsx.print_setup(sheet, title_rows="3:3")
        sheet.freeze_panes = "A4"
        span = [sum(widths)]
        row_index = 0

        def merged_row(value, font, alignment, border=None, fill=None):
            nonlocal row_index
            row_index += 1
            xlsx.fit_row_height(sheet, row_index, [value], span, font.size)
            sheet.merged_cells.add(
                CellRange(min_col=1, max_col=columns, min_row=row_index, max_row=row_index)
            )
            first = xlsx.cell(sheet, value, font=font, alignment=alignment, border=border, fill=fill)
            rest = [xlsx.cell(sheet, None, border=border) for _ in range(columns - 1)]
            sheet.append([first, *rest])

        merged_row("\n".join(self.subject.title_lines()), xlsx.TITLE, xlsx.WRAP_CENTER)
        merged_row(gettext("Содержание работы"), xlsx.BOLD, xlsx.WRAP_CENTER)
        row_index += 1
        header = [
            gettext("№/п"),
            gettext("Мероприятие"),
            gettext("Сроки проведения"),
            gettext("Ответственный"),
            *self.extra_columns,
        ]
        sheet.append(
            [xlsx.cell(sheet, value, font=xlsx.BOLD, alignment=xlsx.WRAP_CENTER) for value in header]
        )
        for section in sections:
            merged_row(
                f"{section.numeral}. {section.title}",
                xlsx.BOLD,
                xlsx.WRAP_CENTER,
                border=xlsx.BORDER,
                fill=xlsx.SECTION_FILL,
            )
            for event in section.numbered_events:
                row_index += 1
                names = "\n".join(r.name for r in event.responsible_list)
                values = [
                    event.number,
                    event.title,
                    event.dates_text,
                    names,
                    *(value for _header, value in event.extra_values),
                ]
                xlsx.fit_row_height(sheet, row_index, values, widths)
                sheet.append(
                    [
                        xlsx.cell(
                            sheet,
                            event.number,
                            alignment=xlsx.Alignment(vertical="top", horizontal="center"),
                            number_format='0"."',
                        ),
                        *(xlsx.cell(sheet, value) for value in values[1:]),
                    ]
                )
        for note in self.subject.closing_notes():
            row_index += 1
            sheet.append([])
            merged_row(note, xlsx.FONT, xlsx.WRAP)
        row_index += 1
        sheet.append([])
        merged_row(self.signature(), xlsx.FONT, xlsx.Alignment(horizontal="left"))

    def write_header(self, workbook):
        sheet = workbook.create_sheet(xlsx.sheet_title(gettext("Шапка")))
        xlsx.set_column_widths(sheet, HEADER_WIDTHS)
        xlsx.print_setup(sheet)
        rows = []
        for block in self.blocks():
            rows.append((block.word, block.post))
            rows.extend(
                ("", text)
                for text in (
                    f"{SIGNATURE_LINE} {block.name}".strip() if block.name else "",
                    block.note,
                    block.date,
                )
                if text
            )
        tasks_label = self.subject.label("tasks")
        for label, text in self.header_rows():
            if isinstance(text, str):
                rows.append((label, text))
            elif label == tasks_label:
                for number, (task, points) in enumerate(text, start=1):
                    rows.append((label if number == 1 else "", f"{number}. {task}"))
                    rows.extend(("", f"– {point}") for point in points)
            else:
                rows.extend(
                    (label if number == 1 else "", f"{number}. {item}")
                    for number, item in enumerate(text, start=1)
                )
        rows.append((gettext("Подпись"), self.signature()))
        for index, (label, text) in enumerate(rows, start=1):
            xlsx.fit_row_height(sheet, index, [label, text], HEADER_WIDTHS)
            sheet.append([xlsx.cell(sheet, label, font=xlsx.BOLD), xlsx.cell(sheet, text)])
