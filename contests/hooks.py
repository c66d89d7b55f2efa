"""What contests add to the pages of the apps below them (events.plan_page, members.panels): a contest's link and
its published results under its row of the plan, a school's entries and awards on its page. The year's analysis
block is in contests/exports.py."""

from collections import defaultdict

from django.utils import timezone

from contests import queries
from contests.models import Contest, Entry
from core.years import academic_year_name, academic_year_of
from events.plan_page import row_notes
from members.access import get_account
from members.panels import Panel, panel


@row_notes.register
def contest_results(plan, sections, public):
    """Every contest event gets `.contest` (members see a link to it); a published one its `.contest_winners`:
    [(category, [entry …])] of the entries with a place, best first. Two queries; one when none is published."""
    events = {event.pk: event for section in sections for event in section.numbered_events}
    contests = {
        contest.pk: contest
        for contest in Contest.objects.filter(event_id__in=list(events)).only("pk", "published")
    }
    for pk, contest in contests.items():
        events[pk].contest_page = contest
    published = [pk for pk, contest in contests.items() if contest.published]
    if not published:
        return
    winners = defaultdict(lambda: defaultdict(list))
    placed = (
        Entry.objects.filter(contest_id__in=published, place__isnull=False)
        .select_related("category", "school", "participant__school")
        .order_by("category__position", "category_id", "place", "surname", "first_name")
    )
    for entry in placed:
        entry.shown_name = (
            (entry.participant.public_name if public else entry.participant.full_name)
            if entry.participant_id
            else entry.name
        )
        winners[entry.contest_id][entry.category].append(entry)
    for pk in published:
        events[pk].contest_winners = list(winners[pk].items())


@panel("school")
def school_entries(request, school):
    """The school's entries of the year with their places. Another school's librarian sees only those of contests
    whose places are confirmed (the entries themselves are the school's and the jury's until then)."""
    year_start = academic_year_of(timezone.localdate())
    account = get_account(request)
    found = queries.school_entries(school, year_start)
    if not (account.reads_everything or account.acts_for(school)):
        found = found.filter(contest__places_confirmed=True)
    rows = list(found)
    if not rows:
        return None
    return Panel(
        "contests/_school_panel.html",
        {
            "rows": rows,
            "awards": sum(1 for entry in rows if entry.place),
            "year": academic_year_name(year_start),
        },
    )
