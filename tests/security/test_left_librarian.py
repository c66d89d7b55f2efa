"""Someone who left keeps no way in: marked as not working, her login is switched off, her open sessions end,
her calendar feed stops. The head switches a login off and on again without deleting anything."""

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from members.models import Person
from tests.conftest import versioned
from tests.members.test_views_person import person_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def her_session(librarian_user):
    client = Client()
    client.force_login(librarian_user)
    assert client.get(reverse("members:people")).status_code == 200
    return client


def mark_left(head_client, person):
    return head_client.post(
        reverse("members:person_edit", args=[person.pk]),
        versioned(person, person_data(person, school=person.school_id, left_on="2024-06-01")),
    )


def test_marked_as_left_she_is_signed_out_and_cannot_sign_in(head_client, librarian_user, her_session):
    person = librarian_user.account.person
    assert mark_left(head_client, person).status_code == 302
    person.refresh_from_db()
    librarian_user.refresh_from_db()
    assert (
        not person.is_active and not librarian_user.is_active and librarian_user.account.person == person
    )  # nothing deleted
    response = her_session.get(reverse("members:school_edit", args=[person.school_id]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(librarian_user.pk)
    ]
    response = Client().post(reverse("login"), {"username": "librarian", "password": "secret-pass-1"})
    assert "Ваш вход на сайт отключён" in response.content.decode()


def test_her_calendar_feed_stops(head_client, librarian_user, published_plan):
    person = librarian_user.account.person
    feed = reverse("events:person_feed", args=[person.calendar_token])
    assert Client().get(feed).status_code == 200
    mark_left(head_client, person)
    assert Client().get(feed).status_code == 404


def test_the_head_switches_a_login_off_and_on(head_client, librarian_user, her_session, published_plan):
    person = librarian_user.account.person
    switch = reverse("members:account_switch", args=[person.pk])
    response = head_client.post(switch, {"on": "0"}, follow=True)
    assert "Вход отключён" in response.content.decode() and "Включить вход" in response.content.decode()
    assert her_session.get(reverse("members:people")).status_code == 302
    assert Client().get(reverse("events:person_feed", args=[person.calendar_token])).status_code == 404
    head_client.post(switch, {"on": "1"})
    assert User.objects.get(pk=librarian_user.pk).is_active and Person.objects.get(pk=person.pk).is_active
    assert (
        Client().post(reverse("login"), {"username": "librarian", "password": "secret-pass-1"}).status_code
        == 302
    )


def test_a_login_of_someone_who_left_is_not_switched_on_again(head_client, librarian_user):
    person = librarian_user.account.person
    mark_left(head_client, person)
    response = head_client.post(reverse("members:account_switch", args=[person.pk]), {"on": "1"}, follow=True)
    assert "стоит «не работает»" in response.content.decode()
    assert not User.objects.get(pk=librarian_user.pk).is_active


def test_a_heads_login_is_the_site_administrators_to_manage(head_client, head_user, association):
    """Neither her own nor another head's: one she appointed could otherwise shut out the head the site
    administrator made."""
    from members.models import Account
    from tests.conftest import make_account

    deputy = make_account(
        association,
        Account.Role.HEAD,
        "deputy",
        Person.objects.create(association=association, surname="Заместитель", initials="З.З."),
    )
    for person in (head_user.account.person, deputy.account.person):
        assert (
            head_client.post(reverse("members:account_switch", args=[person.pk]), {"on": "0"}).status_code
            == 403
        )
        assert head_client.post(reverse("members:login_unlock", args=[person.pk])).status_code == 403
    assert User.objects.get(pk=head_user.pk).is_active and User.objects.get(pk=deputy.pk).is_active


@pytest.mark.parametrize("who", ["librarian_client", "viewer_client"])
def test_only_the_head_switches_logins(request, who, other_librarian_user):
    person = other_librarian_user.account.person
    assert (
        request.getfixturevalue(who)
        .post(reverse("members:account_switch", args=[person.pk]), {"on": "0"})
        .status_code
        == 403
    )
    assert User.objects.get(pk=other_librarian_user.pk).is_active


def test_another_associations_head_cannot_switch_ours(client, other_head_user, librarian_user):
    client.force_login(other_head_user)
    assert (
        client.post(
            reverse("members:account_switch", args=[librarian_user.account.person.pk]), {"on": "0"}
        ).status_code
        == 404
    )
    assert User.objects.get(pk=librarian_user.pk).is_active


def test_the_site_administrators_login_is_not_the_heads_to_end(head_client, librarian_user):
    """A person of the association whose login is the site administrator's: the head neither switches it off,
    nor lifts its delays, nor erases it, nor ends it by marking the card «не работает»."""
    librarian_user.is_staff = librarian_user.is_superuser = True
    librarian_user.save()
    person = librarian_user.account.person
    assert (
        head_client.post(reverse("members:account_switch", args=[person.pk]), {"on": "0"}).status_code == 403
    )
    assert head_client.post(reverse("members:login_unlock", args=[person.pk])).status_code == 403
    card = head_client.get(person.get_absolute_url()).content.decode()
    assert "распоряжается администратор сайта" in card and "Отключить вход" not in card
    mark_left(head_client, person)
    assert User.objects.get(pk=librarian_user.pk).is_active
    response = head_client.post(
        reverse("members:person_erase", args=[person.pk]), {"confirm": "1"}, follow=True
    )
    assert "логин руководителя или администратора сайта" in response.content.decode()
    assert User.objects.get(pk=librarian_user.pk).username == "librarian"
