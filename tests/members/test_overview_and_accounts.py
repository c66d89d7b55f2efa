"""The head's overview of the data bank, and the head giving a person a login."""

import datetime

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Account, Course, Person

pytestmark = pytest.mark.django_db


def test_overview_lists_what_needs_attention(head_client, association, school):
    today = timezone.localdate()
    due = Person.objects.create(
        association=association,
        surname="Лазарева",
        initials="Т.Н.",
        attestation_due=today + datetime.timedelta(days=60),
    )
    Person.objects.create(
        association=association,
        surname="Черных",
        initials="М.В.",
        attestation_due=today + datetime.timedelta(days=500),
    )
    fresh = Person.objects.create(association=association, surname="Ткачук", initials="Т.М.")
    Course.objects.create(
        person=fresh,
        title="К",
        hours=36,
        start=today - datetime.timedelta(days=30),
        end=today - datetime.timedelta(days=20),
    )
    stale = Person.objects.create(association=association, surname="Матвеева", initials="Т.Д.")
    Person.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - datetime.timedelta(days=400))
    left = Person.objects.create(
        association=association, surname="Барышева", initials="Н.М.", is_active=False, attestation_due=today
    )

    context = head_client.get(reverse("members:overview")).context
    assert [p.surname for p in context["due"]] == ["Лазарева"]
    no_course = {p.surname for p in context["no_course"]}
    assert "Ткачук" not in no_course and {"Лазарева", "Черных", "Матвеева"} <= no_course
    assert [p.surname for p in context["stale"]] == ["Матвеева"]
    assert left.surname not in no_course


def test_overview_for_head_and_committee_only(viewer_client, client, librarian_user):
    assert viewer_client.get(reverse("members:overview")).status_code == 200
    client.force_login(librarian_user)
    assert client.get(reverse("members:overview")).status_code == 403


def test_head_gives_a_login_and_it_works(head_client, association):
    person = Person.objects.create(
        association=association, surname="Новикова", initials="Е.А.", email="novikova@example.ru"
    )
    response = head_client.post(
        reverse("members:account_create", args=[person.pk]), {"username": "novikova", "role": "librarian"}
    )
    assert response.status_code == 200
    password = response.context["password"]
    assert password in response.content.decode()
    user = authenticate(username="novikova", password=password)
    assert user.account.person == person and user.account.role == Account.Role.LIBRARIAN
    assert (
        len(mail.outbox) == 1
        and password in mail.outbox[0].body
        and mail.outbox[0].to == ["novikova@example.ru"]
    )


def test_taken_login_is_refused(head_client, association, librarian_user):
    person = Person.objects.create(association=association, surname="Новикова", initials="Е.А.")
    response = head_client.post(
        reverse("members:account_create", args=[person.pk]), {"username": "Librarian", "role": "librarian"}
    )
    assert "Такой логин уже занят" in response.content.decode()
    assert not hasattr(Person.objects.get(pk=person.pk), "account")


def test_only_head_gives_logins(librarian_client, viewer_client, association):
    person = Person.objects.create(association=association, surname="Новикова", initials="Е.А.")
    url = reverse("members:account_create", args=[person.pk])
    assert librarian_client.post(url, {"username": "x", "role": "head"}).status_code == 403
    assert viewer_client.post(url, {"username": "x", "role": "head"}).status_code == 403
    assert not Account.objects.filter(user__username="x").exists()
