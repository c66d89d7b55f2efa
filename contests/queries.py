"""What the contest pages list: the year's contests with their counts, the events that may become one, the
entries a person may see, a jury member's sheet. Each asks the database a fixed number of times."""

import re

from django.db.models import Count, Q

from contests.models import Contest, Entry, Score
from events.models import Event

# Words of a plan event that is probably a contest: offered first when the head makes one.
CONTEST_WORDS = re.compile(r"конкурс|классик|олимпиад|викторин|игр[аы]|фестивал|чтени|марафон", re.IGNORECASE)


def year_contests(association, year_start):
    return (
        Contest.objects.filter(
            event__section__plan__association=association, event__section__plan__year_start=year_start
        )
        .select_related("event__section")
        .annotate(
            entry_count=Count("entries", distinct=True),
            school_count=Count("entries__school", distinct=True),
            placed_count=Count("entries", filter=Q(entries__place__isnull=False), distinct=True),
        )
        .order_by("event__section__position", "event__position")
    )


def events_to_make_contests(plan):
    """The plan's events that are not contests or meetings yet, the likely contests first."""
    events = list(
        Event.objects.filter(section__plan=plan, contest__isnull=True, meeting_number__isnull=True)
        .select_related("section")
        .order_by("section__position", "position")
    )
    return sorted(events, key=lambda event: not CONTEST_WORDS.search(event.title))


def entries(contest, school=None):
    """The contest's entries (of `school` only, when given), with what the list prints."""
    found = contest.entries.select_related("school", "category", "participant__school", "mentor")
    return found.filter(school=school) if school is not None else found


def sheet_scores(jury, entries):
    """{(entry_id, criterion_id): value} of one jury member's sheet, for these entries."""
    found = Score.objects.filter(jury=jury, entry__in=[entry.pk for entry in entries])
    return {(s.entry_id, s.criterion_id): s.value for s in found}


def school_entries(school, year_start):
    """A school's entries of the year's contests with their places, for its page."""
    return (
        Entry.objects.filter(school=school, contest__event__section__plan__year_start=year_start)
        .select_related("contest__event", "category", "participant")
        .order_by("contest__event__date_start", "contest__event_id", "surname", "first_name")
    )
