"""Rows → a PlanDraft, read by meaning, not by position.

- The events table is found by its header row, each column by the words of its header, in any order and beside
  any other columns (what those hold stays with the event). A file without such a table and without any row
  that reads as an event is not a plan.
- A section is whatever row heads a group of events — one text across the row, in bold, or numbered «I.», «1.»,
  «Раздел 2» — however it is numbered or named.
- Above the table: the title, «УТВЕРЖДАЮ» and «СОГЛАСОВАНО» (as paragraphs or a table, side by side or one
  above the other), the header's labelled texts — as a two-column table or as paragraphs — placed by what their
  labels say; a text the program does not know is kept as a note. Below: the signature, and notes.
- What cannot be interpreted is kept as written, with a warning on its row; nothing is refused for one cell.
"""

import re

from core.formats import number
from events.dates import impossible_date
from events.meeting_titles import mark_meetings
from events.plan_import.blocks import (
    AGREED,
    APPROVED,
    SIGNER,
    block_kind,
    name_at_end,
    read_block,
    side_by_side,
    signature_of,
)
from events.plan_import.columns import (
    EVENT_NUMBER,
    NUMBERING,
    ROMAN,
    ROMAN_NUMBER,
    SECTION_NUMBERED,
    SUB_NUMBER,
    columns_of,
    section_number,
    section_title,
)
from events.plan_import.draft import EventDraft, PlanDraft, SectionDraft
from events.plan_import.labels import (
    CAPTION,
    CONTENTS,
    HEADER_FIELDS,
    LABEL_AND_TEXT,
    LABEL_WITHOUT_COLON,
    TITLE_START,
    USUAL_LABELS,
    academic_year_in,
    header_field,
    is_label,
    label_key,
    reads_as_caption,
)
from events.plan_import.rows import Cell, PlanImportError, Row
from events.plan_import.texts import BREAK, LIST_MARKER, list_items, one_line, plain, spaces, untag
from members.names import responsible_lines

NOT_A_PLAN = "Это не план: в файле нет таблицы мероприятий (строки заголовков «Мероприятие», «Сроки», «Ответственный»)."


class Parser:
    def __init__(self, rows):
        self.rows = rows
        self.draft = PlanDraft()
        self.header = {}  # field → [text]
        self.label = None  # the header field (or note index) the next unlabelled text continues
        self.title_lines = []
        self.columns = None  # {"number": …, "title": …, "dates": …, "responsible": …}
        self.other_columns = {}  # grid column → header
        self.table = None  # the table (number) the events are in; 0: a text file's lines
        self.section = None
        self.event = None
        self.expected_number = 1
        self.after = False  # past the events table
        self.numbered = False
        self.after_break = False  # the row before was the header or «1 2 3 4» repeated: a page of the table begins  # the table numbers its events: a row without a number goes on with the one above
        self.pending_blocks = (
            None  # ({column: "approved" | "agreed"}, {column: its lines}) of the blocks being read
        )
        self.blocks_where = ""  # the row that opened them
        self.last_note = None  # (note, its warning, its row) of the last text after the table
        self.heading = None  # (section, row) of a paragraph between tables read as a section's title
        self.section_column = None  # the column the table's first section stood in, alone in its row
        self.width = 0  # the cells of the table's header row
        self.last_top = None  # (field, text, row) of the last line that went on with a field of the header
        self.caption = (
            None  # (text, row, the field it would go on with) of a line that may head the events table
        )

    # -- the whole document

    def parse(self):
        for index, row in enumerate(self.rows):
            if not row.filled:
                if (
                    self.pending_blocks
                    and any(self.pending_blocks[1].values())
                    and (row.paragraph or not row.table)
                ):
                    self._close_blocks()  # a blank line ends the approval blocks written as paragraphs
                continue
            if self.columns is None and (found := columns_of(row)):
                self._start_table(row, found)
                continue
            if self.after and not row.paragraph and row.table and self._resumes_table(row):
                self.after = False
            if self.columns is not None and not self.after:
                self._table_row(row)
            elif self.after:
                self._after_row(row)
            else:
                self._top_row(row, index)
        if self.pending_blocks:
            self._close_blocks()
        self._heading_without_events()
        draft = self._finish()
        mark_meetings(draft)
        return draft

    def _resumes_table(self, row):
        """A table after a text that ended the events: their next part (its header again, or as many columns)."""
        return row.table != self.table and (
            bool(columns_of(row))
            or (len(row.cells) > max(self.columns.values()) and not self._looks_like_signature(row))
        )

    def _start_table(self, row, found):
        self.columns, self.other_columns = found
        self.table, self.width = row.table, len(row.cells)
        self.label = None
        if self.caption is None and self.last_top and reads_as_caption(self.last_top[1]):
            field, text, top_row = (
                self.last_top
            )  # «План заседаний РМО» under the results: the table's heading, not a result
            self.header[field].pop()
            self.caption = (one_line(text), top_row, field)
        self.last_top = None

    def _finish(self):
        draft = self.draft
        if not draft.events:
            raise PlanImportError(NOT_A_PLAN)
        draft.title = BREAK.join(line for line in self.title_lines if line)
        for name in HEADER_FIELDS:
            text = BREAK.join(self.header.get(name, []))
            if name == "tasks":
                draft.tasks = list_items(text)
            elif name == "results":
                draft.results = [item for main, points in list_items(text) for item in (main, *points)]
            else:
                setattr(draft, name, plain(text))
        for key, label in (("tasks", "Задачи"), ("results", "Ожидаемые результаты"), ("goal", "Цель")):
            if not self.header.get(key):
                draft.warn("", f"В шапке плана нет раздела «{label}».")
        for section in draft.sections:
            if not section.events:
                draft.warn(section.where, f"Раздел «{section.title}» без мероприятий.")
        if not draft.head_name:
            draft.warn("", "Не найдена подпись руководителя в конце плана («Руководитель … Фамилия И.О.»).")
        draft.year_start = academic_year_in(draft.title) or academic_year_in(
            "\n".join("\t".join(row.texts) for row in self.rows)
        )
        return draft

    # -- above the table

    def _top_row(self, row, index):
        texts = [cell.text for _column, cell in row.filled]
        if len(texts) >= 2 and (
            marker := LIST_MARKER.match(texts[0])
        ):  # «1.\tОрганизовать …», «•\tучастие …»
            texts = [f"{'- ' if marker[1] else texts[0].strip() + ' '}{' '.join(texts[1:])}"]
        if any(APPROVED.match(text) or AGREED.match(text) for text in texts) or self.pending_blocks:
            if self._block_row(row):
                return
        first = texts[0]
        self.last_top = None
        if self.caption:  # no table followed: a text of the header after all, where it stood
            self._top_text(*self.caption)
            self.caption = None
        if CONTENTS.match(one_line(first)) and len(texts) == 1:
            self.label = None
            return
        if (
            (self.header or self.draft.notes)
            and len(texts) == 1
            and CAPTION.match(one_line(first))
            and reads_as_caption(first.rstrip(" :"))
        ):
            self.caption, self.label = (
                (first, row, self.label),
                None,
            )  # the table's own heading, if a table follows
            return
        if len(texts) >= 2:  # a header table's row: the label, then its text
            field = header_field(first)
            text = BREAK.join(texts[1:])
            if field:
                self._header(field, first, text)
            elif self.label is not None and not spaces(first):
                self._continue_header(text)
            elif not self.header and not self.title_lines and len(spaces(first)) > 80:
                self.title_lines.append(plain(" ".join(texts)))
            else:
                self._note(first, text, row)
            return
        text = first
        if (
            not row.paragraph and not row.cells[0].text.strip() and self.label is not None
        ):  # a text file's continuation line
            self._continue_header(plain(" ".join(cell.text for cell in row.cells)))
            return
        if (
            isinstance(self.label, str)
            and not any(spaces(part) for part in self.header.get(self.label, []))
            and not self._names_a_field(text)
        ):
            self._continue_header(
                text
            )  # «Тема:» alone, then its text — «Школьная библиотека: пространство …»
            return
        if match := LABEL_AND_TEXT.match(untag(text)):
            label, rest = match[1], match[2]
            if field := header_field(label):
                self._header(field, label, rest)
                return
            if (self.header or self.label is not None) and is_label(label):
                self._note(label, rest, row)
                return
        if (match := LABEL_WITHOUT_COLON.match(untag(text))) and (field := header_field(match[1])):
            self._header(field, match[1], match[2])
            return
        if field := header_field(text):
            self._header(field, text, "")
            return
        if self.label is not None:
            self._continue_header(text)
            if isinstance(self.label, str):
                self.last_top = (self.label, text, row)
        elif not self.header:
            self.title_lines.extend(plain(text).split(BREAK))
        else:
            self._note("", text, row)

    @staticmethod
    def _names_a_field(text):
        match = LABEL_AND_TEXT.match(untag(text)) or LABEL_WITHOUT_COLON.match(untag(text))
        return bool(header_field(text) or match and header_field(match[1]))

    def _top_text(self, text, row, label):
        self.label = label
        if label is not None:
            self._continue_header(text)
        else:
            self._note("", text, row)

    def _header(self, field, label, text):
        if label_key(label) != label_key(USUAL_LABELS[field]):
            self.draft.labels.setdefault(field, spaces(label).strip(" :"))
        self.header.setdefault(field, []).append(text)
        self.label = field

    def _continue_header(self, text):
        if isinstance(self.label, int):
            label, old = self.draft.notes[self.label]
            self.draft.notes[self.label] = (label, (old + BREAK + plain(text)).strip())
        else:
            self.header.setdefault(self.label, []).append(text)

    def _note(self, label, text, row):
        label, text = spaces(untag(label)).strip(" :"), plain(text)
        if not label and not text:
            return
        self.draft.notes.append((label, text))
        self.label = len(self.draft.notes) - 1
        self.draft.warn(
            row.where,
            f"«{(label or text)[:60]}» — такого раздела шапки сайт не знает: текст сохранён в плане как есть.",
        )

    def _block_row(self, row):
        """«УТВЕРЖДАЮ» / «СОГЛАСОВАНО»: a row that opens blocks, or continues the blocks it opened. True if taken.
        In a table each block has its column; on paragraphs (and a text file's lines) the blocks stand side by side,
        apart by tabs or runs of spaces, and each soft line break starts a line of both."""
        if row.table:
            lines = [[(column, cell.text) for column, cell in row.filled]]
        else:
            lines = [parts for line in "\t".join(row.texts).split(BREAK) if (parts := side_by_side(line))]
        for index, parts in enumerate(lines):
            if not self._block_line(parts, in_table=bool(row.table), where=row.where):
                if index == 0:
                    return False
                rest = BREAK.join("\t".join(text for _column, text in parts) for parts in lines[index:])
                rest = Row([Cell(rest)], row.where, row.number, paragraph=row.paragraph)
                self._after_row(rest) if self.after else self._top_row(rest, 0)
                break
        return True

    def _block_line(self, parts, in_table, where):
        """One line of the blocks, [(column, text)]: True if it belongs to them."""
        if self.pending_blocks is None:
            kinds = {column: kind for column, text in parts if (kind := block_kind(text))}
            if not kinds:
                return False
            self.pending_blocks, self.blocks_where = (kinds, {column: [] for column in kinds}), where
        kinds, lines = self.pending_blocks
        opening = [block_kind(text) for _column, text in parts]
        first = parts[0][1]
        if not any(opening) and (
            header_field(first) or CONTENTS.match(one_line(first)) or TITLE_START.match(first)
        ):
            self._close_blocks()
            return False
        if (
            len(kinds) == 1
            and not any(opening)
            and name_at_end(first)
            and any(name_at_end(line) for line in next(iter(lines.values())))
        ):
            self._close_blocks()  # a second name: a block has one, this line is the next thing (the head's signature)
            return False
        columns = sorted(kinds)
        for position, (column, text) in enumerate(parts):
            # as many texts as blocks: one each, in order; else each belongs to the block nearest on its left
            owner = (
                columns[position]
                if len(parts) == len(columns)
                else max((c for c in columns if c <= column), default=columns[0])
            )
            lines[owner].extend(text.split(BREAK))
        if in_table and all(opening) and any(BREAK in text for _column, text in parts):
            self._close_blocks()  # each block whole in its cell
        return True

    def _close_blocks(self):
        kinds, lines = self.pending_blocks
        for column, kind in kinds.items():
            block = read_block(lines[column])
            if block:
                setattr(self.draft, kind, block)
            if wrong := impossible_date(" ".join(lines[column])):
                label = "УТВЕРЖДАЮ" if kind == "approved" else "СОГЛАСОВАНО"
                self.draft.warn(
                    self.blocks_where,
                    f"в грифе «{label}» дата «{wrong}» — такой даты нет: дата не записана, текст сохранён как есть.",
                )
        self.pending_blocks = None

    # -- the table

    def _table_row(self, row):
        if self.pending_blocks:
            self._close_blocks()
        if row.paragraph or (self.table and row.table != self.table):
            if self._between_tables(row):
                return
            self.after = True
            self._after_row(row)
            return
        row = self._without_number_tab(row)
        texts = [spaces(cell.text).rstrip(".") for _column, cell in row.filled]
        if (
            all(text.isdigit() for text in texts)
            and [int(t) for t in texts] == list(range(1, len(texts) + 1))
            and len(texts) > 1
        ):
            self.after_break = True
            return  # the column numbers «1 2 3 4» under the header, also where the table goes on after a page
        if columns_of(row):
            self.after_break = True
            return  # the header repeated
        kind = self._kind(row)
        self.after_break = False
        if kind == "section":
            self._section(row)
        elif kind == "continuation":
            self._continue_event(row)
        elif kind == "names":
            self.event.lines += responsible_lines(untag(row.filled[0][1].text))
        elif kind == "event":
            self._event(row)
        elif kind == "signature":
            self.after = True
            self._after_row(row)

    def _without_number_tab(self, row):
        """A text file's row with one cell more than its header, an empty one after a list's number: Word wrote the
        number of an automatic list and its tab («1.\t\tЗаседание…»); the row without that empty cell."""
        cells = row.cells
        if (
            row.table
            or row.paragraph
            or not self.width
            or len(cells) <= self.width
            or len(cells) < 2
            or not cells[1].empty
            or not LIST_MARKER.match(cells[0].text)
            or cells[0].empty
        ):
            return row
        return Row([cells[0], *cells[2:]], row.where, row.number)

    def _between_tables(self, row):
        """A paragraph or another table after the events began: a section's title between two parts of the table,
        the table's next part (its header repeated, or the same columns), or the end of the table."""
        if row.paragraph:
            text = one_line(row.cells[0].text)
            if re.match(r"^\s*\(?продолжение", text, re.IGNORECASE):
                return True
            named = name_at_end(text)
            if (
                (
                    ROMAN.match(text)
                    or SECTION_NUMBERED.match(text)
                    and SECTION_NUMBERED.match(text)[1]
                    or row.cells[0].bold
                )
                and not signature_of(text)
                and not (named and not named[0])
                and len(text) < 200
            ):
                self._start_section(section_title(text), row.where)
                self.heading = (self.section, row)  # a section only if events follow it
                return True
            return False
        if columns_of(row):
            self._start_table(row, columns_of(row))
            self._heading_from_note()
            return True
        if len(row.cells) >= max(self.columns.values()) + 1 and not self._looks_like_signature(row):
            self.table = row.table  # the same table, continued as a table of its own after a page break
            self.after_break = True
            self._table_row(row)
            return True
        return False

    def _looks_like_signature(self, row):
        return len(row.filled) <= 2 and bool(signature_of(row.joined))

    def _cell(self, row, name):
        column = self.columns.get(name)
        if column is None or column >= len(row.cells):
            return None
        return row.cells[column]

    def _kind(self, row):
        filled = row.filled
        number_cell = self._cell(row, "number")
        number_text = one_line(number_cell.text) if number_cell is not None else ""
        if len(filled) == 1:
            column, cell = filled[0]
            text = one_line(cell.text)
            if cell.from_above:
                return (
                    "continuation" if self.event is not None else "empty"
                )  # a row empty but for a cell merged down
            if (
                self._looks_like_signature(row)
                and not EVENT_NUMBER.match(text)
                and (column != self.columns.get("title") or self.event)
            ):
                return "signature"
            if (
                cell.span > 1
                or cell.bold
                or ROMAN.match(text)
                or (SECTION_NUMBERED.match(text) and SECTION_NUMBERED.match(text)[1])
            ):
                return "section"
            if (
                self.event is not None
                and not row.table
                and not row.paragraph
                and len(row.cells) == 1
                and self._only_names(text)
            ):
                return (
                    "names"  # a text file: the next paragraph of the responsible cell, on a line of its own
                )
            if column == self.columns.get("number"):
                return "event" if EVENT_NUMBER.match(text) or SUB_NUMBER.match(text) else "section"
            if column == 0 and column != self.columns.get("title") and not self._reads_as(column, text):
                return "section"  # typed in the first cell, whatever column stands first
            if self.event is None:
                return "section" if column == self.columns.get("title") else "event"
            if column == self.section_column == self.columns.get("title") and text[:1].isupper():
                return "section"  # the table's sections stand alone in its events' column: this is one more
            if column != self.columns.get("title") or self.numbered:
                return "continuation"  # a cell's text going on after a page break, in a row of its own
            if text[:1].islower() and (
                self.after_break or self.event.title.count("«") > self.event.title.count("»")
            ):
                return "continuation"  # «…Круглый стол «Книга и цифра: что» | (a page) | «читают подростки»»
            return "event"
        if self._signed(row, number_text):
            return "signature"  # «Руководитель ГМО | | | В.И. Саблина» below the table, in its columns
        if self._only_number_and_title(row) and (
            all(cell.bold for _column, cell in filled)
            or ROMAN_NUMBER.match(number_text)
            or self._cell(row, "title").span > 1
        ):
            return "section"  # «I | Организационная работа», «1. | …» in bold or across the row: no dates, nobody responsible
        if number_cell is not None and number_cell.from_above and self.event is not None:
            return "continuation"  # the number merged down: the same event goes on
        if self.numbered and number_cell is not None and not number_text and self.event is not None:
            return "continuation"
        return "event"

    def _signed(self, row, number_text):
        """Two cells that read as a signer's post and name, with no number and no dates: the signature line."""
        dates = self._cell(row, "dates")
        dated = (
            dates is not None
            and not dates.covered
            and self._reads_as(self.columns["dates"], one_line(dates.text))
        )
        signed = len(row.filled) == 2 and not EVENT_NUMBER.match(number_text) and not dated
        return signed and bool(
            (found := signature_of(row.joined)) and SIGNER.match(found[0]) and len(found[0].split()) <= 6
        )

    @staticmethod
    def _only_names(text):
        lines = responsible_lines(text)
        return bool(lines) and all(line.name for line in lines)

    def _reads_as(self, column, text):
        """A lone text in this column reads as that column's own (a date in «Сроки», a name in «Ответственный»)."""
        if column == self.columns.get("dates"):
            return bool(
                re.search(
                    r"\d|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|течени|четверт|полугод",
                    text,
                    re.IGNORECASE,
                )
            )
        if column == self.columns.get("responsible"):
            return any(line.name for line in responsible_lines(text))
        return False

    def _only_number_and_title(self, row):
        wanted = {self.columns.get("number"), self.columns.get("title")} - {None}
        return len(wanted) == 2 and {column for column, _cell in row.filled} == wanted

    def _start_section(self, title, where):
        if self.heading and self.heading[0] is self.section:
            self._heading_without_events()
        self.section = SectionDraft(title=title[:300], where=where)
        self.draft.sections.append(self.section)
        self.event = None
        if len(title) > 300:
            self.draft.warn(where, "Название раздела длиннее 300 знаков: сохранено начало.")

    def _section(self, row):
        if self.caption and not CAPTION.match(self.caption[0]):
            self._top_text(
                *self.caption
            )  # the table has its own sections: the line above it was the header's
        self.caption = None
        if self.section_column is None and len(row.filled) == 1:
            self.section_column = row.filled[0][0]
        self._start_section(section_title(row.joined), row.where)

    def _values(self, row, with_merged=True):
        def value(name):
            cell = self._cell(row, name)
            if cell is None or cell.covered or (cell.from_above and not with_merged):
                return ""
            return cell.text

        extra = {}
        for column, header in self.other_columns.items():
            if (
                column < len(row.cells)
                and not row.cells[column].covered
                and (with_merged or not row.cells[column].from_above)
            ):
                if text := one_line(row.cells[column].text):
                    extra[header or f"Столбец {column + 1}"] = text
        return value("number"), value("title"), value("dates"), value("responsible"), extra

    def _event(self, row):
        number_text, title, dates, responsible, extra = self._values(row)
        if self.section is None and self.caption and not CONTENTS.match(one_line(self.caption[0])):
            self._start_section(
                section_title(self.caption[0]), self.caption[1].where
            )  # the events under their heading
        self.caption = None
        if self.section is None:
            self._start_section("Мероприятия", row.where)
            self.draft.warn(
                row.where, "Мероприятия идут до первого раздела: они собраны в раздел «Мероприятия»."
            )
        number = None
        if match := SUB_NUMBER.match(one_line(number_text)):
            self._heading_above(section_number(match[1]))
            self.numbered = True  # numbered within its section: «1.1», «1.2», «2.1»
        elif match := EVENT_NUMBER.match(one_line(number_text)):
            number = int(match[1])
            self.numbered = True
            if number != self.expected_number and not (
                number == 1 and not self.section.events
            ):  # each section from 1
                self.draft.warn(
                    row.where,
                    f"мероприятие № {number} идёт после № {self.expected_number - 1}: номера на сайте идут подряд.",
                )
            self.expected_number = number + 1
        else:
            self.expected_number += 1
            if one_line(number_text) and not NUMBERING.match(one_line(number_text)):
                title = f"{one_line(number_text)} {one_line(title)}".strip()  # a number cell with words in it
        title = one_line(title)
        if not title:
            title = "Без названия"
            self.draft.warn(
                row.where, "у мероприятия нет названия: записано «Без названия», исправьте его на сайте."
            )
        self.event = EventDraft(title=title, where=row.where, number=number, extra=extra)
        self._dates(row, one_line(dates))
        self.event.lines = responsible_lines(untag(responsible))
        self._check_title(row)
        self.section.events.append(self.event)

    def _heading_above(self, section_number):
        """«1. | Работа с кадрами» with nothing else, then «1.1»: that row was the section's title, not an event."""
        last = self.section.events[-1] if self.section.events else None
        if last is None or last.number != section_number or last.dates_text or last.lines or last.extra:
            return
        self.section.events.pop()
        if (
            not self.section.events
            and self.section.title == "Мероприятия"
            and self.section.where == last.where
        ):
            self.draft.sections.remove(self.section)  # the section made up for it
            self.draft.warnings = [w for w in self.draft.warnings if w.where != last.where]
        self._start_section(section_title(last.title), last.where)
        self.expected_number = section_number + 1

    def _dates(self, row, dates):
        if len(dates) > 200:
            self.event.extra["Сроки проведения (полностью)"] = dates
            self.draft.warn(
                row.where,
                "сроки длиннее 200 знаков: в графе «Сроки» начало, полностью — в дополнительных сведениях.",
            )
            dates = dates[:200]
        self.event.dates_text = dates

    def _check_title(self, row):
        if len(self.event.title) > 2000:
            self.event.extra["Мероприятие (полностью)"] = self.event.title
            self.event.title = self.event.title[:2000]
            self.draft.warn(
                row.where,
                "название мероприятия длиннее 2000 знаков: сохранено начало, полностью — в дополнительных сведениях.",
            )

    def _continue_event(self, row):
        _number, title, dates, responsible, extra = self._values(row, with_merged=False)
        event = self.event
        if one_line(title):
            event.title = spaces(f"{event.title} {one_line(title)}")
            self._check_title(row)
        if one_line(dates):
            self._dates(row, spaces(f"{event.dates_text} {one_line(dates)}"))
        if responsible.strip():
            event.lines += responsible_lines(untag(responsible))
        for header, text in extra.items():
            event.extra[header] = spaces(f"{event.extra.get(header, '')} {text}")

    # -- below the table

    def _heading_from_note(self):
        """A line between two tables, then a table with its own header: the line heads the events of that table
        («План мероприятий», «Заседания ГМО»), if events follow it."""
        if self.last_note is None or self.draft.notes[-1:] != [self.last_note[0]]:
            return
        text = self.last_note[0][1]
        if BREAK in text or len(text) > 200 or not text.strip():
            return
        row = self._take_back_note()
        self._start_section(section_title(text), row.where)
        self.heading = (self.section, row)

    def _heading_without_events(self):
        """A bold paragraph after the table that no events followed was no section: it is text after the table."""
        section, row = self.heading or (None, None)
        self.heading = None
        if section is not None and not section.events and section is self.draft.sections[-1]:
            self.draft.sections.pop()
            self.section = self.draft.sections[-1] if self.draft.sections else None
            self._after_row(row)

    def _after_row(self, row):
        self._heading_without_events()
        if (
            self.pending_blocks or any(block_kind(cell.text) for _column, cell in row.filled)
        ) and self._block_row(row):
            return  # «СОГЛАСОВАНО» under the plan
        text = row.joined
        if not text.strip(" _.:"):
            return  # «________»: a line left to sign, nothing written on it
        if not self.draft.head_name and (signed := signature_of(text)):
            self.draft.head_post, self.draft.head_name = signed[0][:200], signed[1][:100]
            return
        if not self.draft.head_name and (named := name_at_end(text)) and not named[0]:
            self.draft.head_post, self.draft.head_name = self._post_above(), named[1][:100]  # «Т.А. Мальцева»
            return
        if self.draft.head_name:
            self.draft.warn(
                row.where, f"текст после подписи руководителя сохранён как примечание: «{text[:60]}»."
            )
        else:
            self.draft.warn(row.where, f"текст после таблицы сохранён как примечание: «{text[:60]}».")
        self.draft.notes.append(("", plain(BREAK.join(cell.text for _c, cell in row.filled))))
        self.last_note = (self.draft.notes[-1], self.draft.warnings[-1], row)

    def _post_above(self):
        """The post on the line above a name standing alone («Руководитель ГМО» / «______ Л.В. Ким»), taken back
        from the notes; or "" when the line above was no post."""
        if self.last_note is None or self.draft.notes[-1:] != [self.last_note[0]]:
            return ""
        post = self.last_note[0][1]
        if BREAK in post or len(post) > 200 or re.search(r"\d", post):
            return ""
        self._take_back_note()
        return post.strip(" :")

    def _take_back_note(self):
        """The last text after the table is not a note after all: out of the notes and its warning; its row."""
        _note, warning, row = self.last_note
        self.draft.notes.pop()
        self.draft.warnings.remove(warning)
        self.last_note = None
        return row


MAX_CELL = 20000  # a plan's longest real cell (its tasks, all of them) is some 3,000


def parse_rows(rows):
    """The plan the rows hold: a PlanDraft with warnings; PlanImportError when they hold no plan, or a cell no
    plan has (the bound keeps the work of one upload small)."""
    for row in rows:
        if any(len(cell.text) > MAX_CELL for cell in row.cells):
            where = "в абзаце" if row.paragraph or not row.table and len(row.cells) == 1 else "в ячейке"
            raise PlanImportError(
                f"{where} больше {number(MAX_CELL)} знаков — так план не пишут. Проверьте, тот ли это файл.",
                where=row.where,
            )
    return Parser(rows).parse()
