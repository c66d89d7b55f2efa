"""Personal data as 152-ФЗ asks: consents recorded as documents, a published policy, names on public pages only
with a consent to publishing them, «Мои данные» for each person, erasure after leaving."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from events.models import Event
from members.models import Consent, Course, LoginAttempt, Person, PortfolioEntry, PrivacyPolicy
from tests.reports.conftest import pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db

PUBLISHING = Consent.Scope.PUBLISHING


@pytest.fixture
def kuklina(librarian_user):
    person = librarian_user.account.person
    person.position, person.phone, person.email = (
        Person.Position.TEACHER_LIBRARIAN,
        "+7 900 000-00-00",
        "kuklina@example.ru",
    )
    person.save()
    return person


@pytest.fixture
def public_plan(published_plan, kuklina, head_user):
    """The published plan with Куклина responsible for the round table, the head for the rest."""
    Event.objects.get(title="Круглый стол").set_responsibles([kuklina])
    return published_plan


def consent(person, scope=PUBLISHING, **fields):
    return Consent.objects.create(person=person, scope=scope, given_on=datetime.date(2024, 9, 2), **fields)


# ---- consents ----


def test_the_head_records_a_consent_with_her_word_or_a_scan(head_client, kuklina, media_root):
    url = reverse("members:consent_add", args=[kuklina.pk])
    response = head_client.post(url, {"scope": "publishing", "given_on": "2024-09-02"})
    assert (
        response.status_code == 400 and "Приложите скан согласия или подтвердите" in response.content.decode()
    )
    assert not kuklina.consents.exists()
    assert (
        head_client.post(
            url, {"scope": "publishing", "given_on": "2024-09-02", "confirmed": "on"}
        ).status_code
        == 302
    )
    kuklina.refresh_from_db()
    assert kuklina.publish_name and kuklina.consents.get().confirmed_by.username == "head"
    scan = SimpleUploadedFile("согласие.pdf", b"%PDF-1.4 signed")
    assert (
        head_client.post(url, {"scope": "processing", "given_on": "2024-09-02", "scan": scan}).status_code
        == 302
    )
    card = head_client.get(kuklina.get_absolute_url()).content.decode()
    processing = kuklina.consents.get(scope="processing")
    assert (
        reverse("members:consent_scan", args=[processing.pk]) in card and "подтверждено руководителем" in card
    )


def test_a_consent_cannot_be_dated_tomorrow(head_client, kuklina):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    response = head_client.post(
        reverse("members:consent_add", args=[kuklina.pk]),
        {"scope": "publishing", "given_on": tomorrow, "confirmed": "on"},
    )
    assert response.status_code == 400 and "будущим днём" in response.content.decode()


def test_withdrawing_the_publishing_consent_hides_the_name_again(head_client, kuklina):
    given = consent(kuklina)
    kuklina.refresh_from_db()
    assert kuklina.publish_name
    head_client.post(reverse("members:consent_withdraw", args=[given.pk]))
    kuklina.refresh_from_db()
    assert not kuklina.publish_name and kuklina.consents.get().withdrawn_on == datetime.date.today()


def test_a_librarian_sees_her_own_consents_but_records_none(librarian_client, kuklina, other_librarian_user):
    consent(kuklina)
    assert (
        "Согласия на обработку персональных данных"
        in librarian_client.get(kuklina.get_absolute_url()).content.decode()
    )
    assert librarian_client.get(reverse("members:consent_add", args=[kuklina.pk])).status_code == 403
    other = other_librarian_user.account.person
    assert "Согласия на обработку" not in librarian_client.get(other.get_absolute_url()).content.decode()


# ---- names on public pages ----


def test_without_consent_a_public_page_names_the_post(client, public_plan, kuklina, school):
    html = client.get(public_plan.get_absolute_url()).content.decode()
    assert "Куклина" not in html and "педагог-библиотекарь МАОУ СОШ № 1" in html
    assert "Саблина" not in html  # the head: no consent either — the signature line keeps only her post
    assert "Руководитель ГТО ШБ" in html


def test_with_consent_a_public_page_names_her(client, public_plan, kuklina, head_user):
    consent(kuklina)
    consent(head_user.account.person)
    html = client.get(public_plan.get_absolute_url()).content.decode()
    assert "Куклина Н.Н." in html and "Саблина В.И." in html


def test_the_association_reads_every_name(librarian_client, public_plan, kuklina):
    html = librarian_client.get(public_plan.get_absolute_url()).content.decode()
    assert "Куклина Н.Н." in html and "Саблина В.И." in html


def test_another_association_reads_it_as_the_public_does(client, public_plan, other_head_user):
    client.force_login(other_head_user)
    html = client.get(public_plan.get_absolute_url()).content.decode()
    assert "Куклина" not in html and "педагог-библиотекарь МАОУ СОШ № 1" in html


def test_public_pdf_and_xlsx_follow_the_same_rule(client, public_plan, kuklina, head_user):
    consent(head_user.account.person)
    url = reverse("reports:plan", args=[public_plan.association.slug, public_plan.year_name, "pdf"])
    text = pdf_text(client.get(url).content)
    assert "Куклина" not in text and "педагог-библиотекарь МАОУ СОШ № 1" in text and "Саблина В.И." in text
    rows = sheet_rows(
        workbook(client.get(url.replace("/pdf", "/xlsx").replace(".pdf", ".xlsx")).content)[
            "Содержание работы"
        ]
    )
    cells = [str(cell) for row in rows for cell in row if cell]
    assert not any("Куклина" in cell for cell in cells) and any(
        "педагог-библиотекарь МАОУ СОШ № 1" in cell for cell in cells
    )


# ---- the policy ----


def test_the_policy_is_public_and_linked_from_every_page_and_the_login(client, published_plan):
    response = client.get(reverse("privacy"))
    assert (
        response.status_code == 200 and "Политика обработки персональных данных" in response.content.decode()
    )
    assert "Роскомнадзор" in response.content.decode()  # the standard text until the administrator writes one
    for url in (reverse("home"), reverse("login"), published_plan.get_absolute_url()):
        assert f'href="{reverse("privacy")}"' in client.get(url).content.decode()


def test_the_administrator_writes_the_policy(client):
    PrivacyPolicy.objects.create(
        text="Первый абзац политики.\n\nВторой абзац.",
        operator="МКУ «ЦРО», ул. Мира, 1",
        published_on=datetime.date(2025, 1, 10),
    )
    html = client.get(reverse("privacy")).content.decode()
    assert "<p>Первый абзац политики.</p>" in html and "МКУ «ЦРО»" in html and "10 января 2025 г." in html


# ---- «Мои данные» ----


def test_my_data_holds_everything_about_me(librarian_client, kuklina, public_plan):
    from events.models import Reminder

    Course.objects.create(
        person=kuklina,
        title="Цифровая библиотека",
        hours=36,
        start=datetime.date(2024, 1, 10),
        end=datetime.date(2024, 2, 1),
    )
    consent(kuklina)
    LoginAttempt.objects.create(username="librarian", ip="10.0.0.7", succeeded=True)
    Reminder.objects.create(
        event=Event.objects.get(title="Круглый стол"), person=kuklina, kind=Reminder.Kind.COMING
    )
    response = librarian_client.get(reverse("members:my_data", args=[kuklina.pk, "json"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert (
        data["карточка"]["фамилия"] == "Куклина"
        and data["карточка"]["электронная почта"] == "kuklina@example.ru"
    )
    assert data["курсы повышения квалификации"][0]["начало"] == "2024-01-10"
    assert data["согласия"][0]["на что"].startswith("публикация")
    assert data["вход на сайт"]["логин"] == "librarian"
    assert [row["мероприятие"] for row in data["ответственный в планах"]] == ["Круглый стол"]
    assert [(a["адрес"], a["вход выполнен"]) for a in data["попытки входа"]] == [("10.0.0.7", "да")]
    assert [r["мероприятие"] for r in data["письма-напоминания"]] == ["Круглый стол"]
    text = pdf_text(librarian_client.get(reverse("members:my_data", args=[kuklina.pk, "pdf"])).content)
    assert "Цифровая библиотека" in text and "kuklina@example.ru" in text and "10 января 2024 г." in text


def test_nobody_else_gets_my_data(client, kuklina, other_librarian_user, viewer_user, other_head_user):
    url = reverse("members:my_data", args=[kuklina.pk, "json"])
    for user, status in ((other_librarian_user, 403), (viewer_user, 403), (other_head_user, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status
    assert Client().get(url).status_code == 302


# ---- erasure ----


def test_erasure_waits_until_she_has_left(head_client, kuklina):
    response = head_client.post(
        reverse("members:person_erase", args=[kuklina.pk]), {"confirm": "1"}, follow=True
    )
    assert "Стереть можно только данные того, кто уже не работает" in response.content.decode()
    kuklina.refresh_from_db()
    assert kuklina.phone and kuklina.erased_on is None


def test_erasure_leaves_only_the_name_in_past_plans(
    head_client, kuklina, public_plan, media_root, django_capture_on_commit_callbacks
):
    course = Course.objects.create(
        person=kuklina,
        title="Курсы",
        hours=16,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 1, 2),
        scan=SimpleUploadedFile("udost.pdf", b"%PDF-1.4"),
    )
    PortfolioEntry.objects.create(
        person=kuklina, title="Выступление", kind="talk", date=datetime.date(2024, 2, 2), level="municipal"
    )
    consent(kuklina, scan=SimpleUploadedFile("consent.pdf", b"%PDF-1.4"))
    kuklina.first_name, kuklina.patronymic, kuklina.is_active, kuklina.left_on = (
        "Наталья",
        "Николаевна",
        False,
        datetime.date(2024, 6, 1),
    )
    kuklina.save()
    scan_path = media_root / course.scan.name
    assert scan_path.exists()
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the erasure is committed
        response = head_client.post(
            reverse("members:person_erase", args=[kuklina.pk]), {"confirm": "1"}, follow=True
        )
    assert "Личные данные стёрты" in response.content.decode()
    kuklina.refresh_from_db()
    assert (kuklina.surname, kuklina.initials, kuklina.first_name, kuklina.phone, kuklina.email) == (
        "Куклина",
        "Н.Н.",
        "",
        "",
        "",
    )
    assert kuklina.erased_on == datetime.date.today() and not kuklina.publish_name
    assert not kuklina.courses.exists() and not kuklina.portfolio.exists()
    user = kuklina.account.user  # emptied, not deleted: the history still says who did what
    assert (user.username, user.email, user.is_active, user.has_usable_password()) == (
        f"erased-{user.pk}",
        "",
        False,
        False,
    )
    assert not LoginAttempt.objects.filter(username="librarian").exists()
    assert Person.history.filter(id=kuklina.pk).first().history_user.username == "head"  # who erased
    assert not scan_path.exists() and not kuklina.consents.exclude(scan="").exists()
    assert (
        not Person.history.filter(id=kuklina.pk).exclude(phone="").exists()
    )  # the card's history forgets too
    assert not Course.history.filter(person_id=kuklina.pk).exists()
    assert (
        "Куклина Н.Н." in head_client.get(public_plan.get_absolute_url()).content.decode()
    )  # still the past plan's responsible


def test_erasure_needs_the_head_and_the_tick(client, kuklina, librarian_user, viewer_user):
    kuklina.is_active = False
    kuklina.save()
    client.force_login(viewer_user)
    assert (
        client.post(reverse("members:person_erase", args=[kuklina.pk]), {"confirm": "1"}).status_code == 403
    )
    kuklina.refresh_from_db()
    assert kuklina.phone and kuklina.erased_on is None
