"""Every change of a plan's state: publish, copy to the next year, an event saved with its responsibles,
an event's status. Views, commands and the importer call these; none changes the models by itself."""

from django.db import IntegrityError, transaction

from events.models import Event, Plan, Section


class PlanExists(Exception):
    """The next year's plan is there already: a copy would stand beside it."""


def set_published(plan: Plan, publish: bool) -> Plan:
    """Published: everybody reads the plan at its address; a draft: the association's accounts only."""
    plan.status = Plan.Status.PUBLISHED if publish else Plan.Status.DRAFT
    plan.save(update_fields=["status", "updated_at"])
    return plan


def copy_to_next_year(plan: Plan) -> Plan:
    """A draft for the next academic year with the same sections and events (statuses and notes left behind).
    PlanExists when that year has its plan already; nothing is written then."""
    try:
        with transaction.atomic():
            return plan.copy_to_next_year()
    except IntegrityError:
        raise PlanExists from None


@transaction.atomic
def save_event(event: Event, responsibles: list, old_section: Section | None = None) -> Event:
    """An event with its responsible people as the form read them: a new one at the end of its section; a changed
    one that the form put in another section than `old_section` (where it stood) at the end of that one, the
    events left behind renumbered. One save, so its history records where it went."""
    moved = old_section is not None and event.section != old_section
    if event.pk is None or moved:
        event.position = event.section.next_event_position()
    event.save()
    if moved:
        old_section.renumber_events()
    event.set_responsibles(responsibles)
    return event


def set_status(event: Event, status: str) -> Event:
    """Held, moved, cancelled or planned again."""
    event.status = status
    event.save(update_fields=["status"])
    return event
