"""The librarians' data bank: the list, a card, editing one's own record, courses and portfolio."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from members.models import Course, Person, PortfolioEntry
from tests.conftest import versioned

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


def person_of(user):
    return user.account.person


def card(person):
    return reverse("members:person", args=[person.pk])


# ---- the list ----


@pytest.mark.parametrize("who", ["head_client", "librarian_client", "viewer_client"])
def test_members_see_the_list(request, who, head_user):
    response = request.getfixturevalue(who).get(reverse("members:people"))
    assert response.status_code == 200
    assert "Саблина В.И." in response.content.decode() or "Саблина" in response.content.decode()


def test_visitor_is_sent_to_login(client, db):
    response = client.get(reverse("members:people"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_list_filters(head_client, librarian_user, other_librarian_user, school):
    kuklina, sadovnikova = person_of(librarian_user), person_of(other_librarian_user)
    kuklina.position, kuklina.category = "teacher_librarian", "first"
    kuklina.save()
    Course.objects.create(
        person=sadovnikova,
        title="Курсы",
        hours=72,
        start=datetime.date(2025, 1, 10),
        end=timezone.localdate(),
    )

    def names(**params):
        response = head_client.get(reverse("members:people"), params)
        return [p.printed_name for p in response.context["people"]]

    assert names(school=school.pk) == ["Куклина Н.Н."]
    assert names(position="teacher_librarian") == ["Куклина Н.Н."]
    assert names(category="first") == ["Куклина Н.Н."]
    assert "Садовникова Л.И." not in names(no_recent_course="on")
    assert "Куклина Н.Н." in names(no_recent_course="on")


def test_list_queries_do_not_grow_with_people(head_client, association, school, django_assert_num_queries):
    for n in range(30):
        person = Person.objects.create(
            association=association,
            surname=f"Иванова{chr(1072 + n % 30)}",
            initials=f"{chr(1040 + n % 30)}.А.",
            school=school,
        )
        Course.objects.create(
            person=person, title="К", hours=16, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 1, 5)
        )
    # session, user, account (+ person), schools for the filter, the people with school and last course
    with django_assert_num_queries(5):
        response = head_client.get(reverse("members:people"))
    assert len(response.context["people"]) == 31


# ---- a card ----


def test_librarian_reads_anothers_work_fields_but_not_contacts(librarian_client, other_librarian_user):
    other = person_of(other_librarian_user)
    other.phone, other.email, other.self_education_theme = (
        "+7 900 000-00-00",
        "s@example.ru",
        "Медиаграмотность",
    )
    other.save()
    html = librarian_client.get(card(other)).content.decode()
    assert "Медиаграмотность" in html
    assert "+7 900 000-00-00" not in html and "s@example.ru" not in html
    assert "Изменить карточку" not in html


@pytest.mark.parametrize("who", ["head_client", "viewer_client"])
def test_head_and_committee_see_contacts(request, who, other_librarian_user):
    other = person_of(other_librarian_user)
    other.phone = "+7 900 000-00-00"
    other.save()
    assert "+7 900 000-00-00" in request.getfixturevalue(who).get(card(other)).content.decode()


def test_other_association_gets_404(client, other_head_user, librarian_user):
    client.force_login(other_head_user)
    assert client.get(card(person_of(librarian_user))).status_code == 404
    assert client.get(reverse("members:person_edit", args=[person_of(librarian_user).pk])).status_code == 404


def test_attestation_due_soon_is_flagged(head_client, librarian_user):
    person = person_of(librarian_user)
    person.attestation_due = timezone.localdate() + datetime.timedelta(days=90)
    person.save()
    assert 'id="attestation-due-soon"' in head_client.get(card(person)).content.decode()
    person.attestation_due = timezone.localdate() + datetime.timedelta(days=400)
    person.save()
    assert 'id="attestation-due-soon"' not in head_client.get(card(person)).content.decode()


# ---- editing ----


def person_data(person, **overrides):
    data = {
        "surname": person.surname,
        "first_name": "",
        "patronymic": "",
        "initials": person.initials,
        "position": "teacher_librarian",
        "rate": "1",
        "education_level": "higher",
        "education_institution": "ИГУ",
        "education_year": "2005",
        "education_specialty": "библиотекарь-библиограф",
        "experience_total": "20",
        "experience_library": "15",
        "experience_as_of": "2023-09-01",
        "category": "first",
        "attestation_date": "2022-03-01",
        "attestation_due": "2027-03-01",
        "self_education_theme": "Чтение",
        "phone": "",
        "email": "",
    }
    data.update(overrides)
    return data


def test_librarian_edits_own_record(librarian_client, librarian_user, other_school):
    person = person_of(librarian_user)
    response = librarian_client.post(
        reverse("members:person_edit", args=[person.pk]),
        versioned(
            person, person_data(person, first_name="Наталья", patronymic="Николаевна", school=other_school.pk)
        ),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Куклина Наталья Николаевна"
    assert person.category == "first" and person.experience_library == 15
    assert person.school.short_name == "МАОУ СОШ № 1"  # only the head moves people between schools


def test_librarian_cannot_edit_anothers_record(librarian_client, other_librarian_user):
    other = person_of(other_librarian_user)
    url = reverse("members:person_edit", args=[other.pk])
    assert librarian_client.get(url).status_code == 403
    assert librarian_client.post(url, person_data(other, self_education_theme="чужое")).status_code == 403
    other.refresh_from_db()
    assert other.self_education_theme == ""


def test_viewer_edits_nothing(viewer_client, librarian_user):
    person = person_of(librarian_user)
    assert (
        viewer_client.post(reverse("members:person_edit", args=[person.pk]), person_data(person)).status_code
        == 403
    )
    assert viewer_client.post(reverse("members:course_add", args=[person.pk]), {}).status_code == 403
    assert viewer_client.get(reverse("members:person_create")).status_code == 403


def test_head_moves_a_librarian_to_another_school(head_client, librarian_user, other_school):
    person = person_of(librarian_user)
    head_client.post(
        reverse("members:person_edit", args=[person.pk]),
        versioned(person, person_data(person, school=other_school.pk, is_active="on")),
    )
    person.refresh_from_db()
    assert person.school == other_school


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"attestation_date": "2099-01-01", "attestation_due": ""}, "не может быть в будущем"),
        ({"attestation_due": "2021-01-01"}, "позже прошедшей"),
        ({"experience_library": "30"}, "не может быть больше общего"),
        ({"experience_total": "-3"}, "больше либо равно 0"),
    ],
)
def test_bad_record_is_refused_and_kept(librarian_client, librarian_user, overrides, message):
    person = person_of(librarian_user)
    response = librarian_client.post(
        reverse("members:person_edit", args=[person.pk]),
        versioned(person, person_data(person, self_education_theme="Новая тема", **overrides)),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "Новая тема" in html
    person.refresh_from_db()
    assert person.self_education_theme == ""


def test_head_adds_person_but_never_a_duplicate(head_client, association, librarian_user):
    url = reverse("members:person_create")
    response = head_client.post(
        url,
        person_data(
            Person(surname="Пискарёва", initials=""),
            first_name="Светлана",
            patronymic="Борисовна",
            is_active="on",
        ),
    )
    assert response.status_code == 302
    assert Person.objects.get(surname="Пискарёва").printed_name == "Пискарёва С.Б."
    # Куклина Н.Н. came from the plan: adding «Куклина Наталья Николаевна» again is refused with a pointer to her card
    response = head_client.post(
        url,
        person_data(
            Person(surname="Куклина", initials=""),
            first_name="Наталья",
            patronymic="Николаевна",
            is_active="on",
        ),
    )
    assert response.status_code == 200
    assert "уже есть в банке данных" in response.content.decode()
    assert Person.objects.filter(surname="Куклина").count() == 1


def test_librarian_cannot_add_people(librarian_client):
    assert librarian_client.get(reverse("members:person_create")).status_code == 403


# ---- courses and portfolio ----


def course_data(**overrides):
    data = {
        "title": "Современная школьная библиотека",
        "provider": "ИРО",
        "hours": "72",
        "start": "2024-02-01",
        "end": "2024-02-20",
        "certificate_number": "123",
    }
    data.update(overrides)
    return data


def test_librarian_adds_course_with_scan(librarian_client, librarian_user, media_root):
    person = person_of(librarian_user)
    scan = SimpleUploadedFile("udost.pdf", PDF, content_type="application/pdf")
    response = librarian_client.post(
        reverse("members:course_add", args=[person.pk]), {**course_data(), "scan": scan}
    )
    assert response.status_code == 302
    course = person.courses.get()
    assert (course.hours, course.end) == (72, datetime.date(2024, 2, 20))
    download = librarian_client.get(reverse("members:course_scan", args=[course.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_other_librarian_cannot_get_the_scan(client, librarian_user, other_librarian_user, media_root):
    course = Course.objects.create(
        person=person_of(librarian_user),
        title="К",
        hours=16,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 1, 2),
        scan=SimpleUploadedFile("a.pdf", PDF),
    )
    client.force_login(other_librarian_user)
    assert client.get(reverse("members:course_scan", args=[course.pk])).status_code == 404


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"end": "2024-01-01"}, "не могут закончиться раньше"),
        ({"hours": "-5"}, "больше либо равно 0"),
    ],
)
def test_bad_course_is_refused(librarian_client, librarian_user, overrides, message):
    person = person_of(librarian_user)
    response = librarian_client.post(
        reverse("members:course_add", args=[person.pk]), course_data(**overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Course.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "больше 10 МБ"),
        ("virus.exe", b"MZ\x90\x00", "только PDF, JPEG или PNG"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "не похож на PDF"),
    ],
)
def test_bad_upload_is_refused(librarian_client, librarian_user, media_root, name, content, message):
    person = person_of(librarian_user)
    response = librarian_client.post(
        reverse("members:course_add", args=[person.pk]),
        {**course_data(), "scan": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Course.objects.exists()
    assert not any(media_root.rglob("*")) if media_root.exists() else True


def test_librarian_cannot_touch_anothers_courses(librarian_client, other_librarian_user):
    other = person_of(other_librarian_user)
    course = Course.objects.create(
        person=other, title="К", hours=16, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 1, 2)
    )
    assert (
        librarian_client.post(reverse("members:course_add", args=[other.pk]), course_data()).status_code
        == 403
    )
    assert (
        librarian_client.post(reverse("members:course_edit", args=[course.pk]), course_data()).status_code
        == 403
    )
    assert librarian_client.post(reverse("members:course_delete", args=[course.pk])).status_code == 403
    course.refresh_from_db()
    assert course.title == "К"


def test_portfolio_entry_added_and_deleted(librarian_client, librarian_user):
    person = person_of(librarian_user)
    response = librarian_client.post(
        reverse("members:portfolio_add", args=[person.pk]),
        {
            "title": "Мастер-класс «Буктрейлер»",
            "kind": "master_class",
            "date": "2024-03-19",
            "level": "municipal",
            "result": "сертификат",
            "link": "https://example.ru/a",
        },
    )
    assert response.status_code == 302
    entry = PortfolioEntry.objects.get()
    assert (entry.get_kind_display(), entry.get_level_display()) == ("мастер-класс", "муниципальный")
    html = librarian_client.get(card(person)).content.decode()
    assert "Мастер-класс «Буктрейлер»" in html and "19 марта 2024 г." in html
    assert librarian_client.get(reverse("members:portfolio_delete", args=[entry.pk])).status_code == 405
    librarian_client.post(reverse("members:portfolio_delete", args=[entry.pk]))
    assert not PortfolioEntry.objects.exists()


def test_a_passed_attestation_is_overdue_on_the_card_the_home_page_and_the_overview(
    head_client, librarian_user
):
    """One rule (Person.attestation_state): past its date it reads «просрочена» everywhere, before it «меньше
    чем через полгода»."""
    person = person_of(librarian_user)
    person.attestation_due = timezone.localdate() - datetime.timedelta(days=1)
    person.save()
    pages = [card(person), reverse("home"), reverse("members:overview")]
    for url in pages:
        html = head_client.get(url).content.decode()
        assert 'data-attestation="overdue">просрочена</span>' in html, url
        assert "меньше чем через полгода" not in html, url
    person.attestation_due = timezone.localdate() + datetime.timedelta(days=30)
    person.save()
    for url in pages:
        html = head_client.get(url).content.decode()
        assert 'data-attestation="soon">меньше чем через полгода</span>' in html, url
        assert "просрочена" not in html, url


def test_a_courses_file_shows_its_own_name_and_links_to_the_checked_download(
    librarian_client, librarian_user, media_root
):
    person = person_of(librarian_user)
    course = Course.objects.create(
        person=person,
        title="К",
        hours=16,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 1, 2),
        scan=SimpleUploadedFile("удостоверение.pdf", PDF),
    )
    download = reverse("members:course_scan", args=[course.pk])
    for url in (reverse("members:course_edit", args=[course.pk]), card(person)):
        html = librarian_client.get(url).content.decode()
        assert f'<a href="{download}">удостоверение.pdf</a>' in html, url
        assert "/media/" not in html and "courses/20" not in html, url  # never the storage's place
