"""«УТВЕРЖДАЮ» and «СОГЛАСОВАНО» blocks and the head's signature line: post, name, date, protocol, as written
without the underscores, the «(подпись)» hints and the dates to fill in by hand."""

import datetime
import re

from core.formats import month_number
from events.dates import impossible_date
from events.plan_import.draft import Block
from events.plan_import.texts import spaces
from members.names import NAME

APPROVED = re.compile(r"^\s*(?:утверждаю|утвержд[её]н[оа]?|утверждаю:)\b", re.IGNORECASE)
AGREED = re.compile(r"^\s*(?:согласовано|согласован[а]?|рассмотрено|принято)\b", re.IGNORECASE)


UNDERSCORES = re.compile(r"_{2,}|\.{4,}")
WRITTEN_DATE = re.compile(r"«?\s*(\d{1,2})\s*»?\s+([а-яё]+)\s+(\d{4})", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
# What a form prints under its lines: «(подпись)», «(Ф.И.О.)», «(расшифровка подписи)», «М.П.»
HINTS = re.compile(
    r"\((?:подпись|ф\.?\s*и\.?\s*о\.?|расшифровка[^)]*|дата)\)|(?<![А-ЯЁа-яё])М\.\s?П\.(?!\s*[А-ЯЁ][а-яё])",
    re.IGNORECASE,
)
DATE_TEXT = re.compile(
    r"«?\s*\d{1,2}\s*»?\s+[а-яё]+\s+\d{4}\s*(?:г\.|года|г\b)?|\d{1,2}\.\d{1,2}\.\d{4}\s*(?:г\.|года|г\b)?",
    re.IGNORECASE,
)
PROTOCOL = re.compile(r"протокол|приказ|решени|распоряжени", re.IGNORECASE)


def date_in(text):
    for match in NUMERIC_DATE.finditer(text):
        try:
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            continue
    for match in WRITTEN_DATE.finditer(text):
        try:
            return datetime.date(int(match[3]), month_number(match[2]), int(match[1]))
        except ValueError:
            continue
    return None


def name_at_end(text):
    """(what stands before it, the name as written) when the text ends with a person's name: «Руководитель ГМО ___ Л.В. Ким»."""
    clean = spaces(UNDERSCORES.sub(" ", HINTS.sub(" ", text)).replace("/", " ")).strip(" :–-")
    last = None
    for match in NAME.finditer(clean):
        last = match
    if last is None or clean[last.end() :].strip(" .,;:)") != "":
        return None
    return clean[: last.start()].strip(" :–-,("), clean[last.start() :].strip(" ,;)")


def block_kind(text):
    return "approved" if APPROVED.match(text) else "agreed" if AGREED.match(text) else None


def side_by_side(line):
    """A line of two blocks typed side by side: [(position, text)], apart where a tab or three spaces stand."""
    parts = re.split(r"[\t ]*\t[\t ]*| {3,}", line)
    return [(position, part.strip()) for position, part in enumerate(parts) if part.strip()]


def read_block(lines):
    """A «УТВЕРЖДАЮ» / «СОГЛАСОВАНО» block's lines → Block(post, name, on, note)."""
    block, posts, notes = Block(), [], []
    for raw in lines:
        line = spaces(HINTS.sub(" ", raw))
        line = APPROVED.sub("", AGREED.sub("", line)).strip(" :")
        if not line:
            continue
        if PROTOCOL.search(line) or impossible_date(line) or (notes and re.match(r"^(?:от|№)\s", line)):
            # «приказом МКУ «ЦРО»» / «от 01.09.2023 № 120»: the order, on a line or two; «31» февраля: as written, no date
            notes.append(line)
            block.on = block.on or date_in(line)
            continue
        if (
            date_in(line)
            and len(UNDERSCORES.sub("", WRITTEN_DATE.sub("", NUMERIC_DATE.sub("", line))).strip(" «»г.года"))  # noqa: B005 (a set of characters)
            < 4
        ):
            block.on = date_in(line)
            continue
        if re.fullmatch(r"[«»\"_\s.г]*\d{0,4}[\s_г.]*(?:года?)?\.?", line):
            continue  # «"___" ____________ 20__ г.»: a date to fill in by hand
        if (on := date_in(line)) and (named := name_at_end(DATE_TEXT.sub(" ", line))):
            block.on, line = on, DATE_TEXT.sub(" ", line)  # «_______ Т.А. Мальцева 30.08.2024»
        if named := name_at_end(line):
            before, name = named
            block.name = name
            if before:
                posts.append(before)
            continue
        posts.append(line)
    block.post, block.note = " ".join(posts), " ".join(notes)
    return block


# The posts that sign a plan: «Руководитель ГМО», «Председатель РМО», «Заведующая ИМЦ», «Методист»
SIGNER = re.compile(
    r"^\s*(?:руководител|председател|заведующ|директор|методист|зам\.|заместител|координатор|куратор)",
    re.IGNORECASE,
)


def signature_of(text):
    """(post, name) of a signature line — «Руководитель ГМО ______ Л.В. Ким», «Руководитель РМО: Т.А. Мальцева» — or None."""
    named = name_at_end(text)
    if named is None or not re.search(r"[а-яё]", named[0], re.IGNORECASE) or len(named[0]) > 120:
        return None
    return named
