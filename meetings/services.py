"""Every change of a meeting's state: its details, the agenda and its decisions, the attendance, the materials,
a decision carried out, the protocol published. Views and commands call these; none changes the models itself."""

from django.db import transaction
from django.db.models import Max
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.positions import move_among, renumber
from events import services as plan
from events.models import Event
from meetings.models import AgendaItem, Attendance, Decision, Meeting


def ensure_saved(meeting: Meeting) -> Meeting:
    """A meeting is written down the first time something of it is filled in (its page shows an unsaved one)."""
    if meeting._state.adding:
        meeting.save()
    return meeting


@transaction.atomic
def save_meeting(meeting: Meeting) -> Meeting:
    meeting.save()
    mark_held_when_filled(meeting)
    return meeting


@transaction.atomic
def save_item(item: AgendaItem, decisions) -> AgendaItem:
    """An agenda item with its decisions as the page's formset gave them, numbered 1, 2 … in the order shown; a new
    item at the end of its meeting's agenda."""
    if item.pk is None:
        ensure_saved(item.meeting)
        last = AgendaItem.objects.filter(meeting=item.meeting).aggregate(Max("position"))["position__max"]
        item.position = (last or 0) + 1
    item.save()
    decisions.instance = item
    changed = decisions.save(commit=False)
    for gone in decisions.deleted_objects:
        gone.delete()
    last = Decision.objects.filter(item=item).aggregate(Max("position"))["position__max"] or 0
    for decision in changed:
        if decision.position is None:
            last += 1
            decision.position = last
        decision.item = item
        decision.save()
    renumber(Decision.objects.filter(item=item).order_by("position", "pk"))
    mark_held_when_filled(item.meeting)
    return item


@transaction.atomic
def delete_material(material):
    """The file and its record."""
    material.file.delete(save=False)
    material.delete()


@transaction.atomic
def delete_item(item: AgendaItem):
    meeting = item.meeting
    item.delete()
    renumber(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))


@transaction.atomic
def move_item(item: AgendaItem, direction: str):
    """One place up or down the agenda; at the edge nothing changes."""
    move_among(list(AgendaItem.objects.filter(meeting=item.meeting).select_for_update()), item, direction)


@transaction.atomic
def save_attendance(meeting: Meeting, marks, guests: str) -> Meeting:
    """`marks`: [(person, present, reason)] for everyone on the list; the guests, a line each."""
    ensure_saved(meeting)
    marked = {mark.person_id: mark for mark in Attendance.objects.filter(meeting=meeting)}
    new, changed = [], []
    for person, present, reason in marks:
        reason = "" if present else reason
        mark = marked.get(person.pk)
        if mark is None:
            new.append(Attendance(meeting=meeting, person=person, present=present, reason=reason))
        elif (mark.present, mark.reason) != (present, reason):
            mark.present, mark.reason = present, reason
            changed.append(mark)
    bulk_create_with_history(new, Attendance)
    bulk_update_with_history(changed, Attendance, ["present", "reason"])
    meeting.guests = guests
    meeting.save(update_fields=["guests"])
    mark_held_when_filled(meeting)
    return meeting


def add_material(material):
    ensure_saved(material.meeting)
    material.save()
    return material


def mark_done(decision: Decision, done: bool, today) -> Decision:
    """Carried out today, or open again."""
    decision.done_on = today if done else None
    decision.save(update_fields=["done_on"])
    return decision


def set_published(meeting: Meeting, publish: bool) -> Meeting:
    """Published: its agenda and decisions appear on the published plan, without the attendance list."""
    ensure_saved(meeting)
    meeting.published = publish
    meeting.save(update_fields=["published"])
    return meeting


def is_filled(meeting: Meeting) -> bool:
    """The protocol is filled in: the attendance is ticked and every agenda item records what was heard or decided."""
    if meeting._state.adding or not Attendance.objects.filter(meeting=meeting).exists():
        return False
    items = AgendaItem.objects.filter(meeting=meeting)
    return items.exists() and not items.filter(heard="", decisions__isnull=True).exists()


def mark_held_when_filled(meeting: Meeting):
    """The plan's event becomes «проведено» once its protocol is filled in (a fact the year's analysis reads)."""
    event = meeting.event
    if event.status == Event.Status.PLANNED and is_filled(meeting):
        plan.set_status(event, Event.Status.DONE)
