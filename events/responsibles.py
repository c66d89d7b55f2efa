"""The lines of an event's «Ответственный» column: from what was typed or read to Responsible rows.

A line is kept as written. It is linked to a card of the data bank only when the association has one for the
name it holds: a name that matches no card stays a written name — the data bank holds only the people someone
added (the plan's checks list such names, and the head links each to a card or adds one).
"""

from members.models import Person
from members.names import Line, responsible_lines


def lines_of(entries):
    """[Line] of `entries`: texts as typed (one may hold several names), Lines, or Persons (their printed name)."""
    lines = []
    for entry in entries:
        if isinstance(entry, Person):
            lines.append(Line(entry.printed_name, _name_of_person(entry)))
        elif isinstance(entry, Line):
            lines.append(entry)
        elif entry and entry.strip():
            lines.extend(responsible_lines(entry))
    return lines


def _name_of_person(person):
    from members.names import PrintedName

    return PrintedName(person.surname, person.initials)


def cards_for(association, lines, chosen=None):
    """{name key: Person} — the association's cards the lines' names match (one query), and the head's own
    choices (`chosen`: {key: Person}) over them."""
    keys = {line.name.key for line in lines if line.name}
    cards = {person.key: person for person in Person.objects.filter(association=association, key__in=keys)} if keys else {}
    cards.update(chosen or {})
    return cards


def responsible_rows(event, lines, cards):
    """Unsaved Responsible rows of `event` for `lines`, in order; a name linked when `cards` holds it."""
    from events.models import Responsible

    rows = []
    for position, line in enumerate(lines, start=1):
        key = line.name.key if line.name else ""
        rows.append(Responsible(event=event, text=line.text[:300], key=key, person=cards.get(key) if key else None, position=position))
    return rows


def link_written_names(person):
    """A new card links the lines of its association's plans that write her name and have no card yet."""
    from events.models import Responsible

    return Responsible.objects.filter(event__section__plan__association_id=person.association_id, key=person.key, person=None).update(person=person)
