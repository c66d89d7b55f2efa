"""Schools: the list, a school's card with its students per grade, editing by the head or the school's librarian."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.years import academic_year_of
from members.models import Enrollment, School
from tests.conftest import versioned

pytestmark = pytest.mark.django_db


def school_data(school, **overrides):
    data = {
        "name": school.name,
        "short_name": school.short_name,
        "address": "ул. Мира, 1",
        "phone": "",
        "email": "",
    }
    data.update({f"grade_{g}": "" for g in range(1, 12)})
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["head_client", "librarian_client", "viewer_client"])
def test_members_read_schools(request, who, school):
    client = request.getfixturevalue(who)
    assert "МАОУ СОШ № 1" in client.get(reverse("members:schools")).content.decode()
    assert client.get(reverse("members:school", args=[school.pk])).status_code == 200


def test_visitor_and_other_association(client, other_head_user, school):
    response = client.get(reverse("members:school", args=[school.pk]))
    assert response.status_code == 302
    client.force_login(other_head_user)
    assert client.get(reverse("members:school", args=[school.pk])).status_code == 404


def test_librarian_edits_own_school_with_students_per_grade(librarian_client, school):
    response = librarian_client.post(
        reverse("members:school_edit", args=[school.pk]),
        versioned(school, school_data(school, grade_1="52", grade_2="48", grade_11="25")),
    )
    assert response.status_code == 302
    year = academic_year_of(timezone.localdate())
    assert dict(
        Enrollment.objects.filter(school=school, year_start=year).values_list("grade", "students")
    ) == {1: 52, 2: 48, 11: 25}
    html = librarian_client.get(reverse("members:school", args=[school.pk])).content.decode()
    assert "<strong>125</strong>" in html
    school.refresh_from_db()
    assert school.address == "ул. Мира, 1"


def test_clearing_a_grade_removes_it(librarian_client, school):
    url = reverse("members:school_edit", args=[school.pk])
    librarian_client.post(url, school_data(school, grade_1="52"))
    librarian_client.post(url, school_data(school))
    assert not Enrollment.objects.exists()


def test_librarian_cannot_edit_another_school(librarian_client, other_school):
    url = reverse("members:school_edit", args=[other_school.pk])
    assert librarian_client.get(url).status_code == 403
    assert librarian_client.post(url, school_data(other_school, address="чужой")).status_code == 403
    other_school.refresh_from_db()
    assert other_school.address == ""


def test_negative_students_refused(librarian_client, school):
    response = librarian_client.post(
        reverse("members:school_edit", args=[school.pk]), school_data(school, grade_3="-1")
    )
    assert response.status_code == 200 and "больше либо равно 0" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_head_adds_school_and_duplicate_short_name_is_refused(head_client, school):
    url = reverse("members:school_create")
    response = head_client.post(url, school_data(School(name="Гимназия № 1", short_name="МБОУ Гимназия № 1")))
    assert response.status_code == 302
    response = head_client.post(url, school_data(School(name="Другая", short_name="МАОУ СОШ № 1")))
    assert response.status_code == 200 and "уже есть" in response.content.decode()
    assert School.objects.count() == 2


@pytest.mark.parametrize("who", ["librarian_client", "viewer_client"])
def test_only_head_adds_schools(request, who, db):
    assert request.getfixturevalue(who).get(reverse("members:school_create")).status_code == 403


def test_school_list_queries_do_not_grow(head_client, association, django_assert_num_queries):
    for n in range(20):
        School.objects.create(association=association, name=f"Школа {n}", short_name=f"СОШ № {n}")
    # session, user, account; schools, their enrollments, their people
    with django_assert_num_queries(6):
        response = head_client.get(reverse("members:schools"))
    assert len(response.context["rows"]) == 20
