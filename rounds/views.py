from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from audit.history import changes
from core.formats import before_period, format_date
from members.access import require_head, require_member
from members.uploads import file_response
from reports.base import download_response, get_exporter
from rounds import queries
from rounds.access import (
    get_provision_form_for_user,
    get_report_for_user,
    get_round_for_user,
    may_make_needs,
)
from rounds.forms import (
    FsemForm,
    InspectionForm,
    ProvisionInputForm,
    ProvisionLineFormSet,
    ReopenReportForm,
    RoundEditForm,
    RoundForm,
    checked_rows,
)
from rounds.models import FsemAnswer, InspectionAnswer, Kind
from rounds.provision_input import ProvisionInputError, form_rows, pasted_rows
from rounds.services import (
    change_round,
    close_round,
    enrollment,
    line_key,
    needs_from_provision,
    open_round,
    prefill,
    remind_late,
    reopen_report,
    reopen_round,
    save_report,
)
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
def round_edit(request, pk):
    """The head renames the round or moves its deadline (earlier or later, not into the past)."""
    round_, _rights = get_round_for_user(request, pk, edit=True)
    form = RoundEditForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        round_ = change_round(form)
        messages.success(
            request,
            _("Сбор сохранён. Срок сдачи — %(deadline)s.")
            % {"deadline": before_period(format_date(round_.deadline))},
        )
        return redirect(round_)
    return render(request, "rounds/round_edit.html", {"form": form, "round": round_})


@login_required
@require_POST
def round_close(request, pk):
    round_, _rights = get_round_for_user(request, pk, edit=True)
    close_round(round_, request.user)
    messages.success(
        request,
        _("Сбор закрыт: школы больше не могут менять и сдавать отчёты. Открыть его снова можно здесь же."),
    )
    return redirect(round_)


@login_required
@require_POST
def round_reopen(request, pk):
    round_, _rights = get_round_for_user(request, pk, edit=True)
    reopen_round(round_)
    messages.success(request, _("Сбор снова открыт: школы могут заполнять и сдавать отчёты."))
    return redirect(round_)


@login_required
@require_POST
def round_remind(request, pk):
    round_, _rights = get_round_for_user(request, pk, edit=True)
    if round_.is_closed:
        messages.info(request, _("Сбор закрыт: напоминать не о чем."))
        return redirect(round_)
    reminded = remind_late(round_, request)
    if reminded.sent:
        count = len(reminded.sent)
        messages.success(
            request,
            ngettext(
                "Напоминание отправлено %(count)d школе: %(schools)s.",
                "Напоминание отправлено %(count)d школам: %(schools)s.",
                count,
            )
            % {"count": count, "schools": ", ".join(school.short_name for school in reminded.sent)},
        )
    if reminded.unreachable:
        count = len(reminded.unreachable)
        names = [
            _("%(school)s (библиотекаря нет в банке данных)") % {"school": school.short_name}
            if school.pk in reminded.without_librarian
            else school.short_name
            for school in reminded.unreachable
        ]
        messages.warning(
            request,
            ngettext(
                "Не удалось напомнить %(count)d школе — в карточке библиотекаря не указана почта: %(schools)s.",
                "Не удалось напомнить %(count)d школам — в карточках библиотекарей не указана почта: %(schools)s.",
                count,
            )
            % {"count": count, "schools": ", ".join(names)},
        )
    if not reminded.sent and not reminded.unreachable:
        messages.info(request, _("Напоминать некому: опоздавших нет."))
    return redirect(round_)


@login_required
@transaction.atomic
def report_detail(request, pk):
    """A school's report: its form while it is a draft, its answers once it is submitted or the round is closed."""
    report, rights = get_report_for_user(request, pk, edit=request.method == "POST")
    if rights.edit and report.round.kind == Kind.PROVISION:
        return _provision_form(request, report, rights)
    form = _report_form(report, request if request.method == "POST" else None) if rights.edit else None
    if request.method == "POST" and form.is_valid():
        save_report(report, form, submit_by=request.user if request.POST.get("action") == "submit" else None)
        _saved_message(request, report)
        return redirect(report)
    return _report_page(request, report, rights, form=form)


def _saved_message(request, report, extra=""):
    if report.is_submitted:
        messages.success(
            request,
            _("Отчёт сдан. Изменить его теперь может только руководитель, вернув его на доработку."),
        )
    else:
        messages.success(request, f"{_('Черновик сохранён. Не забудьте сдать отчёт до срока.')}{extra}")


def _provision_form(request, report, rights):
    """The provision report's rows: saved, added, removed, a grade pasted from Excel or the whole form uploaded
    as XLSX — all saved together or, with one error anywhere, nothing, every row kept as typed."""
    students = enrollment(report)
    if request.method != "POST":
        formset = _lines_formset(report, students, initial=prefill(report))
        return _report_page(
            request,
            report,
            rights,
            form=formset,
            inputs=ProvisionInputForm(),
            warnings=formset.disagreements(),
        )
    action = request.POST.get("action", "save")
    data = request.POST
    if action == "add":  # «Добавить строку» without the page's script: one empty row more, nothing checked
        data = data.copy()
        total = data.get("lines-TOTAL_FORMS", "")
        data["lines-TOTAL_FORMS"] = str(int(total) + 1) if total.isdigit() else total
    formset = _lines_formset(report, students, data=data)
    inputs = ProvisionInputForm(request.POST, request.FILES, action=action)
    if action == "add":
        return _report_page(request, report, rights, form=formset, inputs=inputs, show_errors=False)
    rows, problems = [], []
    if action in ("paste", "upload") and inputs.is_valid():
        try:
            if action == "paste":
                raw = pasted_rows(inputs.cleaned_data["paste"], inputs.cleaned_data["paste_grade"])
            else:
                raw = form_rows(inputs.cleaned_data["form_file"])
            rows, problems = checked_rows(raw, students, pasted=action == "paste")
        except ProvisionInputError as refused:
            problems = refused.errors
    valid = formset.is_valid() and inputs.is_valid()
    if valid and not problems:
        save_report(report, formset, submit_by=request.user if action == "submit" else None, rows=rows)
        extra = ""
        if action == "paste":
            extra = " " + _("Из вставки (%(grade)d класс) сохранено строк: %(count)d.") % {
                "grade": inputs.cleaned_data["paste_grade"],
                "count": len(rows),
            }
        elif action == "upload":
            extra = " " + _("Из файла сохранено строк: %(count)d.") % {"count": len(rows)}
        _saved_message(request, report, extra)
        return redirect(report)
    problems = formset.row_errors() + _input_errors(inputs) + problems
    return _report_page(request, report, rights, form=formset, inputs=inputs, problems=problems)


def _lines_formset(report, students, data=None, initial=None):
    offered = initial if initial is not None else prefill(report)
    formset = ProvisionLineFormSet(
        data,
        instance=report,
        prefix="lines",
        form_kwargs={
            "enrollment": students,
            "offered": frozenset(line_key(row["grade"], row["subject"]) for row in offered),
        },
        initial=initial,
    )
    if initial is not None:
        formset.extra = len(initial) + 1
    return formset


def _input_errors(inputs):
    return [
        f"{inputs.fields[name].label}: {error}" for name, errors in inputs.errors.items() for error in errors
    ]


def _report_page(
    request,
    report,
    rights,
    form=None,
    reopen_form=None,
    inputs=None,
    problems=(),
    warnings=(),
    show_errors=True,
):
    account = require_member(request)
    report.late = report.is_late()
    context = {
        "report": report,
        "round": report.round,
        "form": form,
        "inputs": inputs,
        "problems": problems,
        "warnings": warnings,
        "show_errors": show_errors,
        "is_head": rights.manage,
        "can_make_needs": may_make_needs(account),
        "can_download_form": report.round.kind == Kind.PROVISION and not account.is_reader,
        "history": _report_history(report) if rights.manage else [],
        "prefilled": rights.edit and not report.started and report.previous() is not None,
        "reopen_form": reopen_form or (ReopenReportForm() if rights.manage else None),
    }
    return render(request, "rounds/report_detail.html", context)


def _report_form(report, request):
    data, files = (request.POST, request.FILES) if request else (None, None)
    kind = report.round.kind
    initial = prefill(report)
    if kind == Kind.FSEM:
        return FsemForm(
            data, files, instance=getattr(report, "fsem", None) or FsemAnswer(report=report), initial=initial
        )
    return InspectionForm(
        data, instance=getattr(report, "inspection", None) or InspectionAnswer(report=report), initial=initial
    )


@login_required
@require_safe
def report_form_xlsx(request, pk):
    """A provision report's form as XLSX, to fill in Excel and upload back on the report's page: the school's
    librarian and the head."""
    report, _rights = get_provision_form_for_user(request, pk)
    return download_response(get_exporter("provision-form-xlsx")(report))


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
    """The head gives a submitted report back to its school, saying what to correct."""
    report, rights = get_report_for_user(
        request, pk
    )  # another school's report is not there for a librarian (404)
    if not rights.manage:
        raise PermissionDenied
    form = ReopenReportForm(request.POST)
    if not form.is_valid() and report.is_submitted and not report.round.is_closed:
        return _report_page(request, report, rights, reopen_form=form)
    try:
        reopen_report(report, form.cleaned_data.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(report)
    messages.success(
        request,
        _("Отчёт %(school)s возвращён на доработку: школа снова может его изменить и увидит, что исправить.")
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
