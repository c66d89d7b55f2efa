"""Needs: the page with its matching offers, adding, editing, closing — for each role."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import versioned
from textbooks.models import Need

from .conftest import login

pytestmark = pytest.mark.django_db


def need_data(**overrides):
    data = {
        "fpu_number": "",
        "title": "Информатика",
        "authors": "Босова Л.Л., Босова А.Ю.",
        "subject": "Информатика",
        "grade": "7",
        "copies": "12",
        "needed_by": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "who", ["head_client", "librarian_client", "other_librarian_client", "viewer_client"]
)
def test_members_read_a_need_with_the_offers_that_match(request, who, need, offer):
    response = request.getfixturevalue(who).get(need.get_absolute_url())
    assert response.status_code == 200
    assert list(response.context["matching_offers"]) == [offer]
    assert "свободно 10 из 10" in response.content.decode()


def test_visitor_and_other_association(client, other_head_user, need):
    assert client.get(need.get_absolute_url()).status_code == 302
    login(client, other_head_user)
    assert (
        client.get(need.get_absolute_url()).status_code == 200
    )  # the bank is the region's: read, not changed
    assert client.get(reverse("textbooks:need_edit", args=[need.pk])).status_code == 403
    assert client.post(reverse("textbooks:need_close", args=[need.pk])).status_code == 403
    need.refresh_from_db()
    assert not need.is_closed


def test_no_match_says_what_to_do(librarian_client, school):
    librarian_client.post(reverse("textbooks:need_create"), need_data())
    html = librarian_client.get(Need.objects.get().get_absolute_url()).content.decode()
    assert "Пока ни одна школа не предлагает такой учебник" in html


def test_librarian_adds_a_need_for_own_school(librarian_client, school, today):
    day = today + datetime.timedelta(days=60)
    response = librarian_client.post(reverse("textbooks:need_create"), need_data(needed_by=day.isoformat()))
    need = Need.objects.get()
    assert response.status_code == 302 and response.url == need.get_absolute_url()
    assert (need.school, need.grade, need.copies, need.needed_by, need.author_key) == (
        school,
        7,
        12,
        day,
        "босова",
    )


def test_need_from_the_catalogue_and_mistakes_kept(librarian_client, catalogue, today):
    textbook = catalogue["1.2.3.4.1.1"]
    html = librarian_client.get(reverse("textbooks:need_create"), {"textbook": textbook.pk}).content.decode()
    assert 'value="1.2.3.4.1.1"' in html and '<option value="7" selected>' in html
    response = librarian_client.post(
        reverse("textbooks:need_create"),
        need_data(title="Инфа", grade="", needed_by=(today - datetime.timedelta(days=1)).isoformat()),
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Need.objects.exists()
    assert "Эта дата уже прошла." in html and 'value="Инфа"' in html
    response = librarian_client.post(
        reverse("textbooks:need_create"), need_data(fpu_number="1.2.3.4.1.1", title="")
    )
    assert Need.objects.get().textbook == textbook and Need.objects.get().title == "Информатика. 7 класс"


@pytest.mark.parametrize("who, status", [("viewer_client", 403)])
def test_committee_adds_nothing(request, who, status, db):
    client = request.getfixturevalue(who)
    assert client.get(reverse("textbooks:need_create")).status_code == status
    assert client.post(reverse("textbooks:need_create"), need_data()).status_code == status


def test_head_chooses_the_school(head_client, school, other_school):
    response = head_client.post(reverse("textbooks:need_create"), need_data(school=other_school.pk))
    assert response.status_code == 302 and Need.objects.get().school == other_school


@pytest.mark.parametrize(
    "who, status",
    [
        ("librarian_client", 302),
        ("head_client", 302),
        ("other_librarian_client", 403),
        ("viewer_client", 403),
    ],
)
def test_only_the_needing_school_and_the_head_edit_and_close(request, who, status, need):
    client = request.getfixturevalue(who)
    url = reverse("textbooks:need_edit", args=[need.pk])
    assert client.get(url).status_code == (200 if status == 302 else 403)
    assert (
        client.post(
            url, versioned(need, need_data(fpu_number="1.1.1.1.1.2", grade="2", copies="3"))
        ).status_code
        == status
    )
    need.refresh_from_db()
    assert need.copies == (3 if status == 302 else 8)
    close = reverse("textbooks:need_close", args=[need.pk])
    assert client.get(close).status_code == 405
    assert client.post(close).status_code == status
    need.refresh_from_db()
    assert need.is_closed == (status == 302)
    if status == 302:
        assert need not in client.get(reverse("textbooks:needs")).context["page"].object_list
