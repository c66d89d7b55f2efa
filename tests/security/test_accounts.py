"""Who can make a login, and which: a head gives the roles of her own association only, and the rule is on the
model (Account.check_given_by, Account.clean on every save), not only in the form."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse

from members.models import Account, Person
from members.services import give_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(association, school):
    return Person.objects.create(
        association=association,
        surname="Новикова",
        initials="Е.А.",
        school=school,
        email="novikova@example.ru",
    )


def give(client, person, role, username="novikova"):
    return client.post(
        reverse("members:account_create", args=[person.pk]), {"username": username, "role": role}
    )


def test_the_page_offers_only_the_roles_a_head_gives(head_client, newcomer):
    html = head_client.get(reverse("members:account_create", args=[newcomer.pk])).content.decode()
    offered = set(re.findall(r'<option value="([a-z]+)"', html))
    assert offered == {"librarian", "viewer", "head"}


@pytest.mark.parametrize("role", ["coordinator", "admin", ""])
def test_a_head_cannot_make_a_coordinator_or_an_unknown_role(head_client, newcomer, role):
    response = give(head_client, newcomer, role)
    assert response.status_code == 400
    assert (
        "Выберите корректный вариант" in response.content.decode()
        or "Обязательное поле" in response.content.decode()
    )
    assert (
        not User.objects.filter(username="novikova").exists()
        and not Account.objects.filter(person=newcomer).exists()
    )


def test_a_head_gives_a_librarian_login_and_it_works(head_client, newcomer, mailoutbox):
    response = give(head_client, newcomer, "librarian")
    assert response.status_code == 200 and "Пароль" in response.content.decode()
    account = Account.objects.get(person=newcomer)
    assert (account.role, account.association_id, account.user.is_staff, account.user.is_superuser) == (
        "librarian",
        newcomer.association_id,
        False,
        False,
    )
    assert mailoutbox and "novikova" in mailoutbox[0].body


def test_the_rule_is_on_the_model_not_only_on_the_form(association, head_user, newcomer, other_head_user):
    head = head_user.account
    with pytest.raises(ValidationError, match="её даёт администратор сайта"):
        give_login(head, newcomer, "novikova", Account.Role.COORDINATOR)
    with pytest.raises(ValidationError, match="только в своём объединении"):
        give_login(other_head_user.account, newcomer, "novikova", Account.Role.LIBRARIAN)
    with pytest.raises(ValidationError, match="Логины даёт руководитель"):
        give_login(
            Account(association=association, role=Account.Role.LIBRARIAN),
            newcomer,
            "novikova",
            Account.Role.LIBRARIAN,
        )
    assert not User.objects.filter(username="novikova").exists()


def test_no_save_makes_an_inconsistent_account(association, other_association, newcomer):
    user = User.objects.create_user("someone")
    with pytest.raises(ValidationError):
        Account(
            user=user, association=association, role=Account.Role.COORDINATOR
        ).save()  # a coordinator has no association
    with pytest.raises(ValidationError):
        Account(user=user, association=None, role=Account.Role.HEAD).save()
    with pytest.raises(ValidationError, match="другого объединения"):
        Account(user=user, association=other_association, role=Account.Role.LIBRARIAN, person=newcomer).save()
    assert not Account.objects.exists()


def test_a_login_for_someone_who_left_is_refused(head_client, newcomer):
    newcomer.is_active = False
    newcomer.save()
    response = give(head_client, newcomer, "librarian")
    assert response.status_code == 400 and "не работает" in response.content.decode()
    assert not Account.objects.filter(person=newcomer).exists()


@pytest.mark.parametrize("who", ["librarian_client", "viewer_client"])
def test_only_the_head_gives_logins(request, who, newcomer):
    assert give(request.getfixturevalue(who), newcomer, "librarian").status_code == 403
    assert not Account.objects.filter(person=newcomer).exists()


def test_another_associations_head_reaches_no_person_here(client, other_head_user, newcomer):
    client.force_login(other_head_user)
    assert give(client, newcomer, "librarian").status_code == 404


# The places that may write an Account or a User. A new one must be added here on purpose — and go through
# Account.clean (every save does) or, for a head, members.services.give_login.
MAKERS = {
    "members/services.py",  # give_login: the head's page
    "members/models.py",  # Account.acting_in: an unsaved stand-in for the coordinator
    "demo/management/commands/setup_demo.py",  # the demo's fixed logins
    "bench/scale_data.py",  # the benchmark's generated region
    "bench/soak.py",  # the load test's librarians
    "bench/__main__.py",  # the benchmark's head of the sample plan
}
MAKING = re.compile(
    r"\b(?:Account|User)\(|(?:Account|User)\.objects\.(?:create|get_or_create|update_or_create|bulk_create)\b|create_(?:super)?user\("
)


def test_no_other_code_makes_accounts():
    root = Path(settings.BASE_DIR)
    found = set()
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "node_modules/")) or "/migrations/" in relative:
            continue
        if MAKING.search(path.read_text(encoding="utf-8")):
            found.add(relative)
    assert found == MAKERS


@pytest.mark.parametrize("username, message", [
    ("Ｓablina", "латинские буквы"),  # full-width: Django would make it «Sablina», a twin of «sablina»
    ("новикова", "латинские буквы"),
    ("HEAD", "Такой логин уже занят"),  # «head» exists: logins differ by more than case
])  # fmt: skip
def test_a_login_that_looks_like_another_is_refused(head_client, newcomer, username, message):
    response = give(head_client, newcomer, "librarian", username=username)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Account.objects.filter(person=newcomer).exists()


@pytest.mark.django_db(transaction=True)
def test_logins_that_differ_only_in_case_are_refused_by_the_database(association):
    """Two tabs giving «race0x» and «RACE0X» at the same moment both passed the form's check; the index decides."""
    from django.db import IntegrityError, transaction

    User.objects.create_user("race0x")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("RACE0X")
    head = Account.objects.create(
        user=User.objects.create_user("chief"), association=association, role=Account.Role.HEAD
    )
    person = Person.objects.create(association=association, surname="Новая", initials="Н.Н.")
    with pytest.raises(ValidationError, match="Такой логин уже занят"):
        give_login(head, person, "Race0x", Account.Role.LIBRARIAN)
    assert not Account.objects.filter(person=person).exists()
