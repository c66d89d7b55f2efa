"""The head's buttons on every event row of the plan page, rendered once and filled in per row.

Each row's cell (edit, up, down, the status form) is the same markup but for the event's id, its number and
its status. Through the template engine each row would cost four URL reversals, seven translations and a dozen
tags, most of a long plan's page (docs/performance.md has the figures); so templates/events/_event_actions.html
is rendered once for each status with
stand-in numbers, and each row gets a copy with its own id and number put in (whole numbers: nothing to escape).
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.hooks import Hooks
from events.models import Event

# Functions (plan, sections, public) by which the apps above events add to the plan's rows what they know of the
# events (meetings: a published protocol's agenda and decisions as `event.protocol`); each a fixed number of queries.
# They register with @row_notes.register.
row_notes = Hooks()


def add_row_notes(plan, sections, public):
    for function in row_notes:
        function(plan, sections, public)


# Stand-ins no real id or number takes; the URLs accept them (<int:pk>), and each appears only where it stands.
STAND_IN_PK, STAND_IN_NUMBER = 987654321, 876543219


def add_row_actions(request, sections):
    """Give every event of `sections` (Plan.numbered_sections) its `.actions`: the head's cell for its row."""
    cells = {
        status: render_to_string("events/_event_actions.html", {
            "pk": STAND_IN_PK, "number": STAND_IN_NUMBER, "status": status, "status_choices": Event.Status.choices,
        }, request=request)
        for status in Event.Status.values
    }  # fmt: skip
    for section in sections:
        for event in section.numbered_events:
            cell = (
                cells[event.status]
                .replace(str(STAND_IN_PK), str(event.pk))
                .replace(str(STAND_IN_NUMBER), str(event.number))
            )
            event.actions = mark_safe(
                cell
            )  # the template's own escaped output, with two whole numbers put in
