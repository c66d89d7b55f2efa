"""Every text has a length a person would really write, refused beyond it by the form and by the model; and no
PDF can tie up a worker: a document too large is refused with a Russian page before WeasyPrint starts, and a
render running too long is stopped (reports.pdf)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.models import Event, Plan
from members.models import Person
from reports import pdf
from reports.pdf import DocumentTooLarge, deadline
from tests.conftest import versioned
from textbooks.models import Offer

pytestmark = pytest.mark.django_db

HUGE = "Очень длинный текст " * 10_000  # 200,000 characters


@pytest.mark.parametrize("model, field, limit", [
    (Event, "title", 2000), (Plan, "tasks", 10000), (Plan, "goal", 2000), (Plan, "city_theme", 1000),
    (Person, "self_education_theme", 500), (Offer, "note", 1000),
])  # fmt: skip
def test_the_model_refuses_a_text_over_its_length(model, field, limit):
    model_field = model._meta.get_field(field)
    assert model_field.max_length == limit
    model_field.clean("я" * limit, None)
    with pytest.raises(ValidationError, match=f"не более {limit} символов"):
        model_field.clean("я" * (limit + 1), None)


def test_the_event_form_refuses_a_200000_character_title_and_keeps_nothing(head_client, plan):
    section = plan.sections.first()
    response = head_client.post(
        reverse("events:event_add", args=[section.pk]),
        {
            "section": section.pk,
            "title": HUGE,
            "dates_text": "Май 2024",
            "status": "planned",
            "outcome": "",
            "responsible": [""],
        },
    )
    assert response.status_code == 200 and "не более 2000 символов" in response.content.decode()
    assert (
        'maxlength="2000"' in head_client.get(reverse("events:event_add", args=[section.pk])).content.decode()
    )
    assert not Event.objects.filter(title=HUGE).exists()


def test_the_header_form_refuses_endless_tasks(head_client, plan):
    url = reverse("events:plan_edit", args=[plan.association.slug, plan.year_name])
    response = head_client.post(url, versioned(plan, {"tasks": HUGE, "head_post": "Руководитель ГТО ШБ"}))
    assert response.status_code == 200 and "не более 10000 символов" in response.content.decode()
    plan.refresh_from_db()
    assert plan.tasks != HUGE


def test_the_card_form_refuses_an_endless_theme(librarian_client, librarian_user):
    from tests.members.test_views_person import person_data

    person = librarian_user.account.person
    response = librarian_client.post(
        reverse("members:person_edit", args=[person.pk]),
        versioned(person, person_data(person, self_education_theme=HUGE)),
    )
    assert response.status_code == 200 and "не более 500 символов" in response.content.decode()


def test_a_plan_file_with_an_endless_event_title_is_kept_whole_and_an_endless_cell_refused(
    tmp_path, association
):
    from events.plan_import import PlanImportError, parse_plan_text

    def plan(title):
        return (
            "Задачи:\t1. Одна\nСодержание работы\n№/п\tМероприятие\tСроки\tОтветственный\nI. Раздел\n1.\t"
            + title
            + "\tМай 2024\tСаблина В.И.\n"
        )

    draft = parse_plan_text(plan("Семинар " * 300))
    (event,) = draft.sections[0].events
    assert len(event.title) == 2000 and event.extra["Мероприятие (полностью)"] == ("Семинар " * 300).strip()
    assert (
        "Строка 5",
        "название мероприятия длиннее 2000 знаков: сохранено начало, полностью — в дополнительных сведениях.",
    ) in [(warning.where, warning.message) for warning in draft.warnings]
    with pytest.raises(PlanImportError, match="Строка 5: в ячейке больше 20\u00a0000 знаков"):
        parse_plan_text(plan(HUGE))


def test_an_over_long_card_already_in_the_database_is_refused_as_a_pdf_fast(head_client, head_user):
    """What an older version let in (480 KB in the theme took 287 s): refused before WeasyPrint starts."""
    person = head_user.account.person
    Person.objects.filter(pk=person.pk).update(self_education_theme="тема " * 100_000)
    started = datetime.datetime.now()
    response = head_client.get(reverse("members:person_card", args=[person.pk]))
    assert (datetime.datetime.now() - started).total_seconds() < 2
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert "Документ слишком большой, чтобы собрать его в PDF" in response.content.decode()


def test_the_limit_leaves_room_for_a_plan_of_500_events(head_client, plan):
    """The largest real plan is far smaller; 500 events with ordinary titles stay under the bound."""
    section = plan.sections.first()
    Event.objects.bulk_create(
        Event(section=section, position=n, title=f"Мероприятие номер {n}: семинар для школьных библиотекарей города", dates_text="Май 2024")
        for n in range(10, 510)
    )  # fmt: skip
    from django.template.loader import render_to_string

    from events.exports.plan import PlanPdf

    html = render_to_string(PlanPdf.template_name, {"title": "План", **PlanPdf(plan).get_context()})
    assert len(html) < pdf.MAX_HTML_CHARS / 2


def test_a_render_running_past_its_time_is_stopped():
    """The deadline interrupts whatever runs in the main thread (a CPU-bound loop here, WeasyPrint in a worker),
    also code that swallows every Exception."""
    import threading
    import time

    assert threading.current_thread() is threading.main_thread()  # (elsewhere the deadline does nothing)
    started = time.monotonic()
    with pytest.raises(DocumentTooLarge):
        with deadline(0.2):
            while time.monotonic() - started < 5:
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001, S112 — as a library might
                    continue
    assert time.monotonic() - started < 2


def test_a_published_plan_for_visitors_is_made_once_per_version(client, published_plan, monkeypatch):
    """A visitor asking for the same PDF again and again does not make WeasyPrint work again (the site's cache,
    keyed by the document's content); a change to the plan makes a new one."""
    import weasyprint

    renders = []
    original = weasyprint.HTML.write_pdf
    monkeypatch.setattr(
        weasyprint.HTML, "write_pdf", lambda self, *a, **k: renders.append(1) or original(self, *a, **k)
    )
    url = reverse("reports:plan", args=[published_plan.association.slug, published_plan.year_name, "pdf"])
    first = client.get(url).content
    assert client.get(url).content == first and len(renders) == 1
    Event.objects.filter(section__plan=published_plan).update(title="Другое название")
    assert client.get(url).content != first and len(renders) == 2


def test_the_command_line_says_it_too(tmp_path, plan, monkeypatch):
    from io import StringIO

    from django.core.management import CommandError, call_command

    monkeypatch.setattr(pdf, "MAX_HTML_CHARS", 1000)
    with pytest.raises(CommandError, match="Документ слишком большой"):
        call_command(
            "export_plan",
            plan.year_name,
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "plan.pdf"),
            "--association",
            plan.association.slug,
            stdout=StringIO(),
        )
    assert not (tmp_path / "plan.pdf").exists()


def test_an_event_names_at_most_twenty_responsible_people(head_client, plan):
    """One event form once created 990 people of the data bank."""
    section = plan.sections.first()
    names = [f"Иванова{chr(0x430 + n % 32)}{n} А.А." for n in range(30)]
    response = head_client.post(
        reverse("events:event_add", args=[section.pk]),
        {
            "section": section.pk,
            "title": "Семинар",
            "dates_text": "Май 2024",
            "status": "planned",
            "outcome": "",
            "responsible": names,
        },
    )
    assert response.status_code == 200 and "Ответственных не больше 20" in response.content.decode()
    assert not Person.objects.filter(surname__startswith="Иванова").exists()


@pytest.mark.parametrize("surname", ["Куклина\rATTENDEE:x", "Кук\u2028лина", "Куклина\x07"])
def test_a_name_is_one_line(librarian_client, librarian_user, surname):
    from tests.members.test_views_person import person_data

    person = librarian_user.account.person
    response = librarian_client.post(
        reverse("members:person_edit", args=[person.pk]),
        versioned(person, person_data(person, surname=surname)),
    )
    assert response.status_code == 200 and "Уберите переносы строк" in response.content.decode()
    person.refresh_from_db()
    assert person.surname == "Куклина"


def test_a_card_holds_a_real_number_of_courses(librarian_client, librarian_user):
    """550 courses made a card's PDF take 5 s and «Мои данные» time out: a card takes at most 100."""
    from members.models import Course

    person = librarian_user.account.person
    Course.objects.bulk_create(
        Course(
            person=person,
            title=f"Курсы {n}",
            hours=16,
            start=datetime.date(2024, 1, 1),
            end=datetime.date(2024, 1, 2),
        )
        for n in range(Course.MOST_PER_PERSON)
    )
    response = librarian_client.post(
        reverse("members:course_add", args=[person.pk]),
        {
            "title": "Ещё одни",
            "provider": "",
            "hours": "16",
            "start": "2024-02-01",
            "end": "2024-02-02",
            "certificate_number": "",
        },
    )
    assert response.status_code == 400 and "уже 100 курсов" in response.content.decode()
    assert Course.objects.filter(person=person).count() == Course.MOST_PER_PERSON


def test_the_deadline_never_interrupts_a_finaliser():
    """An expiry landing in a __del__ would be «ignored» there and its clean-up abandoned (a leak per stopped
    render): it waits for the next tick instead."""
    import time

    cleaned = []

    class Resource:
        def __del__(self):
            until = time.monotonic() + 0.5
            while time.monotonic() < until:  # a slow clean-up that the timer fires into
                pass
            cleaned.append(True)

    started = time.monotonic()
    with pytest.raises(DocumentTooLarge):
        with deadline(0.1):
            resource = Resource()
            del resource  # its finaliser runs past the deadline
            while time.monotonic() - started < 5:
                pass
    assert cleaned == [True]
