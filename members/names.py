"""Names of people as documents print them: «Саблина В.И.».

A name is matched by its key: the surname and the initials, lower case,
with Ё read as Е and spaces and dots ignored, so «Пискарёва С. Б.» and
«Пискарева С.Б» are the same person.
"""

import re
from dataclasses import dataclass

SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
INITIAL = r"[А-ЯЁ]"
# «Саблина В.И.», «Саблина В.И», «Саблина В. И.», «Черных М.В»; in «Иванов И. Петров П.П.»
# the П of «Петров» is not a second initial (an initial is not followed by a lower-case letter).
PRINTED_NAME = re.compile(rf"({SURNAME})\s+({INITIAL})\.\s*(?:({INITIAL})(?![а-яё])\.?)?")
# «ГТО ШБ» in the responsible column is the association itself, not a person.
ASSOCIATION_MARK = re.compile(r"ГТО\s+ШБ")
SEPARATORS = re.compile(r"[\s,;]*")


def normalize(text):
    return re.sub(r"[\s.]", "", text).lower().replace("ё", "е")


def name_key(surname, initials):
    return normalize(surname) + "|" + normalize(initials)


@dataclass(frozen=True)
class PrintedName:
    """One entry of a «responsible» cell: a person, or the association (person is None)."""

    surname: str = ""
    initials: str = ""

    @property
    def is_association(self):
        return not self.surname

    @property
    def key(self):
        return name_key(self.surname, self.initials)

    def __str__(self):
        return f"{self.surname} {self.initials}" if self.surname else "ГТО ШБ"


def parse_names(text):
    """Split a responsible cell into printed names, in their order.

    Raises ValueError naming the part that is not a name.
    """
    names = []
    pos = 0
    text = text.strip()
    while True:
        pos = SEPARATORS.match(text, pos).end()
        if pos >= len(text):
            return names
        if match := ASSOCIATION_MARK.match(text, pos):
            names.append(PrintedName())
        elif match := PRINTED_NAME.match(text, pos):
            surname, first, second = match.groups()
            initials = f"{first}." + (f"{second}." if second else "")
            names.append(PrintedName(surname, initials))
        else:
            raise ValueError(f"не удалось прочитать «{text[pos:]}» как «Фамилия И.О.»")
        pos = match.end()


def parse_name(text):
    """One printed name (or «ГТО ШБ»); ValueError if the text is not exactly one."""
    names = parse_names(text)
    if len(names) != 1:
        raise ValueError(f"«{text.strip()}»: нужно одно имя в виде «Фамилия И.О.»")
    return names[0]
