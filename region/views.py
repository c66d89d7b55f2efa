from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from core.years import academic_year_of, year_start_from_param
from members.access import COORDINATED_KEY, get_account
from members.models import Association
from region.summary import regional_summary
from reports.base import download_response, get_exporter


def require_coordinator(request):
    account = get_account(request)
    if account is None or not account.is_coordinator:
        raise PermissionDenied
    return account


def _year(request):
    """?year=2024; this academic year without it; 404 for anything else."""
    try:
        return year_start_from_param(request.GET.get("year"), academic_year_of(timezone.localdate()))
    except ValueError:
        raise Http404 from None


@login_required
@require_safe
def region(request):
    """The coordinator's page: every association side by side, and which one to look into."""
    account = require_coordinator(request)
    year = _year(request)
    context = {"rows": regional_summary(year), "year": year, "current": account.association}
    return render(request, "region/region.html", context)


@login_required
@require_POST
def choose(request, pk):
    """Look into one association: its plans, people, bank and reports, read-only."""
    require_coordinator(request)
    association = get_object_or_404(Association, pk=pk)
    request.session[COORDINATED_KEY] = association.pk
    return redirect("home")


@login_required
@require_safe
def region_download(request, fmt):
    require_coordinator(request)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    return download_response(get_exporter(f"region-{fmt}")(_year(request)))
