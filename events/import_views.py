"""The head brings her association's plan in from its Word file: upload → preview → «Загрузить» or «Отмена».

Nothing is saved before «Загрузить»: the preview reads the file again each time (a plan reads in a few tens of
milliseconds) and shows what the program read and derived, with every warning on its row. Saving runs in one
transaction (events.plan_import.writer); replacing a year's plan needs its own confirmation.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.years import FIRST_YEAR, LAST_YEAR, parse_academic_year
from events import plan_uploads
from events.forms import ImportChoicesForm, PlanUploadForm
from events.plan_import import PlanImportError, draft_from_file, preview, save_draft
from members.access import require_head

NAME, SAVED = "plan-import-", "plan-import-saved-"  # session keys: an upload's file name, the plan it became


@login_required
def plan_import(request):
    account = require_head(request)
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            draft_from_file(
                upload, upload.name
            )  # a file that is not a plan is refused here, before it is kept
        except PlanImportError as refused:
            error = refused
        else:
            token = plan_uploads.store(upload, account)
            request.session[f"{NAME}{token}"] = upload.name[:200]
            return redirect("events:plan_import_preview", token)
    status = 400 if request.method == "POST" else 200
    return render(request, "events/plan_import.html", {"form": form, "error": error}, status=status)


@login_required
def plan_import_preview(request, token):
    account = require_head(request)
    if saved := request.session.get(f"{SAVED}{token}"):
        messages.info(request, _("Этот файл уже загружен — вот его план."))
        return redirect(saved)
    path = plan_uploads.path_for(account, token)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        return _cancel(request, account, token)
    try:
        draft = draft_from_file(path)
    except PlanImportError as refused:  # the same file read before: only a changed program gets here
        plan_uploads.discard(account, token)
        messages.error(request, str(refused))
        return redirect("events:plan_import")
    year_start, year_error = _year(request, draft)
    shown, form = _preview(request, account, draft, year_start)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            result = save_draft(
                draft,
                account.association,
                year_start=form.cleaned_data["year_start"],
                replace=form.cleaned_data.get("replace", False),
                chosen=form.chosen(),
            )
        except PlanImportError as refused:
            error = refused
            shown, form = _preview(
                request, account, draft, year_start
            )  # the year may have a plan now: offer to replace it
        else:
            return _saved(request, account, token, result)
    context = {
        "shown": shown, "form": form, "error": error, "year_error": year_error,
        "file_name": request.session.get(f"{NAME}{token}", ""),
        "blocks": [(word, block) for word, block in ((_("СОГЛАСОВАНО"), draft.agreed), (_("УТВЕРЖДАЮ"), draft.approved)) if block],
        "columns": 4 + len(shown.extra_headers),
    }  # fmt: skip
    return render(
        request, "events/plan_import_preview.html", context, status=400 if request.method == "POST" else 200
    )


def _preview(request, account, draft, year_start):
    shown = preview(draft, account.association, year_start)
    return shown, ImportChoicesForm(
        request.POST if request.method == "POST" else None, shown=shown, association=account.association
    )


def _year(request, draft):
    """The year to read the plan for — the one the head chose (?year=2024-2025, or the form's), else the document's —
    and the message when what she typed is no academic year."""
    chosen = (request.POST.get("year_start") or request.GET.get("year") or "").strip()
    if not chosen:
        return draft.year_start, None
    try:
        year = parse_academic_year(chosen) if "-" in chosen else int(chosen)
    except ValueError:
        year = None
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        return draft.year_start, _("«%(text)s» — не учебный год: напишите его так — «2025-2026».") % {
            "text": chosen[:20]
        }
    return year, None


def _saved(request, account, token, result):
    plan_uploads.discard(account, token)
    request.session.pop(f"{NAME}{token}", None)
    request.session[f"{SAVED}{token}"] = (
        result.plan.get_absolute_url()
    )  # a reload or a second click finds the plan
    messages.success(request, _saved_message(result))
    return redirect(result.plan)


def _cancel(request, account, token):
    plan_uploads.discard(account, token)
    request.session.pop(f"{NAME}{token}", None)
    messages.info(request, _("Загрузка отменена: ничего не сохранено."))
    return redirect("home")


def _saved_message(result):
    text = _("План работы на %(year)s учебный год загружен.") % {"year": result.plan.year_name}
    if result.created_persons:
        count = len(result.created_persons)
        text += " " + ngettext(
            "Добавлена %(count)d карточка в банк данных.",
            "Добавлено %(count)d карточек в банк данных.",
            count,
        ) % {"count": count}
    if result.unlinked:
        count = len(result.unlinked)
        text += " " + ngettext(
            "%(count)d имя осталось без карточки — оно в проверке плана.",
            "%(count)d имён остались без карточки — они в проверке плана.",
            count,
        ) % {"count": count}
    return text
