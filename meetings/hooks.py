"""What meetings add to the pages and the daily run of the apps below them (members.panels, events.plan_page,
events.reminders): a person's attendance on her card, the schools missing meetings on the overview, a published
protocol on the plan, the reminders about decisions."""

from django.db.models import Prefetch
from django.utils import timezone

from core.years import academic_year_name, academic_year_of
from events.plan_page import row_notes
from events.reminders import reminders
from meetings import queries
from meetings.models import AgendaItem, Decision, Meeting
from meetings.reminders import remind_decisions
from members.panels import Panel, panel


@panel("person")
def attendance_on_card(request, person):
    year_start = academic_year_of(timezone.localdate())
    rows = queries.person_attendance(person, year_start)
    if not rows:
        return None
    attended = sum(1 for _event, mark in rows if mark.present)
    return Panel(
        "meetings/_person_panel.html",
        {
            "rows": rows,
            "attended": attended,
            "total": len(rows),
            "year": academic_year_name(year_start),
        },
    )


@panel("overview")
def who_missed_meetings(request, association):
    today = timezone.localdate()
    year_start = academic_year_of(today)
    return Panel(
        "meetings/_overview_panel.html",
        {
            "people": queries.missing_meetings(association, year_start),
            "year": academic_year_name(year_start),
            "overdue": queries.tracked_decisions(association, overdue_on=today),
        },
    )


@row_notes.register
def published_protocols(plan, sections, public):
    """A published protocol under its event, for everyone: `event.protocol`, the Meeting with `.agenda`, its items
    with their `.decision_list`, each decision's `.name` of the person responsible as the page may print it (no
    attendance list). Three queries, only on a plan that has meetings; one when none is published."""
    events = {
        event.pk: event for section in sections for event in section.numbered_events if event.meeting_number
    }
    if not events:
        return
    meetings = {m.pk: m for m in Meeting.objects.filter(event_id__in=list(events), published=True)}
    if not meetings:
        return
    items = AgendaItem.objects.filter(meeting_id__in=list(meetings)).prefetch_related(
        Prefetch("decisions", Decision.objects.select_related("responsible__school"), to_attr="decision_list")
    )
    for meeting in meetings.values():
        meeting.event, meeting.agenda = events[meeting.pk], []
        meeting.event.protocol = meeting
    for item in items:
        for decision in item.decision_list:
            person = decision.responsible
            decision.name = "" if person is None else person.public_name if public else person.printed_name
        meetings[item.meeting_id].agenda.append(item)


@reminders.register
def decision_reminders(today, days_before):
    return remind_decisions(today, days_before)
