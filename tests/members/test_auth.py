"""Logging in and out, changing one's own password."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_russian_and_says_what_it_is_for(client):
    html = client.get(reverse("login")).content.decode()
    assert "Вход" in html and "Опубликованные планы можно читать и без входа" in html


def test_login_and_logout(client, head_user):
    response = client.post(reverse("login"), {"username": "head", "password": "secret-pass-1"})
    assert response.status_code == 302 and response.url == reverse("home")
    assert "Руководитель ГТО ШБ".lower() in client.get(reverse("home")).content.decode().lower()
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "Войти" in client.get(reverse("home")).content.decode()


def test_wrong_password_gets_a_clear_message(client, head_user):
    response = client.post(reverse("login"), {"username": "head", "password": "wrong"})
    assert response.status_code == 200
    assert "Неверное имя пользователя или пароль" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_post(head_client):
    assert head_client.get(reverse("logout")).status_code == 405


def test_anyone_changes_own_password(librarian_client, librarian_user):
    response = librarian_client.post(
        reverse("password_change"),
        {
            "old_password": "secret-pass-1",
            "new_password1": "Новый-пароль-2024",
            "new_password2": "Новый-пароль-2024",
        },
    )
    assert response.status_code == 302
    librarian_user.refresh_from_db()
    assert librarian_user.check_password("Новый-пароль-2024")


def test_password_change_needs_login(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_login_is_throttled_after_five_failures(client, head_user):
    for _ in range(5):
        client.post(reverse("login"), {"username": "head", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "head", "password": "secret-pass-1"})
    assert response.status_code == 200
    assert "Слишком много неудачных попыток входа" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_expire_and_success_clears_them(client, head_user):
    import datetime

    from django.utils import timezone

    from members.models import LoginAttempt

    for _ in range(4):
        client.post(reverse("login"), {"username": "head", "password": "wrong"})
    assert client.post(reverse("login"), {"username": "head", "password": "secret-pass-1"}).status_code == 302
    assert LoginAttempt.objects.filter(username="head", succeeded=True).count() == 1
    client.logout()
    for _ in range(5):  # the failures before the success no longer count: five more are free
        assert (
            "Неверное имя пользователя"
            in client.post(reverse("login"), {"username": "head", "password": "wrong"}).content.decode()
        )
    LoginAttempt.objects.filter(succeeded=False).update(
        at=timezone.now() - datetime.timedelta(days=1, minutes=1)
    )
    assert client.post(reverse("login"), {"username": "head", "password": "secret-pass-1"}).status_code == 302


def test_weak_new_password_is_refused(librarian_client, librarian_user):
    response = librarian_client.post(
        reverse("password_change"),
        {"old_password": "secret-pass-1", "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert (
        "слишком широко распространён" in response.content.decode()
        or "слишком простой" in response.content.decode()
    )
    librarian_user.refresh_from_db()
    assert librarian_user.check_password("secret-pass-1")
