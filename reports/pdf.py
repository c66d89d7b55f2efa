"""PDFs: an HTML print template plus the one shared print stylesheet, rendered by WeasyPrint.

The stylesheet is static/css/print.css (found through the staticfiles finders, so it
works without collectstatic); it asks for Times New Roman and falls back to its metric
twin Liberation Serif or to PT Serif — bin/setup installs one of them.
"""

import hashlib
import logging
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string

PRINT_STYLESHEET = "css/print.css"
# Bounds on a render, so that no document ties up a worker. WeasyPrint's time grows with the HTML's length,
# so a document over MAX_HTML_CHARS is refused before it starts; one paragraph costs the square of its length,
# so is a text run over MAX_TEXT_RUN (every text field is shorter). In a worker's main thread (gunicorn's sync
# workers) a render still going after RENDER_SECONDS is stopped. The figures behind the bounds are measured
# by bin/benchmark (docs/performance.md).
MAX_HTML_CHARS = 600_000
MAX_TEXT_RUN = 20_000
RENDER_SECONDS = 10
CACHE_SECONDS = 7 * 24 * 3600


class DocumentTooLarge(Exception):
    """A PDF refused because it would take too long to make; str() is the Russian sentence for the person."""


# WeasyPrint and fontTools log every font subset and unsupported CSS hint at INFO/WARNING.
for name in ("weasyprint", "fontTools"):
    logging.getLogger(name).setLevel(logging.ERROR)

_stylesheet_cache = {}


def print_stylesheet():
    """The parsed print stylesheet, parsed again only when the file changes."""
    import weasyprint

    path = Path(finders.find(PRINT_STYLESHEET))
    key = (path, path.stat().st_mtime_ns)
    if key not in _stylesheet_cache:
        _stylesheet_cache.clear()
        _stylesheet_cache[key] = weasyprint.CSS(filename=str(path))
    return _stylesheet_cache[key]


TOO_LARGE = (
    "Документ слишком большой, чтобы собрать его в PDF: в нём очень длинные тексты или очень много строк. "
    "Сократите самые длинные тексты или скачайте таблицу в XLSX, где она есть."
)


def render_pdf(template_name, context, cached=False):
    """The template rendered to HTML, then to PDF bytes; DocumentTooLarge past the bounds above.

    `cached`: a file anyone may ask for (a published plan for a visitor) is kept, under the hash of its HTML,
    in the site's cache: a visitor asking for it again and again makes WeasyPrint work once per version of it.
    """
    import weasyprint

    html = render_to_string(template_name, context)
    if len(html) > MAX_HTML_CHARS or max(map(len, html.split("<"))) > MAX_TEXT_RUN:
        raise DocumentTooLarge(TOO_LARGE)
    key = f"pdf:{hashlib.sha256(html.encode()).hexdigest()}:{print_stylesheet_version()}" if cached else None
    if key and (pdf := cache.get(key)) is not None:
        return pdf
    with deadline(RENDER_SECONDS):
        pdf = weasyprint.HTML(
            string=html, base_url=str(Path(finders.find(PRINT_STYLESHEET)).parent)
        ).write_pdf(stylesheets=[print_stylesheet()])
    if key:
        cache.set(key, pdf, timeout=CACHE_SECONDS)
    return pdf


def print_stylesheet_version():
    return Path(finders.find(PRINT_STYLESHEET)).stat().st_mtime_ns


class _Expired(BaseException):
    """The render's time is up. Not an Exception, so that no «except Exception» inside WeasyPrint or fontTools
    can swallow it; turned into DocumentTooLarge where the deadline was set."""


@contextmanager
def deadline(seconds):
    """DocumentTooLarge if the block runs longer than `seconds` — in the main thread only (a signal timer, which
    fires again every second in case one is lost); elsewhere (the development server's threads) the size bound
    alone holds."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    running = [True]

    def expired(signum, frame):
        # Not inside a finaliser: there it would be «ignored» and WeasyPrint's clean-up abandoned (a leak per
        # stopped render); the timer comes again in a second.
        if running[0] and not _in_finaliser(frame):
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1)
    try:
        yield
        running[0] = False
    except _Expired:
        raise DocumentTooLarge(TOO_LARGE) from None
    finally:
        running[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_finaliser(frame, depth=40):
    while frame is not None and depth:
        if frame.f_code.co_name == "__del__":
            return True
        frame, depth = frame.f_back, depth - 1
    return False
