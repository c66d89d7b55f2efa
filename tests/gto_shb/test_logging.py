"""A server error leaves its traceback on stderr (which gunicorn collects), with the request's method, path and
user id — and nothing personal: not the login, not the query string."""

import io
import logging

import pytest
from django.test import Client

from gto_shb.logging import RequestContext

pytestmark = pytest.mark.django_db


def test_a_server_error_is_logged_with_path_user_and_traceback(settings, librarian_user):
    settings.ROOT_URLCONF = "tests.gto_shb.failing_urls"
    settings.DEBUG = False
    assert settings.LOGGING["handlers"]["stderr"]["stream"] == "ext://sys.stderr"
    handler = next(
        h for h in logging.getLogger("django.request").handlers if isinstance(h, logging.StreamHandler)
    )
    client = Client(raise_request_exception=False)
    client.force_login(librarian_user)
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        response = client.get("/broken/7/?q=Куклина")
    finally:
        handler.setStream(previous)
    assert response.status_code == 500
    err = captured.getvalue()
    assert "Traceback (most recent call last)" in err and "RuntimeError: a bug in a view" in err
    assert f"[GET /broken/7/ user={librarian_user.pk}]" in err
    assert "librarian" not in err and "Куклина" not in err


def test_the_filter_copes_with_records_without_a_request():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "message", None, None)
    assert RequestContext().filter(record) and (record.method, record.path, record.user_id) == ("-", "-", "-")


def test_a_calendar_address_is_not_written_into_the_log(rf):
    import logging

    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "message", None, None)
    record.request = rf.get("/plans/calendar/secret-token-of-someone.ics")
    RequestContext().filter(record)
    assert record.path == "/plans/calendar/….ics"


def test_a_user_that_cannot_be_read_does_not_stop_the_record():
    import logging

    class Broken:
        method, path = "GET", "/x/"

        @property
        def user(self):
            raise RuntimeError("the database is down")

    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "message", None, None)
    record.request = Broken()
    assert RequestContext().filter(record) and record.user_id == "-"
