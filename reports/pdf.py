"""PDFs: an HTML print template plus the one shared print stylesheet, rendered by WeasyPrint.

The stylesheet is static/css/print.css (found through the staticfiles finders, so it
works without collectstatic); it asks for Times New Roman and falls back to its metric
twin Liberation Serif or to PT Serif — bin/setup installs one of them.
"""

import logging
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

PRINT_STYLESHEET = "css/print.css"

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


def render_pdf(template_name, context):
    """The template rendered to HTML, then to PDF bytes."""
    import weasyprint

    html = render_to_string(template_name, context)
    return weasyprint.HTML(string=html, base_url=str(Path(finders.find(PRINT_STYLESHEET)).parent)).write_pdf(
        stylesheets=[print_stylesheet()]
    )
