"""What the head reads before a plan is saved: the draft as read, and what the program derived from it — each
event's first and last day, which names it linked to which cards, which names have none — with the warnings,
each pointing at its row. The import page shows it; `import_plan` prints it as text."""

from dataclasses import dataclass, field

from django.utils.translation import ngettext

from core.formats import format_date, roman
from core.years import academic_year_name
from events.checks import Checked, check_events, event_list
from events.dates import impossible_date, parse_dates
from events.plan_import.labels import USUAL_LABELS
from events.responsibles import card_of, cards_for
from members.names import Line


@dataclass
class EventPreview:
    number: int
    draft: object  # EventDraft
    first: object = None  # datetime.date
    last: object = None
    impossible: str | None = None  # a date the text writes that no calendar has
    lines: list = field(default_factory=list)  # [(Line, Person or None)]
    warnings: list = field(
        default_factory=list
    )  # [str]: the draft's warnings on its row and the checks' on it


@dataclass
class SectionPreview:
    draft: object  # SectionDraft
    numeral: str  # «IV», as the plan will number it

    @property
    def title(self):
        return self.draft.title


@dataclass
class Preview:
    draft: object
    year_start: int | None
    existing: object = None  # the plan of that year the import would replace
    sections: list = field(default_factory=list)  # [(SectionPreview, [EventPreview])]
    names: list = field(default_factory=list)  # [(key, PrintedName, card or None, [event numbers])]
    clashes: dict = field(default_factory=dict)  # {key: the card of that key that is another person}
    completed: list = field(
        default_factory=list
    )  # [(card, PrintedName)]: cards the plan's full names complete
    problems: list = field(default_factory=list)  # [events.checks.Problem]: what the plan's checks will say
    general: list = field(default_factory=list)  # [str]: the warnings that are on no event's row

    @property
    def warning_count(self):
        """Every warning: the whole document's and those on events' rows."""
        return len(self.general) + sum(
            len(event.warnings) for _section, events in self.sections for event in events
        )

    @property
    def header_texts(self):
        """[(label, text)] of the header as read: the themes and the goal under the document's labels, its other texts."""
        draft = self.draft
        rows = [
            (draft.labels.get(name, USUAL_LABELS[name]), getattr(draft, name))
            for name in ("city_theme", "theme", "goal")
        ]
        return [(label, text) for label, text in rows + [tuple(note) for note in draft.notes] if text]

    @property
    def labels(self):
        return {name: self.draft.labels.get(name, USUAL_LABELS[name]) for name in ("tasks", "results")}

    @property
    def extra_headers(self):
        headers = {}
        for event in self.draft.events:
            headers.update(dict.fromkeys(event.extra))
        return list(headers)

    @property
    def year_name(self):
        return academic_year_name(self.year_start) if self.year_start else ""

    @property
    def new_names(self):
        return [entry for entry in self.names if entry[2] is None]

    @property
    def event_count(self):
        return sum(len(events) for _section, events in self.sections)

    @property
    def summary(self):
        """«5 разделов, 25 мероприятий, 6 задач, 6 ожидаемых результатов»"""
        sections, events, tasks, results = (
            len(self.sections),
            self.event_count,
            len(self.draft.tasks),
            len(self.draft.results),
        )
        parts = [
            ngettext("%(count)d раздел", "%(count)d разделов", sections) % {"count": sections},
            ngettext("%(count)d мероприятие", "%(count)d мероприятий", events) % {"count": events},
        ]
        if tasks:
            parts.append(ngettext("%(count)d задача", "%(count)d задач", tasks) % {"count": tasks})
        if results:
            parts.append(
                ngettext("%(count)d ожидаемый результат", "%(count)d ожидаемых результатов", results)
                % {"count": results}
            )
        return ", ".join(parts)


def preview(draft, association, year_start=None):
    from events.plan_import.writer import cards_to_complete, existing_plan, year_moved

    year = year_start or draft.year_start
    lines = [line for event in draft.events for line in event.lines]
    cards = cards_for(association, lines)
    result = Preview(
        draft=draft, year_start=year, existing=existing_plan(association, year) if year else None
    )
    number = 0
    for section in draft.sections:
        events = []
        for event in section.events:
            number += 1
            first, last = parse_dates(event.dates_text, year) if year else (None, None)
            events.append(
                EventPreview(
                    number,
                    event,
                    first,
                    last,
                    impossible_date(event.dates_text),
                    [(line, card_of(line, cards)) for line in event.lines],
                )
            )
        result.sections.append((SectionPreview(section, roman(len(result.sections) + 1)), events))
    result.names = [
        (key, name, card_of(Line(str(name), name), cards), numbers)
        for key, (name, numbers) in draft.names().items()
    ]
    result.clashes = {
        key: cards[key] for key, _name, card, _numbers in result.names if card is None and key in cards
    }
    result.completed = cards_to_complete(lines, cards)
    if year:  # names without a card are listed by `names`
        checked = [
            Checked(
                event.number,
                event.draft.dates_text,
                event.first,
                event.last,
                [
                    (line.text, line.name.key if line.name else "", card is not None)
                    for line, card in event.lines
                ],
            )
            for _section, events in result.sections
            for event in events
        ]
        result.problems = [problem for problem in check_events(year, checked) if not problem.name_key]
    _place_warnings(result)
    if year and (moved := year_moved(draft, year)):
        result.general.insert(0, moved)
    for key, card in result.clashes.items():
        name = next(name for k, name, _card, _numbers in result.names if k == key)
        result.general.append(
            f"«{name.surname} {name.first_name} {name.patronymic}» не привязано к карточке «{card.full_name}»: "
            "инициалы те же, имя и отчество другие. В банке данных двух людей с одной фамилией и "
            "одинаковыми инициалами не бывает: если это она, выберите её карточку."
        )
    return result


def _place_warnings(result):
    """Each warning on the row of its event, when it is about one; the others for the whole document."""
    events = [event for _section, events in result.sections for event in events]
    by_row = {event.draft.where: event for event in events if event.draft.where}
    by_number = {event.number: event for event in events}
    headers = result.extra_headers
    for event in events:
        event.extra_values = [(header, event.draft.extra.get(header, "")) for header in headers]
    for warning in result.draft.warnings:
        if warning.where in by_row:
            by_row[warning.where].warnings.append(warning.message)
        else:
            result.general.append(str(warning))
    for problem in result.problems:
        if problem.number in by_number:
            by_number[problem.number].warnings.append(problem.message)
        else:
            result.general.append(problem.message)


def _dates(event):
    if event.impossible:
        return f"такой даты нет: «{event.impossible}»"
    if event.first is None:
        return "без дат"
    if event.first == event.last:
        return format_date(event.first)
    return f"{format_date(event.first)} – {format_date(event.last)}"


def preview_text(result):
    """The preview as lines of text, for the command line."""
    draft = result.draft
    year = f"на {result.year_name} учебный год" if result.year_name else "(учебный год в документе не указан)"
    out = [f"План работы {year}: {result.summary}."]
    if result.existing:
        out.append(f"План на {result.year_name} учебный год уже есть: он будет заменён.")
    if draft.title:
        out.append("Заголовок: " + draft.title.replace("\n", " / "))
    for label, text in (("Утверждает", draft.approved), ("Согласовано", draft.agreed)):
        if text:
            out.append(
                f"{label}: "
                + ", ".join(
                    part
                    for part in (text.post, text.name, format_date(text.on) if text.on else "", text.note)
                    if part
                )
            )
    for name in ("city_theme", "theme", "goal"):
        if getattr(draft, name):
            out.append(f"{draft.labels.get(name, USUAL_LABELS[name])}: {getattr(draft, name)[:200]}")
    for section, events in result.sections:
        out.append(f"{section.numeral}. {section.draft.title}")
        for event in events:
            people = "; ".join(
                line.text
                + (f" → карточка «{card.printed_name}»" if card else " → без карточки" if line.name else "")
                for line, card in event.lines
            )
            out.append(
                f"  {event.number}. {event.draft.title[:120]} | {event.draft.dates_text} ({_dates(event)}) | {people}"
            )
    if draft.head_name:
        out.append(f"Подпись: {draft.head_post} {draft.head_name}")
    if result.new_names:
        out.append(
            "Имена без карточки в банке данных (останутся в плане как написаны): "
            + ", ".join(f"{name} ({event_list(numbers)})" for _key, name, _card, numbers in result.new_names)
        )
    if draft.warnings or result.problems:
        out.append("Предупреждения:")
        out.extend(f"  {warning}" for warning in draft.warnings)
        out.extend(f"  {problem}" for problem in result.problems)
    return out
