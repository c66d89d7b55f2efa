from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from audit.history import changes
from members.access import require_head, require_member
from members.uploads import file_response
from reports.base import download_response, get_exporter
from rounds import queries
from rounds.access import get_report_for_user, get_round_for_user, may_make_needs
from rounds.forms import FsemForm, InspectionForm, ProvisionLineFormSet, RoundForm
from rounds.models import FsemAnswer, InspectionAnswer, Kind
from rounds.services import enrollment, needs_from_provision, open_round, prefill, remind_late, save_report
from rounds.summary import summarize


@login_required
def round_list(request):
    """The head and the committee: every round with its progress. A librarian: the reports their school owes and has sent."""
    account = require_member(request)
    school = account.school
    if account.is_librarian:
        reports = queries.school_reports(school)
        return render(
            request,
            "rounds/my_reports.html",
            {"reports": reports, "school": school, "today": timezone.localdate()},
        )
    rounds = queries.rounds_with_progress(account.association)
    return render(request, "rounds/round_list.html", {"rounds": rounds, "today": timezone.localdate()})


@login_required
def round_create(request):
    account = require_head(request)
    form = RoundForm(request.POST or None, association=account.association)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        round_ = open_round(
            account.association,
            request.user,
            data["kind"],
            data["title"],
            data["year_start"],
            data["deadline"],
            data["schools"],
        )
        messages.success(
            request,
            ngettext(
                "Сбор открыт: отчёт ждём от %(count)d школы.",
                "Сбор открыт: отчёт ждём от %(count)d школ.",
                len(data["schools"]),
            )
            % {"count": len(data["schools"])},
        )
        return redirect(round_)
    return render(request, "rounds/round_form.html", {"form": form})


@login_required
def round_detail(request, pk):
    round_, rights = get_round_for_user(request, pk)
    return render(
        request,
        "rounds/round_detail.html",
        {"round": round_, "summary": summarize(round_), "is_head": rights.manage},
    )


@login_required
@require_POST
def round_remind(request, pk):
    require_head(request)
    round_, _rights = get_round_for_user(request, pk)
    sent = remind_late(round_, request)
    if sent:
        messages.success(
            request,
            ngettext(
                "Напоминание отправлено %(count)d школе.", "Напоминание отправлено %(count)d школам.", sent
            )
            % {"count": sent},
        )
    else:
        messages.info(
            request, _("Напоминать некому: опоздавших нет или у их библиотекарей не указана почта.")
        )
    return redirect(round_)


@login_required
@transaction.atomic
def report_detail(request, pk):
    """A school's report: its form while it is a draft, its answers once it is submitted."""
    account = require_member(request)
    report, rights = get_report_for_user(request, pk, edit=request.method == "POST")
    report.late = report.is_late()
    editable = rights.edit
    form = _report_form(report, request if request.method == "POST" else None) if editable else None
    if request.method == "POST" and form.is_valid():
        save_report(report, form, submit_by=request.user if request.POST.get("action") == "submit" else None)
        if report.is_submitted:
            messages.success(
                request,
                _("Отчёт сдан. Изменить его теперь может только руководитель, вернув его на доработку."),
            )
        else:
            messages.success(request, _("Черновик сохранён. Не забудьте сдать отчёт до срока."))
        return redirect(report)
    context = {
        "report": report,
        "round": report.round,
        "form": form,
        "is_head": rights.manage,
        "can_make_needs": may_make_needs(account),
        "history": _report_history(report) if rights.manage else [],
        "prefilled": editable and not report.started and report.previous() is not None,
    }
    return render(request, "rounds/report_detail.html", context)


def _report_form(report, request):
    data, files = (request.POST, request.FILES) if request else (None, None)
    kind = report.round.kind
    initial = prefill(report)
    if kind == Kind.PROVISION:
        formset = ProvisionLineFormSet(
            data,
            instance=report,
            prefix="lines",
            form_kwargs={"enrollment": enrollment(report)},
            initial=initial if data is None else None,
        )
        if initial and data is None:
            formset.extra = len(initial) + 1
        return formset
    if kind == Kind.FSEM:
        return FsemForm(
            data, files, instance=getattr(report, "fsem", None) or FsemAnswer(report=report), initial=initial
        )
    return InspectionForm(
        data, instance=getattr(report, "inspection", None) or InspectionAnswer(report=report), initial=initial
    )


def _report_history(report):
    """The report's status changes and its answer's changes, newest first."""
    entries = changes(report)
    answer = getattr(report, "fsem", None) or getattr(report, "inspection", None)
    if answer is not None:
        entries += changes(answer)
    return sorted(entries, key=lambda change: change.when, reverse=True)


@login_required
@require_POST
def report_reopen(request, pk):
    report, rights = get_report_for_user(
        request, pk
    )  # another school's report is not there for a librarian (404)
    if not rights.manage:
        raise PermissionDenied
    report.reopen()
    messages.success(
        request,
        _("Отчёт %(school)s возвращён на доработку: школа снова может его изменить.")
        % {"school": report.school.short_name},
    )
    return redirect(report.round)


@login_required
@require_safe
def round_download(request, pk, fmt):
    """The summary and all schools' answers: the head and the committee, like the round's page."""
    round_, _rights = get_round_for_user(request, pk)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    return download_response(get_exporter(f"round-{fmt}")(round_))


@login_required
@require_POST
def report_to_needs(request, pk):
    """One action: the provision report's missing copies become the school's needs in the textbook bank."""
    account = require_member(request)
    report, _rights = get_report_for_user(request, pk)
    if not may_make_needs(account) or report.round.kind != Kind.PROVISION:
        raise PermissionDenied
    created = needs_from_provision(report)
    if created:
        messages.success(
            request,
            ngettext(
                "В обменный фонд внесена %(count)d потребность.",
                "В обменный фонд внесено %(count)d потребностей.",
                len(created),
            )
            % {"count": len(created)},
        )
    else:
        messages.info(request, _("Новых потребностей нет: всего хватает или они уже внесены."))
    return redirect(report)


@login_required
@require_safe
def fsem_scan(request, pk):
    """The scan of a school's ФСЭМ act: for whoever may read the report (the school, the head, the committee)."""
    report, _rights = get_report_for_user(request, pk)
    answer = getattr(report, "fsem", None)
    if answer is None:
        raise Http404
    return file_response(answer.act_scan)
