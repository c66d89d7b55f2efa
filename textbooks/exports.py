"""The exchange bank's files, through the reports registry (reports.base):

- the act of a transfer into temporary use, a PDF the two schools sign;
- the bank as XLSX: what the schools offer and what they need, one sheet each, with the
  columns the offers import reads back.
"""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formats import format_date
from members.models import Person
from reports import xlsx
from reports.base import PdfExporter, XlsxExporter, register
from textbooks.models import FpuStatus, Need, Offer, expiry_horizon


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


def fpu_status_texts(today):
    """What the «ФПУ» column says of a row read as values, (textbook_id, excluded, valid_until) → the text:
    the same as BankItem.fpu_status, an expiring title with its day («до 25.04.2027»)."""
    horizon = expiry_horizon(today)
    labels = {status: str(status.label) for status in FpuStatus}

    def text(textbook_id, excluded, valid_until):
        if not textbook_id:
            return labels[FpuStatus.NOT_LISTED]
        if excluded:
            return labels[FpuStatus.EXCLUDED]
        if valid_until and valid_until <= horizon:
            return gettext("до %(day)s") % {"day": format_date(valid_until)}
        return labels[FpuStatus.LISTED]

    return text


@register
class BankXlsx(XlsxExporter):
    """The exchange bank as a workbook. The subject is an Association; the options `offers` and `needs`
    (querysets) narrow it to what a page shows, all active offers and open needs otherwise.

    Made for 200,000 offers: the rows are read as plain values through a server-side cursor, 2000 at
    a time, and the file is sent while it is written (`streaming_response`; reports.xlsx).
    """

    identifier = "textbooks-bank-xlsx"
    title = _("Обменный фонд учебников (XLSX)")

    OFFER_HEADER = ["Школа", "Предмет", "Класс", "Авторы", "Наименование", "Издательство", "Год издания", "Количество",
                    "Всего экз.", "Состояние", "№ ФПУ", "ФПУ", "Примечание"]  # fmt: skip
    OFFER_WIDTHS = [18, 16, 8, 28, 34, 20, 9, 11, 9, 14, 13, 16, 20]
    NEED_HEADER = ["Школа", "Предмет", "Класс", "Авторы", "Наименование", "Количество", "Нужны к", "№ ФПУ", "ФПУ",
                   "Есть предложения", "Примечание"]  # fmt: skip
    NEED_WIDTHS = [18, 16, 8, 28, 34, 11, 14, 13, 16, 12, 20]
    CHUNK = 2000

    def filename_stem(self):
        return gettext("Обменный фонд учебников %(name)s %(day)s") % {
            "name": self.subject.short_name, "day": timezone.localdate().strftime("%d.%m.%Y"),
        }  # fmt: skip

    def offers(self):
        offers = self.options.get("offers")
        if offers is None:
            offers = Offer.objects.active().for_association(self.subject)
        return offers.order_by("school__short_name", "title_key", "grade_from", "pk")

    def needs(self):
        needs = self.options.get("needs")
        if needs is None:
            needs = Need.objects.open().for_association(self.subject)
        return needs.with_offers_flag().order_by("school__short_name", "title_key", "grade", "pk")

    def offer_rows(self, today):
        status = fpu_status_texts(today)
        conditions = {value: str(label) for value, label in Offer.Condition.choices}
        rows = self.offers().values_list(
            "school__short_name", "subject", "grade_from", "grade_to", "authors", "title", "publisher", "year_published",
            "available", "copies", "condition", "textbook_id", "textbook__fpu_number", "textbook__excluded",
            "textbook__valid_until", "note",
        )  # fmt: skip
        for (school, subject, grade_from, grade_to, authors, title, publisher, year, available, copies, condition,
             textbook_id, fpu_number, excluded, valid_until, note) in rows.iterator(chunk_size=self.CHUNK):  # fmt: skip
            yield [
                school, subject, str(grade_from) if grade_from == grade_to else f"{grade_from}-{grade_to}", authors, title,
                publisher, year, available, copies, conditions.get(condition, condition), fpu_number or "",
                status(textbook_id, excluded, valid_until), note,
            ]  # fmt: skip

    def need_rows(self, today):
        status = fpu_status_texts(today)
        yes, no = gettext("да"), gettext("нет")
        rows = self.needs().values_list(
            "school__short_name", "subject", "grade", "authors", "title", "copies", "needed_by", "textbook_id",
            "textbook__fpu_number", "textbook__excluded", "textbook__valid_until", "has_offers", "note",
        )  # fmt: skip
        for (school, subject, grade, authors, title, copies, needed_by, textbook_id, fpu_number, excluded, valid_until,
             has_offers, note) in rows.iterator(chunk_size=self.CHUNK):  # fmt: skip
            yield [
                school, subject, grade, authors, title, copies, needed_by, fpu_number or "",
                status(textbook_id, excluded, valid_until), yes if has_offers else no, note,
            ]  # fmt: skip

    def write(self, workbook):
        today = timezone.localdate()
        xlsx.write_list_sheet(
            workbook,
            gettext("Предлагают"),
            self.OFFER_HEADER,
            self.offer_rows(today),
            column_widths=self.OFFER_WIDTHS,
            landscape=True,
        )
        xlsx.write_list_sheet(
            workbook,
            gettext("Нужно"),
            self.NEED_HEADER,
            self.need_rows(today),
            column_widths=self.NEED_WIDTHS,
            landscape=True,
        )

    def render(self):
        return b"".join(self.stream())

    def stream(self):
        """The file's bytes in pieces, made as they are read (reports.xlsx.stream_workbook)."""
        workbook = xlsx.new_streaming_workbook()
        self.write(workbook)
        return xlsx.stream_workbook(workbook)
