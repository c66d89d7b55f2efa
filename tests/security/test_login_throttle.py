"""Password guessing stays bounded, and nobody can lock the real person out (members.throttle).

Every login form goes through the one backend — the admin's too. Failures count per login and address, with a
growing delay, never a hard lock; the person's own addresses are not held back by guessing from elsewhere; the
head and the site administrator lift a delay; behind a proxy the address is the one the proxy reports.
"""

import datetime
import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import throttle
from members.models import Account, LoginAttempt, Person
from tests.conftest import make_account

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")
RIGHT, WRONG = "secret-pass-1", "wrong-password"


def attempt(password, address="10.0.0.1", username="head", url=LOGIN, client=None, **headers):
    client = client or Client()
    response = client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)
    return client, response


def signed_in(client):
    return "_auth_user_id" in client.session


def refused(response):
    return "Слишком много неудачных попыток входа" in response.content.decode()


def fail(times, address="10.0.0.1", username="head", url=LOGIN):
    for _ in range(times):
        attempt(WRONG, address, username, url)


def age_attempts(**delta):
    """As if the attempts so far were made `delta` earlier (no sleeping in tests)."""
    for record in LoginAttempt.objects.all():
        LoginAttempt.objects.filter(pk=record.pk).update(at=record.at - datetime.timedelta(**delta))


def test_the_admin_login_goes_through_the_same_throttle(head_user):
    head_user.is_staff = head_user.is_superuser = True  # so that the admin would let her in
    head_user.save()
    fail(30, url=ADMIN_LOGIN)
    client, response = attempt(RIGHT, url=ADMIN_LOGIN)
    assert not signed_in(client) and refused(response)
    assert (
        LoginAttempt.objects.filter(username="head", succeeded=False).count() == 5
    )  # 25 never reached the password


def test_five_tries_then_a_minute_then_two(head_user):
    fail(5)
    client, response = attempt(RIGHT)
    assert refused(response) and "через 1 минуту" in response.content.decode() and not signed_in(client)
    age_attempts(seconds=61)
    assert (
        "Неверное имя пользователя или пароль" in attempt(WRONG)[1].content.decode()
    )  # the sixth try is checked
    client, response = attempt(RIGHT)
    assert refused(response) and "через 2 минуты" in response.content.decode()
    age_attempts(minutes=2, seconds=1)
    client, response = attempt(RIGHT)
    assert response.status_code == 302 and signed_in(client)


def test_the_delay_grows_to_an_hour_and_no_further():
    assert throttle.delay(4, 5) == datetime.timedelta(0)
    assert [throttle.delay(n, 5).total_seconds() / 60 for n in range(5, 13)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert throttle.delay(10_000, 5) == datetime.timedelta(hours=1)


def test_guessing_from_elsewhere_does_not_keep_the_person_out(head_user):
    fail(12, address="203.0.113.9")
    assert refused(attempt(RIGHT, address="203.0.113.9")[1])
    client, response = attempt(RIGHT, address="10.0.0.1")
    assert response.status_code == 302 and signed_in(client)


def test_many_addresses_guessing_one_login_are_bounded_but_not_her_own(head_user):
    attempt(RIGHT, address="10.0.0.1")  # she signed in from school before: a known address
    for n in range(throttle.FREE_PER_LOGIN):
        fail(1, address=f"198.51.100.{n + 1}")
    assert refused(attempt(RIGHT, address="198.51.100.200")[1])  # one more new address waits
    client, response = attempt(RIGHT, address="10.0.0.1")
    assert response.status_code == 302 and signed_in(client)


def test_one_address_trying_every_login_is_bounded_but_its_own_people_get_in(
    association, head_user, librarian_user
):
    attempt(
        RIGHT, address="10.0.0.1", username="librarian"
    )  # the librarian signs in from the school's address
    for n in range(throttle.FREE_PER_ADDRESS):
        fail(1, address="10.0.0.1", username=f"guess{n}")
    assert refused(attempt(WRONG, address="10.0.0.1", username="someone-else")[1])
    assert refused(
        attempt(RIGHT, address="10.0.0.1", username="head")[1]
    )  # the head never signed in from there
    client, response = attempt(RIGHT, address="10.0.0.1", username="librarian")
    assert response.status_code == 302 and signed_in(client)


def test_case_and_spaces_do_not_make_a_new_login(head_user):
    for username in ["head", "HEAD", "Head ", " hEaD", "head"]:
        attempt(WRONG, username=username)
    assert refused(attempt(RIGHT)[1])


def test_the_address_comes_from_the_configured_proxy_header(settings, head_user):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    # every connection comes from the proxy; the attacker also writes an address of her choice first
    for _ in range(6):
        attempt(WRONG, address="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9")
    assert set(LoginAttempt.objects.values_list("ip", flat=True)) == {"203.0.113.9"}
    client, response = attempt(RIGHT, address="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert response.status_code == 302 and signed_in(client)


def test_without_a_header_or_with_garbage_the_connection_address_is_used(settings, rf):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert throttle.client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
    assert (
        throttle.client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not an address"))
        == "127.0.0.1"
    )
    settings.CLIENT_IP_PROXIES = 2
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.1, 10.0.0.2")
    assert throttle.client_ip(request) == "203.0.113.1"  # the address the outer of two proxies saw


def test_the_header_counts_only_from_the_trusted_proxy(settings, rf):
    """Someone reaching gunicorn directly, not through the proxy, cannot name the address counted."""
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert (
        throttle.client_ip(rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.0.0.1"))
        == "203.0.113.9"
    )
    settings.CLIENT_IP_TRUSTED_PROXIES = ["10.1.1.1"]
    assert (
        throttle.client_ip(rf.get("/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="10.0.0.1")) == "10.0.0.1"
    )


def test_an_ipv6_client_counts_as_its_network(rf):
    """One IPv6 client has a /64 of addresses to change between guesses: they count as one."""
    first = throttle.client_ip(rf.get("/", REMOTE_ADDR="2001:db8:1:2::1"))
    assert (
        first
        == throttle.client_ip(rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff:ffff:ffff:ffff"))
        == "2001:db8:1:2::"
    )
    assert throttle.client_ip(rf.get("/", REMOTE_ADDR="2001:db8:1:3::1")) != first
    assert throttle.client_ip(rf.get("/", REMOTE_ADDR="::ffff:10.0.0.7")) == "10.0.0.7"


def test_no_address_is_nobodys_known_address(head_user, rf):
    """Without any address (a unix socket, no header) a success does not exempt the blank address from the bounds."""
    attempt(RIGHT, address="")
    for n in range(throttle.FREE_PER_LOGIN):
        fail(1, address=f"198.51.100.{n + 1}")
    assert refused(attempt(RIGHT, address="")[1])


def test_the_old_password_on_the_change_form_is_throttled_too(client, librarian_user):
    client.force_login(librarian_user)
    url = reverse("password_change")
    for _ in range(5):
        response = client.post(
            url,
            {
                "old_password": WRONG,
                "new_password1": "Новый-пароль-2024",
                "new_password2": "Новый-пароль-2024",
            },
        )
        assert "старый пароль введен неправильно" in response.content.decode()
    response = client.post(
        url,
        {"old_password": RIGHT, "new_password1": "Новый-пароль-2024", "new_password2": "Новый-пароль-2024"},
    )
    assert "Слишком много неудачных попыток" in response.content.decode()
    librarian_user.refresh_from_db()
    assert librarian_user.check_password(RIGHT)


def test_a_fullwidth_login_is_the_same_login(head_user):
    """«Ｓablina» (a full-width letter) and «sablina» are counted as one."""
    for _ in range(5):
        attempt(WRONG, username="ＨEAD")
    assert refused(attempt(RIGHT)[1])


def test_the_head_lifts_the_delay_on_her_librarian(client, head_user, librarian_user):
    fail(7, username="librarian")
    assert refused(attempt(RIGHT, username="librarian")[1])
    person = librarian_user.account.person
    client.force_login(head_user)
    card = client.get(person.get_absolute_url()).content.decode()
    assert "За сутки 5 неудачных попыток входа" in card and "Снять ограничение на вход" in card
    response = client.post(reverse("members:login_unlock", args=[person.pk]), follow=True)
    assert "Ограничение снято: забыто 5 неудачных попыток входа" in response.content.decode()
    other, response = attempt(RIGHT, username="librarian")
    assert response.status_code == 302 and signed_in(other)


def test_another_associations_head_cannot_lift_it(client, other_head_user, librarian_user):
    fail(6, username="librarian")
    client.force_login(other_head_user)
    response = client.post(reverse("members:login_unlock", args=[librarian_user.account.person.pk]))
    assert response.status_code == 404
    assert LoginAttempt.objects.filter(username="librarian", succeeded=False).count() == 5


def test_the_site_administrator_lifts_it_in_the_admin(client, head_user):
    admin = User.objects.create_superuser("root", password="root-pass-123")
    fail(6)
    client.force_login(admin)
    response = client.post(
        reverse("admin:members_loginattempt_changelist"),
        {
            "action": "unlock",
            "_selected_action": list(LoginAttempt.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )
    assert "Ограничение снято с 1 логина" in response.content.decode()
    assert not LoginAttempt.objects.filter(username="head", succeeded=False).exists()


def test_a_switched_off_login_says_so_only_with_the_right_password(head_user):
    head_user.is_active = False
    head_user.save()
    assert "Неверное имя пользователя" in attempt(WRONG)[1].content.decode()
    client, response = attempt(RIGHT)
    assert "Ваш вход на сайт отключён" in response.content.decode() and not signed_in(client)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel connections and row locks: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_thirty_guesses_at_once_check_five_passwords(association):
    make_account(
        association,
        Account.Role.LIBRARIAN,
        "target",
        Person.objects.create(association=association, surname="Цель", initials="А.А."),
    )
    barrier = threading.Barrier(30)
    answers = []

    def guess():
        try:
            barrier.wait(timeout=10)
            answers.append(attempt(WRONG, username="target")[1].content.decode())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    checked = [a for a in answers if "Неверное имя пользователя" in a]
    assert (
        len(answers) == 30
        and len(checked) == 5
        and sum(refused_text in a for a in answers for refused_text in ["Слишком много"]) == 25
    )
    assert LoginAttempt.objects.filter(username="target").count() == 5
    assert timezone.now() - LoginAttempt.objects.latest("at").at < datetime.timedelta(minutes=1)
