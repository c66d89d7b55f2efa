"""What a server error's log line says about the request: its method, path and the user's id — no names,
no query string, no form data (they may hold personal data)."""

import logging


class RequestContext(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        user = getattr(request, "user", None)
        record.method = getattr(request, "method", "-") or "-"
        record.path = getattr(request, "path", "-") or "-"
        record.user_id = getattr(user, "pk", None) or "-"
        return True
