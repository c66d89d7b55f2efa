"""Shared fixtures: an association, its people in each role, and the seed plan."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from members.models import Account, Association, Person, School

SEED_PLAN = Path(__file__).resolve().parent.parent / "demo" / "data" / "plan-2023-2024.txt"


@pytest.fixture
def association(db):
    return Association.objects.create(
        name="ГТО ШБ г. Усть-Илимска", short_name="ГТО ШБ", city="Усть-Илимск", slug="ust-ilimsk"
    )


@pytest.fixture
def other_association(db):
    return Association.objects.create(
        name="ГТО ШБ г. Братска", short_name="ГТО ШБ", city="Братск", slug="bratsk"
    )


@pytest.fixture
def school(association):
    return School.objects.create(
        association=association,
        name="Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
        short_name="МАОУ СОШ № 1",
    )


def make_account(association, role, username, person=None):
    user = User.objects.create_user(username=username, password="secret-pass-1")
    Account.objects.create(user=user, association=association, role=role, person=person)
    return user


@pytest.fixture
def head_user(association):
    person = Person.objects.create(association=association, surname="Саблина", initials="В.И.")
    return make_account(association, Account.Role.HEAD, "head", person)


@pytest.fixture
def librarian_user(association, school):
    person = Person.objects.create(association=association, surname="Куклина", initials="Н.Н.", school=school)
    return make_account(association, Account.Role.LIBRARIAN, "librarian", person)


@pytest.fixture
def viewer_user(association):
    return make_account(association, Account.Role.VIEWER, "committee")


@pytest.fixture
def other_head_user(other_association):
    return make_account(other_association, Account.Role.HEAD, "other-head")


@pytest.fixture
def head_client(client, head_user):
    client.force_login(head_user)
    return client


@pytest.fixture
def librarian_client(client, librarian_user):
    client.force_login(librarian_user)
    return client


@pytest.fixture
def viewer_client(client, viewer_user):
    client.force_login(viewer_user)
    return client


@pytest.fixture
def seed_plan(association):
    """The real 2023-2024 plan, imported from the seed file."""
    from events.plan_import import import_plan_file

    return import_plan_file(SEED_PLAN, association).plan


@pytest.fixture
def plan(association, head_user):
    """A small draft plan: two sections, three events."""
    from events.models import Event, Plan, Section

    plan = Plan.objects.create(
        association=association,
        year_start=2023,
        theme="Профессиональная компетентность школьного библиотекаря",
        tasks="Организовать сопровождение\n- консультации\n- вебинары\nИзучить опыт коллег",
        results="Рост качества услуг\nПовышение читательской компетентности",
        head_name="Саблина В.И.",
    )
    first = Section.objects.create(plan=plan, position=1, title="Организационная деятельность")
    second = Section.objects.create(plan=plan, position=2, title="Социальное партнерство")
    sablina = head_user.account.person
    for section, position, title, dates in [
        (first, 1, "Утверждение плана работы", "11.09.2023г."),
        (first, 2, "Конкурс юных поэтов", "Март, 2024 г."),
        (second, 1, "Круглый стол", "25 октября 2023 г."),
    ]:
        event = Event.objects.create(section=section, position=position, title=title, dates_text=dates)
        event.set_responsibles([sablina])
    return plan


@pytest.fixture
def published_plan(plan):
    plan.status = plan.Status.PUBLISHED
    plan.save()
    return plan


@pytest.fixture
def other_school(association):
    return School.objects.create(
        association=association, name="Средняя общеобразовательная школа № 2", short_name="МАОУ СОШ № 2"
    )


@pytest.fixture
def other_librarian_user(association, other_school):
    """A librarian of school B (the `librarian_user` works at school A)."""
    person = Person.objects.create(
        association=association, surname="Садовникова", initials="Л.И.", school=other_school
    )
    return make_account(association, Account.Role.LIBRARIAN, "librarian-b", person)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def coordinator_user(association, other_association):
    """The regional coordinator: no association of their own."""
    user = User.objects.create_user(username="coordinator", password="secret-pass-1")
    Account.objects.create(user=user, association=None, role=Account.Role.COORDINATOR)
    return user


def versioned(obj, data):
    """A form's data as the site's page sends it: with the version of the record it was opened on
    (audit.concurrency; a form without one is refused as stale)."""
    from audit.history import latest_version

    return {**data, "version": latest_version(obj)}


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache (published plans' PDFs are cached by their content)."""
    from django.core.cache import cache

    cache.clear()
    yield
