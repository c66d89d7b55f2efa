"""What a text above the table says it is: which field of the plan's header a label names («Единая районная
методическая тема» → city_theme), a caption over the table, the title's start, the academic year."""

import re
from collections import Counter

from events.plan_import.texts import LIST_ITEM, one_line, spaces

HEADER_FIELDS = ["city_theme", "theme", "goal", "tasks", "results"]
USUAL_LABELS = {
    "city_theme": "Единая городская методическая тема", "theme": "Методическая тема ГТО ШБ", "goal": "Цель",
    "tasks": "Задачи", "results": "Ожидаемые результаты",
}  # fmt: skip


def label_key(text):
    return spaces(text).lower().replace("ё", "е").strip(" :.–-")


def header_field(label):
    """The plan's field a header label names («Единая районная методическая тема» → city_theme), or None."""
    key = label_key(label)
    if not key or len(key) > 80:
        return None
    if re.match(r"^(?:единая|общая)\b.*\bтема\b", key) or re.match(
        r"^(?:городская|районная|муниципальная|региональная|областная)\s+(?:методическая\s+)?тема\b", key
    ):
        return "city_theme"
    if re.match(r"^(?:методическая\s+)?тема\b", key) or re.match(
        r"^(?:проблема|методическая проблема)\b", key
    ):
        return "theme"
    if re.match(r"^(?:основная\s+)?цел[ьи]\b", key):
        return "goal"
    if re.match(r"^(?:основные\s+)?задачи\b", key):
        return "tasks"
    if re.match(r"^(?:(?:ожидаем|планируем|прогнозируем|предполагаем)(?:ые|ый)\s+)?результаты?\b", key):
        return "results"
    return None


def is_label(text):
    """A header's own label («Направления работы», «Формы работы ГМО»): not an item of a list, and not a sentence
    leading into its points («Продолжить сотрудничество с библиотеками системы МУК, через»)."""
    text = spaces(text)
    return (
        not LIST_ITEM.match(text)
        and len(text.split()) <= 6
        and "," not in text
        and not re.search(
            r"\b(?:через|путем|путём|посредством|в том числе|следующие|как)$", text, re.IGNORECASE
        )
    )


CONTENTS = re.compile(
    r"^(?:содержание\s+(?:работы|деятельности)|план\s+мероприятий|основные\s+мероприятия|мероприятия)[\s:.]*$",
    re.IGNORECASE,
)
# The line that heads the table in words of its own: «Содержание работы ГМО на 2024-2025 учебный год», «План заседаний РМО»
CAPTION = re.compile(
    r"^(?:содержание|план|перечень|календарный|циклограмма|мероприятия|основные\s+(?:мероприятия|направления))\b",
    re.IGNORECASE,
)
LABEL_AND_TEXT = re.compile(r"^([^:]{2,80}?):\s*(.*)$", re.DOTALL)
# «Цель – создание условий…», «Методическая тема ГМО «Библиотека…»»: a label the site knows, then a dash or a quote
LABEL_WITHOUT_COLON = re.compile(r"^([^:«\"–—-]{2,80}?)(?:\s+[–—-]\s*|\s+(?=[«\"]))(.+)$", re.DOTALL)
TITLE_START = re.compile(
    r"^\s*(?:[а-яё]+\s+){0,2}план\b", re.IGNORECASE
)  # «ПЛАН РАБОТЫ», «Годовой план работы»
ACADEMIC_YEAR = re.compile(r"(?<!\d)(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)")


def reads_as_caption(text):
    """A short line without a sentence's end, not an item of a list: a heading, not a header's text going on."""
    text = one_line(text)
    return 0 < len(text) <= 120 and not re.search(r"[.;:,]$", text) and not LIST_ITEM.match(text)


def academic_year_in(text):
    """The most frequent «YYYY-YYYY» (or «2024/2025», «2024-25») of consecutive years in the text, or None."""
    years = Counter()
    for first, last in ACADEMIC_YEAR.findall(text or ""):
        last = int(last) if len(last) == 4 else int(first[:2] + last)
        if last == int(first) + 1:
            years[int(first)] += 1
    return years.most_common(1)[0][0] if years else None
