"""A round's summary and all schools' answers as XLSX and PDF, through the reports registry.

Both formats print the same tables (`tables`): who submitted, the kind's summary, every school's answers.
"""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formats import format_date, printed_columns
from members.models import GRADES
from reports.base import PdfExporter, XlsxExporter, register
from reports.xlsx import write_list_sheet
from rounds.models import Kind, ProvisionLine
from rounds.services import prefill
from rounds.summary import summarize


@dataclass
class Table:
    title: str
    header: list
    rows: list
    widths: list

    @property
    def columns(self):
        return printed_columns(self.header, self.widths)


def _status(report):
    if report.is_submitted:
        return gettext("сдан %(date)s") % {"date": format_date(report.submitted_at.date())}
    return gettext("опаздывает") if report.late else gettext("не сдан")


def tables(round_):
    summary = summarize(round_)
    result = [
        Table(
            gettext("Школы"),
            [gettext("Школа"), gettext("Состояние")],
            [[r.school.short_name, _status(r)] for r in summary.reports],
            [40, 30],
        )
    ]
    if round_.kind == Kind.PROVISION:
        result.append(
            Table(
                gettext("Город"),
                [
                    gettext("Класс"),
                    gettext("Предмет"),
                    gettext("Учащихся"),
                    gettext("Есть экз."),
                    gettext("Не хватает"),
                    "%",
                ],
                [[t.grade, t.subject, t.students, t.available, t.missing, t.percent] for t in summary.city],
                [8, 30, 12, 12, 12, 8],
            )
        )
        lines = (
            ProvisionLine.objects.filter(report__round=round_)
            .select_related("report__school")
            .order_by("report__school__sort_key", "report__school__short_name", "grade", "subject")
        )
        result.append(
            Table(
                gettext("Ответы школ"),
                [
                    gettext("Школа"),
                    gettext("Класс"),
                    gettext("Предмет"),
                    gettext("Учащихся"),
                    gettext("Есть экз."),
                    gettext("Не хватает"),
                    "%",
                ],
                [
                    [
                        line.report.school.short_name,
                        line.grade,
                        line.subject,
                        line.students,
                        line.available,
                        line.missing,
                        line.percent,
                    ]
                    for line in lines
                ],
                [24, 8, 21, 13, 11, 12, 7],  # «Учащихся» and a long school name whole in their columns
            )
        )
    elif round_.kind == Kind.FSEM:
        rows = [
            [
                school.short_name,
                a.check_date,
                a.list_edition,
                a.items_found,
                a.items_withdrawn,
                a.act_number,
                a.act_date,
            ]
            for school, a in summary.fsem_rows
        ]
        rows.append([gettext("Итого"), None, None, summary.fsem_found, summary.fsem_withdrawn, None, None])
        result.append(
            Table(
                gettext("Ответы школ"),
                [
                    gettext("Школа"),
                    gettext("Дата сверки"),
                    gettext("Редакция списка"),
                    gettext("Выявлено"),
                    gettext("Изъято"),
                    gettext("Акт №"),
                    gettext("Дата акта"),
                ],
                rows,
                [22, 16, 16, 11, 11, 10, 16],
            )
        )
    else:
        result.append(
            Table(
                gettext("Город"),
                [gettext("Класс")] + [str(g) for g in GRADES],
                [[gettext("Исключённых, экз.")] + [count for _, count in summary.excluded_by_grade]],
                [18] + [6] * len(GRADES),
            )
        )
        result.append(
            Table(
                gettext("Ответы школ"),
                [gettext("Школа"), gettext("Доля в ФПУ, %"), gettext("Исключённых, экз.")],
                [
                    [school.short_name, a.share_in_fpu, a.excluded_in_use]
                    for school, a in summary.inspection_rows
                ],
                [30, 16, 18],
            )
        )
    return result


class RoundExporter:
    def filename_stem(self):
        return f"{self.subject.title} — сводка"


@register
class RoundXlsx(RoundExporter, XlsxExporter):
    identifier = "round-xlsx"
    title = _("Сводка и ответы школ (XLSX)")

    def write(self, workbook):
        for table in tables(self.subject):
            write_list_sheet(workbook, table.title, table.header, table.rows, column_widths=table.widths)


@register
class ProvisionFormXlsx(XlsxExporter):
    """A provision report's form to fill in Excel: its saved lines and the rows the page offers
    (rounds.services.prefill); read back by rounds.provision_input.form_rows."""

    identifier = "provision-form-xlsx"
    title = _("Форма отчёта (XLSX)")

    def filename_stem(self):
        report = self.subject
        return f"{report.round.title} — {report.school.short_name} — форма"

    def write(self, workbook):
        report = self.subject
        rows = [
            [line.grade, line.subject, line.students, line.available, line.missing]
            for line in report.provision_lines.all()
        ]
        if not report.is_submitted:
            rows += [
                [row["grade"], row["subject"], row.get("students"), row.get("available"), None]
                for row in prefill(report)
            ]
        rows.sort(key=lambda row: (row[0], str(row[1]).casefold()))
        write_list_sheet(
            workbook,
            gettext("Форма отчёта"),
            [
                gettext("Класс"),
                gettext("Предмет"),
                gettext("Учащихся"),
                gettext("Есть экземпляров"),
                gettext("Не хватает"),
            ],
            rows,
            column_widths=[8, 34, 12, 14, 12],
        )


@register
class RoundPdf(RoundExporter, PdfExporter):
    identifier = "round-pdf"
    title = _("Сводка и ответы школ (PDF)")
    template_name = "reports/round.html"

    def get_context(self):
        round_ = self.subject
        return {
            "title": round_.title,
            "author": round_.association.name,
            "round": round_,
            "deadline": format_date(round_.deadline),
            "tables": tables(round_),
        }
