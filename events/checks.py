"""What to look at again in a plan before it goes out: dates outside the year, one surname with two sets of initials, …"""

from collections import defaultdict
from dataclasses import dataclass

from core.formats import format_date
from core.years import academic_year_bounds, academic_year_name
from events.dates import impossible_date


@dataclass
class Problem:
    number: int | None  # the event's number in the plan; None for a problem of the whole plan
    message: str
    name_key: str = ""  # a written name without a card: the plan page offers to link it or add the card

    def __str__(self):
        return self.message


def event_list(numbers):
    """«мероприятие 3», «мероприятия 2, 24»."""
    numbers = sorted(numbers)
    word = "мероприятие" if len(numbers) == 1 else "мероприятия"
    return f"{word} {', '.join(str(n) for n in numbers)}"


@dataclass
class Checked:
    """An event as the checks see it — a saved one or one in an import's draft."""

    number: int
    dates_text: str
    first: object  # datetime.date or None
    last: object
    lines: list  # [(text as written, name key or "", has a card)]


def check_plan(plan, sections=None):
    """The plan's problems, ordered by event number (problems of the whole plan last).

    Three queries (Plan.numbered_sections), whatever the plan's size; none when the
    caller passes the `sections` it already has from plan.numbered_sections().
    """
    events = [
        Checked(
            event.number,
            event.dates_text,
            event.date_start,
            event.date_end,
            [(line.text, line.key, line.person_id is not None) for line in event.responsible_list],
        )
        for section in (plan.numbered_sections() if sections is None else sections)
        for event in section.numbered_events
    ]
    return check_events(plan.year_start, events)


def check_events(year_start, events):
    """The problems of [Checked] events of a plan for the academic year from `year_start`."""
    first_day, last_day = academic_year_bounds(year_start)
    year = (
        f"{academic_year_name(year_start)} учебного года ({format_date(first_day)} – {format_date(last_day)})"
    )
    problems = []
    # normalised surname → {name key → [printed name, {event numbers}]}
    surnames = defaultdict(dict)
    unlinked = {}  # name key → [the name as written, {event numbers}]: names no card stands for
    for event in events:
        number = event.number
        if not event.dates_text.strip():
            problems.append(Problem(number, f"Мероприятие {number}: не указаны сроки проведения."))
        elif event.first and (event.first < first_day or event.last > last_day):
            what = "дата" if event.first == event.last else "сроки"
            problems.append(Problem(number, f"Мероприятие {number}: {what} «{event.dates_text}» вне {year}."))
        if wrong := impossible_date(event.dates_text):
            which = "" if wrong == event.dates_text.strip() else f": «{wrong}»"
            problems.append(
                Problem(
                    number, f"Мероприятие {number}: в сроках «{event.dates_text}» — такой даты нет{which}."
                )
            )
        if not event.lines:
            problems.append(Problem(number, f"Мероприятие {number}: не указан ответственный."))
        for text, key, linked in event.lines:
            if not key:
                continue  # a group: «все библиотекари»
            entry = surnames[key.split("|")[0]].setdefault(key, [text, set()])
            entry[1].add(number)
            if not linked:
                unlinked.setdefault(key, [text, set()])[1].add(number)

    for forms in surnames.values():
        if len(forms) < 2:
            continue
        ordered = sorted(forms.values(), key=lambda entry: min(entry[1]))
        described = [f"«{name}» ({event_list(numbers)})" for name, numbers in ordered]
        problems.append(
            Problem(
                None,
                f"Одна фамилия с разными инициалами: {', '.join(described[:-1])} и {described[-1]}"
                " — проверьте, один ли это человек.",
            )
        )
    for key, (text, numbers) in unlinked.items():
        problems.append(
            Problem(
                None,
                f"«{text}» ({event_list(numbers)}) — такого человека нет в банке данных: привяжите имя к карточке "
                "или добавьте карточку.",
                name_key=key,
            )
        )
    problems.sort(key=lambda problem: (problem.number is None, problem.number or 0))
    return problems
