"""The meeting's protocol (протокол заседания) as PDF and DOCX, through the reports registry, and the meetings'
blocks of the year's analysis.

The subject of both exporters is a meetings.models.Meeting with its event, section, plan and association at
hand (meetings.access.get_meeting_for_user) — an unsaved one when nothing is filled in yet: its protocol is then
the empty form, the header with blank lines for the chair, the secretary and who was present, and the
signatures. Both print one layout, the Russian standard protocol: the association, «ПРОТОКОЛ № 1», the date and
the place; the chair, the secretary, who was present (names, or more than MOST_NAMED as a count with the list
as an appendix), who was absent, the guests; the agenda; per item СЛУШАЛИ / ВЫСТУПИЛИ / ПОСТАНОВИЛИ with the
decisions 1.1, 1.2 …, who carries each out, by when, the vote; the signatures.

Each renders in the same queries whatever the number of people, items and decisions: the agenda with its
decisions (meetings.queries.agenda, three) and the attendance with the people's schools (one).
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from docx.shared import Cm, Pt

from core.formats import before_period, format_date, percent_text, sort_key
from events.models import Event
from meetings import queries
from meetings.models import Attendance, Meeting
from reports import word
from reports.base import DocxExporter, PdfExporter, register
from reports.blocks import AnalysisBlock, analysis_block

SIGNATURE_LINE = "________"
BLANK = "______________________"  # a line to fill in by hand: a protocol with nothing entered yet
MOST_NAMED = 15  # more present than this: «16 человек (список прилагается)» and the list as an appendix


@dataclass
class ProtocolDecision:
    number: str  # «1.2»
    text: str
    details: str  # «Ответственный: Куклина Н.Н. Срок: 11 сентября 2023 г.» or «»
    votes: str  # «Голосовали: за — 12, против — 0, воздержались — 1.» or «»


@dataclass
class ProtocolItem:
    number: int
    title: str
    agenda_line: str  # «1. О плане работы (докладчик: Саблина В.И.)»
    heard: str  # what follows «СЛУШАЛИ:»: «Саблина В.И. — …»
    spoke: str
    decisions: list = field(default_factory=list)  # [ProtocolDecision]


@dataclass
class Signature:
    post: str  # «Председатель»
    name: str  # «Саблина В.И.», or «» for a line to sign by hand


class ProtocolExporter:
    """What the protocol's two files share: every line of the protocol, worked out once."""

    @property
    def meeting(self):
        return self.subject

    @property
    def event(self):
        return self.subject.event

    @property
    def plan(self):
        return self.subject.event.section.plan

    @property
    def number(self):
        return self.event.meeting_number

    def filename_stem(self):
        """«Протокол № 1 заседания ГТО ШБ от 11.09.2023», or «… 2023-2024» while the plan gives no day."""
        day = self.meeting.date
        when = f"от {day:%d.%m.%Y}" if day else self.plan.year_name
        return f"Протокол № {self.number} заседания {self.plan.association.short_name} {when}"

    def document_title(self):
        return gettext("Протокол № %(number)s заседания %(name)s") % {
            "number": self.number,
            "name": self.plan.association.short_name,
        }

    def heading(self):
        """«заседания ГТО ШБ» under «ПРОТОКОЛ № 1»."""
        return gettext("заседания %(name)s") % {"name": self.plan.association.short_name}

    def date_text(self):
        """«11 сентября 2023 г.», or the plan's dates as written while they name no single day."""
        return self.meeting.date_text

    def place_text(self):
        """«МАОУ СОШ № 1, начало в 15:00»: the place and the start time, whichever is filled."""
        place, starts_at = self.meeting.place.strip(), self.meeting.starts_at
        if not starts_at:
            return place
        time = {"time": f"{starts_at:%H:%M}"}
        if not place:
            return gettext("Начало в %(time)s") % time
        return f"{place}, {gettext('начало в %(time)s') % time}"

    @cached_property
    def marks(self):
        """The meeting's attendance, alphabetically (one query; none for a meeting not saved yet)."""
        if self.meeting._state.adding:
            return []
        marks = list(
            Attendance.objects.filter(meeting_id=self.meeting.pk)
            .select_related("person__school")
            .only("present", "reason", "person__surname", "person__initials", "person__school__short_name")
        )
        return sorted(marks, key=lambda mark: sort_key(mark.person.printed_name))

    @cached_property
    def present(self):
        return [mark.person for mark in self.marks if mark.present]

    @property
    def appendix(self):
        """The list of those present, numbered, with their schools, when the protocol only counts them."""
        return self.present if len(self.present) > MOST_NAMED else []

    def present_text(self):
        """«Куклина Н.Н., Саблина В.И.», or «16 человек (список прилагается)»; a line to fill in when nobody is
        marked."""
        count = len(self.present)
        if count > MOST_NAMED:
            return ngettext(
                "%(count)d человек (список прилагается)", "%(count)d человек (список прилагается)", count
            ) % {"count": count}
        if not count:
            return BLANK
        names = ", ".join(person.printed_name for person in self.present)
        return ngettext("%(count)d человек: %(names)s", "%(count)d человек: %(names)s", count) % {
            "count": count,
            "names": names,
        }

    def absent_text(self):
        """«Петрова А.А. (болезнь), Сидорова О.О.», or «» when nobody is marked absent."""
        return ", ".join(
            f"{mark.person.printed_name} ({mark.reason.strip()})"
            if mark.reason.strip()
            else mark.person.printed_name
            for mark in self.marks
            if not mark.present
        )

    def guests_text(self):
        return "; ".join(line.strip() for line in self.meeting.guests.splitlines() if line.strip())

    def chair_name(self):
        return self.meeting.chair.printed_name if self.meeting.chair_id else ""

    def secretary_name(self):
        return self.meeting.secretary.printed_name if self.meeting.secretary_id else ""

    def signatures(self):
        return [
            Signature(gettext("Председатель"), self.chair_name()),
            Signature(gettext("Секретарь"), self.secretary_name()),
        ]

    @cached_property
    def items(self):
        """[ProtocolItem] of the agenda, in order (meetings.queries.agenda: three queries)."""
        items = []
        for item in queries.agenda(self.meeting):
            speaker = item.speaker_name.strip()
            heard = item.heard.strip()
            agenda_line = f"{item.position}. {item.title}"
            if speaker:
                agenda_line += " " + gettext("(докладчик: %(name)s)") % {"name": speaker}
            items.append(
                ProtocolItem(
                    number=item.position,
                    title=item.title,
                    agenda_line=agenda_line,
                    heard=" — ".join(part for part in (speaker, heard) if part),
                    spoke=item.spoke.strip(),
                    decisions=[self.decision(decision) for decision in item.decision_list],
                )
            )
        return items

    @staticmethod
    def decision(decision):
        details = []
        if decision.responsible_id:
            details.append(
                gettext("Ответственный: %(name)s.")
                % {"name": before_period(decision.responsible.printed_name)}
            )
        if decision.deadline:
            details.append(gettext("Срок: %(date)s") % {"date": format_date(decision.deadline)})
        votes = decision.votes_text()
        return ProtocolDecision(
            number=decision.number,
            text=decision.text,
            details=" ".join(details),
            votes=gettext("Голосовали: %(votes)s.") % {"votes": votes} if votes else "",
        )


@register
class ProtocolPdf(ProtocolExporter, PdfExporter):
    identifier = "protocol-pdf"
    title = _("Протокол заседания (PDF)")
    template_name = "reports/protocol.html"

    def get_context(self):
        return {
            "title": self.document_title(),
            "author": self.plan.association.name,
            "association": self.plan.association.name,
            "number": self.number,
            "heading": self.heading(),
            "date": self.date_text(),
            "place": self.place_text(),
            "chair": self.chair_name() or BLANK,
            "secretary": self.secretary_name() or BLANK,
            "present": self.present_text(),
            "absent": self.absent_text(),
            "guests": self.guests_text(),
            "items": self.items,
            "signatures": self.signatures(),
            "signature_line": SIGNATURE_LINE,
            "appendix": self.appendix,
        }


# Widths on the page's 17 cm (reports.word): the date and the place; the signatures' post, line and name; the
# appendix's №/п, name and school.
WHEN_WIDTHS = [Cm(6), Cm(11)]
SIGNATURE_WIDTHS = [Cm(4.5), Cm(4.5), Cm(8)]
APPENDIX_WIDTHS = [Cm(1.5), Cm(7), Cm(8.5)]
DECISION_INDENT = Cm(0.75)  # the decisions under «ПОСТАНОВИЛИ:», as the PDF's .protocol-decision
AGENDA_HANGING = Cm(0.63)  # an agenda line's number hangs out of its text, as the PDF's .protocol-agenda
TITLE_SIZE = Pt(14)  # «ПРОТОКОЛ № 1», as the PDF's h1


@register
class ProtocolDocx(ProtocolExporter, DocxExporter):
    identifier = "protocol-docx"
    title = _("Протокол заседания (DOCX)")

    def build(self, document):
        word.paragraph(document, self.plan.association.name, bold=True, align=word.CENTER)
        title = word.paragraph(
            document,
            gettext("ПРОТОКОЛ № %(number)s") % {"number": self.number},
            bold=True,
            align=word.CENTER,
            space_before=12,
        )
        title.runs[0].font.size = TITLE_SIZE
        word.paragraph(document, self.heading(), align=word.CENTER)
        word.paragraph(document, "")
        grid = word.table(document, 2, WHEN_WIDTHS, borders=False, flush=True)
        cells = word.row(grid).cells
        word.lines(cells[0], [self.date_text()])
        word.lines(cells[1], [self.place_text()], align=word.RIGHT)

        word.labelled(document, gettext("Председатель:"), self.chair_name() or BLANK, space_before=12)
        word.labelled(document, gettext("Секретарь:"), self.secretary_name() or BLANK)
        word.labelled(document, gettext("Присутствовали:"), self.present_text())
        if absent := self.absent_text():
            word.labelled(document, gettext("Отсутствовали:"), absent)
        if guests := self.guests_text():
            word.labelled(document, gettext("Приглашённые:"), guests)

        if self.items:
            word.paragraph(document, gettext("Повестка дня:"), bold=True, space_before=12)
            for item in self.items:
                hanging(word.paragraph(document, item.agenda_line))
        for item in self.items:
            heading = word.paragraph(document, f"{item.number}. {item.title}", bold=True, space_before=12)
            heading.paragraph_format.keep_with_next = True
            if item.heard:
                word.labelled(document, gettext("СЛУШАЛИ:"), item.heard, space_before=3)
            if item.spoke:
                word.labelled(document, gettext("ВЫСТУПИЛИ:"), item.spoke, space_before=3)
            if item.decisions:
                decided = word.paragraph(document, gettext("ПОСТАНОВИЛИ:"), bold=True, space_before=3)
                decided.paragraph_format.keep_with_next = True
                for decision in item.decisions:
                    lines = [f"{decision.number}. {decision.text}", decision.details, decision.votes]
                    lines = [line for line in lines if line]
                    for index, line in enumerate(lines):
                        p = indented(
                            word.paragraph(
                                document, line, align=word.JUSTIFY, space_before=3 if index == 0 else 0
                            )
                        )
                        p.paragraph_format.keep_with_next = index < len(lines) - 1  # a decision stays whole

        # The signatures never stand alone on a last page: the last lines go over with them.
        if document.paragraphs:
            document.paragraphs[-1].paragraph_format.keep_with_next = True
        word.paragraph(document, "", space_before=12).paragraph_format.keep_with_next = True
        grid = word.table(document, 3, SIGNATURE_WIDTHS, borders=False, flush=True)
        for index, signature in enumerate(self.signatures()):
            cells = word.row(grid).cells
            word.lines(cells[0], [signature.post])
            word.lines(cells[1], [SIGNATURE_LINE], align=word.CENTER)
            word.lines(cells[2], [signature.name])
            for cell in cells:
                cell.paragraphs[0].paragraph_format.space_before = Pt(12)
                cell.paragraphs[0].paragraph_format.keep_with_next = index == 0

        if self.appendix:
            self.write_appendix(document)

    def write_appendix(self, document):
        title = word.paragraph(
            document, gettext("Приложение. Список присутствующих"), bold=True, align=word.CENTER
        )
        title.paragraph_format.page_break_before = True
        word.paragraph(document, self.appendix_note(), align=word.CENTER)
        word.paragraph(document, "")
        grid = word.table(document, 3, APPENDIX_WIDTHS)
        header = [gettext("№/п"), gettext("Фамилия И.О."), gettext("Школа")]
        for cell, text in zip(word.row(grid, repeat_header=True).cells, header):
            word.lines(cell, [text], bold=True, align=word.CENTER)
        for number, person in enumerate(self.appendix, start=1):
            cells = word.row(grid).cells
            word.lines(cells[0], [f"{number}."], align=word.CENTER)
            word.lines(cells[1], [person.printed_name])
            word.lines(cells[2], [person.school.short_name if person.school_id else ""])

    def appendix_note(self):
        return gettext("к протоколу № %(number)s от %(day)s") % {
            "number": self.number,
            "day": self.date_text(),
        }


def hanging(p):
    p.paragraph_format.left_indent = AGENDA_HANGING
    p.paragraph_format.first_line_indent = -AGENDA_HANGING
    return p


def indented(p):
    p.paragraph_format.left_indent = DECISION_INDENT
    return p


# The year's analysis: the meetings' blocks.


@analysis_block(order=30)
def meetings(plan):
    """The year's meetings: each with its date, its agenda, who was present and how many of its decisions were
    carried out (meetings.queries.year_summary: one query without meetings, three with)."""
    events, decisions, items = queries.year_summary(plan.association_id, plan.year_start)
    if not events:
        return None
    rows = []
    held = 0
    attended = []  # those present at each meeting whose attendance was marked
    done_total = decided_total = 0
    for event in events:
        meeting = event.meeting if hasattr(event, "meeting") else None
        held += event.status == Event.Status.DONE
        counts = decisions.get(event.pk, {"total": 0, "done": 0})
        done_total += counts["done"]
        decided_total += counts["total"]
        if event.marked:
            attended.append(event.present)
        titles = items.get(event.pk, [])
        rows.append(
            [
                event.meeting_number,
                (meeting or Meeting(event=event)).date or event.dates_text,
                "\n".join(f"{number}. {title}" for number, title in enumerate(titles, start=1))
                if titles
                else event.title,
                of(event.present, event.marked),
                of(counts["done"], counts["total"]),
            ]
        )
    if held == len(events):
        parts = [
            ngettext("Проведено %(count)d заседание", "Проведено %(count)d заседаний", held) % {"count": held}
        ]
    else:
        parts = [
            ngettext(
                "Проведено %(count)d заседание из %(total)d",
                "Проведено %(count)d заседаний из %(total)d",
                held,
            )
            % {"count": held, "total": len(events)}
        ]
    if attended:
        average = int(sum(attended) / len(attended) + 0.5)
        parts.append(
            ngettext(
                "в среднем присутствовал %(count)d человек",
                "в среднем присутствовало %(count)d человек",
                average,
            )
            % {"count": average}
        )
    summary = "; ".join(parts) + "."
    if decided_total:
        summary += " " + gettext("Решений выполнено: %(done)s.") % {"done": of(done_total, decided_total)}
    return AnalysisBlock(
        title=gettext("Заседания"),
        summary=summary,
        header=[
            gettext("№"),
            gettext("Дата"),
            gettext("Повестка"),
            gettext("Присутствовало"),
            gettext("Решений выполнено"),
        ],
        rows=rows,
        column_widths=[5, 18, 50, 15, 15],
        sheet_title=gettext("Заседания"),
    )


@analysis_block(order=31)
def attendance_by_school(plan):
    """Each school's marks at the year's meetings: present of all marked (one query)."""
    found = queries.school_attendance(plan.association_id, plan.year_start)
    if not found:
        return None
    no_school = gettext("без школы")
    found = sorted(
        found,
        key=lambda row: (
            row["person__school__short_name"] is None,
            sort_key(row["person__school__short_name"] or ""),
        ),
    )
    rows = [
        [
            row["person__school__short_name"] or no_school,
            row["present"],
            row["total"],
            percent_text(row["present"], row["total"], empty="—"),
        ]
        for row in found
    ]
    present = sum(row["present"] for row in found)
    total = sum(row["total"] for row in found)
    rows.append([gettext("Всего"), present, total, percent_text(present, total, empty="—")])
    return AnalysisBlock(
        title=gettext("Посещаемость заседаний по школам"),
        summary=gettext("Отметок явки за год: %(total)d, из них присутствовали — %(present)d (%(share)s).")
        % {"total": total, "present": present, "share": percent_text(present, total, empty="—")},
        header=[gettext("Школа"), gettext("Присутствовали"), gettext("Всего отметок"), gettext("Доля")],
        rows=rows,
        column_widths=[34, 16, 16, 10],
        sheet_title=gettext("Посещаемость"),
    )


def of(part, whole):
    """«12 из 15», or «—» when nothing was counted."""
    return gettext("%(part)d из %(whole)d") % {"part": part, "whole": whole} if whole else "—"
