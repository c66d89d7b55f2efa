"""An object's history names what its references point to in a query per kind, not a query per change."""

import pytest

from audit.history import changes
from events.models import Event, Section

pytestmark = pytest.mark.django_db


def test_the_history_of_an_event_moved_many_times_costs_the_same(plan, django_assert_num_queries):
    event = Event.objects.get(title="Круглый стол")
    sections = [Section.objects.create(plan=plan, position=3 + n, title=f"Раздел {n}") for n in range(10)]
    for section in sections:
        event.section = section
        event.save()
    with django_assert_num_queries(2):  # the records with their users; the sections they name
        shown = changes(event)
    moves = [fields for change in shown for fields in change.fields if fields[0] == "Раздел"]
    assert len(moves) == 10 and moves[0][2].endswith("Раздел 9")
