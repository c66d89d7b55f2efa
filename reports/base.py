"""One exporter base and one registry: every PDF and XLSX the project produces.

A report is a small class registered under its identifier:

    @register
    class PlanPdf(PdfExporter):
        identifier = "plan-pdf"
        title = _("План работы (PDF)")
        template_name = "reports/plan.html"

        def filename_stem(self):
            return f"План работы {self.subject.association.short_name} {self.subject.year_name}"

        def get_context(self):
            return {"plan": self.subject, ...}

`Exporter(subject).render()` gives the file's bytes and `.filename()` its Russian
name; `download_response(exporter)` turns it into an attachment. The subject is
whatever the report is about — a Plan, an Association; the view that serves a
report checks access to the subject first (events.access, members.access).

Four kinds to start from:

- PdfExporter: an HTML template under templates/reports/ rendered by WeasyPrint
  with the one shared print stylesheet, static/css/print.css (reports.pdf);
- XlsxExporter: `write(workbook)` fills a write-only openpyxl workbook (reports.xlsx);
- DocxExporter: `build(document)` fills a python-docx Document (reports.word);
- ListExporter: `rows()` yields a header row, then data rows; the same class gives
  an XLSX sheet (extension "xlsx") or a printed table (extension "pdf").

Apps add their exporters (and blocks of the year's analysis, reports.blocks)
in a module `<app>/exports.py`: ReportsConfig.ready() imports it.
"""

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from core.formats import before_period

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

# Characters a file name may not carry on Windows or after a slash.
UNSAFE_IN_FILENAME = str.maketrans({c: "-" for c in '/\\:*?"<>|'})

# identifier → exporter class
registry = {}


def register(exporter_class):
    """Class decorator: put an exporter in the registry under its identifier."""
    identifier = exporter_class.identifier
    if not identifier:
        raise ImproperlyConfigured(f"{exporter_class.__name__} has no identifier")
    known = registry.get(identifier)
    if known is not None and (known.__module__, known.__qualname__) != (
        exporter_class.__module__,
        exporter_class.__qualname__,
    ):
        raise ImproperlyConfigured(f"Exporter identifier {identifier!r} is taken by {known.__name__}")
    registry[identifier] = exporter_class
    return exporter_class


def get_exporter(identifier):
    """The exporter class registered under `identifier`; KeyError when there is none."""
    return registry[identifier]


class Exporter:
    identifier = ""  # the registry key, e.g. "plan-pdf"
    title = ""  # what a person sees on a button or in a list, in Russian
    extension = ""  # "pdf" or "xlsx"

    def __init__(self, subject, **options):
        self.subject = subject
        self.options = options

    @property
    def content_type(self):
        return CONTENT_TYPES[self.extension]

    def filename_stem(self):
        """The file's name without the extension, in Russian: «План работы ГТО ШБ 2023-2024»."""
        raise NotImplementedError

    def filename(self):
        return f"{before_period(self.filename_stem().translate(UNSAFE_IN_FILENAME))}.{self.extension}"

    def render(self):
        """The file's content, bytes."""
        raise NotImplementedError


class PdfExporter(Exporter):
    extension = "pdf"
    template_name = ""
    cached = False  # a file anyone may ask for: kept in the cache by its content (reports.pdf.render_pdf)

    def get_context(self):
        return {}

    def render(self):
        from reports.pdf import render_pdf

        return render_pdf(self.template_name, {"title": self.title, **self.get_context()}, cached=self.cached)


class XlsxExporter(Exporter):
    extension = "xlsx"

    def write(self, workbook):
        """Add the sheets to `workbook`, an empty write-only openpyxl Workbook."""
        raise NotImplementedError

    def render(self):
        from reports.xlsx import new_workbook, save_workbook

        workbook = new_workbook()
        self.write(workbook)
        return save_workbook(workbook)


class DocxExporter(Exporter):
    """A Word document to edit further: `build(document)` fills a python-docx Document set up as the PDFs are
    (A4, the same margins, Times New Roman 12 pt; reports.word)."""

    extension = "docx"

    def build(self, document):
        raise NotImplementedError

    def render(self):
        from reports.word import new_document, save_document

        document = new_document()
        self.build(document)
        return save_document(document)


class ListExporter(Exporter):
    """A list of records: `rows()` yields the header row, then the data rows (lists of str, int, date…).

    With extension "xlsx" it becomes one sheet (bold header, repeated when printed);
    with "pdf" a printed table under the exporter's title. A pair is two classes:

        @register
        class LibrariansXlsx(ListExporter):
            identifier, title, extension = "librarians-xlsx", "Библиотекари", "xlsx"
            column_widths = [30, 25, 12]
            def filename_stem(self): ...
            def rows(self): yield ["Фамилия И.О.", "Школа", "Стаж"]; ...

        @register
        class LibrariansPdf(LibrariansXlsx):
            identifier, extension = "librarians-pdf", "pdf"
    """

    extension = "xlsx"
    sheet_title = ""  # XLSX sheet name (31 characters at most); the title when empty
    column_widths = None  # XLSX column widths in characters, one per column
    landscape = False

    def rows(self):
        raise NotImplementedError

    def heading(self):
        """The line above the printed table."""
        return str(self.title)

    def render(self):
        rows = iter(self.rows())
        header = next(rows, [])
        if self.extension == "pdf":
            from core.formats import printed_columns
            from reports.pdf import render_pdf

            return render_pdf(
                "reports/list.html",
                {
                    "title": self.heading(),
                    "columns": printed_columns(header, self.column_widths),
                    "rows": rows,
                    "landscape": self.landscape,
                },
            )
        from reports.xlsx import new_workbook, save_workbook, write_list_sheet

        workbook = new_workbook()
        write_list_sheet(
            workbook,
            self.sheet_title or str(self.title),
            header,
            rows,
            column_widths=self.column_widths,
            landscape=self.landscape,
        )
        return save_workbook(workbook)


def download_response(exporter):
    """The rendered file as an attachment under its Russian name (filename*=utf-8''…)."""
    content = exporter.render()
    response = HttpResponse(content, content_type=exporter.content_type)
    response["Content-Disposition"] = content_disposition_header(True, exporter.filename())
    response["Content-Length"] = str(len(content))
    return response
