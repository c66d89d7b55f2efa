"""The exchange bank's pages. Access is checked by textbooks.access; rules live in models and services."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from audit.history import changes
from core.pages import form_page
from members.access import require_member
from members.models import School
from reports import xlsx
from reports.base import download_response, get_exporter
from textbooks import queries, services
from textbooks.access import (
    EITHER,
    GIVER,
    editable_schools,
    get_need_for_user,
    get_offer_for_user,
    get_school_for_bank,
    get_transfer_for_user,
    require_editor,
    schools_to_choose,
    visible_transfers,
)
from textbooks.forms import (
    BankFilterForm,
    CatalogueFilterForm,
    HandOverForm,
    NeedForm,
    OfferForm,
    OffersImportForm,
    ReturnForm,
    TransferRequestForm,
)
from textbooks.models import Need, Offer, Textbook, Transfer
from textbooks.offers_import import import_offers
from textbooks.paging import CappedPaginator
from textbooks.spreadsheets import SpreadsheetError

PAGE_SIZE = 30
# The sample list a librarian downloads (written by demo/samples.py, checked by the tests).
OFFERS_TEMPLATE = Path(__file__).resolve().parent / "data" / "offers-sample.xlsx"


def _page(request, search, rows=None):
    """One page of a Search: two queries whatever the list's size (textbooks.paging); `rows` adds to the
    page's rows what the list shows of them."""
    return CappedPaginator(search, PAGE_SIZE, rows=rows).get_page(request.GET.get("page"))


# ---------------------------------------------------------------- the bank


@login_required
@require_safe
def bank(request):
    """What the city's schools offer: search, filters, pages."""
    account = require_member(request)
    today = timezone.localdate()
    form = BankFilterForm(
        request.GET or None, association=account.association, subjects=queries.catalogue_subjects()
    )
    page = _page(request, queries.bank_offers(form.criteria(), today), rows=queries.offer_rows)
    return render(request, "textbooks/bank.html", {
        "form": form, "page": page, "today": today, "can_add": account.acts_for_a_school,
        "tab": "offers", "export_url": reverse("textbooks:export") + (f"?{request.GET.urlencode()}" if request.GET else ""),
    })  # fmt: skip


@login_required
@require_safe
def bank_export(request):
    """The bank as XLSX: the offers and needs the bank's filters and search select (all without them)."""
    account = require_member(request)
    today = timezone.localdate()
    params = request.GET.copy()
    params.pop("page", None)
    form = BankFilterForm(
        params or None, association=account.association, subjects=queries.catalogue_subjects()
    )
    exporter = get_exporter("textbooks-bank-xlsx")(
        account.association,
        offers=queries.bank_offers(form.criteria(), today).queryset(),
        needs=queries.bank_needs(form.criteria(), today).queryset(),
    )
    return xlsx.streaming_response(
        exporter
    )  # written while sent: the memory stays flat however long the bank


@login_required
@require_safe
def needs(request):
    """What the city's schools lack."""
    account = require_member(request)
    today = timezone.localdate()
    form = BankFilterForm(
        request.GET or None, association=account.association, subjects=queries.catalogue_subjects()
    )
    page = _page(request, queries.bank_needs(form.criteria(), today), rows=queries.need_rows)
    return render(request, "textbooks/needs.html", {
        "form": form, "page": page, "today": today, "can_add": account.acts_for_a_school,
        "tab": "needs",
    })  # fmt: skip


@login_required
@require_safe
def catalogue(request):
    """The Federal List: find a textbook, then offer it or say the school needs it."""
    account = require_member(request)
    form = CatalogueFilterForm(request.GET or None)
    page = _page(request, queries.catalogue(form.criteria()))
    return render(request, "textbooks/catalogue.html", {
        "form": form, "page": page, "today": timezone.localdate(), "total": Textbook.objects.count() if not page.paginator.count else None,
        "can_add": account.acts_for_a_school,
    })  # fmt: skip


@login_required
@require_safe
def catalogue_suggest(request):
    """The Federal List's entries for the title a person is typing in an offer's or a need's form (JSON for
    textbooks/js/suggest.js): choosing one fills «Номер в ФПУ», and the form takes the rest from the list."""
    require_member(request)
    suggestions = queries.catalogue_suggestions(request.GET.get("q", ""))
    return JsonResponse({
        "results": [
            {"fpu_number": textbook.fpu_number, "title": textbook.title, "authors": textbook.authors,
             "grades": textbook.grades, "grade_from": textbook.grade_from, "grade_to": textbook.grade_to,
             "publisher": textbook.publisher, "excluded": textbook.excluded}
            for textbook in suggestions.textbooks
        ],
        "corrected": " ".join(suggestions.corrected_words) if suggestions.corrected_words else None,
    })  # fmt: skip


# ---------------------------------------------------------------- offers


@login_required
@require_safe
def offer_detail(request, pk):
    account = require_member(request)
    offer, rights = get_offer_for_user(request, pk)
    schools = editable_schools(account).exclude(pk=offer.school_id)
    request_form = None
    if not offer.is_withdrawn and offer.available and schools.exists():
        request_form = TransferRequestForm(offer=offer, schools=schools)
    return _offer_page(request, offer, rights, request_form)


def _offer_page(request, offer, rights, request_form):
    return render(request, "textbooks/offer_detail.html", {
        "offer": offer,
        "can_edit": rights.edit,
        "matching_needs": Need.objects.matching(offer).select_related("school", "textbook"),
        "transfers": offer.transfers.select_related("to_school").order_by("-requested_at", "-pk"),
        "request_form": request_form,
        "today": timezone.localdate(),
        "history": changes(offer) if rights.manage else [],
    })  # fmt: skip


@login_required
@require_POST
def offer_withdraw(request, pk):
    offer, _rights = get_offer_for_user(request, pk, edit=True)
    if not offer.is_withdrawn:
        declined = services.withdraw_offer(offer)
        messages.success(
            request,
            _("Предложение снято из обменного фонда.")
            + (" " + _("Ожидавшие ответа запросы отклонены.") if declined else ""),
        )
    return redirect("textbooks:school", offer.school_id)


@login_required
@require_POST
def offer_request(request, pk):
    """A school asks for copies of the offer (nothing is reserved until the offering school agrees)."""
    account = require_editor(request)
    offer, rights = get_offer_for_user(request, pk)
    schools = editable_schools(account).exclude(pk=offer.school_id)
    if not schools.exists():
        messages.error(request, _("Это предложение вашей же школы."))
        return redirect(offer)
    form = TransferRequestForm(request.POST, offer=offer, schools=schools)
    if form.is_valid():
        data = form.cleaned_data
        try:
            transfer = services.request_transfer(
                offer, data["to_school"], data["copies"], data["return_by"], data["need"], data["note"]
            )
        except services.TransferError as error:
            messages.error(request, str(error))
            return redirect(offer)
        messages.success(
            request,
            _("Запрос отправлен. Школа %(school)s увидит его на своей странице обменного фонда.")
            % {"school": offer.school},
        )
        return redirect(transfer)
    return _offer_page(request, offer, rights, form)


# ---------------------------------------------------------------- an offer's or a need's form


@dataclass(frozen=True)
class ItemPages:
    """What the pages of one kind of the bank's items say and call: its form, its service, its words."""

    form: type
    save: object  # services.save_offer or services.save_need
    new_title: str
    new_intro: str
    list_url: str
    edit_title: str
    created: str
    saved: str


OFFER_PAGES = ItemPages(
    OfferForm,
    services.save_offer,
    gettext_lazy("Предложить учебники"),
    gettext_lazy("Учебники, которые вашей школе не нужны: другие школы найдут их в обменном фонде и попросят во временное пользование."),
    "textbooks:bank",
    gettext_lazy("Изменить предложение"),
    gettext_lazy("Предложение внесено в обменный фонд: его видят все школы."),
    gettext_lazy("Предложение сохранено."),
)  # fmt: skip
NEED_PAGES = ItemPages(
    NeedForm,
    services.save_need,
    gettext_lazy("Нужны учебники"),
    gettext_lazy("Чего не хватает вашей школе: сайт покажет предложения других школ, которые подходят, а им — вашу потребность."),
    "textbooks:needs",
    gettext_lazy("Изменить потребность"),
    gettext_lazy("Потребность внесена: ниже — предложения других школ, которые ей подходят."),
    gettext_lazy("Потребность сохранена."),
)  # fmt: skip


FORM = {"template": "textbooks/form.html"}


def _first_values(account, schools, textbook):
    """A new item's form starts from the chosen catalogue entry's subject and, for the head, her own school."""
    initial = {"subject": textbook.subject} if textbook else {}
    if schools is not None and account.person is not None and account.person.school_id:
        initial["school"] = account.person.school_id
    return initial or None


def _item_form(request, pages, item=None):
    """A new offer or need (for the head: of a school she chooses; for a librarian: of her own), or a change
    to one; the form keeps what was typed when the service refuses."""
    account = require_editor(request) if item is None else None
    schools = schools_to_choose(account) if account else None
    textbook = _textbook_from(request) if account else None
    form = pages.form(
        request.POST or None,
        instance=item,
        schools=schools,
        textbook=textbook,
        initial=_first_values(account, schools, textbook),
    )
    if request.method == "POST" and form.is_valid():
        saving = form.fill(form.save(commit=False))
        if account and schools is None:
            saving.school = account.school
        try:
            pages.save(saving)
        except services.TransferError as error:
            form.add_error("copies", str(error))
        else:
            messages.success(request, pages.saved if item else pages.created)
            return redirect(saving)
    if item is None:
        return form_page(
            request,
            form,
            pages.new_title,
            pages.new_intro,
            reverse(pages.list_url),
            **FORM,
            textbook=textbook,
        )
    intro = _("%(school)s: %(title)s") % {"school": item.school, "title": item.title}
    return form_page(request, form, pages.edit_title, intro, item.get_absolute_url(), **FORM)


@login_required
def offer_create(request):
    return _item_form(request, OFFER_PAGES)


@login_required
@transaction.atomic
def offer_edit(request, pk):
    offer, _rights = get_offer_for_user(request, pk, edit=True)
    return _item_form(request, OFFER_PAGES, offer)


@login_required
def need_create(request):
    return _item_form(request, NEED_PAGES)


@login_required
@transaction.atomic
def need_edit(request, pk):
    need, _rights = get_need_for_user(request, pk, edit=True)
    return _item_form(request, NEED_PAGES, need)


# ---------------------------------------------------------------- needs


@login_required
@require_safe
def need_detail(request, pk):
    need, rights = get_need_for_user(request, pk)
    return render(request, "textbooks/need_detail.html", {
        "need": need,
        "can_edit": rights.edit,
        "matching_offers": Offer.objects.matching(need).select_related("school", "textbook"),
        "today": timezone.localdate(),
        "history": changes(need) if rights.manage else [],
    })  # fmt: skip


@login_required
@require_POST
def need_close(request, pk):
    need, _rights = get_need_for_user(request, pk, edit=True)
    if not need.is_closed:
        services.close_need(need)
        messages.success(request, _("Потребность снята: её больше не видно в обменном фонде."))
    return redirect("textbooks:school", need.school_id)


def _textbook_from(request):
    """The catalogue entry a form starts from (?textbook=<pk> from the ФПУ page), or None."""
    pk = request.GET.get("textbook", "")
    return Textbook.objects.filter(pk=pk).first() if pk.isdigit() else None


# ---------------------------------------------------------------- a school's page


@login_required
@require_safe
def my_school(request):
    """A librarian's school page; the head and the committee choose a school."""
    account = require_member(request)
    school = account.school
    if school is not None:
        return redirect("textbooks:school", school.pk)
    schools = School.objects.filter(association=account.association)
    return render(request, "textbooks/choose_school.html", {"schools": schools})


@login_required
@require_safe
def school_page(request, pk):
    """One school in the bank: its offers and needs, the requests for its offers and its own requests."""
    account = require_member(request)
    school, rights = get_school_for_bank(request, pk)
    today = timezone.localdate()
    transfers = visible_transfers(account).select_related("offer__school", "offer__textbook", "to_school")
    open_or_recent = Q(status__in=Transfer.OPEN) | Q(
        requested_at__gte=timezone.now() - datetime.timedelta(days=365)
    )
    return render(request, "textbooks/school.html", {
        "school": school,
        "can_edit": rights.edit,
        "offers": school.textbook_offers.filter(withdrawn_at__isnull=True).select_related("textbook").with_needs_flag(),
        "needs": school.textbook_needs.open().select_related("textbook").with_offers_flag(),
        "asked_of_us": transfers.filter(open_or_recent, offer__school=school),
        "we_ask": transfers.filter(open_or_recent, to_school=school),
        "today": today,
    })  # fmt: skip


# ---------------------------------------------------------------- transfers


@login_required
@require_safe
def transfer_detail(request, pk):
    transfer, rights = get_transfer_for_user(request, pk)
    return render(request, "textbooks/transfer_detail.html", {
        "transfer": transfer,
        "is_giver": rights.is_giver,
        "is_receiver": rights.is_receiver,
        "hand_over_form": HandOverForm(transfer=transfer) if rights.is_giver and transfer.status == Transfer.Status.AGREED else None,
        "return_form": ReturnForm() if rights.is_giver and transfer.status == Transfer.Status.HANDED_OVER else None,
        "today": timezone.localdate(),
        "history": changes(transfer) if rights.manage else [],
    })  # fmt: skip


@login_required
@require_safe
def transfer_act(request, pk):
    """The act as PDF: for the two schools, the head and the committee, once the offering school has agreed."""
    transfer, rights = get_transfer_for_user(request, pk)
    if not rights.act:
        raise PermissionDenied
    if not transfer.has_act:
        raise Http404
    return download_response(get_exporter("textbooks-transfer-act-pdf")(transfer))


# action → (who may, service, message)
SIMPLE_ACTIONS = {
    "agree": (
        GIVER,
        services.agree,
        _("Вы согласились: экземпляры зарезервированы. Распечатайте акт и передайте учебники."),
    ),
    "decline": (GIVER, services.decline, _("Запрос отклонён.")),
    "cancel": (EITHER, services.cancel, _("Передача отменена.")),
    "keep": (GIVER, services.keep, _("Отмечено: учебники остаются у получившей школы насовсем.")),
}


@login_required
@require_POST
def transfer_action(request, pk, action):
    if action in SIMPLE_ACTIONS:
        side, step, message = SIMPLE_ACTIONS[action]
        get_transfer_for_user(request, pk, side=side)
        try:
            step(pk)
        except services.TransferError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        return redirect(_back(request, pk))
    if action not in ("hand-over", "return"):
        raise Http404
    transfer, _rights = get_transfer_for_user(request, pk, side=GIVER)
    form = (
        HandOverForm(request.POST, transfer=transfer) if action == "hand-over" else ReturnForm(request.POST)
    )
    if form.is_valid():
        try:
            if action == "hand-over":
                services.hand_over(pk, form.cleaned_data["day"], form.cleaned_data["return_by"])
            else:
                services.mark_returned(pk, form.cleaned_data["day"])
        except services.TransferError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Передача отмечена.")
                if action == "hand-over"
                else _("Возврат отмечен: экземпляры снова свободны."),
            )
    else:
        messages.error(
            request,
            _("Проверьте даты: %(errors)s")
            % {"errors": " ".join(e for errors in form.errors.values() for e in errors)},
        )
    return redirect(_back(request, pk))


def _back(request, pk):
    """Where a button's form came from (the school page or the transfer page), if it is one of ours."""
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return back
    return reverse("textbooks:transfer", args=[pk])


# ---------------------------------------------------------------- import


@login_required
def offers_import(request):
    """A school's list of surplus textbooks from its XLSX, all rows or none."""
    account = require_editor(request)
    schools = editable_schools(account)
    form = OffersImportForm(request.POST or None, request.FILES or None, schools=schools)
    error = None
    if request.method == "POST" and form.is_valid():
        school = form.cleaned_data["school"]
        try:
            result = import_offers(form.cleaned_data["file"], school)
        except SpreadsheetError as refused:
            error = refused
        else:
            messages.success(request, result.message())
            if ignored := result.ignored_message():
                messages.info(request, ignored)
            return redirect("textbooks:school", school.pk)
    refused = request.method == "POST"  # reaching here after a POST means the file was not taken
    return render(
        request, "textbooks/import.html", {"form": form, "error": error}, status=400 if refused else 200
    )


@login_required
@require_safe
def offers_sample(request):
    """A sample list of offers in the layout the import reads."""
    require_member(request)
    return FileResponse(
        (OFFERS_TEMPLATE).open("rb"),
        as_attachment=True,
        filename="Образец списка обменного фонда.xlsx",
    )
