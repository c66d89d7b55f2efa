"""Which plan events are the association's meetings (заседания), read from their titles, and their numbers.

«Заседание №1 …», «Заседание ГМО № 2 …», «3-е заседание РМО», «Третье заседание …», «Заседание РМО: …» — an event
whose title begins so is a meeting. Its number is the one the title gives; a meeting whose title gives none takes the number after the meeting
before it (the next free one), and so does a number the year has already given — the preview says so at the row.
"""

import re

ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
            "девят": 9, "десят": 10}  # fmt: skip

# The title's start: what a numbered line may carry before its words («1.», «—»).
_LEAD = r"^[\W\d_]*?"
_WORD = r"заседание(?![а-яё])"
# «Заседание №1», «Заседание ГМО № 2», «Заседание РМО школьных библиотекарей №3», «Заседание 4.» (not a date)
_NAMED = re.compile(
    _LEAD + _WORD + r"(?:[^№\n\d.:;«\"]{0,60}?№\s*(\d{1,2})|\s+(\d{1,2})(?!\d)(?![.,/-]\d))?", re.I
)
# «2-е заседание», «2-ое заседание», «2 заседание»
_NUMBERED = re.compile(r"^[\W_]*(\d{1,2})\s*(?:-?\s*(?:ое|е|ье))?\s+" + _WORD, re.I)
# «Третье заседание», «Первое заседание»
_ORDINAL = re.compile(r"^[\W\d_]*?(" + "|".join(ORDINALS) + r")(?:ое|ье)\s+" + _WORD, re.I)


def meeting_number_in(title):
    """(True, number) for a meeting's title (number None when it gives none), (False, None) for another event."""
    text = (title or "").strip()
    if match := _NUMBERED.match(text):
        return True, int(match[1]) or None
    if match := _ORDINAL.match(text):
        return True, ORDINALS[match[1].lower()]
    if match := _NAMED.match(text):
        number = match[1] or match[2]
        return True, int(number) if number and int(number) else None
    return False, None


def number_meetings(titles):
    """[(number or None, True when the title's own number was taken already)] for each title, in order: None for
    an event that is no meeting; the numbers unique within the list."""
    found = [meeting_number_in(title) for title in titles]
    numbers = [None] * len(found)
    repeated = [False] * len(found)
    taken = set()
    for index, (is_meeting, number) in enumerate(found):
        if is_meeting and number is not None:
            if number in taken:
                repeated[index] = True
            else:
                numbers[index] = number
                taken.add(number)
    previous = 0
    for index, (is_meeting, _number) in enumerate(found):
        if not is_meeting:
            continue
        if numbers[index] is None:
            numbers[index] = next_free(taken, previous + 1)
            taken.add(numbers[index])
        previous = numbers[index]
    return list(zip(numbers, repeated))


def mark_meetings(draft):
    """Each event of the draft (events.plan_import) gets `.meeting_number`; a repeated number is warned of."""
    for event, (number, repeated) in zip(draft.events, number_meetings(e.title for e in draft.events)):
        event.meeting_number = number
        if repeated:
            draft.warn(
                event.where,
                f"номер заседания из названия уже есть в плане выше — это заседание получит № {number}; "
                "номер можно исправить в форме мероприятия",
            )


def next_free(taken, number=1):
    """The smallest number from `number` up that is not taken."""
    while number in taken:
        number += 1
    return number
