"""Every list page asks the database the same number of times with 1 row as with 100 (issue 8).

A page's queries are listed beside its number; a query per row would make the 100-row case fail.
Rows are bulk-created: each test builds what its page lists, `rows` times over.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.years import academic_year_of
from events.models import Event, Plan, Responsible, Section
from meetings.models import AgendaItem, Attendance, Decision, Material, Meeting
from members.models import Course, Enrollment, Person, School
from rounds.models import Kind, Report, Round
from textbooks.models import Need, Offer, Textbook, Transfer

pytestmark = pytest.mark.django_db

ROWS = [1, 100]
# Every signed-in page starts with these: the session, the user, the account (members.access.get_account).
SIGNED_IN = 3


def schools(association, count, prefix="Школа"):
    return School.objects.bulk_create(
        School(association=association, name=f"{prefix} {n}", short_name=f"{prefix} № {n}")
        for n in range(count)
    )


def people(association, count, school=None, start=0, **fields):
    return Person.objects.bulk_create(
        Person(association=association, surname=f"Фамилия{n:04d}", initials="А.Б.", key=f"фамилия{n:04d}|аб", school=school,
               calendar_token=f"token-{association.pk}-{n}", **fields)
        for n in range(start, start + count)
    )  # fmt: skip


def textbooks(count, **fields):
    items = []
    for n in range(count):
        textbook = Textbook(fpu_number=f"1.1.{n}", title=f"Учебник {n:03d}. 5 класс", authors=f"Автор{n} А.Б.", grade_from=5,
                            grade_to=5, subject="Математика", **fields)  # fmt: skip
        textbook.set_keys()
        items.append(textbook)
    return Textbook.objects.bulk_create(items)


def offers(school, catalogue, **fields):
    items = []
    for textbook in catalogue:
        offer = Offer(school=school, copies=5, available=5, grade_from=5, grade_to=5, **fields)
        offer.fill_from_textbook(textbook)
        offer.set_keys()
        items.append(offer)
    return Offer.objects.bulk_create(items)


def needs(school, catalogue):
    items = []
    for textbook in catalogue:
        need = Need(school=school, copies=3, grade=5)
        need.fill_from_textbook(textbook)
        need.set_keys()
        items.append(need)
    return Need.objects.bulk_create(items)


def plan_with_events(association, count, persons, year_start=2023, published=True):
    plan = Plan.objects.create(association=association, year_start=year_start, tasks="Задача\n- подпункт", results="Итог",
                               status=Plan.Status.PUBLISHED if published else Plan.Status.DRAFT)  # fmt: skip
    section = Section.objects.create(plan=plan, position=1, title="Организационная деятельность")
    events = Event.objects.bulk_create(
        Event(section=section, position=n + 1, title=f"Мероприятие {n}", dates_text="Октябрь, 2023 г.",
              date_start=datetime.date(2023, 10, 1), date_end=datetime.date(2023, 10, 31))
        for n in range(count)
    )  # fmt: skip
    Responsible.objects.bulk_create(
        Responsible(event=event, person=persons[n % len(persons)], position=1)
        for n, event in enumerate(events)
    )
    return plan


def meeting(section, number, position=None):
    event = Event.objects.create(section=section, position=position or 100 + number, title=f"Заседание № {number}",
                                 dates_text="Ноябрь, 2023 г.", meeting_number=number)  # fmt: skip
    return Meeting.objects.create(event=event)


def decisions(meeting, count, persons, deadlines, items=1, materials=False):
    """`items` agenda items of `meeting`, each with `count` decisions by `persons` in turn, due on `deadlines` in
    turn (and, with `materials`, a file each)."""
    agenda = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting, position=n + 1, title=f"О вопросе {n}", heard="Доклад", speaker=persons[0]
        )
        for n in range(items)
    )
    if materials:
        Material.objects.bulk_create(
            Material(meeting=meeting, item=item, file=f"meetings/2023/доклад-{item.pk}.pdf")
            for item in agenda
        )
    return Decision.objects.bulk_create(
        Decision(item=item, position=n + 1, text=f"Решение {n}", responsible=persons[n % len(persons)],
                 deadline=deadlines[n % len(deadlines)], votes_for=10)
        for item in agenda
        for n in range(count)
    )  # fmt: skip


# ---------------------------------------------------------------- plans


@pytest.mark.parametrize("rows", ROWS)
def test_home_for_a_visitor(client, association, head_user, rows, django_assert_num_queries):
    for n in range(rows):
        Plan.objects.create(association=association, year_start=2000 + n, status=Plan.Status.PUBLISHED)
    with django_assert_num_queries(1):  # the published plans with their associations
        response = client.get(reverse("home"))
    assert len(response.context["plans"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_home_for_the_head(
    client, association, head_user, school, other_school, rows, django_assert_num_queries
):
    """The plans and everything the dashboard lists, each `rows` times."""
    today = timezone.localdate()
    person = head_user.account.person
    for n in range(rows):
        Plan.objects.create(association=association, year_start=1900 + n)
    plan = Plan.objects.create(association=association, year_start=today.year, status=Plan.Status.PUBLISHED)
    section = Section.objects.create(plan=plan, position=1, title="Раздел")
    soon, past = today + datetime.timedelta(days=5), today - datetime.timedelta(days=5)
    events = Event.objects.bulk_create(
        [Event(section=section, position=n, title=f"Скоро {n}", dates_text="—", date_start=soon, date_end=soon) for n in range(rows)]
        + [Event(section=section, position=n, title=f"Прошло {n}", dates_text="—", date_start=past, date_end=past) for n in range(rows)]
    )  # fmt: skip
    Responsible.objects.bulk_create(Responsible(event=event, person=person, position=1) for event in events)
    people(association, rows, school=school, attestation_due=today + datetime.timedelta(days=30))
    for n in range(rows):
        round_ = Round.objects.create(
            association=association, kind=Kind.FSEM, title=f"Сбор {n}", year_start=2023, deadline=past
        )
        Report.objects.create(round=round_, school=school)
    # one waiting request per school and offer (the index `transfer_one_waiting_request`): an offer each
    Transfer.objects.bulk_create(
        Transfer(offer=offer, to_school=school, copies=1, return_by=soon)
        for offer in offers(other_school, textbooks(rows))
    )
    # decisions of the meetings: every other one past its deadline, each of a librarian of a school
    decisions(meeting(section, 1), rows, people(association, 2, school=school, start=rows), [past, soon])
    client.force_login(head_user)
    # the session, the user, the account; the tracked decisions with their items, meetings' events and people
    # responsible; the plans; the coming events; the overdue events; the attestations; the rounds with late
    # schools; the requests waiting
    with django_assert_num_queries(SIGNED_IN + 7):
        response = client.get(reverse("home"))
    assert len(response.context["plans"]) == rows + 1 and len(response.context["requests"]) == rows
    assert len(response.context["upcoming"]) == rows and len(response.context["attestations"]) == rows
    assert (
        len(response.context["decisions"]) == rows
        and response.context["decisions_overdue"] == (rows + 1) // 2
    )


@pytest.mark.parametrize("rows", ROWS)
def test_home_for_a_librarian(
    client, association, librarian_user, school, other_school, rows, django_assert_num_queries
):
    today = timezone.localdate()
    person = librarian_user.account.person
    plan = plan_with_events(association, 0, [person], year_start=today.year)
    section = plan.sections.get()
    soon = today + datetime.timedelta(days=5)
    events = Event.objects.bulk_create(
        Event(section=section, position=n, title=f"Скоро {n}", dates_text="—", date_start=soon, date_end=soon)
        for n in range(rows)
    )
    Responsible.objects.bulk_create(Responsible(event=event, person=person, position=1) for event in events)
    for n in range(rows):
        round_ = Round.objects.create(
            association=association, kind=Kind.FSEM, title=f"Сбор {n}", year_start=2023, deadline=soon
        )
        Report.objects.create(round=round_, school=school)
    Transfer.objects.bulk_create(
        Transfer(offer=offer, to_school=other_school, copies=1, return_by=soon)
        for offer in offers(school, textbooks(rows))
    )
    # her decisions and as many of a colleague's, which her page does not list
    colleague = people(association, 1, school=other_school)
    past = today - datetime.timedelta(days=5)
    decisions(meeting(section, 1), 2 * rows, [person, *colleague], [past, soon])
    client.force_login(librarian_user)
    # the session, the user, the account; the plans; the person's school; her tracked decisions with their items,
    # meetings' events; the coming events; the reports owed; the requests
    with django_assert_num_queries(SIGNED_IN + 6):
        response = client.get(reverse("home"))
    assert len(response.context["upcoming"]) == rows and len(response.context["owed"]) == rows
    assert len(response.context["decisions"]) == rows


@pytest.mark.parametrize("rows", ROWS)
@pytest.mark.parametrize("who, queries", [
    # the plan with its association; the sections; their events; the events' responsibles with persons; which of
    # the events are contests (contests.hooks)
    (None, 5),
    ("head", SIGNED_IN + 5),  # the same for the head, who also sees the checks (made from what is fetched)
])  # fmt: skip
def test_plan_page(client, association, head_user, who, queries, rows, django_assert_num_queries):
    persons = people(association, 3)
    plan = plan_with_events(association, rows, persons)
    if who:
        client.force_login(head_user)
    with django_assert_num_queries(queries):
        response = client.get(plan.get_absolute_url())
    assert sum(len(section.numbered_events) for section in response.context["sections"]) == rows


# ---------------------------------------------------------------- meetings

ATTENDEES = [1, 40]
ITEMS = [1, 10]


@pytest.mark.parametrize("attendees", ATTENDEES)
@pytest.mark.parametrize("items", ITEMS)
@pytest.mark.parametrize("who, queries", [
    # the session, the user, the account; the event with its plan and association; the meeting with its chair and
    # secretary; the marks; the association's librarians with their schools; the agenda items with their speakers;
    # their decisions with the people responsible; their materials; the files for the whole meeting; the earlier
    # meetings' open decisions
    ("librarian", SIGNED_IN + 9),
    # the same; the meeting's history with its authors; the agenda items for the form that attaches a file
    ("head", SIGNED_IN + 9 + 2),
])  # fmt: skip
def test_meeting_page(
    client, association, head_user, librarian_user, who, queries, attendees, items, django_assert_num_queries
):
    plan = plan_with_events(association, 0, [head_user.account.person], year_start=2023)
    section = plan.sections.get()
    earlier, this = meeting(section, 1), meeting(section, 2)
    persons = [person for school in schools(association, attendees) for person in people(association, 1, school=school,
               start=school.pk)]  # fmt: skip
    Meeting.objects.filter(pk=this.pk).update(chair=head_user.account.person, secretary=persons[0],
                                              guests="Иванова А.А., методист\nПетрова О.О., директор")  # fmt: skip
    Attendance.objects.bulk_create(
        Attendance(meeting=this, person=person, present=n % 2 == 0, reason="" if n % 2 == 0 else "болезнь")
        for n, person in enumerate(persons)
    )
    deadlines = [datetime.date(2023, 11, 1), datetime.date(2030, 1, 1)]
    decisions(this, 3, persons, deadlines, items=items, materials=True)
    Material.objects.create(meeting=this, file="meetings/2023/повестка.pdf")
    decisions(earlier, 2, persons, deadlines, items=items)
    client.force_login(head_user if who == "head" else librarian_user)
    with django_assert_num_queries(queries):
        response = client.get(reverse("meetings:meeting", args=[this.event_id]))
    assert response.status_code == 200
    assert len(response.context["items"]) == items and response.context["total"] == attendees
    assert sum(len(item.decision_list) for item in response.context["items"]) == 3 * items
    assert len(response.context["earlier"]) == 2 * items


# ---------------------------------------------------------------- members


@pytest.mark.parametrize("rows", ROWS)
def test_librarians_list(head_client, association, school, rows, django_assert_num_queries):
    for person in people(association, rows, school=school):
        Course.objects.create(
            person=person,
            title="Курсы",
            hours=36,
            start=datetime.date(2023, 1, 1),
            end=datetime.date(2023, 1, 20),
        )
    # the session, the user, the account; the schools for the filter; the people with their school and latest course
    with django_assert_num_queries(SIGNED_IN + 2):
        response = head_client.get(reverse("members:people"))
    assert len(response.context["people"]) == rows + 1  # and the head herself


@pytest.mark.parametrize("rows", ROWS)
def test_schools_list(head_client, association, rows, django_assert_num_queries):
    year_start = academic_year_of(timezone.localdate())
    for n, school in enumerate(schools(association, rows)):
        Enrollment.objects.create(school=school, year_start=year_start, grade=1, students=20)
        people(association, 1, school=school, start=n)
    # the session, the user, the account; the schools; their enrollments this year; their librarians
    with django_assert_num_queries(SIGNED_IN + 3):
        response = head_client.get(reverse("members:schools"))
    assert len(response.context["rows"]) == rows and all(
        students == 20 for _school, students in response.context["rows"]
    )


@pytest.mark.parametrize("rows", ROWS)
def test_members_overview(head_client, association, school, rows, django_assert_num_queries):
    today = timezone.localdate()
    stale = people(association, rows, school=school, attestation_due=today + datetime.timedelta(days=10))
    Person.objects.filter(pk__in=[p.pk for p in stale]).update(
        updated_at=timezone.now() - datetime.timedelta(days=800)
    )
    # everyone missed this year's two meetings
    plan = Plan.objects.create(association=association, year_start=academic_year_of(today))
    section = Section.objects.create(plan=plan, position=1, title="Заседания")
    meetings = [meeting(section, 1), meeting(section, 2)]
    Attendance.objects.bulk_create(
        Attendance(meeting=each, person=person, present=False) for each in meetings for person in stale
    )
    # the session, the user, the account; attestations due; no course for three years; cards not updated this year;
    # the librarians who missed meetings and the overdue decisions (the meetings' panel)
    with django_assert_num_queries(SIGNED_IN + 5):
        response = head_client.get(reverse("members:overview"))
    assert len(response.context["due"]) == rows and len(response.context["stale"]) == rows
    assert [len(panel.context["people"]) for panel in response.context["panels"]] == [rows]


# ---------------------------------------------------------------- report rounds


@pytest.mark.parametrize("rows", ROWS)
def test_rounds_list_for_the_head(head_client, association, school, rows, django_assert_num_queries):
    for n in range(rows):
        round_ = Round.objects.create(association=association, kind=Kind.FSEM, title=f"Сбор {n}", year_start=2023,
                                      deadline=datetime.date(2024, 3, 1))  # fmt: skip
        Report.objects.create(round=round_, school=school)
    # the session, the user, the account; the rounds with the counts of reports asked and submitted
    with django_assert_num_queries(SIGNED_IN + 1):
        response = head_client.get(reverse("rounds:rounds"))
    assert len(response.context["rounds"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_rounds_list_for_a_librarian(librarian_client, association, school, rows, django_assert_num_queries):
    for n in range(rows):
        round_ = Round.objects.create(association=association, kind=Kind.FSEM, title=f"Сбор {n}", year_start=2023,
                                      deadline=datetime.date(2024, 3, 1))  # fmt: skip
        Report.objects.create(round=round_, school=school)
    # the session, the user, the account; the person's school; the school's reports with their rounds
    with django_assert_num_queries(SIGNED_IN + 2):
        response = librarian_client.get(reverse("rounds:rounds"))
    assert len(response.context["reports"]) == rows


# ---------------------------------------------------------------- the textbook bank


@pytest.mark.parametrize("rows", ROWS)
@pytest.mark.parametrize("params", [{}, {"q": "учебник"}, {"subject": "Математика", "grade": 5}])
def test_bank_offers(head_client, other_school, rows, params, django_assert_num_queries):
    offers(other_school, textbooks(rows))
    # the session, the user, the account; the subjects; the other associations and the schools for the filter;
    # the capped count; one page of offers with school, textbook and the needs flag
    with django_assert_num_queries(SIGNED_IN + 5):
        response = head_client.get(reverse("textbooks:bank"), params)
    assert len(response.context["page"]) == min(rows, 30)


@pytest.mark.parametrize("rows", ROWS)
def test_bank_needs(head_client, other_school, rows, django_assert_num_queries):
    needs(other_school, textbooks(rows))
    # the session, the user, the account; the subjects; the other associations and the schools; the capped count;
    # one page of needs with the offers flag
    with django_assert_num_queries(SIGNED_IN + 5):
        response = head_client.get(reverse("textbooks:needs"))
    assert len(response.context["page"]) == min(rows, 30)


@pytest.mark.parametrize("rows", ROWS)
def test_fpu_catalogue(head_client, rows, django_assert_num_queries):
    textbooks(rows)
    # the session, the user, the account; the capped count; one page of the list
    with django_assert_num_queries(SIGNED_IN + 2):
        response = head_client.get(reverse("textbooks:catalogue"), {"q": "учебник"})
    assert len(response.context["page"]) == min(rows, 30)


@pytest.mark.parametrize("rows", ROWS)
def test_a_schools_textbooks_page(head_client, school, other_school, rows, django_assert_num_queries):
    catalogue = textbooks(rows)
    ours = offers(school, catalogue)
    needs(school, catalogue)
    theirs = offers(other_school, catalogue)
    soon = timezone.localdate() + datetime.timedelta(days=30)
    Transfer.objects.bulk_create(
        [Transfer(offer=offer, to_school=other_school, copies=1, return_by=soon) for offer in ours]
        + [Transfer(offer=offer, to_school=school, copies=1, return_by=soon) for offer in theirs]
    )  # fmt: skip
    # the session, the user, the account; the school; its offers with the needs flag; its needs with the offers flag;
    # the requests for its offers; its own requests
    with django_assert_num_queries(SIGNED_IN + 5):
        response = head_client.get(reverse("textbooks:school", args=[school.pk]))
    assert len(response.context["offers"]) == rows and len(response.context["asked_of_us"]) == rows
