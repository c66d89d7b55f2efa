"""History of changes shown to the head, deleted things restored, and two people editing one record."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event, Section
from members.models import Person

pytestmark = pytest.mark.django_db


def event_data(event, **overrides):
    data = {
        "section": event.section_id,
        "title": event.title,
        "dates_text": event.dates_text,
        "status": event.status,
        "outcome": event.outcome,
        "responsible": event.responsible_names(),
    }
    data.update(overrides)
    return data


def version_in(response):
    return response.context["form"]["version"].value()


def test_event_history_shows_who_changed_what(head_client, plan):
    event = Event.objects.get(title="Круглый стол")
    url = reverse("events:event_edit", args=[event.pk])
    version = version_in(head_client.get(url))
    head_client.post(url, {**event_data(event, dates_text="26 октября 2023 г."), "version": version})
    html = head_client.get(url).content.decode()
    assert "История изменений" in html
    assert "Сроки проведения: «25 октября 2023 г.» → «26 октября 2023 г.»" in html
    assert "Саблина В.И." in html


@pytest.mark.parametrize("version", [None, "", "abc"])
def test_a_form_without_its_version_is_stale(head_client, plan, version):
    """A form posted without the version it was opened on cannot prove it overwrites nothing: refused, kept as typed."""
    event = Event.objects.get(title="Круглый стол")
    url = reverse("events:event_edit", args=[event.pk])
    data = event_data(event, title="Переписано вслепую")
    if version is not None:
        data["version"] = version
    response = head_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200 and (
        "без отметки о том, какую версию" in html or "Введите целое число" in html
    )
    assert "Переписано вслепую" in html
    event.refresh_from_db()
    assert event.title == "Круглый стол"
    if version is None:  # the refused form now carries the version: saving again is a deliberate choice
        assert head_client.post(url, {**data, "version": version_in(response)}).status_code == 302
        event.refresh_from_db()
        assert event.title == "Переписано вслепую"


def test_second_save_is_refused_with_what_changed(plan, head_user, viewer_user):
    event = Event.objects.get(title="Круглый стол")
    url = reverse("events:event_edit", args=[event.pk])
    first, second = Client(), Client()
    first.force_login(head_user)
    second.force_login(head_user)
    loaded_first = version_in(first.get(url))
    loaded_second = version_in(second.get(url))

    assert (
        first.post(
            url, {**event_data(event, dates_text="Ноябрь 2023 г."), "version": loaded_first}
        ).status_code
        == 302
    )
    response = second.post(
        url, {**event_data(event, title="Круглый стол для библиотекарей"), "version": loaded_second}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Пока вы редактировали, запись изменили" in html
    assert "Сроки проведения: «25 октября 2023 г.» → «Ноябрь 2023 г.»" in html
    assert "Круглый стол для библиотекарей</textarea>" in html, html[
        html.find("id_title") : html.find("id_title") + 300
    ]  # what the second person typed is kept
    event.refresh_from_db()
    assert (event.title, event.dates_text) == ("Круглый стол", "Ноябрь 2023 г.")

    # Having seen the change, saving again is a deliberate choice: it goes through.
    again = second.post(
        url, {**event_data(event, title="Круглый стол для библиотекарей"), "version": version_in(response)}
    )
    assert again.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.dates_text) == ("Круглый стол для библиотекарей", "Ноябрь 2023 г.")


def test_concurrent_edit_of_a_librarians_record(librarian_user, head_user):
    person = librarian_user.account.person
    url = reverse("members:person_edit", args=[person.pk])
    mine, heads = Client(), Client()
    mine.force_login(librarian_user)
    heads.force_login(head_user)
    data = {
        "surname": "Куклина",
        "initials": "Н.Н.",
        "first_name": "",
        "patronymic": "",
        "position": "",
        "rate": "",
        "education_level": "",
        "education_institution": "",
        "education_year": "",
        "education_specialty": "",
        "experience_total": "",
        "experience_library": "",
        "experience_as_of": "",
        "category": "",
        "attestation_date": "",
        "attestation_due": "",
        "phone": "",
        "email": "",
    }
    v1, v2 = version_in(mine.get(url)), version_in(heads.get(url))
    assert (
        heads.post(
            url, {**data, "self_education_theme": "Тема от руководителя", "is_active": "on", "version": v2}
        ).status_code
        == 302
    )
    response = mine.post(url, {**data, "self_education_theme": "Моя тема", "version": v1})
    assert "Тема самообразования: «—» → «Тема от руководителя»" in response.content.decode()
    person.refresh_from_db()
    assert person.self_education_theme == "Тема от руководителя"


def test_head_restores_a_deleted_section_with_its_events(head_client, plan):
    section = plan.sections.get(position=1)
    head_client.post(reverse("events:section_delete", args=[section.pk]))
    assert [s.title for s in plan.sections.all()] == ["Социальное партнерство"]

    page = head_client.get(reverse("audit:deleted"))
    rows = page.context["rows"]
    section_row = next(row for row in rows if row["label"] == "events.section")
    assert section_row["who"] == "Саблина В.И."
    head_client.post(reverse("audit:restore", args=[section_row["label"], section_row["record"].history_id]))

    assert [(s.numeral, s.title) for s in plan.sections.all()] == [
        ("I", "Организационная деятельность"),
        ("II", "Социальное партнерство"),
    ]
    numbered = [
        (e.number, e.title, e.responsible_names())
        for s in plan.numbered_sections()
        for e in s.numbered_events
    ]
    assert numbered == [
        (1, "Утверждение плана работы", ["Саблина В.И."]),
        (2, "Конкурс юных поэтов", ["Саблина В.И."]),
        (3, "Круглый стол", ["Саблина В.И."]),
    ]


def test_deleted_event_comes_back_in_its_place(head_client, plan):
    event = Event.objects.get(title="Утверждение плана работы")
    head_client.post(reverse("events:event_delete", args=[event.pk]))
    row = next(
        r for r in head_client.get(reverse("audit:deleted")).context["rows"] if r["label"] == "events.event"
    )
    head_client.post(reverse("audit:restore", args=[row["label"], row["record"].history_id]))
    assert [e.title for s in plan.numbered_sections() for e in s.numbered_events][:2] == [
        "Утверждение плана работы",
        "Конкурс юных поэтов",
    ]
    assert not any(
        r["label"] == "events.event" for r in head_client.get(reverse("audit:deleted")).context["rows"]
    )


def test_other_association_head_cannot_see_or_restore(client, other_head_user, head_client, plan):
    section = plan.sections.get(position=2)
    head_client.post(reverse("events:section_delete", args=[section.pk]))
    record = Section.history.get(id=section.pk, history_type="-")
    client.force_login(other_head_user)
    assert client.get(reverse("audit:deleted")).context["rows"] == []
    assert (
        client.post(reverse("audit:restore", args=["events.section", record.history_id])).status_code == 404
    )
    assert not Section.objects.filter(pk=section.pk).exists()


def test_person_history_only_for_the_head(head_client, client, librarian_user, other_librarian_user):
    person = librarian_user.account.person
    person.self_education_theme = "Медиаграмотность"
    person.save()
    assert (
        "История изменений" in head_client.get(reverse("members:person", args=[person.pk])).content.decode()
    )
    client.force_login(other_librarian_user)
    assert "История изменений" not in client.get(reverse("members:person", args=[person.pk])).content.decode()
    assert Person.history.filter(id=person.pk).count() == 2


def test_offer_edited_by_two_librarians_of_the_school(head_user, librarian_user, school):
    from textbooks.models import Offer

    offer = Offer.objects.create(
        school=school,
        title="Физика. 7 класс",
        authors="Пёрышкин А.В.",
        subject="Физика",
        grade_from=7,
        grade_to=7,
        copies=8,
        available=8,
    )
    url = reverse("textbooks:offer_edit", args=[offer.pk])
    mine, heads = Client(), Client()
    mine.force_login(librarian_user)
    heads.force_login(head_user)
    v_mine, v_head = version_in(mine.get(url)), version_in(heads.get(url))
    data = {
        "fpu_number": "",
        "title": offer.title,
        "authors": offer.authors,
        "publisher": "",
        "subject": "Физика",
        "grades": "7",
        "year_published": "",
        "condition": "good",
        "note": "",
    }
    assert heads.post(url, {**data, "copies": "10", "version": v_head}).status_code == 302
    response = mine.post(url, {**data, "copies": "5", "version": v_mine})
    html = response.content.decode()
    assert response.status_code == 200 and "Пока вы редактировали" in html and "«8» → «10»" in html
    offer.refresh_from_db()
    assert offer.copies == 10
    page = heads.get(reverse("textbooks:offer", args=[offer.pk])).content.decode()
    assert "История изменений" in page
