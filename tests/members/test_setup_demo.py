"""The demo data the README's first command loads."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from events.models import Event, Plan, Responsible
from members.models import Account, Course, Person, School

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def test_demo_loads_published_seed_plan_and_three_accounts():
    output = run()
    plan = Plan.objects.get(association__slug="ust-ilimsk")
    assert plan.year_name == "2023-2024" and plan.is_published
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert (
        "логин «sablina», пароль «sablina-2023»" in output and "логин «admin», пароль «admin-2023»" in output
    )
    from django.contrib.auth.models import User

    assert (
        not User.objects.filter(is_staff=True).exclude(username="admin").exists()
    )  # no head is the site's administrator
    assert "логин «kuklina», пароль «kuklina-2023»" in output
    assert "логин «sadovnikova», пароль «sadovnikova-2023»" in output
    head = authenticate(username="sablina", password="sablina-2023")
    assert head.account.role == Account.Role.HEAD and head.account.person.printed_name == "Саблина В.И."
    kuklina = authenticate(username="kuklina", password="kuklina-2023")
    assert kuklina.account.role == Account.Role.LIBRARIAN
    assert kuklina.account.person.school.short_name == "МАОУ СОШ № 1"


def test_demo_has_the_citys_schools_and_the_plans_people_as_librarians():
    run()
    city = {"association__slug": "ust-ilimsk"}
    assert School.objects.filter(**city).count() == 10
    # the 14 librarians of the plan, each once, each in her school; the plan's likely typo «Садовникова Н.Н.»
    # is no card but a name as written, which the plan's checks list
    assert (
        Person.objects.filter(**city).count()
        == Person.objects.filter(school__isnull=False, **city).count()
        == 14
    )
    assert not Person.objects.filter(surname="Садовникова", initials="Н.Н.").exists()
    typo = Responsible.objects.get(text="Садовникова Н.Н.")
    assert typo.person is None and typo.key == "садовникова|нн"
    assert Course.objects.filter(person__association__slug="ust-ilimsk").count() == 7
    assert School.objects.get(short_name="МАОУ СОШ № 1").enrollments.filter(year_start=2023).count() == 11


def test_demo_runs_twice_without_duplicates():
    run()
    persons = Person.objects.count()
    output = run()
    assert "уже загружен" in output
    assert Plan.objects.count() == 2 and Person.objects.count() == persons and Account.objects.count() == 6


def test_demo_holds_two_associations_and_a_coordinator():
    output = run()
    district = Plan.objects.get(association__slug="ust-ilimsk-district")
    assert district.is_published and Event.objects.filter(section__plan=district).count() == 4
    assert School.objects.filter(association__slug="ust-ilimsk-district").count() == 2
    assert (
        "логин «ivanova», пароль «ivanova-2023»" in output
        and "логин «region», пароль «region-2023»" in output
    )
    coordinator = authenticate(username="region", password="region-2023")
    assert coordinator.account.role == Account.Role.COORDINATOR and coordinator.account.association is None
    ivanova = authenticate(username="ivanova", password="ivanova-2023")
    assert ivanova.account.association == district.association and ivanova.account.is_head


def test_demo_prints_a_committee_login_that_reads_and_changes_nothing():
    output = run()
    assert "логин «komitet», пароль «komitet-2023»" in output
    committee = authenticate(username="komitet", password="komitet-2023")
    assert committee.account.is_reader and committee.account.association.slug == "ust-ilimsk"
    assert not (committee.is_staff or committee.is_superuser)
    run()  # a second run changes nothing and makes no second login
    assert Account.objects.filter(user__username="komitet").count() == 1
