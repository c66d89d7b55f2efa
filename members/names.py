"""Names of people as documents write them, and the lines of a «responsible» cell.

A person is matched by her key: the surname and the initials, lower case, with Ё read as Е and spaces and dots
ignored, so «Пискарёва С. Б.», «Пискарева С.Б», «С.Б. Пискарёва» and «Пискарёва Светлана Борисовна» are one.

A responsible cell («Саблина В.И. Куклина Н.Н.», «Петрова А.А. (СОШ №5); все библиотекари», «Т.А. Мальцева»)
is split into lines (`responsible_lines`): each line is kept exactly as written, and carries the name it
holds, if it is a person's — a group («члены ГМО», «МКУ «ЦРО»», «ГТО ШБ») is a line without one.
"""

import re
from dataclasses import dataclass

SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
WORD = r"[А-ЯЁ][а-яё]+"
INITIAL = r"[А-ЯЁ]"
# «Саблина В.И.», «Саблина В.И», «Саблина В. И.», «Черных М.В»; in «Иванов И. Петров П.П.» the П of «Петров»
# is not a second initial (an initial is not followed by a lower-case letter).
PRINTED_NAME = re.compile(rf"({SURNAME})\s+({INITIAL})\.\s*(?:({INITIAL})(?![а-яё])\.?)?")
# «Т.А. Мальцева», «Т. А. Мальцева», «Л.В.Ким»
INITIALS_FIRST = re.compile(rf"({INITIAL})\.\s*(?:({INITIAL})\.\s*)?({SURNAME})(?![а-яё])")
# «Иванова Елена Александровна»: a patronymic says it is a full name
FULL_NAME = re.compile(
    rf"({SURNAME})\s+({WORD})\s+({WORD}(?:вна|вич|чна|чич|ична|ич|кызы|оглы|улы))(?![а-яё])"
)
NAME = re.compile(f"{FULL_NAME.pattern}|{PRINTED_NAME.pattern}|{INITIALS_FIRST.pattern}")
SEPARATORS = re.compile(r"[\s,;]*")
# Between two names, nothing but separators and «и»: «Саблина В.И. и Куклина Н.Н.», «Ким Л.В./Орлова Н.П.»
GLUE = re.compile(r"^[\s,;./]*(?:и\s+)?[\s,;./]*$")


def normalize(text):
    return re.sub(r"[\s.]", "", text).lower().replace("ё", "е")


def name_key(surname, initials):
    return normalize(surname) + "|" + normalize(initials)


@dataclass(frozen=True)
class PrintedName:
    """A person's name as a document writes it: surname and initials, and the full name where it is written."""

    surname: str = ""
    initials: str = ""
    first_name: str = ""
    patronymic: str = ""

    @property
    def is_association(self):  # (an empty name: the line is not a person's)
        return not self.surname

    @property
    def key(self):
        return name_key(self.surname, self.initials)

    def __str__(self):
        return f"{self.surname} {self.initials}" if self.surname else ""


def _name_of(match):
    """The PrintedName of a NAME match."""
    full_surname, first, patronymic, surname, first_initial, second_initial, i1, i2, surname_after = (
        match.groups()
    )
    if full_surname:
        return PrintedName(full_surname, f"{first[0]}.{patronymic[0]}.", first, patronymic)
    if surname:
        return PrintedName(surname, f"{first_initial}." + (f"{second_initial}." if second_initial else ""))
    return PrintedName(surname_after, f"{i1}." + (f"{i2}." if i2 else ""))


@dataclass(frozen=True)
class Line:
    """One line of a responsible cell: the text as written, and the person's name it holds (None for a group)."""

    text: str
    name: PrintedName | None = None


def _pieces(text):
    """The cell cut at line breaks, semicolons and commas — not inside parentheses or quotes, nor at a comma
    between numbers («школ № 1, 3, 5»)."""
    pieces, current, depth = [], [], 0
    for index, char in enumerate(text):
        if char in '(«"' and not (char == '"' and depth):
            depth += 1
        elif char in ")»" or (char == '"' and depth):
            depth = max(0, depth - 1)
        if (
            depth == 0
            and char in "\n;,"
            and not (char == "," and re.match(r"\s*\d", text[index + 1 : index + 4]))
        ):
            pieces.append("".join(current))
            current = []
            continue
        current.append(char)
    pieces.append("".join(current))
    return [" ".join(piece.split()) for piece in pieces if piece.strip(" .")]


def _group(text):
    """What stands between names, as a line of its own: «и все библиотекари» → «все библиотекари»."""
    return re.sub(r"^(?:и|а также)\s+|\s+и$", "", text.strip(" ,;/"))


# After a name and a comma, her own post or school, not a group of its own: «Саблина В.И., руководитель ГМО»,
# «Захарова Н.И., МОУ «Невонская СОШ»». A plural («руководители ШМО», «все библиотекари») is a group.
HER_POST_OR_SCHOOL = re.compile(
    r"^\s*(?:(?:педагог-)?библиотекарь|руководитель|председатель|заместитель|зам\.|заведующ(?:ая|ий)|методист|учитель|"
    r"директор|секретарь|член\s+жюри|(?:[МГ][БАК]?ОУ|[МГ]Б?У|ОГ[БА]ОУ)\s*(?:«[^»]*»|СОШ|ООШ|НОШ|гимназ|лице|школ)|"
    r"(?:СОШ|ООШ|НОШ|гимназия|лицей|школа)\b)",
    re.IGNORECASE,
)


def responsible_lines(text):
    """The lines of a responsible cell, in order, each as written: never refused — what is no name is a group."""
    lines = []
    for piece in _pieces(text):
        if lines and lines[-1].name and not NAME.search(piece) and HER_POST_OR_SCHOOL.match(piece):
            lines[-1] = Line(f"{lines[-1].text}, {piece.strip()}", lines[-1].name)  # her post or school
            continue
        lines.extend(_lines_of(piece))
    return [line for line in lines if line.text]


def _lines_of(piece):
    """The lines of one piece of the cell: its names, each with what belongs to it, and the groups between them."""
    matches = list(NAME.finditer(piece))
    if not matches:
        return [Line(piece.strip())]
    lines, position = [], 0
    for index, match in enumerate(matches):
        before = piece[position : match.start()]
        if not GLUE.match(before):
            lines.append(Line(_group(before)))
        end = matches[index + 1].start() if index + 1 < len(matches) else len(piece)
        tail = piece[match.end() : end]
        # what follows a name up to the next one: «(СОШ №5)» or «– руководитель ГМО» belongs to it; other words
        # are a group of their own
        attached = re.match(r"^\s*\.?\s*(\([^)]*\)|[–—-]\s*\S.*)?", tail)
        text_end = match.end() + attached.end() if attached[1] else match.end()
        lines.append(Line(piece[match.start() : text_end].strip(" ,;"), _name_of(match)))
        position = text_end
    rest = piece[position:]
    if not GLUE.match(rest):
        lines.append(Line(_group(rest)))
    return lines


def parse_name(text):
    """Exactly one person's name in `text` («Саблина В.И.», «Т.А. Мальцева», a full name); ValueError otherwise."""
    lines = responsible_lines(text)
    if len(lines) != 1 or lines[0].name is None:
        raise ValueError(f"«{text.strip()}»: нужно одно имя в виде «Фамилия И.О.»")
    return lines[0].name
