"""The contest's documents, through the reports registry: the jury's protocol as PDF and DOCX, the results as XLSX,
and the contests' block of the year's analysis.

The subject of the three exporters is a contests.models.Contest (the view checks access first):

    download_response(get_exporter("contest-protocol-pdf")(contest))
    download_response(get_exporter("contest-protocol-docx")(contest))
    download_response(get_exporter("contest-results-xlsx")(contest))

The protocol: the association, «ПРОТОКОЛ заседания жюри конкурса «…»», the date (the last stage's end, else the
event's day, else its dates as the plan writes them), the jury (the chair first), the criteria with their maximum
scores; per category a table of every entry — №, the participant, the grade, the school, the work, who prepared
it, the mean score per criterion, the total and the place — with its header repeated on every page; «Итоги», the
winners and prize-winners per category; the signature lines of the chair and each member. The places are the
confirmed ones once the head confirmed them; before, the suggested ones, under «Места не утверждены:
предварительные итоги».

Each renders in the same queries whatever the number of entries (scoring.results: two, and one each for the
categories, the criteria, the jury and the stages).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from contests.models import ROMAN, Contest, Entry
from contests.scoring import NO_SCORE, results, score_text
from core.formats import format_date
from reports import word
from reports.base import DocxExporter, PdfExporter, XlsxExporter, register
from reports.blocks import AnalysisBlock, analysis_block
from reports.xlsx import write_list_sheet

SIGNATURE_LINE = "________________"
BLANK = "______________________"  # a name to write in by hand: a contest without its jury yet


def place_text(place):
    """«I», «II» … or «участник»."""
    return ROMAN.get(place, str(place)) if place else gettext("участник")


def points_text(count):
    return ngettext("%(count)d балл", "%(count)d баллов", count) % {"count": count}


@dataclass
class Row:
    number: int
    entry: Entry
    name: str
    grade: str
    school: str
    work: str
    mentor: str
    scores: list  # str per criterion, in the criteria's order
    total: str
    place: int | None
    place_text: str
    means: list = field(default_factory=list)  # Decimal or None per criterion (the XLSX's numbers)
    total_value: Decimal | None = None


@dataclass
class Awarded:
    """One line of «Итоги»: «Победитель (I место): Иванова Мария (МАОУ СОШ № 1)»."""

    label: str
    names: str


@dataclass
class CategoryTable:
    category: object
    title: str
    note: str  # the grades or ages, when the title does not say them already
    rows: list
    awarded: list  # [Awarded]

    def counts(self):
        """(entries, schools, winners, prize-winners) of the category."""
        return (
            len(self.rows),
            len({row.entry.school_id for row in self.rows}),
            sum(1 for row in self.rows if row.place == 1),
            sum(1 for row in self.rows if row.place and row.place > 1),
        )


@dataclass
class Signature:
    post: str  # «Председатель жюри», «Члены жюри», or «» for the next member
    name: str


class ContestExporter:
    """What the protocol and the results share: every row of every category, worked out once."""

    @property
    def contest(self) -> Contest:
        return self.subject

    @property
    def association(self):
        return self.contest.event.section.plan.association

    @property
    def confirmed(self):
        return self.contest.places_confirmed

    def preliminary_text(self):
        return "" if self.confirmed else gettext("Места не утверждены: предварительные итоги.")

    @cached_property
    def criteria(self):
        return list(self.contest.criteria.all())

    @cached_property
    def tables(self):
        """[CategoryTable] in the categories' order, each's rows best first."""
        entries = list(self.contest.entries.select_related("school", "category", "participant", "mentor"))
        tables = []
        for category, found in results(self.contest, entries):
            rows = []
            for number, result in enumerate(found, start=1):
                entry = result.entry
                place = entry.place if self.confirmed else result.suggested
                means = [result.by_criterion.get(criterion.pk) for criterion in self.criteria]
                rows.append(
                    Row(
                        number=number,
                        entry=entry,
                        name=entry.name,
                        grade=str(entry.grade) if entry.grade else "",
                        school=entry.school.short_name,
                        work=entry.work_title,
                        mentor=entry.mentor_name,
                        scores=[score_text(mean) for mean in means],
                        total=score_text(result.total),
                        place=place,
                        place_text=place_text(place),
                        means=means,
                        total_value=result.total,
                    )
                )
            note = category.range_text
            tables.append(
                CategoryTable(
                    category=category,
                    title=category.title,
                    note="" if note.strip().lower() == category.title.strip().lower() else note,
                    rows=rows,
                    awarded=self.awarded(rows),
                )
            )
        return tables

    @staticmethod
    def awarded(rows):
        """«Победитель (I место): …», «Призёры (II место): …», by place."""
        by_place = {}
        for row in rows:
            if row.place:
                by_place.setdefault(row.place, []).append(row)
        lines = []
        for place in sorted(by_place):
            placed = by_place[place]
            values = {"place": ROMAN.get(place, place)}
            if place == 1:
                label = ngettext(
                    "Победитель (%(place)s место):", "Победители (%(place)s место):", len(placed)
                )
            else:
                label = ngettext("Призёр (%(place)s место):", "Призёры (%(place)s место):", len(placed))
            names = ", ".join(f"{row.name} ({row.school})" for row in placed)
            lines.append(Awarded(label % values, names))
        return lines


class ProtocolExporter(ContestExporter):
    """The protocol's lines, shared by the PDF and the DOCX."""

    def filename_stem(self):
        return f"Протокол жюри конкурса «{self.contest.title}» {self.association.short_name}"

    def document_title(self):
        return gettext("Протокол заседания жюри конкурса «%(title)s»") % {"title": self.contest.title}

    def heading(self):
        """What follows «ПРОТОКОЛ»."""
        return gettext("заседания жюри конкурса «%(title)s»") % {"title": self.contest.title}

    def date_text(self):
        """The last stage's end, else the event's day, else its dates as the plan writes them."""
        ends = [stage.ends_on for stage in self.contest.stages.all() if stage.ends_on]
        if ends:
            return format_date(max(ends))
        event = self.contest.event
        return format_date(event.single_day) if event.single_day else event.dates_text

    @cached_property
    def jury(self):
        return list(self.contest.jury.select_related("person"))

    def chair_names(self):
        return [member.name for member in self.jury if member.is_chair]

    def member_names(self):
        return [member.name for member in self.jury if not member.is_chair]

    def jury_lines(self):
        """[(label, names)]: «Председатель жюри:», «Члены жюри:»; blank lines when nobody is named yet."""
        chairs, members = self.chair_names(), self.member_names()
        if not chairs and not members:
            return [(gettext("Председатель жюри:"), BLANK), (gettext("Члены жюри:"), BLANK)]
        lines = []
        if chairs:
            lines.append((gettext("Председатель жюри:"), "; ".join(chairs)))
        if members:
            lines.append((gettext("Члены жюри:"), "; ".join(members)))
        return lines

    def signatures(self):
        chairs, members = self.chair_names(), self.member_names()
        if not chairs and not members:
            chairs, members = [""], ["", ""]
        signatures = [
            Signature(gettext("Председатель жюри") if i == 0 else "", n) for i, n in enumerate(chairs)
        ]
        signatures += [Signature(gettext("Члены жюри") if i == 0 else "", n) for i, n in enumerate(members)]
        return signatures

    def criteria_lines(self):
        """«1. Знание текста — 10 баллов» …"""
        return [
            f"{number}. {criterion.title} — {points_text(criterion.max_score)}"
            for number, criterion in enumerate(self.criteria, start=1)
        ]

    def most_total_text(self):
        most = sum(criterion.max_score for criterion in self.criteria)
        return (
            gettext("Наибольшая сумма баллов — %(points)s.") % {"points": points_text(most)} if most else ""
        )

    def header(self):
        """The table's columns before and after the criteria."""
        first = [gettext("№"), gettext("Участник")]
        if not self.contest.for_librarians:
            first.append(gettext("Класс"))
        first += [gettext("Школа"), gettext("Работа"), gettext("Подготовил(а)")]
        return first, [gettext("Итого"), gettext("Место")]

    def widths(self, total):
        """The columns' widths (in `total`'s unit): the criteria share what the text columns leave."""
        first = [0.8, 3.9] + ([1.3] if not self.contest.for_librarians else []) + [3.2, 4.0, 4.8]
        last = [1.5, 2.0]
        criteria = len(self.criteria)
        each = min(1.4, max(0.9, (25.7 - sum(first) - sum(last)) / criteria)) if criteria else 0
        widths = first + [each] * criteria + last
        scale = total / sum(widths)
        return [width * scale for width in widths]

    def cells(self, row):
        first = [str(row.number), row.name]
        if not self.contest.for_librarians:
            first.append(row.grade)
        return [*first, row.school, row.work, row.mentor, *row.scores, row.total, row.place_text]


@register
class ContestProtocolPdf(ProtocolExporter, PdfExporter):
    identifier = "contest-protocol-pdf"
    title = _("Протокол жюри конкурса (PDF)")
    template_name = "contests/protocol.html"

    def get_context(self):
        first, last = self.header()
        return {
            "title": self.document_title(),
            "author": self.association.name,
            "landscape": True,
            "for_librarians": self.contest.for_librarians,
            "association": self.association.name,
            "heading": self.heading(),
            "date": self.date_text(),
            "preliminary": self.preliminary_text(),
            "jury_lines": self.jury_lines(),
            "criteria": self.criteria,
            "criteria_lines": self.criteria_lines(),
            "most_total": self.most_total_text(),
            "first_columns": first,
            "last_columns": last,
            "widths": [f"{width:.1f}%" for width in self.widths(100)],
            "tables": [(table, [self.cells(row) for row in table.rows]) for table in self.tables],
            "signatures": self.signatures(),
            "signature_line": SIGNATURE_LINE,
        }


# The DOCX's landscape page: A4 with 2 cm margins all round, as the PDF's (print.css, @page landscape).
PAGE_MARGIN = Cm(2)
TEXT_WIDTH_CM = 25.7
TABLE_SIZE = Pt(10)
CELL_MARGIN_TWIPS = 57  # 0.1 cm
TITLE_SIZE = Pt(14)
SIGNATURE_WIDTHS = [Cm(5), Cm(5.5), Cm(15.2)]


@register
class ContestProtocolDocx(ProtocolExporter, DocxExporter):
    identifier = "contest-protocol-docx"
    title = _("Протокол жюри конкурса (DOCX)")

    def build(self, document):
        landscape(document)
        word.paragraph(document, self.association.name, bold=True, align=word.CENTER)
        title = word.paragraph(document, gettext("ПРОТОКОЛ"), bold=True, align=word.CENTER, space_before=12)
        title.runs[0].font.size = TITLE_SIZE
        word.paragraph(document, self.heading(), align=word.CENTER)
        word.paragraph(document, self.date_text(), space_before=12)
        if preliminary := self.preliminary_text():
            word.paragraph(document, preliminary, bold=True, space_before=6)
        for index, (label, names) in enumerate(self.jury_lines()):
            word.labelled(document, label, names, space_before=12 if index == 0 else 0)
        if self.criteria:
            word.paragraph(document, gettext("Критерии оценки:"), bold=True, space_before=12)
            for line in self.criteria_lines():
                word.paragraph(document, line)
            if most := self.most_total_text():
                word.paragraph(document, most)

        for table in self.tables:
            self.write_table(document, table)

        word.paragraph(document, gettext("Итоги"), bold=True, align=word.CENTER, space_before=18)
        for table in self.tables:
            heading = word.paragraph(document, table.title, bold=True, space_before=6)
            heading.paragraph_format.keep_with_next = True
            if not table.awarded:
                word.paragraph(document, gettext("Победители и призёры не определены."))
            for line in table.awarded:
                word.labelled(document, line.label, line.names)
        if preliminary:
            word.paragraph(document, preliminary, bold=True, space_before=6)

        if document.paragraphs:
            document.paragraphs[-1].paragraph_format.keep_with_next = True
        word.paragraph(document, "", space_before=12).paragraph_format.keep_with_next = True
        grid = word.table(document, 3, SIGNATURE_WIDTHS, borders=False, flush=True)
        signatures = self.signatures()
        for index, signature in enumerate(signatures):
            cells = word.row(grid).cells
            word.lines(cells[0], [signature.post])
            word.lines(cells[1], [SIGNATURE_LINE], align=word.CENTER)
            word.lines(cells[2], [signature.name])
            for cell in cells:
                cell.paragraphs[0].paragraph_format.space_before = Pt(14)
                cell.paragraphs[0].paragraph_format.keep_with_next = index < len(signatures) - 1

    def write_table(self, document, table):
        heading = word.paragraph(document, table.title, bold=True, align=word.CENTER, space_before=18)
        heading.paragraph_format.keep_with_next = True
        if table.note:
            word.paragraph(document, table.note, align=word.CENTER).paragraph_format.keep_with_next = True
        if not table.rows:
            word.paragraph(document, gettext("Заявок нет."), align=word.CENTER)
            return
        first, last = self.header()
        criteria = len(self.criteria)
        widths = [Cm(width) for width in self.widths(TEXT_WIDTH_CM)]
        grid = narrow_margins(word.table(document, len(widths), widths))
        top = word.row(grid, repeat_header=True)
        if criteria:
            # Two header rows: «Средний балл по критериям» over the criteria's numbers, the other columns merged.
            bottom = word.row(grid, repeat_header=True)
            for index in [*range(len(first)), *range(len(first) + criteria, len(widths))]:
                top.cells[index].merge(bottom.cells[index])
            group = top.cells[len(first)].merge(top.cells[len(first) + criteria - 1])
            names = [*first, *([None] * criteria), *last]
            for index, name in enumerate(names):
                if name is not None:
                    fill(top.cells[index], name, bold=True, align=word.CENTER)
            fill(group, gettext("Средний балл по критериям"), bold=True, align=word.CENTER)
            for number in range(1, criteria + 1):
                fill(bottom.cells[len(first) + number - 1], str(number), bold=True, align=word.CENTER)
        else:
            for cell, name in zip(top.cells, [*first, *last]):
                fill(cell, name, bold=True, align=word.CENTER)
        for header in grid.rows:
            for cell in header.cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        total = len(widths) - 2
        centred = {0, total, total + 1, *range(len(first), len(first) + criteria)}
        if not self.contest.for_librarians:
            centred.add(2)
        for row in table.rows:
            cells = word.row(grid).cells
            for index, (cell, text) in enumerate(zip(cells, self.cells(row))):
                fill(cell, text, bold=index == total, align=word.CENTER if index in centred else None)


def landscape(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = PAGE_MARGIN


def narrow_margins(grid):
    """Cells with CELL_MARGIN of space at their sides, not Word's 0.19 cm: the narrow columns keep «Класс»
    and «МАОУ СОШ № 1» on their lines."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.insert_element_before(
        margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )
    return grid


def fill(cell, text, bold=False, align=None):
    """The cell's text in the table's 10 pt."""
    word.lines(cell, [text], bold=bold, align=align)
    for run in cell.paragraphs[0].runs:
        run.font.size = TABLE_SIZE


# ---------------------------------------------------------------- the results as XLSX

SUMMARY_TITLE = _("Сводка")
FORBIDDEN_IN_SHEET_TITLE = str.maketrans({char: " " for char in "[]:*?/\\"})
MOST_SHEET_TITLE = 31


def sheet_titles(names, taken=()):
    """Sheet names Excel accepts for `names`, in order: no []:*?/\\, no apostrophe at either end, 31 characters at
    most, none equal to another (Excel compares them without case) or to one of `taken`."""
    seen = {name.lower() for name in taken}
    titles = []
    for name in names:
        base = " ".join(name.translate(FORBIDDEN_IN_SHEET_TITLE).split()).strip("'").strip()
        base = base[:MOST_SHEET_TITLE].strip() or gettext("Номинация")
        title, number = base, 1
        while title.lower() in seen:
            number += 1
            suffix = f" ({number})"
            title = base[: MOST_SHEET_TITLE - len(suffix)].rstrip() + suffix
        seen.add(title.lower())
        titles.append(title)
    return titles


@register
class ContestResultsXlsx(ContestExporter, XlsxExporter):
    identifier = "contest-results-xlsx"
    title = _("Итоги конкурса (XLSX)")

    def filename_stem(self):
        return f"Итоги конкурса «{self.contest.title}» {self.association.short_name}"

    def write(self, workbook):
        summary = str(SUMMARY_TITLE)
        self.write_summary(workbook, summary)
        titles = sheet_titles([table.title for table in self.tables], taken=[summary])
        header = [
            gettext("Место"),
            gettext("Фамилия"),
            gettext("Имя"),
            gettext("Класс"),
            gettext("Школа"),
            gettext("Работа"),
            gettext("Подготовил(а)"),
            *[criterion.title for criterion in self.criteria],
            gettext("Итого"),
        ]
        widths = [10, 18, 16, 7, 22, 30, 30, *[12] * len(self.criteria), 9]
        for title, table in zip(titles, self.tables):
            write_list_sheet(workbook, title, header, [self.values(row) for row in table.rows], widths, True)

    def values(self, row):
        entry = row.entry
        if entry.participant_id:  # a contest for librarians: the librarian herself
            person = entry.participant
            surname, name = person.surname, " ".join(p for p in (person.first_name, person.patronymic) if p)
        else:
            surname, name = entry.surname, entry.first_name
        return [
            row.place or gettext("участник"),
            surname,
            name,
            entry.grade,
            row.school,
            row.work,
            row.mentor,
            *row.means,
            row.total_value,
        ]

    def write_summary(self, workbook, title):
        header = [
            gettext("Номинация"),
            gettext("Заявок"),
            gettext("Школ"),
            gettext("Победителей"),
            gettext("Призёров"),
        ]
        rows = [[table.title, *table.counts()] for table in self.tables]
        every = [row for table in self.tables for row in table.rows]
        rows.append(
            [
                gettext("Всего"),
                len(every),
                len({row.entry.school_id for row in every}),
                sum(row[3] for row in rows),
                sum(row[4] for row in rows),
            ]
        )
        if preliminary := self.preliminary_text():
            rows.append([preliminary, None, None, None, None])
        write_list_sheet(workbook, title, header, rows, [40, 10, 10, 14, 12])


# ---------------------------------------------------------------- the year's analysis


@analysis_block(order=40)
def contests(plan):
    """The plan's contests: each with the schools taking part, the entries, the winners and prize-winners (two
    queries, whatever the number of contests and entries). The places count once the head confirmed them."""
    found = list(
        Contest.objects.filter(event__section__plan=plan)
        .select_related("event")
        .annotate(
            school_count=Count("entries__school", distinct=True),
            entry_count=Count("entries", distinct=True),
            winner_count=Count("entries", filter=Q(entries__place=1), distinct=True),
            prize_count=Count("entries", filter=Q(entries__place__gt=1), distinct=True),
        )
        .order_by("event__section__position", "event__position", "pk")
    )
    if not found:
        return None
    schools = (
        Entry.objects.filter(contest__event__section__plan=plan).values("school_id").distinct().count()
        if any(contest.entry_count for contest in found)
        else 0
    )
    entries = sum(contest.entry_count for contest in found)
    confirmed = [contest for contest in found if contest.places_confirmed]
    rows = [
        [
            contest.event.title,
            contest.event.dates_text,
            contest.school_count,
            contest.entry_count,
            contest.winner_count if contest.places_confirmed else NO_SCORE,
            contest.prize_count if contest.places_confirmed else NO_SCORE,
        ]
        for contest in found
    ]
    parts = [ngettext("%(count)d конкурс", "%(count)d конкурсов", len(found)) % {"count": len(found)}]
    held = ngettext("%(count)d заявка", "%(count)d заявок", entries) % {"count": entries}
    if entries:
        held += " " + ngettext("из %(count)d школы", "из %(count)d школ", schools) % {"count": schools}
    parts.append(held)
    summary = ", ".join(parts) + "."
    if confirmed:
        summary += " " + gettext("Победителей — %(winners)d, призёров — %(prizes)d.") % {
            "winners": sum(contest.winner_count for contest in confirmed),
            "prizes": sum(contest.prize_count for contest in confirmed),
        }
    if len(confirmed) < len(found):
        summary += " " + gettext("Где стоит «—», места ещё не утверждены.")
    return AnalysisBlock(
        title=gettext("Конкурсы"),
        summary=summary,
        header=[
            gettext("Конкурс"),
            gettext("Сроки"),
            gettext("Школ"),
            gettext("Заявок"),
            gettext("Победителей"),
            gettext("Призёров"),
        ],
        rows=rows,
        column_widths=[40, 18, 9, 9, 13, 11],
        sheet_title=gettext("Конкурсы"),
    )
