"""What the meeting pages, the home page, a person's card, the overview and the analysis read: each a fixed number
of queries, whatever the number of people, items and decisions."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Prefetch, Q

from core.formats import sort_key
from events.models import Event
from meetings.models import AgendaItem, Attendance, Decision, Material
from members.models import Person


def agenda(meeting):
    """The items in order, each with `.decision_list` and `.material_list`: three queries (none for a new meeting)."""
    if meeting._state.adding:
        return []
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("speaker")
        .prefetch_related(
            Prefetch("decisions", Decision.objects.select_related("responsible"), to_attr="decision_list"),
            Prefetch("materials", Material.objects.order_by("pk"), to_attr="material_list"),
        )
    )


def general_materials(meeting):
    """Files for the whole meeting, not one item."""
    if meeting._state.adding:
        return []
    return list(Material.objects.filter(meeting=meeting, item__isnull=True))


@dataclass
class RosterRow:
    person: Person
    present: bool | None  # None: not ticked yet
    reason: str = ""


@dataclass
class SchoolGroup:
    school: str
    rows: list = field(default_factory=list)


def roster(meeting):
    """The association's librarians by school, each with her mark (two queries): everyone working at a school, and
    whoever the meeting marked before even if she has left since."""
    marks = {} if meeting._state.adding else {
        mark.person_id: mark for mark in Attendance.objects.filter(meeting=meeting)
    }  # fmt: skip
    people = (
        Person.objects.filter(association_id=meeting.plan.association_id)
        .filter(Q(is_active=True, school__isnull=False) | Q(pk__in=list(marks)))
        .select_related("school")
        .only("surname", "initials", "first_name", "patronymic", "school__short_name", "school__name")
    )
    rows = [
        RosterRow(person, marks[person.pk].present if person.pk in marks else None,
                  marks[person.pk].reason if person.pk in marks else "")
        for person in people
    ]  # fmt: skip
    rows.sort(
        key=lambda row: (
            row.person.school is None,
            sort_key(school_name(row)),
            sort_key(row.person.printed_name),
        )
    )
    return [SchoolGroup(school, list(group)) for school, group in groupby(rows, key=school_name)]


def school_name(row):
    return row.person.school.short_name if row.person.school else ""


def counts(groups):
    """(present, total) of a roster: total counts those ticked either way."""
    rows = [row for group in groups for row in group.rows if row.present is not None]
    return sum(row.present for row in rows), len(rows)


def earlier_open_decisions(meeting):
    """Decisions of the year's earlier meetings not yet carried out, for «О выполнении решений предыдущего
    заседания» (one query)."""
    event = meeting.event
    return list(
        Decision.objects.filter(
            item__meeting__event__section__plan_id=event.section.plan_id,
            item__meeting__event__meeting_number__lt=event.meeting_number,
            done_on__isnull=True,
        )
        .select_related("item__meeting__event", "responsible")
        .order_by("-item__meeting__event__meeting_number", "item__position", "position")
    )


def tracked_decisions(association, person=None, overdue_on=None):
    """Open decisions with a person responsible and a deadline, the earliest deadline first; a person's own when
    given; with `overdue_on`, those whose deadline was before that day (one query)."""
    decisions = Decision.objects.filter(
        item__meeting__event__section__plan__association=association,
        done_on__isnull=True,
        responsible__isnull=False,
        deadline__isnull=False,
    )
    if person is not None:
        decisions = decisions.filter(responsible=person)
    if overdue_on is not None:
        decisions = decisions.filter(deadline__lt=overdue_on)
    return list(decisions.select_related("item__meeting__event", "responsible").order_by("deadline", "pk"))


def year_meetings(association, year_start):
    """The meetings of the association's plan for that year, by number (one query)."""
    return Event.objects.filter(
        section__plan__association=association,
        section__plan__year_start=year_start,
        meeting_number__isnull=False,
    ).order_by("meeting_number", "pk")


def person_attendance(person, year_start):
    """[(event, Attendance or None)] for the year's meetings (two queries)."""
    events = list(year_meetings(person.association_id, year_start).select_related("meeting"))
    marks = {
        mark.meeting_id: mark
        for mark in Attendance.objects.filter(person=person, meeting_id__in=[event.pk for event in events])
    }
    return [(event, marks.get(event.pk)) for event in events if event.pk in marks]


def missing_meetings(association, year_start, at_least=2):
    """[(school, person, missed)] of the librarians who missed `at_least` of the year's meetings (one query)."""
    people = (
        Person.objects.filter(
            attendance__meeting__event__section__plan__association=association,
            attendance__meeting__event__section__plan__year_start=year_start,
        )
        .annotate(missed=Count("attendance", filter=Q(attendance__present=False)))
        .filter(missed__gte=at_least)
        .select_related("school")
        .order_by("school__short_name", "surname", "initials")
    )
    return list(people)


def year_summary(association, year_start):
    """(events, decisions, items) for the analysis: the year's meeting events, each with `.present` and `.marked`
    (its attendance), {meeting id: {"total", "done"}} of their decisions, {meeting id: [agenda titles]}; three
    queries (one without meetings)."""
    events = list(
        year_meetings(association, year_start)
        .select_related("meeting")
        .annotate(
            present=Count("meeting__attendance", filter=Q(meeting__attendance__present=True), distinct=True),
            marked=Count("meeting__attendance", distinct=True),
        )
    )
    decisions = {
        row["item__meeting_id"]: row
        for row in Decision.objects.filter(item__meeting_id__in=[event.pk for event in events])
        .values("item__meeting_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(done_on__isnull=False)))
    }
    items = {}
    for item in AgendaItem.objects.filter(meeting_id__in=[event.pk for event in events]).only(
        "meeting_id", "title"
    ):
        items.setdefault(item.meeting_id, []).append(item.title)
    return events, decisions, items


def school_attendance(association, year_start):
    """[(school short name, present marks, all marks)] of the year's meetings (one query)."""
    return list(
        Attendance.objects.filter(
            meeting__event__section__plan__association=association,
            meeting__event__section__plan__year_start=year_start,
        )
        .values("person__school__short_name")
        .annotate(present=Count("pk", filter=Q(present=True)), total=Count("pk"))
        .order_by("person__school__short_name")
    )
