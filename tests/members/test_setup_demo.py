"""The demo data the README's first command loads."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from events.models import Event, Plan
from members.models import Account, Course, Person, School

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def test_demo_loads_published_seed_plan_and_three_accounts():
    output = run()
    plan = Plan.objects.get()
    assert plan.year_name == "2023-2024" and plan.is_published
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert "логин «sablina», пароль «sablina-2023»" in output
    assert "логин «kuklina», пароль «kuklina-2023»" in output
    assert "логин «sadovnikova», пароль «sadovnikova-2023»" in output
    head = authenticate(username="sablina", password="sablina-2023")
    assert head.account.role == Account.Role.HEAD and head.account.person.printed_name == "Саблина В.И."
    kuklina = authenticate(username="kuklina", password="kuklina-2023")
    assert kuklina.account.role == Account.Role.LIBRARIAN
    assert kuklina.account.person.school.short_name == "МАОУ СОШ № 1"


def test_demo_has_the_citys_schools_and_the_plans_people_as_librarians():
    run()
    assert School.objects.count() == 10
    # all 15 people the plan names, the same persons (no duplicates), 14 of them placed in schools
    assert Person.objects.count() == 15
    assert Person.objects.filter(school__isnull=False).count() == 14
    assert Person.objects.get(surname="Садовникова", initials="Н.Н.").school is None  # the plan's likely typo stays visible
    assert Course.objects.count() == 7
    assert School.objects.get(short_name="МАОУ СОШ № 1").enrollments.filter(year_start=2023).count() == 11


def test_demo_runs_twice_without_duplicates():
    run()
    persons = Person.objects.count()
    output = run()
    assert "уже загружен" in output
    assert Plan.objects.count() == 1 and Person.objects.count() == persons and Account.objects.count() == 3
