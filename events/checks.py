"""What to look at again in a plan before it goes out: dates outside the year, one surname with two sets of initials, …"""

from collections import defaultdict
from dataclasses import dataclass

from events.dates import format_date
from members.names import normalize

@dataclass
class Problem:
    number: int | None  # the event's number in the plan; None for a problem of the whole plan
    message: str

    def __str__(self):
        return self.message


def _event_list(numbers):
    numbers = sorted(numbers)
    word = "мероприятие" if len(numbers) == 1 else "мероприятия"
    return f"{word} {', '.join(str(n) for n in numbers)}"


def check_plan(plan, sections=None):
    """The plan's problems, ordered by event number (problems of the whole plan last).

    Three queries (Plan.numbered_sections), whatever the plan's size; none when the
    caller passes the `sections` it already has from plan.numbered_sections().
    """
    first_day, last_day = plan.bounds
    year = f"{plan.year_name} учебного года ({format_date(first_day)} – {format_date(last_day)})"
    problems = []
    # normalised surname → {name key → [printed name, {event numbers}]}
    surnames = defaultdict(dict)
    for section in plan.numbered_sections() if sections is None else sections:
        for event in section.numbered_events:
            number = event.number
            if not event.dates_text.strip():
                problems.append(Problem(number, f"Мероприятие {number}: не указаны сроки проведения."))
            elif event.date_start and (event.date_start < first_day or event.date_end > last_day):
                what = "дата" if event.date_start == event.date_end else "сроки"
                problems.append(Problem(number, f"Мероприятие {number}: {what} «{event.dates_text}» вне {year}."))
            responsibles = event.responsible_list
            if not responsibles:
                problems.append(Problem(number, f"Мероприятие {number}: не указан ответственный."))
            for responsible in responsibles:
                person = responsible.person
                if person is None:
                    continue
                entry = surnames[normalize(person.surname)].setdefault(
                    person.key, [person.printed_name, set()]
                )
                entry[1].add(number)

    for forms in surnames.values():
        if len(forms) < 2:
            continue
        ordered = sorted(forms.values(), key=lambda entry: min(entry[1]))
        described = [f"«{name}» ({_event_list(numbers)})" for name, numbers in ordered]
        problems.append(
            Problem(
                None,
                f"Одна фамилия с разными инициалами: {', '.join(described[:-1])} и {described[-1]}"
                " — проверьте, один ли это человек.",
            )
        )
    problems.sort(key=lambda problem: (problem.number is None, problem.number or 0))
    return problems
