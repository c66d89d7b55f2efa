"""What a server error's log line says about the request: its method, path and the user's id — no names,
no query string, no form data (they may hold personal data), no secret in the path (a calendar address)."""

import logging
import re

SECRET_IN_PATH = re.compile(r"(/plans/calendar/)[^/]+(\.ics)")


class RequestContext(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        record.method = getattr(request, "method", "-") or "-"
        record.path = SECRET_IN_PATH.sub(r"\1…\2", getattr(request, "path", "-") or "-")
        record.user_id = _user_id(request)
        return True


def _user_id(request):
    """The user's id, or «-»: nothing that goes wrong here — the database may be what failed — may stop the
    error's own record from being written."""
    try:
        return getattr(getattr(request, "user", None), "pk", None) or "-"
    except Exception:  # noqa: BLE001 — logging an error must not raise another
        return "-"
