"""The attendance figures on the members' pages, read through the real pages: the person card's «Посещено 1 из 2
заседаний» with each meeting present or absent and why; the head's overview listing who missed two meetings of this
academic year."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from core.years import academic_year_name, academic_year_of
from events.models import Event, Plan, Section
from meetings.models import Attendance, Meeting
from members.models import Person

pytestmark = pytest.mark.django_db


def year_meetings(association, year_start, count):
    """`count` meetings of the association's plan for the academic year beginning in `year_start`."""
    plan = Plan.objects.create(association=association, year_start=year_start)
    section = Section.objects.create(plan=plan, position=4, title="Заседания ГТО ШБ")
    return [
        Meeting.objects.create(
            event=Event.objects.create(
                section=section,
                position=number,
                title=f"Заседание № {number}",
                dates_text="В течение года",
                meeting_number=number,
            )
        )
        for number in range(1, count + 1)
    ]


def mark(meeting, person, present, reason=""):
    return Attendance.objects.create(meeting=meeting, person=person, present=present, reason=reason)


@pytest.fixture
def this_year():
    return academic_year_of(timezone.localdate())


@pytest.fixture
def meetings(association, this_year):
    return year_meetings(association, this_year, 3)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section_of(html, anchor):
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


# ---------------------------------------------------------------- the person card


def test_the_person_card_counts_the_years_meetings(head_client, librarian_user, meetings, this_year):
    person = librarian_user.account.person
    first, second, _third = meetings  # the third: not marked yet, so not counted
    mark(first, person, True)
    mark(second, person, False, "болезнь")
    html = section_of(page(head_client, person.get_absolute_url()), "meetings-attended")
    assert f"Заседания {academic_year_name(this_year)} учебного года" in html
    assert "Посещено 1 из 2 заседаний." in html
    present = html[html.index(reverse("meetings:meeting", args=[first.pk])) :]
    assert present.index("присутствие") < present.index(reverse("meetings:meeting", args=[second.pk]))
    absent = html[html.index(reverse("meetings:meeting", args=[second.pk])) :]
    assert "отсутствие" in absent and "болезнь" in absent
    assert reverse("meetings:meeting", args=[_third.pk]) not in html


def test_the_person_card_reads_only_this_year(head_client, association, librarian_user, meetings, this_year):
    person = librarian_user.account.person
    mark(meetings[0], person, True)
    for earlier in year_meetings(association, this_year - 1, 2):
        mark(earlier, person, False, "отпуск")
    html = section_of(page(head_client, person.get_absolute_url()), "meetings-attended")
    assert "Посещено 1 из 1 заседания." in html and "отпуск" not in html


def test_a_librarian_sees_her_own_attendance(librarian_client, librarian_user, meetings):
    person = librarian_user.account.person
    mark(meetings[0], person, False, "курсы")
    html = section_of(page(librarian_client, person.get_absolute_url()), "meetings-attended")
    assert "Посещено 0 из 1 заседания." in html and "курсы" in html


def test_a_card_without_marks_has_no_attendance_panel(head_client, librarian_user, meetings):
    html = page(head_client, librarian_user.account.person.get_absolute_url())
    assert 'id="meetings-attended"' not in html


# ---------------------------------------------------------------- the head's overview


def test_the_overview_lists_who_missed_two_meetings(
    head_client, association, librarian_user, other_librarian_user, meetings, this_year
):
    twice = librarian_user.account.person  # МАОУ СОШ № 1: missed the first two
    once = other_librarian_user.account.person  # МАОУ СОШ № 2: missed one
    mark(meetings[0], twice, False, "болезнь")
    mark(meetings[1], twice, False)
    mark(meetings[2], twice, True)
    mark(meetings[0], once, False)
    mark(meetings[1], once, True)
    html = section_of(page(head_client, reverse("members:overview")), "missing-meetings")
    assert f"в {academic_year_name(this_year)} учебном году" in html
    missed = ngettext("пропущено %(count)s заседание", "пропущено %(count)s заседаний", 2) % {"count": 2}
    assert "Куклина Н.Н." in html and missed in html and "МАОУ СОШ № 1" in html
    assert twice.get_absolute_url() in html
    assert "Садовникова Л.И." not in html and "МАОУ СОШ № 2" not in html


def test_the_overview_does_not_count_last_year_or_other_associations(
    head_client, association, other_association, librarian_user, other_librarian_user, meetings, this_year
):
    for earlier in year_meetings(association, this_year - 1, 2):
        mark(earlier, other_librarian_user.account.person, False)
    mark(meetings[0], other_librarian_user.account.person, False)  # one this year
    stranger = Person.objects.create(association=other_association, surname="Иванова", initials="А.А.")
    for theirs in year_meetings(other_association, this_year, 2):
        mark(theirs, stranger, False)
    html = section_of(page(head_client, reverse("members:overview")), "missing-meetings")
    assert "Садовникова Л.И." not in html and "Иванова А.А." not in html
    assert "Таких библиотекарей нет." in html


def test_the_overview_flags_an_overdue_decision(head_client, plan, librarian_user):
    from meetings.models import AgendaItem, Decision

    event = Event.objects.filter(section__plan=plan).first()
    Event.objects.filter(pk=event.pk).update(meeting_number=1)
    item = AgendaItem.objects.create(meeting=Meeting.objects.create(event=event), position=1, title="О плане")
    person = librarian_user.account.person
    Decision.objects.create(item=item, position=1, text="Просроченное поручение", responsible=person,
                            deadline=datetime.date(2024, 1, 1))  # fmt: skip
    Decision.objects.create(item=item, position=2, text="Будущее поручение", responsible=person,
                            deadline=timezone.localdate() + datetime.timedelta(days=30))  # fmt: skip
    html = head_client.get(reverse("members:overview")).content.decode()
    section = html.split('id="overdue-decisions"')[1].split("</section>")[0]
    assert "Просроченное поручение" in section and "1 января 2024 г." in section
    assert "Будущее поручение" not in section
