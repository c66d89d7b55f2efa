from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from audit.history import changes
from core.formats import before_period
from core.pages import form_page
from core.years import academic_year_bounds, academic_year_name, academic_year_of
from members import queries, throttle
from members.access import (
    get_person_for_user,
    get_school_for_user,
    require_head,
    require_member,
    require_reader_of_all,
)
from members.forms import (
    AccountForm,
    AssociationForm,
    CourseForm,
    PersonFilterForm,
    PersonForm,
    PortfolioEntryForm,
    SchoolForm,
)
from members.models import Account, Course, PortfolioEntry, School
from members.panels import panels
from members.services import give_login, save_association, switch_login
from members.uploads import file_response
from reports.base import download_response, get_exporter

# ---------------------------------------------------------------- people


@login_required
def person_list(request):
    account = require_member(request)
    today = timezone.localdate()
    form = PersonFilterForm(request.GET or None, association=account.association)
    people = queries.people_list(account.association, today, form.cleaned_data if form.is_valid() else None)
    return render(request, "members/person_list.html", {"form": form, "people": people, "today": today})


@login_required
def person_detail(request, pk):
    account = require_member(request)
    person, rights = get_person_for_user(request, pk)
    context = {
        "person": person,
        "rights": rights,
        "courses": person.courses.all(),
        "portfolio": person.portfolio.all(),
        "show_contacts": rights.contacts,
        "can_edit": rights.edit,
        "feed_url": request.build_absolute_uri(reverse("events:person_feed", args=[person.calendar_token])),
        "history": changes(person) if rights.manage else [],
        "login": _login_of(person, account) if rights.manage else None,
        "consents": person.consents.all() if rights.contacts else None,
        "panels": panels("person", request, person),
    }
    return render(request, "members/person_detail.html", context)


def _login_of(person, head):
    """What the head sees of a person's login: the user, whether she may act on it, its failures of the last day."""
    account = Account.objects.filter(person=person).select_related("user").first()
    if account is None:
        return None
    manageable = account.can_be_managed_by(head)
    return {
        "account": account,
        "user": account.user,
        "manageable": manageable,
        "failures": throttle.recent_failures(account.user.username) if manageable else 0,
    }


@login_required
def person_create(request):
    account = require_head(request)
    form = PersonForm(request.POST or None, association=account.association, by_head=True)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        messages.success(
            request, _("Сотрудник «%(name)s» добавлен в банк данных.") % {"name": person.printed_name}
        )
        return redirect(person)
    return form_page(
        request,
        form,
        _("Новый сотрудник"),
        _("Карточка школьного библиотекаря в банке данных ГТО ШБ."),
        reverse("members:people"),
    )


@login_required
@transaction.atomic
def person_edit(request, pk):
    account = require_member(request)
    person, rights = get_person_for_user(request, pk, edit=True)
    form = PersonForm(
        request.POST or None, instance=person, association=account.association, by_head=rights.manage
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Карточка сохранена."))
        return redirect(person)
    return form_page(
        request,
        form,
        person.printed_name,
        _("Карточка в банке данных. Телефон и почту видят только вы, руководитель и комитет образования."),
        person.get_absolute_url(),
    )


# ---------------------------------------------------------------- courses and portfolio


@transaction.atomic
def _record_form(request, person, form_class, instance, title, intro):
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.person = person
        record.save()
        messages.success(request, _("Сохранено."))
        return redirect(person)
    return form_page(
        request,
        form,
        title,
        intro,
        person.get_absolute_url(),
        multipart=True,
        status=400 if request.method == "POST" else 200,
    )


@dataclass(frozen=True)
class RecordPages:
    """What the pages of one kind of a person's records (courses, portfolio entries) say and use."""

    model: type
    form: type
    title: str
    intro: str  # on a new record's form; `name` is the person's
    deleted: str


COURSE_PAGES = RecordPages(
    Course,
    CourseForm,
    gettext_lazy("Курсы повышения квалификации"),
    gettext_lazy("Курсы, которые прошёл(а) %(name)s. Скан удостоверения — PDF, JPEG или PNG до 10 МБ."),
    gettext_lazy("Курсы удалены из карточки."),
)
PORTFOLIO_PAGES = RecordPages(
    PortfolioEntry,
    PortfolioEntryForm,
    gettext_lazy("Запись портфолио"),
    gettext_lazy("Публикация, выступление, конкурс, мастер-класс или открытое мероприятие."),
    gettext_lazy("Запись удалена из портфолио."),
)


def _record_of(request, pages, pk):
    """(record, person): a record of a person whom the asker may edit (404 for another association's, 403)."""
    record = get_object_or_404(pages.model, pk=pk)
    person, _rights = get_person_for_user(request, record.person_id, edit=True)
    return record, person


def _record_add(request, pk, pages):
    person, _rights = get_person_for_user(request, pk, edit=True)
    intro = pages.intro % {"name": before_period(person.printed_name)}
    return _record_form(request, person, pages.form, pages.model(person=person), pages.title, intro)


def _record_edit(request, pk, pages):
    record, person = _record_of(request, pages, pk)
    return _record_form(request, person, pages.form, record, pages.title, person.printed_name)


def _record_delete(request, pk, pages):
    record, person = _record_of(request, pages, pk)
    record.delete()
    messages.success(request, pages.deleted)
    return redirect(person)


@login_required
def course_add(request, pk):
    return _record_add(request, pk, COURSE_PAGES)


@login_required
def course_edit(request, pk):
    return _record_edit(request, pk, COURSE_PAGES)


@login_required
@require_POST
def course_delete(request, pk):
    return _record_delete(request, pk, COURSE_PAGES)


@login_required
def portfolio_add(request, pk):
    return _record_add(request, pk, PORTFOLIO_PAGES)


@login_required
def portfolio_edit(request, pk):
    return _record_edit(request, pk, PORTFOLIO_PAGES)


@login_required
@require_POST
def portfolio_delete(request, pk):
    return _record_delete(request, pk, PORTFOLIO_PAGES)


@login_required
def course_scan(request, pk):
    """The scan of a course certificate: for those who may see the person's private data."""
    course = get_object_or_404(Course, pk=pk)
    return private_file(request, course.person_id, course.scan)


def private_file(request, person_pk, field_file):
    """A file of a person's private records (a course certificate, a consent): for those who see her contacts."""
    _person, rights = get_person_for_user(request, person_pk)
    if not rights.contacts:
        raise Http404
    return file_response(field_file)


@login_required
def portfolio_file(request, pk):
    entry = get_object_or_404(PortfolioEntry, pk=pk)
    get_person_for_user(request, entry.person_id)  # readable by the asker, or 404
    return file_response(entry.file)


# ---------------------------------------------------------------- accounts


@login_required
def account_create(request, pk):
    """The head gives a person a login: a password is made up, shown once and sent by e-mail when there is one."""
    head = require_head(request)
    person, rights = get_person_for_user(request, pk)
    if hasattr(person, "account"):
        messages.info(
            request,
            _("У «%(name)s» уже есть логин: %(login)s.")
            % {"name": person.printed_name, "login": person.account.user.username},
        )
        return redirect(person)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, password, sent = give_login(
                head,
                person,
                form.cleaned_data["username"],
                form.cleaned_data["role"],
                login_url=request.build_absolute_uri(reverse("login")),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(
                request,
                "members/account_created.html",
                {"person": person, "login": user.username, "password": password, "sent": sent},
            )
    return form_page(
        request,
        form,
        _("Логин для «%(name)s»") % {"name": person.printed_name},
        _(
            "Пароль сайт придумает сам и покажет один раз; если в карточке есть почта, письмо с логином уйдёт на неё."
        ),
        person.get_absolute_url(),
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def account_switch(request, pk):
    """The head switches a person's login off (sessions end) or on again; nothing is deleted."""
    head = require_head(request)
    person, rights = get_person_for_user(request, pk)
    account = _managed_login(person, head)
    on = request.POST.get("on") == "1"
    if on and not person.is_active:
        messages.error(
            request,
            _("В карточке «%(name)s» стоит «не работает»: сначала исправьте это в карточке.")
            % {"name": person.printed_name},
        )
    else:
        switch_login(account.user, on)
        messages.success(
            request,
            _("Вход включён.")
            if on
            else _(
                "Вход отключён: открытые сеансы завершены, календарь по личному адресу больше не открывается."
            ),
        )
    return redirect(person)


def _managed_login(person, head):
    """The person's login, if the head may act on it (Account.can_be_managed_by); 404 without one, 403 otherwise."""
    account = Account.objects.filter(person=person).select_related("user").first()
    if account is None:
        raise Http404
    if not account.can_be_managed_by(head):
        raise PermissionDenied
    return account


@login_required
@require_POST
def login_unlock(request, pk):
    """The head lifts the delay on a login after failed attempts (members.throttle)."""
    head = require_head(request)
    person, rights = get_person_for_user(request, pk)
    account = _managed_login(person, head)
    forgotten = throttle.unlock(account.user.username)
    messages.success(
        request,
        ngettext(
            "Ограничение снято: забыта %(count)d неудачная попытка входа.",
            "Ограничение снято: забыто %(count)d неудачных попыток входа.",
            forgotten,
        )
        % {"count": forgotten},
    )
    return redirect(person)


# ---------------------------------------------------------------- the association


@login_required
@transaction.atomic
def association_edit(request):
    """The head's own association: its names and the post printed on the signature line of new plans."""
    head = require_head(request)
    form = AssociationForm(request.POST or None, instance=head.association)
    if request.method == "POST" and form.is_valid():
        save_association(form)
        messages.success(request, _("Данные объединения сохранены."))
        return redirect("home")
    return form_page(
        request,
        form,
        _("Данные объединения"),
        _(
            "Название объединения стоит в заголовках планов и отчётов, должность — в подписи новых планов "
            "(у готового плана её меняют в его шапке). Адрес страниц объединения меняет администратор сайта."
        ),
        reverse("home"),
        status=400 if request.method == "POST" else 200,
    )


# ---------------------------------------------------------------- schools


@login_required
def school_list(request):
    account = require_member(request)
    year_start = academic_year_of(timezone.localdate())
    rows = queries.schools_with_pupils(account.association, year_start)
    return render(
        request,
        "members/school_list.html",
        {
            "rows": rows,
            "year_start": year_start,
            "year_name": academic_year_name(year_start),
            "can_add": account.is_head,
        },
    )


@login_required
def school_detail(request, pk):
    school, rights = get_school_for_user(request, pk)
    year_start = academic_year_of(timezone.localdate())
    counts = dict(school.enrollments.filter(year_start=year_start).values_list("grade", "students"))
    context = {
        "school": school,
        "year_start": year_start,
        "year_name": academic_year_name(year_start),
        "grades": [(grade, counts.get(grade)) for grade in range(1, 12)],
        "total": sum(counts.values()),
        "people": school.persons.filter(is_active=True),
        "can_edit": rights.edit,
        "panels": panels("school", request, school),
    }
    return render(request, "members/school_detail.html", context)


@login_required
def school_create(request):
    account = require_head(request)
    return _school_form(request, School(), account.association)


@login_required
def school_edit(request, pk):
    account = require_member(request)
    school, rights = get_school_for_user(request, pk, edit=True)
    return _school_form(request, school, account.association)


@transaction.atomic
def _school_form(request, school, association):
    year_start = academic_year_of(timezone.localdate())
    form = SchoolForm(request.POST or None, instance=school, association=association, year_start=year_start)
    if request.method == "POST" and form.is_valid():
        school = form.save()
        messages.success(request, _("Школа сохранена."))
        return redirect(school)
    return render(
        request,
        "members/school_form.html",
        {"form": form, "school": school, "year_name": academic_year_name(year_start)},
    )


# ---------------------------------------------------------------- the head's overview


@login_required
def overview(request):
    """What needs the head's attention in the data bank: attestations due, no recent courses, stale records."""
    account = require_reader_of_all(request)
    today = timezone.localdate()
    active = queries.librarians(account.association, today).filter(is_active=True)
    september_first = academic_year_bounds(academic_year_of(today))[0]
    context = {
        "due": active.attestation_due(today),
        "no_course": queries.without_recent_course(active, today),
        "stale": active.filter(updated_at__date__lt=september_first),
        "september_first": september_first,
        "today": today,
        "panels": panels("overview", request, account.association),
    }
    return render(request, "members/overview.html", context)


# ---------------------------------------------------------------- downloads


@login_required
@require_safe
def members_download(request):
    """The whole data bank as XLSX, contacts included: the head and the committee."""
    account = require_reader_of_all(request)
    return download_response(get_exporter("members-xlsx")(account.association))


@login_required
@require_safe
def person_card_download(request, pk):
    """A librarian's card as PDF: whoever may read the card; contacts only for those who may see them."""
    person, rights = get_person_for_user(request, pk)
    return download_response(get_exporter("person-card-pdf")(person, contacts=rights.contacts))
