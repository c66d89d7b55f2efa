"""The contest's pages: the year's contests, a contest with its rules and entries, the setup, the entries' forms
and upload, the jury's score sheets, the results with the places, and the downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from audit.history import changes
from contests import certificates, queries, services, spreadsheets
from contests.access import (
    can_change_entry,
    get_contest_for_user,
    get_entry_for_user,
    get_event_for_setup,
    get_jury_for_user,
    may_download_certificates,
    school_of_entries,
    school_to_enter,
    sees_all_entries,
)
from contests.forms import (
    ConfirmedContestForm,
    ContestForm,
    EntryForm,
    PlacesForm,
    ScoreSheetForm,
    UploadForm,
    setup_formsets,
)
from contests.models import Entry
from contests.scoring import results as scored_results
from contests.scoring import score_text
from core.pages import form_page
from core.years import academic_year_of, parse_academic_year
from events.models import Plan
from members.access import get_account, require_member
from members.uploads import file_response
from reports.base import download_response, get_exporter
from reports.pdf import DocumentTooLarge

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def contest_list(request):
    """The contests of a year's plan (the current year by default) and, for the head, the events to make one of."""
    account = require_member(request)
    try:
        year_start = parse_academic_year(request.GET["year"]) if "year" in request.GET else None
    except ValueError:
        raise Http404 from None
    plans = {plan.year_start: plan for plan in Plan.objects.filter(association=account.association)}
    if year_start is None:
        current = academic_year_of(timezone.localdate())
        year_start = current if current in plans or not plans else max(plans)
    plan = plans.get(year_start)
    context = {
        "plans": [plans[year] for year in sorted(plans, reverse=True)],
        "plan": plan,
        "contests": list(queries.year_contests(account.association, year_start)),
        "candidates": queries.events_to_make_contests(plan) if account.is_head and plan else [],
    }
    return render(request, "contests/contest_list.html", context)


@login_required
def contest_detail(request, pk):
    contest, rights = get_contest_for_user(request, pk)
    school = school_of_entries(request, contest) if not rights.manage else None
    account = get_account(request)
    jury = list(contest.jury.select_related("person"))
    context = {
        "contest": contest,
        "rights": rights,
        "stages": contest.stages.all(),
        "categories": contest.categories.all(),
        "criteria": contest.criteria.all(),
        "jury": jury,
        "my_sheets": [
            (member, member.person_id is not None and member.person_id == account.person_id)
            for member in jury
            if member.can_score(account)
        ],
        "entries": _with_edit_marks(queries.entries(contest, school), account),
        "school": school,
        "enters_for": account.school
        if account.school_id_acted_for
        else None,  # a jury librarian's own school
        "accepts": contest.accepts_entries(),
        "last_year": services.last_years_contest(contest) if rights.manage else None,
        "history": changes(contest) if rights.manage else [],
    }
    return render(request, "contests/contest_detail.html", context)


def _with_edit_marks(entries, account):
    """The entries, each with `.editable`: whether the asker may change it now (a jury librarian sees every
    school's, but changes her own school's only)."""
    entries = list(entries)
    for entry in entries:
        entry.editable = can_change_entry(account, entry)
    return entries


@login_required
def setup(request, pk):
    """The head makes a plan event a contest, or changes how it is run: the settings and the four lists."""
    contest = get_event_for_setup(request, pk)
    creating = contest._state.adding
    fixed = contest.places_confirmed  # the lists and the places the results stand on no longer change
    form_class = ConfirmedContestForm if fixed else ContestForm
    form = form_class(request.POST or None, request.FILES or None, instance=contest)
    formsets = [] if fixed else setup_formsets(contest, request.POST or None, request.FILES or None)
    if request.method == "POST":
        with transaction.atomic():
            if form.is_valid() and all(formset.is_valid() for formset in formsets):
                contest = services.save_setup(form.save(commit=False), formsets)
                messages.success(request, _("Конкурс сохранён."))
                return redirect(contest)
    context = {
        "contest": contest,
        "creating": creating,
        "form": form,
        "formsets": dict(zip(("stages", "categories", "criteria", "jury"), formsets, strict=False)),
        "fixed": fixed,
        "cancel_url": contest.get_absolute_url() if not creating else "/contests/",
    }
    return render(request, "contests/setup.html", context, status=400 if form.is_bound else 200)


@login_required
@require_POST
def copy_last_year(request, pk):
    contest, rights = get_contest_for_user(request, pk, manage=True)
    source = services.last_years_contest(contest)
    if source is None:
        messages.error(request, _("В плане прошлого года нет конкурса с таким же названием."))
        return redirect(contest)
    try:
        services.copy_setup(source, contest)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
    else:
        messages.success(
            request, _("Положение, этапы, номинации, критерии и жюри перенесены из прошлогоднего конкурса.")
        )
    return redirect(contest)


@login_required
@require_POST
def reopen(request, pk):
    contest, rights = get_contest_for_user(request, pk, manage=True)
    reopened = request.POST.get("reopened") == "1"
    services.set_reopened(contest, reopened)
    messages.success(
        request,
        _("Приём заявок снова открыт: библиотекари могут добавлять и менять заявки.")
        if reopened
        else _("Приём заявок закрыт по сроку."),
    )
    return redirect(contest)


@login_required
def rules_file(request, pk):
    contest, rights = get_contest_for_user(request, pk)
    return file_response(contest.rules_file)


@login_required
def background(request, pk):
    contest, rights = get_contest_for_user(request, pk, manage=True)
    return file_response(contest.background)


@login_required
def entry_add(request, pk):
    contest, rights = get_contest_for_user(request, pk)
    school = school_to_enter(request, contest)
    if not rights.edit:
        return _closed(request, contest)
    return _entry_form(request, contest, Entry(contest=contest), school)


@login_required
def entry_edit(request, pk):
    entry, rights = get_entry_for_user(request, pk)
    if not rights.edit:
        return _closed(request, entry.contest)
    return _entry_form(request, entry.contest, entry, None if rights.manage else entry.school)


def _entry_form(request, contest, entry, school):
    creating = entry.pk is None
    form = EntryForm(
        request.POST or None, request.FILES or None, instance=entry, contest=contest, school=school
    )
    if request.method == "POST":
        with transaction.atomic():
            if form.is_valid():
                try:
                    services.save_entry(form.save(commit=False))
                except ValidationError as refusal:
                    form.add_error(None, refusal)
                else:
                    messages.success(request, _("Заявка сохранена."))
                    return redirect(f"{contest.get_absolute_url()}#entries")
    return form_page(
        request,
        form,
        _("Новая заявка: «%(title)s»") % {"title": contest.title}
        if creating
        else _("Заявка: %(name)s") % {"name": entry.name},
        _("Участник, его работа и кто его подготовил. Заявку можно менять до %(deadline)s включительно.")
        % {"deadline": contest.deadline_text}
        if contest.entry_deadline
        else _("Участник, его работа и кто его подготовил."),
        f"{contest.get_absolute_url()}#entries",
        multipart=True,
        status=400 if form.is_bound else 200,
    )


def _closed(request, contest):
    """A librarian after the deadline: a page saying so (403), not a form."""
    return render(request, "contests/closed.html", {"contest": contest}, status=403)


@login_required
@require_POST
def entry_delete(request, pk):
    entry, rights = get_entry_for_user(request, pk)
    if not rights.edit:
        return _closed(request, entry.contest)
    contest = entry.contest
    services.delete_entry(entry)
    messages.success(request, _("Заявка удалена."))
    return redirect(f"{contest.get_absolute_url()}#entries")


@login_required
def work_file(request, pk):
    entry, rights = get_entry_for_user(request, pk)
    return file_response(entry.work_file)


@login_required
def entries_template(request, pk):
    contest, rights = get_contest_for_user(request, pk)
    response = HttpResponse(spreadsheets.entries_template(contest), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        True, _("Заявки на конкурс «%(title)s».xlsx") % {"title": contest.title[:80]}
    )
    return response


@login_required
def entries_upload(request, pk):
    """A whole school's entries from a filled-in XLSX: all of them, or none with the rows to mend."""
    contest, rights = get_contest_for_user(request, pk)
    school = school_to_enter(request, contest)
    if not rights.edit:
        return _closed(request, contest)
    form = UploadForm(request.POST or None, request.FILES or None, contest=contest, school=school)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            added = spreadsheets.import_entries(form.cleaned_data["file"], contest, form.school)
        except spreadsheets.EntriesRefused as refusal:
            problems = refusal.messages
        else:
            messages.success(request, _("Из таблицы добавлено заявок: %(count)d.") % {"count": added})
            return redirect(f"{contest.get_absolute_url()}#entries")
    context = {"contest": contest, "form": form, "school": school, "problems": problems}
    return render(request, "contests/upload.html", context, status=400 if form.is_bound else 200)


SHEET_PAGE = (
    100  # entries on one page of a score sheet: with 20 criteria, 2000 cells (DATA_UPLOAD_MAX_NUMBER_FIELDS)
)


@login_required
def score_sheet(request, pk):
    """A jury member's score sheet: every entry against every criterion, a hundred entries a page."""
    jury = get_jury_for_user(request, pk)
    contest = jury.contest
    page = Paginator(queries.entries(contest), SHEET_PAGE).get_page(request.GET.get("page"))
    entries = list(page.object_list)
    criteria = list(contest.criteria.all())
    form = ScoreSheetForm(
        request.POST or None, entries=entries, criteria=criteria, scores=queries.sheet_scores(jury, entries)
    )
    if request.method == "POST":
        if contest.places_confirmed:
            messages.error(request, _("Места уже утверждены: оценки больше не меняются."))
            return redirect(contest)
        if form.is_valid():
            changed = services.save_scores(jury, form.values())
            messages.success(request, _("Оценки сохранены (изменено: %(count)d).") % {"count": changed})
            return redirect(f"{request.path}?page={page.number}")
    context = {"contest": contest, "jury": jury, "form": form, "criteria": criteria, "page": page}
    return render(request, "contests/score_sheet.html", context, status=400 if form.is_bound else 200)


@login_required
def results(request, pk):
    """The results: totals from the score sheets, the places; the head confirms them."""
    contest, rights = get_contest_for_user(request, pk)
    account = get_account(request)
    own = None if sees_all_entries(account, contest) else account.school
    grouped = scored_results(contest, list(queries.entries(contest, own)) if own else None)
    criteria = list(contest.criteria.all())
    for _category, rows in grouped:
        for result in rows:
            result.cells = [
                (criterion, score_text(result.by_criterion.get(criterion.pk))) for criterion in criteria
            ]
            result.total_text = score_text(result.total)
    form = PlacesForm(request.POST or None, contest=contest, results=grouped) if rights.manage else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if contest.places_confirmed:
            messages.error(request, _("Места уже утверждены. Чтобы изменить их, нажмите «Изменить места»."))
            return redirect("contests:results", pk=contest.pk)
        if form.is_valid():
            services.confirm_places(contest, form.places(grouped))
            messages.success(
                request, _("Места утверждены. Теперь можно опубликовать итоги и выпустить грамоты.")
            )
            return redirect("contests:results", pk=contest.pk)
    context = {
        "contest": contest,
        "rights": rights,
        "grouped": grouped,
        "criteria": criteria,
        "form": form,
        "certificate_count": contest.certificates.count(),
        "preparing": certificates.is_preparing(contest),
        "whole_file": may_download_certificates(request, contest) is None,
        "own_school": own,
    }
    return render(request, "contests/results.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def unconfirm(request, pk):
    contest, rights = get_contest_for_user(request, pk, manage=True)
    services.reopen_places(contest)
    messages.success(request, _("Места снова можно менять; итоги сняты с публикации."))
    return redirect("contests:results", pk=contest.pk)


@login_required
@require_POST
def publish(request, pk):
    contest, rights = get_contest_for_user(request, pk, manage=True)
    publish = request.POST.get("publish") == "1"
    try:
        services.publish(contest, publish)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
    else:
        messages.success(
            request,
            _("Итоги опубликованы: они видны на опубликованном плане, мероприятие отмечено как проведённое.")
            if publish
            else _("Итоги сняты с публикации: их видят только участники объединения."),
        )
    return redirect("contests:results", pk=contest.pk)


DOCUMENTS = {
    "protocol.pdf": "contest-protocol-pdf",
    "protocol.docx": "contest-protocol-docx",
    "results.xlsx": "contest-results-xlsx",
}


@login_required
def document(request, pk, name):
    """The jury's protocol (PDF, DOCX) and the results (XLSX)."""
    contest, rights = get_contest_for_user(request, pk)
    if name not in DOCUMENTS:
        raise Http404
    if not sees_all_entries(get_account(request), contest):
        raise PermissionDenied  # every school's entries and scores: after the places are confirmed
    return download_response(get_exporter(DOCUMENTS[name])(contest))


@login_required
@require_POST
def issue_certificates(request, pk):
    contest, rights = get_contest_for_user(request, pk, manage=True)
    try:
        with transaction.atomic():
            issued = certificates.issue(contest)
            certificates.start_preparing(contest)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
    else:
        contest.refresh_from_db()
        issued_text = ngettext("Выпущена %(count)d грамота.", "Выпущено %(count)d грамот.", len(issued)) % {
            "count": len(issued)
        }
        then = (
            _("Файл PDF готов; благодарности и сертификаты библиотекарей — в их портфолио.")
            if contest.certificates_ready
            else _(
                "Файл PDF готовится — обычно это минута; благодарности и сертификаты библиотекарей попадут в их "
                "портфолио."
            )
        )
        messages.success(request, f"{issued_text} {then}")
    return redirect("contests:results", pk=contest.pk)


@login_required
def certificates_pdf(request, pk):
    """All the certificates (the head, the committee): the file prepared after the issue. A librarian's school's:
    rendered now."""
    contest, rights = get_contest_for_user(request, pk)
    school = may_download_certificates(request, contest)
    if school is None:
        if not contest.certificates_ready:
            messages.info(request, _("Файл с грамотами ещё готовится. Обновите страницу через минуту."))
            return redirect("contests:results", pk=contest.pk)
        return FileResponse(
            contest.certificates_file.open("rb"),
            as_attachment=True,
            filename=_("Грамоты конкурса «%(title)s».pdf") % {"title": contest.title[:80]},
        )
    found = list(certificates.certificates_for(contest, school))
    if not found:
        messages.error(request, _("Грамот пока нет: руководитель выпускает их после утверждения мест."))
        return redirect("contests:results", pk=contest.pk)
    try:
        content = certificates.render_now(contest, found)
    except DocumentTooLarge as refusal:
        messages.error(request, str(refusal))
        return redirect("contests:results", pk=contest.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, _("Грамоты %(school)s.pdf") % {"school": school.short_name}
    )
    return response
