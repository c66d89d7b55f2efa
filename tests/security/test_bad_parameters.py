"""A bad parameter is a 404 or a Russian 400, never a server error; the error pages themselves are Russian."""

import pytest
from django.test import Client
from django.urls import reverse

from audit.history import restore
from events.models import Event, Section
from members.access import COORDINATED_KEY
from rounds.models import Round
from tests.security.test_permission_matrix import MATRIX, world  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db

ENGLISH = ["Not Found", "Server Error", "Bad Request", "Forbidden", "The requested resource"]


def test_a_calendar_address_with_a_nul_is_not_found(client):
    assert client.get("/plans/calendar/%00.ics").status_code == 404
    assert client.get("/plans/calendar/" + "a" * 500 + ".ics").status_code == 404


@pytest.mark.parametrize("year", ["-1", "99999999999999999999", "abc", "1899", "2101", "２０２４", "%00"])
def test_the_regions_year_out_of_range_is_not_found(client, coordinator_user, year):
    client.force_login(coordinator_user)
    for url in (
        reverse("region:region"),
        reverse("region:download", args=["xlsx"]),
        reverse("region:download", args=["pdf"]),
    ):
        assert client.get(f"{url}?year={year}").status_code == 404


def test_the_regions_year_in_range_still_works(client, coordinator_user):
    client.force_login(coordinator_user)
    assert client.get(reverse("region:region") + "?year=2023").status_code == 200


def test_restoring_an_event_whose_section_is_gone_says_so(head_client, plan):
    section = plan.sections.get(position=2)
    event = section.events.get()
    event_pk, section_pk = event.pk, section.pk
    event.delete_and_renumber()
    section.delete_and_renumber()
    record = Event.history.get(id=event_pk, history_type="-")
    response = head_client.post(
        reverse("audit:restore", args=["events.event", record.history_id]), follow=True
    )
    assert response.status_code == 200
    assert (
        "тоже удалено. Сначала восстановите его" in response.content.decode()
        and "Социальное партнерство" in response.content.decode()
    )
    assert not Event.objects.filter(pk=event_pk).exists()
    # restored in order — the section, then the event — both come back
    restore(Section, Section.history.get(id=section_pk, history_type="-"))
    restore(Event, record)
    assert Event.objects.get(pk=event_pk).section_id == section_pk


def test_error_pages_speak_russian(client, settings):
    settings.DEBUG = False
    html = client.get("/no-such-page/").content.decode()
    assert "Страница не найдена" in html and not any(word in html for word in ENGLISH)
    csrf = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x", "password": "y"})
    assert csrf.status_code == 403 and "Форма устарела" in csrf.content.decode()
    assert not any(word in csrf.content.decode() for word in ENGLISH)


def test_the_server_error_page_speaks_russian(settings):
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Ошибка на сайте" in html and not any(word in html for word in ENGLISH)


# Every page, with what a careless or hostile hand puts in its query string.
KEYS = [
    "year",
    "month",
    "page",
    "q",
    "school",
    "textbook",
    "subject",
    "grade",
    "where",
    "association",
    "next",
    "status",
    "fpu",
]
NASTY_VALUES = ["\x00", "-1", "9" * 400, "' OR 1=1 --<script>", "2023-13"]


@pytest.mark.parametrize("role", ["visitor", "head", "coordinator"])
def test_no_page_breaks_on_nasty_query_strings(world, role):  # noqa: F811
    targets, users, association = world
    client = Client(raise_request_exception=False)
    if users[role]:
        client.force_login(users[role])
    if role == "coordinator":
        session = client.session
        session[COORDINATED_KEY] = association.pk
        session.save()
    broken = []
    for name, (method, target, _expected) in MATRIX.items():
        if method != "get":
            continue
        url = reverse(name, args=targets[target] if target else [])
        for value in NASTY_VALUES:
            response = client.get(url, {key: value for key in KEYS})
            if response.status_code >= 500:
                broken.append(f"{name} {value[:20]!r}: {response.status_code}")
    assert not broken, "\n".join(broken)


def test_dates_in_forms_out_of_range_are_form_errors(head_client, plan):
    response = head_client.post(
        reverse("rounds:round_create"),
        {
            "kind": "fsem",
            "title": "Сверка",
            "year_start": "32767",
            "deadline": "9999-12-31",
            "schools": [],
        },
    )
    assert (
        response.status_code == 200
        and "Убедитесь, что это значение меньше либо равно 2100" in response.content.decode()
    )
    assert not Round.objects.exists()


def test_a_request_for_another_host_name_is_a_quiet_russian_400(settings):
    """Scanners ask for other host names all day: a 400 in Russian (the error page once failed on it: a 500), and no
    traceback in the server's log."""
    import io
    import logging

    settings.DEBUG = False
    handler = next(
        h for h in logging.getLogger("django.request").handlers if isinstance(h, logging.StreamHandler)
    )
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    finally:
        handler.setStream(previous)
    html = response.content.decode()
    assert (
        response.status_code == 400
        and "Неверный запрос" in html
        and not any(word in html for word in ENGLISH)
    )
    assert captured.getvalue() == ""
