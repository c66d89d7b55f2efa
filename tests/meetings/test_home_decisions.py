"""Decisions on the home page: the head sees every open decision with a person responsible and a deadline, those
past it flagged; a librarian sees her own and marks them done there; nobody else may mark them."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.formats import format_date
from events.models import Event, Plan, Section
from meetings.models import AgendaItem, Decision, Meeting
from members.models import Account, Person
from tests.conftest import make_account

pytestmark = pytest.mark.django_db


def meeting_of(association, number=1):
    plan, _created = Plan.objects.get_or_create(association=association, year_start=2023)
    section, _created = Section.objects.get_or_create(plan=plan, position=4, defaults={"title": "Заседания"})
    event = Event.objects.create(
        section=section, position=number, title=f"Заседание № {number}", dates_text="Октябрь, 2023 г.",
        meeting_number=number,
    )  # fmt: skip
    return Meeting.objects.create(event=event)


def decision(meeting, text, responsible, deadline, item_position=1, position=1, done_on=None):
    item, _created = AgendaItem.objects.get_or_create(
        meeting=meeting, position=item_position, defaults={"title": "О плане работы на год"}
    )
    return Decision.objects.create(
        item=item, position=position, text=text, responsible=responsible, deadline=deadline, done_on=done_on
    )


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def meeting(association):
    return meeting_of(association)


@pytest.fixture
def hers(meeting, librarian_user):
    """The librarian's decision, due in a week."""
    return decision(
        meeting, "Подготовить выставку к Неделе детской книги", librarian_user.account.person, days(7)
    )


@pytest.fixture
def theirs(meeting, other_librarian_user):
    """The other librarian's decision, its deadline passed."""
    return decision(
        meeting, "Провести сверку фонда с ФСЭМ", other_librarian_user.account.person, days(-3), position=2
    )


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def card(html):
    """The decisions card of the home page."""
    start = html.index('id="decisions"')
    return html[start : html.index("</section>", start)]


def test_the_head_sees_tracked_decisions_the_overdue_first_and_flagged(head_client, meeting, hers, theirs):
    decision(meeting, "Без срока", hers.responsible, None, position=3)
    decision(meeting, "Без ответственного", None, days(5), position=4)
    decision(meeting, "Уже выполнено", hers.responsible, days(-10), position=5, done_on=days(-11))
    html = card(home(head_client))
    assert "Решения заседаний на контроле" in html
    assert html.index("Провести сверку фонда") < html.index("Подготовить выставку")  # the overdue first
    overdue = html[
        html.index(f'id="home-decision-{theirs.pk}"') : html.index(f'id="home-decision-{hers.pk}"')
    ]
    assert "просрочено" in overdue and "Садовникова Л.И." in overdue
    assert "просрочено" not in html[html.index(f'id="home-decision-{hers.pk}"') :]
    assert 'id="decisions-overdue"' in html and "срок прошёл: 1" in html  # the head's «needs attention»
    assert "Заседание № 1, решение 1.2" in html and "Куклина Н.Н." in html
    assert f"{reverse('meetings:meeting', args=[meeting.event_id])}#decision-{theirs.pk}" in html
    assert f'action="{reverse("meetings:decision_done", args=[theirs.pk])}"' in html
    assert format_date(days(7)) in html  # «11 сентября 2023 г.»
    for absent in ("Без срока", "Без ответственного", "Уже выполнено"):
        assert absent not in html


def test_nothing_past_its_deadline_shows_no_red_count(head_client, hers):
    html = card(home(head_client))
    assert "Подготовить выставку" in html
    assert 'id="decisions-overdue"' not in html and "просрочено" not in html


def test_the_head_sees_ten_and_the_rest_counted(head_client, meeting, librarian_user):
    person = librarian_user.account.person
    for n in range(12):
        decision(meeting, f"Решение номер {n:02d}", person, days(n + 1), position=n + 1)
    html = card(home(head_client))
    assert html.count('id="home-decision-') == 10
    assert "Решение номер 09" in html and "Решение номер 10" not in html
    assert "и ещё 2" in html


def test_the_head_does_not_see_another_associations_decisions(head_client, other_association):
    other = meeting_of(other_association)
    person = Person.objects.create(association=other_association, surname="Иванова", initials="А.А.")
    decision(other, "Чужое решение", person, days(-1))
    html = card(home(head_client))
    assert "Чужое решение" not in html and "Невыполненных решений с ответственным и сроком нет." in html


def test_a_librarian_sees_her_own_decisions_only(librarian_client, hers, theirs):
    html = card(home(librarian_client))
    assert "Мои решения к выполнению" in html
    assert "Подготовить выставку" in html and "Провести сверку фонда" not in html
    assert "Куклина Н.Н." not in html  # her own name is not repeated


def test_a_librarians_overdue_decision_is_flagged(client, other_librarian_user, theirs):
    client.force_login(other_librarian_user)
    html = card(home(client))
    assert "Провести сверку фонда" in html and "просрочено" in html and "срок прошёл: 1" in html


def test_marking_it_done_from_the_home_page(librarian_client, hers):
    response = librarian_client.post(
        reverse("meetings:decision_done", args=[hers.pk]), {"done": "1", "next": reverse("home")}
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    hers.refresh_from_db()
    assert hers.done_on == timezone.localdate()
    html = home(librarian_client)
    assert "Подготовить выставку" not in card(html)
    assert "Решение 1.1 отмечено выполненным." in html
    assert "Невыполненных поручений по решениям заседаний у вас нет." in card(html)


def test_the_head_marks_one_done_from_her_home_page(head_client, hers, theirs):
    response = head_client.post(
        reverse("meetings:decision_done", args=[theirs.pk]), {"next": reverse("home")}, follow=True
    )
    assert response.redirect_chain == [(reverse("home"), 302)]
    theirs.refresh_from_db()
    assert theirs.is_done
    html = card(response.content.decode())
    assert "Провести сверку фонда" not in html and "Подготовить выставку" in html


def test_a_next_to_another_site_is_not_followed(librarian_client, hers, meeting):
    response = librarian_client.post(
        reverse("meetings:decision_done", args=[hers.pk]), {"next": "https://example.com/"}
    )
    assert response["Location"] == reverse("meetings:meeting", args=[meeting.event_id])


def test_another_librarian_may_not_mark_it(client, other_librarian_user, hers):
    client.force_login(other_librarian_user)
    response = client.post(reverse("meetings:decision_done", args=[hers.pk]), {"next": reverse("home")})
    assert response.status_code == 403
    hers.refresh_from_db()
    assert hers.done_on is None


def test_another_associations_head_gets_404(other_association, hers):
    other_head = make_account(
        other_association,
        Account.Role.HEAD,
        "other-head-with-person",
        Person.objects.create(association=other_association, surname="Петрова", initials="О.О."),
    )
    client = Client()
    client.force_login(other_head)
    response = client.post(reverse("meetings:decision_done", args=[hers.pk]), {"next": reverse("home")})
    assert response.status_code == 404
    hers.refresh_from_db()
    assert hers.done_on is None
    assert "Подготовить выставку" not in home(client)


def test_marking_needs_a_post(librarian_client, hers):
    response = librarian_client.get(reverse("meetings:decision_done", args=[hers.pk]))
    assert response.status_code == 405
