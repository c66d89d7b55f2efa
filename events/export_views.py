"""Downloads: the plan (whoever may read it) and the year's analysis (the association's accounts)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_safe

from events.access import get_plan_for_user
from reports.base import download_response, get_exporter

FORMATS = {"plan": ("pdf", "xlsx", "docx"), "analysis": ("pdf", "xlsx")}


def _exporter(kind, fmt, plan, **options):
    if fmt not in FORMATS[kind]:
        raise Http404
    return get_exporter(f"{kind}-{fmt}")(plan, **options)


@require_safe
def plan_download(request, slug, year, fmt):
    """The printed plan: a published plan for anyone, a draft for the association's accounts (404 otherwise);
    for anyone but the association's accounts, people are named only with their consent (events.access.shows_names)."""
    plan, rights = get_plan_for_user(request, slug, year)
    return download_response(_exporter("plan", fmt, plan, public=not rights.member))


@login_required
@require_safe
def analysis_download(request, slug, year, fmt):
    """The year's analysis: the association's head, librarians and committee only (404 for anyone else)."""
    plan, rights = get_plan_for_user(request, slug, year)
    if not rights.member:
        raise Http404
    return download_response(_exporter("analysis", fmt, plan))
