"""What meetings add to the pages and the daily run of the apps below them (members.panels, events.plan_page,
events.reminders): a person's attendance on her card, the schools missing meetings on the overview, a published
protocol on the plan, the reminders about decisions."""

from dataclasses import dataclass

from django.utils import timezone

from core.formats import format_date
from core.years import academic_year_name, academic_year_of
from events.plan_page import row_notes
from events.reminders import reminders
from meetings import queries
from meetings.models import Decision, Meeting
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
def schools_missing_meetings(request, association):
    today = timezone.localdate()
    year_start = academic_year_of(today)
    return Panel(
        "meetings/_overview_panel.html",
        {
            "people": queries.schools_missing(association, year_start),
            "year": academic_year_name(year_start),
            "overdue": [d for d in queries.tracked_decisions(association) if d.is_overdue(today)],
        },
    )


@dataclass
class PublishedItem:
    title: str
    decisions: list


@dataclass
class PublishedDecision:
    number: str
    text: str
    responsible: str
    deadline: str


@dataclass
class PublishedProtocol:
    number: int
    date: str
    items: list


@row_notes
def published_protocols(plan, sections, public):
    """A published protocol's agenda and decisions under its event, for everyone (no attendance list; people named
    as the public may read them). Two queries, only on a plan that has meetings."""
    events = {
        event.pk: event for section in sections for event in section.numbered_events if event.meeting_number
    }
    if not events:
        return
    meetings = {m.pk: m for m in Meeting.objects.filter(event_id__in=list(events), published=True)}
    if not meetings:
        return
    decisions = (
        Decision.objects.filter(item__meeting_id__in=list(meetings))
        .select_related("item", "responsible__school")
        .order_by("item__position", "position")
    )
    by_item = {}
    for decision in decisions:
        responsible = decision.responsible
        name = "" if responsible is None else responsible.public_name if public else responsible.printed_name
        by_item.setdefault(decision.item_id, []).append(
            PublishedDecision(
                decision.number,
                decision.text,
                name,
                format_date(decision.deadline) if decision.deadline else "",
            )
        )
    from meetings.models import AgendaItem

    items = {}
    for item in AgendaItem.objects.filter(meeting_id__in=list(meetings)).order_by("position", "pk"):
        items.setdefault(item.meeting_id, []).append(PublishedItem(item.title, by_item.get(item.pk, [])))
    for pk, meeting in meetings.items():
        event = events[pk]
        meeting.event = event
        event.protocol = PublishedProtocol(event.meeting_number, meeting.date_text, items.get(pk, []))


@reminders
def decision_reminders(today, days_before):
    from meetings.reminders import remind_decisions

    return remind_decisions(today, days_before)
