"""The printed annual plan: the PDF the head signs and sends, and the same table as XLSX.

The subject of both exporters is an events.models.Plan. Each renders in four
queries, whatever the plan's size: the plan (by the caller), then its sections,
events and responsible people (Plan.numbered_sections).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy as _
from openpyxl.worksheet.cell_range import CellRange

from reports import xlsx
from reports.base import PdfExporter, XlsxExporter, register
from reports.formats import format_date

SIGNATURE_LINE = "________"


class PlanExporter:
    """What both plan exporters share: the file name and the printed texts."""

    def filename_stem(self):
        plan = self.subject
        return f"План работы {plan.association.short_name} {plan.year_name}"

    def document_title(self):
        plan = self.subject
        return gettext("План работы %(name)s на %(year)s учебный год") % {
            "name": plan.association.short_name,
            "year": plan.year_name,
        }

    def approval(self):
        """The «УТВЕРЖДАЮ» block: {post, name, date}, or None when the plan has none."""
        plan = self.subject
        if not (plan.approved_by_post.strip() or plan.approved_by_name.strip()):
            return None
        return {
            "post": plan.approved_by_post.strip(),
            "name": plan.approved_by_name.strip(),
            "date": format_date(plan.approved_on) if plan.approved_on else "",
        }

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
        return " ".join(part for part in (self.subject.head_post.strip(), SIGNATURE_LINE, self.signed_by) if part)

    def header_rows(self):
        """[(label, text)] of the header block, the empty ones left out; tasks and results as lists."""
        plan = self.subject
        rows = [
            (gettext("Единая городская методическая тема"), plan.city_theme.strip()),
            (gettext("Методическая тема ГТО ШБ"), plan.theme.strip()),
            (gettext("Цель"), plan.goal.strip()),
            (gettext("Задачи"), plan.task_tree()),
            (gettext("Ожидаемые результаты"), plan.result_list()),
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
        header = self.header_rows()
        return {
            "title": self.document_title(),
            "author": self.signed_by or plan.association.name,
            "plan": plan,
            "approval": self.approval(),
            "header_texts": [(label, text) for label, text in header if isinstance(text, str)],
            "tasks": plan.task_tree(),
            "results": plan.result_list(),
            "sections": plan.numbered_sections(public=self.public),
            "signature": self.signature(),
        }


# Column widths of «Содержание работы» in characters: №/п, Мероприятие, Сроки проведения, Ответственный.
PLAN_WIDTHS = [6, 56, 20, 21]
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
        plan = self.subject
        sheet = workbook.create_sheet(xlsx.sheet_title(gettext("Содержание работы")))
        xlsx.set_column_widths(sheet, PLAN_WIDTHS)
        xlsx.print_setup(sheet, title_rows="3:3")
        sheet.freeze_panes = "A4"
        span = [sum(PLAN_WIDTHS)]
        row_index = 0

        def merged_row(value, font, alignment, border=None, fill=None):
            nonlocal row_index
            row_index += 1
            xlsx.fit_row_height(sheet, row_index, [value], span, font.size)
            sheet.merged_cells.add(CellRange(min_col=1, max_col=4, min_row=row_index, max_row=row_index))
            first = xlsx.cell(sheet, value, font=font, alignment=alignment, border=border, fill=fill)
            rest = [xlsx.cell(sheet, None, border=border) for _ in range(3)]
            sheet.append([first, *rest])

        merged_row(self.document_title(), xlsx.TITLE, xlsx.WRAP_CENTER)
        merged_row(gettext("Содержание работы"), xlsx.BOLD, xlsx.WRAP_CENTER)
        row_index += 1
        header = [gettext("№/п"), gettext("Мероприятие"), gettext("Сроки проведения"), gettext("Ответственный")]
        sheet.append([xlsx.cell(sheet, value, font=xlsx.BOLD, alignment=xlsx.WRAP_CENTER) for value in header])
        for section in plan.numbered_sections(public=self.public):
            merged_row(
                f"{section.numeral}. {section.title}", xlsx.BOLD, xlsx.WRAP_CENTER, border=xlsx.BORDER, fill=xlsx.SECTION_FILL
            )
            for event in section.numbered_events:
                row_index += 1
                names = "\n".join(r.name for r in event.responsible_list)
                values = [event.number, event.title, event.dates_text, names]
                xlsx.fit_row_height(sheet, row_index, values, PLAN_WIDTHS)
                sheet.append([
                    xlsx.cell(sheet, event.number, alignment=xlsx.Alignment(vertical="top", horizontal="center"), number_format='0"."'),
                    xlsx.cell(sheet, event.title),
                    xlsx.cell(sheet, event.dates_text),
                    xlsx.cell(sheet, names),
                ])
        row_index += 1
        sheet.append([])
        merged_row(self.signature(), xlsx.FONT, xlsx.Alignment(horizontal="left"))

    def write_header(self, workbook):
        sheet = workbook.create_sheet(xlsx.sheet_title(gettext("Шапка")))
        xlsx.set_column_widths(sheet, HEADER_WIDTHS)
        xlsx.print_setup(sheet)
        rows = []
        for label, text in self.header_rows():
            if isinstance(text, str):
                rows.append((label, text))
            elif label == gettext("Задачи"):
                for number, (task, points) in enumerate(text, start=1):
                    rows.append((label if number == 1 else "", f"{number}. {task}"))
                    rows.extend(("", f"– {point}") for point in points)
            else:
                rows.extend((label if number == 1 else "", f"{number}. {item}") for number, item in enumerate(text, start=1))
        rows.append((gettext("Подпись"), self.signature()))
        approval = self.approval()
        if approval:
            rows.append((gettext("УТВЕРЖДАЮ"), approval["post"]))
            rows.append(("", f"{SIGNATURE_LINE} {approval['name']}".strip()))
            if approval["date"]:
                rows.append(("", approval["date"]))
        for index, (label, text) in enumerate(rows, start=1):
            xlsx.fit_row_height(sheet, index, [label, text], HEADER_WIDTHS)
            sheet.append([xlsx.cell(sheet, label, font=xlsx.BOLD), xlsx.cell(sheet, text)])
