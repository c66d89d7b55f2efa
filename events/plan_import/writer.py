"""A PlanDraft saved as the association's plan, in one transaction.

Names are linked to the association's cards where one matches; where none does, the line keeps the name as
written — unless the head chose (`chosen`: {name key: a Person, or NEW}) to link it to a card or to add one.
A full name in the plan fills the first name and patronymic of a card that lacks them.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import ProtectedError
from simple_history.utils import bulk_create_with_history

from core.years import academic_year_name
from events.models import Event, Plan, Responsible, Section
from events.plan_import.draft import Warning
from events.plan_import.labels import ACADEMIC_YEAR, academic_year_in
from events.plan_import.rows import PlanImportError
from events.responsibles import card_of, cards_for, responsible_rows, same_person
from members.models import Person

NEW = "new"  # a choice in `chosen`: add the name as a new card


@dataclass
class ImportResult:
    plan: Plan
    created_persons: list = field(default_factory=list)  # the cards added at the head's choice
    unlinked: list = field(default_factory=list)  # [PrintedName] written names that stay without a card
    warnings: list = field(default_factory=list)  # [Warning]


def existing_plan(association, year_start):
    return Plan.objects.filter(association=association, year_start=year_start).first()


def year_of(draft, year_start=None):
    """The academic year to save the draft under; PlanImportError when neither the document nor the caller says."""
    year = year_start or draft.year_start
    if year is None:
        raise PlanImportError(
            "Не удалось определить учебный год: в документе нет записи вида «2024-2025». Укажите год."
        )
    return year


PLAN_FIELDS = ["city_theme", "theme", "goal"]


@transaction.atomic
def save_draft(draft, association, year_start=None, replace=False, chosen=None):
    """Write the draft as the association's plan for its year; ImportResult. A plan of that year is replaced only
    with `replace` (its sections and events go, the people stay, a published plan stays published);
    PlanImportError otherwise."""
    year = year_of(draft, year_start)
    warnings = list(draft.warnings)
    if other_year := year_moved(draft, year):
        warnings.append(Warning("", other_year))
    existing = Plan.objects.select_for_update().filter(association=association, year_start=year).first()
    status = Plan.Status.DRAFT
    if existing:
        if not replace:
            raise PlanImportError(
                f"План на {academic_year_name(year)} учебный год уже есть: его можно только заменить, подтвердив замену."
            )
        status = existing.status
        # A meeting's protocol (the meetings app, above this one) goes with its event: not by a replaced file.
        if Event.objects.filter(section__plan=existing, contest__isnull=False).exists():
            raise PlanImportError(
                f"План на {academic_year_name(year)} учебный год нельзя заменить: у его конкурсов уже есть настройки и "
                "заявки, и замена их удалила бы. Внесите изменения в план на сайте."
            )
        if Event.objects.filter(section__plan=existing, meeting__isnull=False).exists():
            raise PlanImportError(
                f"План на {academic_year_name(year)} учебный год нельзя заменить: у его заседаний уже заполнены "
                "протоколы, и замена их удалила бы. Внесите изменения в план на сайте."
            )
        try:
            existing.delete()
        except ProtectedError:
            raise PlanImportError(
                f"План на {academic_year_name(year)} учебный год нельзя заменить: на его мероприятия ссылаются другие записи."
            ) from None
    plan = Plan.objects.create(
        association=association, year_start=year, status=status, **_plan_fields(draft, year, warnings)
    )
    names = draft.names()
    chosen, created = _new_cards(association, names, chosen or {})
    lines = [line for event in draft.events for line in event.lines]
    cards = cards_for(association, lines)
    for card, name in cards_to_complete(lines, cards, chosen):
        card.first_name, card.patronymic = name.first_name, card.patronymic or name.patronymic
        card.save(update_fields=["first_name", "patronymic", "initials", "key", "updated_at"])
    rows = []
    for position, section_draft in enumerate(draft.sections, start=1):
        section = Section.objects.create(plan=plan, position=position, title=section_draft.title)
        for event_position, event_draft in enumerate(section_draft.events, start=1):
            event = Event(
                section=section,
                position=event_position,
                title=event_draft.title,
                dates_text=event_draft.dates_text,
                extra=event_draft.extra,
                meeting_number=event_draft.meeting_number,
            )
            event.save()
            rows += responsible_rows(event, event_draft.lines, cards, chosen)
    bulk_create_with_history(rows, Responsible)
    unlinked = {
        line.name.key: line.name for line in lines if line.name and card_of(line, cards, chosen) is None
    }
    return ImportResult(
        plan=plan, created_persons=created, unlinked=list(unlinked.values()), warnings=warnings
    )


def _new_cards(association, names, chosen):
    """The head's choices with each NEW made a card: ({key: Person}, [the cards made])."""
    cards, created = {}, []
    for key, choice in chosen.items():
        if choice != NEW:
            cards[key] = choice
        elif key in names:
            name = names[key][0]
            person = Person.objects.filter(association=association, key=key).first()
            if person is None:
                person = Person.objects.create(
                    association=association,
                    surname=name.surname,
                    initials=name.initials,
                    first_name=name.first_name,
                    patronymic=name.patronymic,
                )
                created.append(person)
            cards[key] = person
    return cards, created


def cards_to_complete(lines, cards, chosen=None):
    """[(card, PrintedName)]: a plan writing «Иванова Елена Александровна» completes the card «Иванова Е.А.» that has
    no first name yet — the card of that very name, never one the head chose for another name."""
    found = {}
    for line in lines:
        name = line.name
        card = cards.get(name.key) if name and not (chosen and name.key in chosen) else None
        if card is not None and name.first_name and not card.first_name and same_person(card, name):
            found.setdefault(card.pk, (card, name))
    return list(found.values())


def year_moved(draft, year):
    """The warning when the plan is saved under another year than its document names, or None."""
    if draft.year_start and year != draft.year_start:
        return (
            f"В документе указан {academic_year_name(draft.year_start)} учебный год, план сохраняется на "
            f"{academic_year_name(year)}: годы в заголовке заменены, сроки мероприятий — как написаны."
        )
    return None


def _title_for(draft, year):
    """The document's title, its academic year replaced when the plan is saved under another one."""
    if not draft.year_start or year == draft.year_start:
        return draft.title

    def replaced(match):
        return academic_year_name(year) if academic_year_in(match[0]) == draft.year_start else match[0]

    return ACADEMIC_YEAR.sub(replaced, draft.title)


def _plan_fields(draft, year, warnings):
    values = {
        "title": _title_for(draft, year), "city_theme": draft.city_theme, "theme": draft.theme, "goal": draft.goal,
        "tasks": draft.tasks_text(), "results": draft.results_text(), "header_labels": draft.labels, "notes": [list(n) for n in draft.notes],
        "head_post": draft.head_post, "head_name": draft.head_name,
        "approved_by_post": draft.approved.post, "approved_by_name": draft.approved.name, "approved_on": draft.approved.on,
        "approved_note": draft.approved.note, "agreed_by_post": draft.agreed.post, "agreed_by_name": draft.agreed.name,
        "agreed_on": draft.agreed.on, "agreed_note": draft.agreed.note,
        "extra_headers": list({header: None for event in draft.events for header in event.extra}),
    }  # fmt: skip
    for name, value in list(values.items()):
        limit = Plan._meta.get_field(name).max_length
        if isinstance(value, str) and limit and len(value) > limit:
            values[name] = value[:limit]
            values["notes"].append([str(Plan._meta.get_field(name).verbose_name), value])
            warnings.append(
                Warning(
                    "",
                    f"«{Plan._meta.get_field(name).verbose_name}» длиннее {limit} знаков: в поле начало, полностью — в примечаниях плана.",
                )
            )
    return values
