"""The regional summary as XLSX and PDF (subject: the academic year's first year)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from region.summary import regional_summary
from reports.base import ListExporter, register


@register
class RegionXlsx(ListExporter):
    identifier = "region-xlsx"
    title = _("Сводка по объединениям региона")
    column_widths = [40, 14, 14, 16, 18, 16]
    landscape = True

    def filename_stem(self):
        return f"Сводка по объединениям {self.subject}-{self.subject + 1}"

    def heading(self):
        return gettext("Сводка по объединениям региона, %(year)s учебный год") % {
            "year": f"{self.subject}-{self.subject + 1}"
        }

    def rows(self):
        yield [
            gettext("Объединение"),
            gettext("Мероприятий в плане"),
            gettext("Проведено"),
            gettext("Проведено, %"),
            gettext("Обеспеченность учебниками, %"),
            gettext("Передано экземпляров"),
        ]
        for row in regional_summary(self.subject):
            yield [
                row.association.name,
                row.events,
                row.done,
                row.done_percent,
                row.provision_percent,
                row.copies_moved,
            ]


@register
class RegionPdf(RegionXlsx):
    identifier = "region-pdf"
    extension = "pdf"
