"""The month view of the plan and each person's iCalendar feed."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event
from members.models import Person

pytestmark = pytest.mark.django_db


def calendar_url(plan, month=None):
    url = reverse("events:plan_calendar", args=[plan.association.slug, plan.year_name])
    return f"{url}?month={month}" if month else url


def test_month_shows_events_on_their_days(client, published_plan):
    response = client.get(calendar_url(published_plan, "2023-10"))
    assert response.status_code == 200
    month = response.context["month"]
    days = {day.day: [e.title for e in events] for week in month.weeks for day, events in week if day}
    assert days[25] == ["Круглый стол"]
    assert days[24] == []
    assert "Октябрь 2023" in response.content.decode()


def test_month_long_events_are_listed_once(client, published_plan):
    response = client.get(calendar_url(published_plan, "2024-03"))
    month = response.context["month"]
    assert [e.title for e in month.long_events] == ["Конкурс юных поэтов"]
    assert all(not events for week in month.weeks for _, events in week)


def test_month_outside_the_year_is_404_and_draft_hidden(client, plan):
    assert client.get(calendar_url(plan, "2023-10")).status_code == 404  # a draft, for a visitor
    plan.status = plan.Status.PUBLISHED
    plan.save()
    assert client.get(calendar_url(plan, "2025-01")).status_code == 404
    assert client.get(calendar_url(plan, "nonsense")).status_code == 200  # falls back to a month of the plan


def test_feed_has_the_persons_events(client, published_plan, head_user):
    person = head_user.account.person
    response = client.get(reverse("events:person_feed", args=[person.calendar_token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20231025\r\nDTEND;VALUE=DATE:20231026" in body
    assert "DTSTART;VALUE=DATE:20240301\r\nDTEND;VALUE=DATE:20240401" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_feed_leaves_out_others_and_cancelled(client, published_plan, association):
    other = Person.objects.create(association=association, surname="Куклина", initials="Н.Н.")
    event = Event.objects.get(title="Круглый стол")
    event.set_responsibles([other])
    body = client.get(reverse("events:person_feed", args=[other.calendar_token])).content.decode()
    assert body.count("BEGIN:VEVENT") == 1 and "Круглый стол" in body
    event.status = Event.Status.CANCELLED
    event.save()
    body = client.get(reverse("events:person_feed", args=[other.calendar_token])).content.decode()
    assert "BEGIN:VEVENT" not in body


def test_feed_holds_no_draft_events(client, plan, published_plan, head_user):
    """The address is all it takes to read the feed, as for a visitor: a draft's events stay out."""
    feed = reverse("events:person_feed", args=[head_user.account.person.calendar_token])
    assert client.get(feed).content.decode().count("BEGIN:VEVENT") == 3
    published_plan.status = published_plan.Status.DRAFT
    published_plan.save()
    assert "BEGIN:VEVENT" not in client.get(feed).content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "Круглый стол\r ATTENDEE:mailto:x@example.ru",
        "Круглый стол\r\nATTENDEE:x",
        "Круглый\x0bстол\x07",
        "Круглый стол\u2028ATTENDEE:x",
    ],
)
def test_no_line_break_or_control_character_gets_into_the_feed(client, published_plan, head_user, typed):
    Event.objects.filter(title="Круглый стол").update(title=typed)
    body = client.get(reverse("events:person_feed", args=[head_user.account.person.calendar_token])).content
    lines = body.split(b"\r\n")
    assert b"\r" not in b"".join(lines) and not any(line.startswith(b"ATTENDEE") for line in lines)
    assert not any(byte < 0x20 and byte != 0x09 for line in lines for byte in line)
    summary = next(line for line in lines if line.startswith(b"SUMMARY:\xd0\x9a"))
    assert summary.startswith(
        b"SUMMARY:\xd0\x9a\xd1\x80\xd1\x83\xd0\xb3\xd0\xbb\xd1\x8b\xd0\xb9"
    )  # «Круглый»


def test_the_feed_names_others_only_with_their_consent(
    client, published_plan, head_user, association, school
):
    """A feed is read without a login and kept by calendar servers: colleagues are named as a public page names them."""
    from members.models import Consent

    colleague = Person.objects.create(
        association=association,
        surname="Барышева",
        initials="Н.М.",
        school=school,
        position=Person.Position.LIBRARIAN,
    )
    event = Event.objects.get(title="Круглый стол")
    event.set_responsibles([head_user.account.person, colleague])
    feed = reverse("events:person_feed", args=[head_user.account.person.calendar_token])
    body = client.get(feed).content.decode().replace("\r\n ", "")
    assert "Саблина В.И." in body and "Барышева" not in body and "библиотекарь МАОУ СОШ № 1" in body
    Consent.objects.create(
        person=colleague, scope=Consent.Scope.PUBLISHING, given_on=datetime.date(2024, 1, 1)
    )
    assert "Барышева Н.М." in client.get(feed).content.decode().replace("\r\n ", "")


def test_unknown_token_is_404(client, db):
    assert client.get(reverse("events:person_feed", args=["nope"])).status_code == 404


def test_person_renews_own_address_and_the_old_one_stops(librarian_client, librarian_user, client):
    person = librarian_user.account.person
    old = person.calendar_token
    page = librarian_client.get(reverse("members:person", args=[person.pk])).content.decode()
    assert old in page
    librarian_client.post(reverse("events:person_feed_renew", args=[person.pk]))
    person.refresh_from_db()
    assert person.calendar_token != old
    assert librarian_client.get(reverse("events:person_feed", args=[old])).status_code == 404


def test_others_do_not_see_or_renew_the_address(librarian_client, other_librarian_user):
    other = other_librarian_user.account.person
    page = librarian_client.get(reverse("members:person", args=[other.pk])).content.decode()
    assert other.calendar_token not in page
    assert librarian_client.post(reverse("events:person_feed_renew", args=[other.pk])).status_code == 403
