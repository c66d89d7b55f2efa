"""A cell's text as the parser reads it: without the HTML a text export keeps, as one line or a line per
paragraph; and the lists a header's cell holds («1. Task – point – point 2. Task …»)."""

import html
import re

BREAK = "\n"
# What starts an item of a list, not a label: «1.», «2)», «IV.», «а)», a dash or a bullet.
LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,4}[.)]|[а-яa-z]\)|[-–—•·▪●])", re.IGNORECASE
)
# A paragraph that is nothing but a list's marker (Word's text export writes the number, a tab, then the text).
LIST_MARKER = re.compile(r"^\s*(?:([-–—•·▪●o§])|\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,4}[.)]|[а-яa-z]\))\s*$")


def spaces(text):
    return re.sub(r"\s+", " ", text).strip()


def untag(text, breaks=BREAK):
    """A cell's text without HTML (a text export of Word keeps some): block tags become `breaks`, the rest a space.
    (A tag ends at the next «<» too: else a cell of a thousand «<» costs the square of its length.)"""
    text = re.sub(r"<\s*(?:/\s*)?(?:br|p|div|li|ul|ol)\b[^<>]*>", breaks, text, flags=re.IGNORECASE)
    text = re.sub(r"<[^<>]*>", " ", text)
    return html.unescape(text).replace("\xa0", " ")


def one_line(text):
    """A cell as one line: its paragraphs joined by spaces."""
    return spaces(untag(text, " "))


def plain(text):
    """A header text: one line per paragraph."""
    lines = (spaces(line) for line in untag(text).split(BREAK))
    return BREAK.join(line for line in lines if line)


# A sub-point starts with a dash at the start of the text or a paragraph, or after «:», «;», «.»:
# «…через: - распространение…; - организацию…». «ИКТ - компетентности» is not one.
SUB_POINT = re.compile(r"(?:^|(?<=[\n;:.]))[^\S\n]*[-–—•·▪●]\s+")


def _item_with_points(segment):
    parts = SUB_POINT.split(segment)
    return spaces(parts[0]), [spaces(part) for part in parts[1:] if spaces(part)]


def list_items(text):
    """«1. Task - point - point 2. Task …» or a paragraph per item → [(item, [sub-point, …]), …].

    Items are found by their numbers counting 1, 2, 3 … («2.Повышение», «3) Привлекать»); text without numbers
    is read a paragraph per item, a paragraph starting with a dash being a sub-point of the item above."""
    text = untag(text)
    starts = []
    leading = re.match(r"\s*(\d+)[.)](?!\d)", text)
    number, pos = int(leading[1]) if leading else 1, 0
    while match := re.compile(rf"(?:^|(?<=\s)){number}[.)](?!\d)\s*").search(text, pos):
        starts.append((match.start(), match.end()))
        number, pos = number + 1, match.end()
    items = []
    if len(starts) > 1 or (starts and starts[0][0] == 0 and leading):
        preamble = text[: starts[0][0]]
        if spaces(preamble):
            items.append(_item_with_points(preamble))
        for index, (_, body_start) in enumerate(starts):
            body_end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            items.append(_item_with_points(text[body_start:body_end]))
        return [(item, points) for item, points in items if item or points]
    paragraphs = [paragraph for paragraph in text.split(BREAK) if paragraph.strip()]
    if len(paragraphs) > 1 and all(SUB_POINT.match(paragraph) for paragraph in paragraphs):
        paragraphs = [
            SUB_POINT.sub("", paragraph, count=1) for paragraph in paragraphs
        ]  # a bulleted list: an item each
    for paragraph in paragraphs:
        paragraph = re.sub(r"^\s*(?:\d+[.)]|[a-zа-я]\))\s+", "", paragraph)  # a lone number of a Word list
        item, points = _item_with_points(paragraph)
        if not item and points and items:
            items[-1][1].extend(points)
        elif item or points:
            items.append((item, points) if item else (points[0], points[1:]))
    return items
