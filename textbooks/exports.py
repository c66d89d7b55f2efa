"""The exchange bank's files, through the reports registry (reports.base):

- the act of a transfer into temporary use, a PDF the two schools sign;
- the bank as XLSX: what the schools offer and what they need, one sheet each, with the
  columns the offers import reads back.
"""

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from members.models import Person
from reports import xlsx
from reports.base import PdfExporter, XlsxExporter, register
from reports.formats import format_date
from textbooks.models import FpuStatus, Need, Offer


@register
class TransferActPdf(PdfExporter):
    """«Акт приёма-передачи учебников во временное пользование». The subject is a Transfer."""

    identifier = "textbooks-transfer-act-pdf"
    title = _("Акт приёма-передачи учебников во временное пользование")
    template_name = "textbooks/act.html"

    def filename_stem(self):
        transfer = self.subject
        return gettext("Акт № %(number)d %(giver)s — %(receiver)s") % {
            "number": transfer.pk, "giver": transfer.offer.school.short_name, "receiver": transfer.to_school.short_name,
        }  # fmt: skip

    def get_context(self):
        transfer = self.subject
        giver, receiver = transfer.offer.school, transfer.to_school
        librarians = {}
        for person in Person.objects.filter(school__in=[giver, receiver], is_active=True).order_by("surname"):
            librarians.setdefault(person.school_id, person.printed_name)
        return {
            "title": str(self.title),
            "transfer": transfer,
            "offer": transfer.offer,
            "giver": giver,
            "receiver": receiver,
            "city": giver.association.city,
            "association": giver.association,
            "sides": [
                (gettext("Передал:"), giver, librarians.get(giver.pk, "")),
                (gettext("Принял:"), receiver, librarians.get(receiver.pk, "")),
            ],
        }


def fpu_status_text(item, today):
    status = item.fpu_status(today)
    if status == FpuStatus.EXPIRING:
        return gettext("до %(day)s") % {"day": format_date(item.textbook.valid_until)}
    return str(FpuStatus(status).label)


@register
class BankXlsx(XlsxExporter):
    """The exchange bank as a workbook. The subject is an Association; the options `offers` and `needs`
    (querysets) narrow it to what a page shows, all active offers and open needs otherwise."""

    identifier = "textbooks-bank-xlsx"
    title = _("Обменный фонд учебников (XLSX)")

    OFFER_HEADER = ["Школа", "Предмет", "Класс", "Авторы", "Наименование", "Издательство", "Год издания", "Количество",
                    "Всего экз.", "Состояние", "№ ФПУ", "ФПУ", "Примечание"]  # fmt: skip
    OFFER_WIDTHS = [18, 16, 8, 28, 34, 20, 9, 11, 9, 14, 13, 16, 20]
    NEED_HEADER = ["Школа", "Предмет", "Класс", "Авторы", "Наименование", "Количество", "Нужны к", "№ ФПУ", "ФПУ",
                   "Есть предложения", "Примечание"]  # fmt: skip
    NEED_WIDTHS = [18, 16, 8, 28, 34, 11, 14, 13, 16, 12, 20]

    def filename_stem(self):
        return gettext("Обменный фонд учебников %(name)s %(day)s") % {
            "name": self.subject.short_name, "day": timezone.localdate().strftime("%d.%m.%Y"),
        }  # fmt: skip

    def offers(self):
        offers = self.options.get("offers")
        if offers is None:
            offers = Offer.objects.active().for_association(self.subject)
        return offers.select_related("school", "textbook").order_by("school__short_name", "title_key", "grade_from", "pk")

    def needs(self):
        needs = self.options.get("needs")
        if needs is None:
            needs = Need.objects.open().for_association(self.subject)
        return needs.select_related("school", "textbook").with_offers_flag().order_by("school__short_name", "title_key", "grade", "pk")

    def offer_rows(self, today):
        for offer in self.offers().iterator(chunk_size=2000):
            yield [
                offer.school.short_name, offer.subject, offer.grades_short, offer.authors, offer.title, offer.publisher,
                offer.year_published, offer.available, offer.copies, offer.get_condition_display(),
                offer.textbook.fpu_number if offer.textbook_id else "", fpu_status_text(offer, today), offer.note,
            ]  # fmt: skip

    def need_rows(self, today):
        for need in self.needs().iterator(chunk_size=2000):
            yield [
                need.school.short_name, need.subject, need.grade, need.authors, need.title, need.copies, need.needed_by,
                need.textbook.fpu_number if need.textbook_id else "", fpu_status_text(need, today),
                gettext("да") if need.has_offers else gettext("нет"), need.note,
            ]  # fmt: skip

    def write(self, workbook):
        today = timezone.localdate()
        xlsx.write_list_sheet(workbook, gettext("Предлагают"), self.OFFER_HEADER, self.offer_rows(today),
                              column_widths=self.OFFER_WIDTHS, landscape=True)
        xlsx.write_list_sheet(workbook, gettext("Нужно"), self.NEED_HEADER, self.need_rows(today),
                              column_widths=self.NEED_WIDTHS, landscape=True)
