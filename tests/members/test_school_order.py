"""Schools stand in the order people read their numbers: «№ 2» before «№ 11», on every list."""

import pytest
from django.urls import reverse

from core.formats import sort_key
from members.models import School

pytestmark = pytest.mark.django_db

NAMES = ["МАОУ СОШ № 11", "МАОУ СОШ № 2", "Гимназия № 1", "МАОУ СОШ № 1", "МБОУ «Лицей № 10»"]


@pytest.fixture
def schools(association):
    return [School.objects.create(association=association, name=name, short_name=name) for name in NAMES]


def test_the_schools_page_lists_them_by_number(head_client, schools):
    page = head_client.get(reverse("members:schools")).content.decode()
    positions = [
        page.index(name) for name in ["Гимназия № 1", "МАОУ СОШ № 1", "МАОУ СОШ № 2", "МАОУ СОШ № 11"]
    ]
    assert positions == sorted(positions)


def test_every_query_of_schools_sorts_by_number(association, schools):
    assert list(School.objects.filter(association=association).values_list("short_name", flat=True)) == [
        "Гимназия № 1",
        "МАОУ СОШ № 1",
        "МАОУ СОШ № 2",
        "МАОУ СОШ № 11",
        "МБОУ «Лицей № 10»",
    ]


def test_a_renamed_school_takes_its_new_place(association, schools):
    school = School.objects.get(short_name="МАОУ СОШ № 11")
    school.short_name = "МАОУ СОШ № 3"
    school.save(update_fields=["short_name"])
    names = list(School.objects.filter(association=association).values_list("short_name", flat=True))
    assert names.index("МАОУ СОШ № 2") < names.index("МАОУ СОШ № 3")


def test_the_key_reads_numbers_by_value_and_forgives_case_and_yo():
    assert sort_key("№ 2") < sort_key("№ 11") < sort_key("№ 100")
    assert sort_key("Школа") == sort_key("школа") and sort_key("Ёлочка") == sort_key("елочка")
    assert len(sort_key("9" * 300)) == 200
