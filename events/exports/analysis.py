"""«Анализ деятельности ГТО ШБ за 2023-2024 учебный год»: the year's analysis, as PDF and XLSX.

`analyse_plan(plan)` gathers what the plan tells — per section and in total: events
planned, done, moved, cancelled; the events not done with their notes; each
person's load — and then the optional blocks other apps provide.

A block is a small function of the plan, registered with @analysis_block, that
returns an AnalysisBlock, or None when its app has no data for that year (the
report then leaves it out, heading and all). The data bank's blocks (courses,
attestations) are in members/exports.py; another app adds its own in <app>/exports.py,
which ReportsConfig.ready() imports:

    from reports.blocks import AnalysisBlock, analysis_block

    @analysis_block(order=30)
    def transfers(plan):
        first_day, last_day = plan.bounds
        rows = [...]  # one query, whatever the plan's size
        if not rows:
            return None
        return AnalysisBlock(
            title="Передача учебников во временное пользование",
            header=["Передала", "Получила", "Экземпляров", "Дата акта"],
            rows=rows,  # str, int, date: dates print as «2 октября 2023 г.»
            summary="Передано 240 экземпляров по 12 актам.",
        )
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList

from core.formats import format_date, percent, share
from events.models import Event
from reports import xlsx
from reports.base import PdfExporter, XlsxExporter, register
from reports.blocks import analysis_blocks
from reports.charts import bar_chart_svg


def status_name(status):
    """What the analysis calls an event's state; «не отмечено» for one still planned."""
    if status == Event.Status.PLANNED:
        return gettext("не отмечено")
    return str(Event.Status(status).label)


@dataclass
class Counts:
    """Events by state: total planned, done, moved, cancelled, and not marked yet."""

    total: int = 0
    done: int = 0
    moved: int = 0
    cancelled: int = 0
    unmarked: int = 0

    def add(self, status):
        self.total += 1
        attribute = {
            Event.Status.DONE: "done",
            Event.Status.MOVED: "moved",
            Event.Status.CANCELLED: "cancelled",
        }.get(status, "unmarked")
        setattr(self, attribute, getattr(self, attribute) + 1)

    def percent(self, attribute):
        return percent(getattr(self, attribute), self.total)

    @property
    def done_percent(self):
        return self.percent("done")

    @property
    def moved_percent(self):
        return self.percent("moved")

    @property
    def cancelled_percent(self):
        return self.percent("cancelled")

    @property
    def unmarked_percent(self):
        return self.percent("unmarked")


@dataclass
class SectionCounts:
    numeral: str
    title: str
    counts: Counts

    @property
    def label(self):
        return f"{self.numeral}. {self.title}"


@dataclass
class PersonLoad:
    name: str
    total: int = 0
    done: int = 0

    @property
    def done_percent(self):
        return percent(self.done, self.total)


@dataclass
class YearAnalysis:
    plan: object
    sections: list  # [SectionCounts]
    total: Counts
    not_done: list  # [Event] with .number and .section_label
    people: list  # [PersonLoad], the busiest first
    blocks: list = field(default_factory=list)  # [AnalysisBlock]
    made_on: object = None

    def summary(self):
        """«В плане 25 мероприятий в 5 разделах: проведено 20 (80 %), перенесено 2, отменено 1, не отмечено 2.»"""
        total = self.total
        parts = [
            ngettext("В плане %(count)d мероприятие", "В плане %(count)d мероприятий", total.total)
            % {"count": total.total},
            ngettext("в %(count)d разделе", "в %(count)d разделах", len(self.sections))
            % {"count": len(self.sections)},
        ]
        text = " ".join(parts)
        if not total.total:
            return text + "."
        states = [
            gettext("проведено %(count)d (%(percent)d\u202f%%)")
            % {"count": total.done, "percent": total.done_percent}
        ]
        if total.moved:
            states.append(gettext("перенесено %(count)d") % {"count": total.moved})
        if total.cancelled:
            states.append(gettext("отменено %(count)d") % {"count": total.cancelled})
        if total.unmarked:
            states.append(gettext("не отмечено %(count)d") % {"count": total.unmarked})
        return f"{text}: {', '.join(states)}."


def analyse_plan(plan, sections=None):
    """The year's analysis of `plan`. Three queries for the plan's part (none with `sections`
    from plan.numbered_sections()), then whatever the blocks need."""
    sections = plan.numbered_sections() if sections is None else sections
    total = Counts()
    section_counts = []
    not_done = []
    people = {}  # person id → PersonLoad
    for section in sections:
        counts = Counts()
        for event in section.numbered_events:
            counts.add(event.status)
            total.add(event.status)
            if event.status != Event.Status.DONE:
                event.section_label = f"{section.numeral}. {section.title}"
                event.status_name = status_name(event.status)
                not_done.append(event)
            for responsible in event.responsible_list:
                if responsible.person_id is None:
                    continue  # a group («ГТО ШБ», «все библиотекари») or a name nobody added as a card
                load = people.setdefault(
                    responsible.person_id, PersonLoad(responsible.person.printed_name)
                )  # her card, however written
                load.total += 1
                load.done += event.status == Event.Status.DONE
        section_counts.append(SectionCounts(section.numeral, section.title, counts))
    blocks = [block for block in (function(plan) for function in analysis_blocks()) if block is not None]
    return YearAnalysis(
        plan=plan,
        sections=section_counts,
        total=total,
        not_done=not_done,
        people=sorted(people.values(), key=lambda load: (-load.total, -load.done, load.name)),
        blocks=blocks,
        made_on=timezone.localdate(),
    )


class AnalysisExporter:
    def filename_stem(self):
        plan = self.subject
        return f"Анализ деятельности {plan.association.short_name} {plan.year_name}"

    def document_title(self):
        plan = self.subject
        return gettext("Анализ деятельности %(name)s за %(year)s учебный год") % {
            "name": plan.association.short_name,
            "year": plan.year_name,
        }

    def analysis(self):
        if not hasattr(self, "_analysis"):
            self._analysis = analyse_plan(self.subject)
        return self._analysis

    def signature(self):
        plan = self.subject
        return " ".join(part for part in (plan.head_post.strip(), "________", plan.head_name.strip()) if part)


@register
class AnalysisPdf(AnalysisExporter, PdfExporter):
    identifier = "analysis-pdf"
    title = _("Анализ деятельности за учебный год (PDF)")
    template_name = "reports/analysis.html"

    def get_context(self):
        analysis = self.analysis()
        chart = bar_chart_svg(
            [row.numeral for row in analysis.sections],
            [
                (gettext("Запланировано"), [row.counts.total for row in analysis.sections]),
                (gettext("Проведено"), [row.counts.done for row in analysis.sections]),
            ],
        )
        return {
            "title": self.document_title(),
            "author": self.subject.head_name or self.subject.association.name,
            "plan": self.subject,
            "analysis": analysis,
            "chart": chart,
            "made_on": format_date(analysis.made_on),
            "signature": self.signature(),
        }


@register
class AnalysisXlsx(AnalysisExporter, XlsxExporter):
    """Sheets: «Итоги» (per section, in total, the chart), «Не проведены», «Ответственные», one per block."""

    identifier = "analysis-xlsx"
    title = _("Анализ деятельности за учебный год (XLSX)")

    def write(self, workbook):
        analysis = self.analysis()
        self.write_totals(workbook, analysis)
        self.write_not_done(workbook, analysis)
        self.write_people(workbook, analysis)
        for block in analysis.blocks:
            self.write_block(workbook, block)

    def write_totals(self, workbook, analysis):
        sheet = workbook.create_sheet(xlsx.sheet_title(gettext("Итоги")))
        widths = [44, 14, 12, 9, 12, 9, 12, 9, 12]
        xlsx.set_column_widths(sheet, widths)
        xlsx.print_setup(sheet, landscape=True, title_rows="3:3")
        title = self.document_title()
        sheet.append([xlsx.cell(sheet, title, font=xlsx.TITLE, alignment=xlsx.Alignment(), border=None)])
        sheet.append([xlsx.cell(sheet, analysis.summary(), alignment=xlsx.Alignment(), border=None)])
        header = [
            gettext("Раздел"),
            gettext("Запланировано"),
            gettext("Проведено"),
            "%",
            gettext("Перенесено"),
            "%",
            gettext("Отменено"),
            "%",
            gettext("Не отмечено"),
        ]
        xlsx.fit_row_height(sheet, 3, header, widths)
        sheet.append(
            [xlsx.cell(sheet, value, font=xlsx.BOLD, alignment=xlsx.WRAP_CENTER) for value in header]
        )

        def counts_row(label, counts, font):
            values = [
                label,
                counts.total,
                counts.done,
                share(counts.done, counts.total),
                counts.moved,
                share(counts.moved, counts.total),
                counts.cancelled,
                share(counts.cancelled, counts.total),
                counts.unmarked,
            ]
            return [
                xlsx.cell(sheet, value, font=font, number_format=xlsx.PERCENT if index in (3, 5, 7) else None)
                for index, value in enumerate(values)
            ]

        for index, row in enumerate(analysis.sections, start=4):
            xlsx.fit_row_height(sheet, index, [row.label], widths)
            sheet.append(counts_row(row.label, row.counts, xlsx.FONT))
        sheet.append(counts_row(gettext("Всего"), analysis.total, xlsx.BOLD))

        if analysis.sections:
            first, last = 4, 3 + len(analysis.sections)
            chart = BarChart()
            chart.type = "col"
            chart.grouping = "clustered"
            chart.title = gettext("Проведено из запланированного по разделам")
            chart.y_axis.title = gettext("Мероприятий")
            chart.y_axis.majorGridlines = None
            chart.y_axis.delete = False
            chart.x_axis.delete = False
            chart.add_data(
                Reference(sheet, min_col=2, max_col=3, min_row=3, max_row=last), titles_from_data=True
            )
            chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
            chart.dataLabels = DataLabelList(showVal=True)
            chart.legend.position = "b"
            chart.width, chart.height = 24, 10
            sheet.add_chart(chart, f"A{last + 3}")

    def write_not_done(self, workbook, analysis):
        header = [
            gettext("№/п"),
            gettext("Мероприятие"),
            gettext("Сроки проведения"),
            gettext("Состояние"),
            gettext("Примечание"),
        ]
        rows = (
            [event.number, event.title, event.dates_text, event.status_name, event.outcome]
            for event in analysis.not_done
        )
        xlsx.write_list_sheet(
            workbook, gettext("Не проведены"), header, rows, column_widths=[6, 56, 20, 14, 40], landscape=True
        )

    def write_people(self, workbook, analysis):
        header = [gettext("Ответственный"), gettext("Мероприятий"), gettext("Из них проведено"), "%"]
        sheet = xlsx.write_list_sheet(
            workbook, gettext("Ответственные"), header, [], column_widths=[28, 14, 18, 9]
        )
        for load in analysis.people:
            sheet.append(
                [
                    xlsx.cell(sheet, load.name),
                    xlsx.cell(sheet, load.total),
                    xlsx.cell(sheet, load.done),
                    xlsx.cell(sheet, share(load.done, load.total), number_format=xlsx.PERCENT),
                ]
            )

    def write_block(self, workbook, block):
        sheet = xlsx.write_list_sheet(
            workbook,
            block.sheet_title or block.title,
            block.header,
            block.rows,
            column_widths=block.column_widths or [24] * len(block.header),
        )
        if block.summary:
            sheet.append([])
            sheet.append([xlsx.cell(sheet, block.summary, alignment=xlsx.Alignment(), border=None)])
