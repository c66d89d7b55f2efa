"""The lines of an event's «Ответственный» column: from what was typed or read to Responsible rows.

A line is kept as written. It is linked to a card of the data bank only when the association has one for the
name it holds: a name that matches no card stays a written name — the data bank holds only the people someone
added (the plan's checks list such names, and the head links each to a card or adds one).
"""

from dataclasses import dataclass

from members.models import Person
from members.names import Line, normalize, responsible_lines


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


def cards_for(association, lines):
    """{name key: Person} — the association's cards the lines' names match by key (one query)."""
    keys = {line.name.key for line in lines if line.name}
    return (
        {person.key: person for person in Person.objects.filter(association=association, key__in=keys)}
        if keys
        else {}
    )


def same_person(card, name):
    """A card and a written name of one key are one person unless both give a first name or a patronymic and they
    differ: «Иванова Елена Александровна» is not the card «Иванова Евгения Андреевна»."""
    for mine, theirs in ((card.first_name, name.first_name), (card.patronymic, name.patronymic)):
        if mine and theirs and normalize(mine) != normalize(theirs):
            return False
    return True


def card_of(line, cards, chosen=None):
    """The card a line links to: the head's choice for its name (`chosen`: {key: Person}), else the card of its key
    when it is the same person; None for a group or a name without a card."""
    if line.name is None:
        return None
    if chosen and line.name.key in chosen:
        return chosen[line.name.key]
    card = cards.get(line.name.key)
    return card if card is not None and same_person(card, line.name) else None


def responsible_rows(event, lines, cards, chosen=None):
    """Unsaved Responsible rows of `event` for `lines`, in order, each name linked to its card (card_of)."""
    from events.models import Responsible

    rows = []
    for position, line in enumerate(lines, start=1):
        key = line.name.key if line.name else ""
        person = card_of(line, cards, chosen)
        text = line.text[:300]
        if person is not None and person.key != key:  # the head linked a typo to her card: it prints her name
            text, key = person.printed_name, person.key
        rows.append(Responsible(event=event, text=text, key=key, person=person, position=position))
    return rows


def link_written_names(person):
    """A new card links the lines of its association's plans that write her name and have no card yet."""
    from events.models import Responsible

    return Responsible.objects.filter(
        event__section__plan__association_id=person.association_id, key=person.key, person=None
    ).update(person=person)


def link_written_name(plan, key, person):
    """The plan's lines writing the name `key` without a card are linked to `person`: the number of lines. A name
    that is not hers («Садовникова Н.Н.» for the card «Садовникова Л.И.») was a typo, the head says: the lines
    print her card's name from now on."""
    from events.models import Responsible

    lines = Responsible.objects.filter(event__section__plan=plan, key=key, person=None)
    if person.key == key:
        return lines.update(person=person)
    return lines.update(person=person, key=person.key, text=person.printed_name)


def add_card_for_written_name(plan, key):
    """A card for a name the plan writes (the head's «Добавить карточку»): (Person, created), or (None, False) when
    no line of the plan writes it. A new card takes over the lines of the association's plans (link_a_new_card)."""
    from events.models import Responsible

    line = (
        Responsible.objects.filter(event__section__plan=plan, key=key, person=None)
        .order_by("event__section__position", "event__position", "position")
        .first()
    )
    if line is None:
        return None, False
    existing = Person.objects.filter(association_id=plan.association_id, key=key).first()
    if existing is not None:
        link_written_name(plan, key, existing)
        return existing, False
    name = next(found.name for found in responsible_lines(line.text) if found.name and found.name.key == key)
    person = Person.objects.create(
        association_id=plan.association_id,
        surname=name.surname,
        initials=name.initials,
        first_name=name.first_name,
        patronymic=name.patronymic,
    )
    return person, True


@dataclass
class WrittenName:
    """A name of the plan's checks that is no card, and the card the page offers first."""

    problem: object  # events.checks.Problem
    suggested: int | None  # a card's pk


def suggested_card(key, cards):
    """The card to offer first for a written name: the only card of the same surname («Садовникова Н.Н.» → the
    card «Садовникова Л.И.»), else none."""
    surname = key.split("|")[0]
    same = [card.pk for card in cards if card.key.split("|")[0] == surname]
    return same[0] if len(same) == 1 else None
