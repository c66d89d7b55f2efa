"""The home page's «what needs you now», for the head and for a librarian.

Each item is one query; the home page runs a fixed number of them whatever the data.
"""

import datetime

from django.db.models import Count, Q

from events.models import Event
from members.models import Person
from rounds.models import Report, Round
from textbooks.models import Transfer

UPCOMING_DAYS = 30


def _events(association):
    return (
        Event.objects.filter(section__plan__association=association, date_start__isnull=False)
        .select_related("section__plan__association")
        .order_by("date_start", "pk")
    )


def upcoming_events(association, today, person=None):
    """Planned events starting within the next 30 days (or running now and shorter than a month); a person's own when given."""
    events = _events(association).filter(
        status=Event.Status.PLANNED,
        date_start__lte=today + datetime.timedelta(days=UPCOMING_DAYS),
        date_end__gte=today,
    )
    if person is not None:
        events = events.filter(responsibles__person=person).distinct()
    return [e for e in events if e.date_start >= today or (e.date_end - e.date_start).days <= 31]


def overdue_events(association, today):
    """Events whose dates have passed and that are still «planned»."""
    return list(
        _events(association)
        .filter(status=Event.Status.PLANNED, date_end__lt=today)
        .order_by("date_end", "pk")
    )


def attestations_due(association, today):
    return list(
        Person.objects.filter(association=association, is_active=True)
        .attestation_due(today)
        .select_related("school")
    )


def rounds_with_late_schools(association, today):
    return list(
        Round.objects.filter(association=association, deadline__lt=today, closed_at__isnull=True)
        .annotate(late=Count("reports", filter=~Q(reports__status=Report.Status.SUBMITTED)))
        .filter(late__gt=0)
        .order_by("-deadline")
    )


def reports_owed(school):
    """The school's reports not yet submitted, the nearest deadline first."""
    return list(
        Report.objects.filter(school=school, round__closed_at__isnull=True)
        .exclude(status=Report.Status.SUBMITTED)
        .select_related("round")
        .order_by("round__deadline")
    )


def requests_waiting(association, school=None):
    """Requests for textbooks that wait for the offering school's answer: the association's, or one school's."""
    transfers = Transfer.objects.filter(
        status=Transfer.Status.REQUESTED, offer__school__association=association
    )
    if school is not None:
        transfers = transfers.filter(offer__school=school)
    return list(transfers.select_related("offer__school", "to_school").order_by("requested_at"))
