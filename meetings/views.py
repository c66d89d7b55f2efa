"""The meeting's pages: the meeting with its agenda, attendance, protocol and materials, and the year's meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.history import changes
from core.pages import form_page
from core.years import academic_year_of, parse_academic_year
from events.forms import MoveForm
from events.models import Plan
from meetings import queries, services
from meetings.access import (
    get_decision_for_user,
    get_item_for_user,
    get_material_for_user,
    get_meeting_for_user,
)
from meetings.forms import AgendaItemForm, AttendanceForm, DecisionFormSet, MaterialForm, MeetingForm
from meetings.models import AgendaItem
from members.access import require_member
from members.uploads import file_response
from reports.base import download_response, get_exporter


@login_required
def meeting_list(request):
    """The meetings of a year's plan (the current year by default), with what each has filled in."""
    account = require_member(request)
    try:
        year_start = parse_academic_year(request.GET["year"]) if "year" in request.GET else None
    except ValueError:
        raise Http404 from None
    plans = {plan.year_start: plan for plan in Plan.objects.filter(association=account.association)}
    if year_start is None:  # this year's plan, or else the newest
        current = academic_year_of(timezone.localdate())
        year_start = current if current in plans or not plans else max(plans)
    plan = plans.get(year_start)
    context = {
        "plans": [plans[year] for year in sorted(plans, reverse=True)],
        "plan": plan,
        "meetings": list(queries.year_meetings(account.association, year_start)),
        "may_mark": account.is_head,
    }
    return render(request, "meetings/meeting_list.html", context)


@login_required
def meeting_detail(request, pk):
    meeting, rights = get_meeting_for_user(request, pk)
    groups = queries.roster(meeting)
    present, total = queries.counts(groups)
    context = {
        "meeting": meeting,
        "rights": rights,
        "items": queries.agenda(meeting),
        "materials": queries.general_materials(meeting),
        "groups": groups,
        "present": present,
        "total": total,
        "guests": [line.strip() for line in meeting.guests.splitlines() if line.strip()],
        "earlier": queries.earlier_open_decisions(meeting),
        "material_form": MaterialForm(meeting=meeting) if rights.edit else None,
        "history": changes(meeting) if rights.manage and meeting.pk and not meeting._state.adding else [],
    }
    return render(request, "meetings/meeting_detail.html", context)


@login_required
def meeting_edit(request, pk):
    meeting, rights = get_meeting_for_user(request, pk, edit=True)
    form = MeetingForm(request.POST or None, instance=meeting, association=meeting.plan.association)
    if request.method == "POST" and form.is_valid():
        services.save_meeting(form.save(commit=False))
        messages.success(request, _("Сведения о заседании сохранены."))
        return redirect(meeting)
    return form_page(
        request,
        form,
        _("Заседание № %(number)s: дата, место, председатель и секретарь") % {"number": meeting.number},
        _(
            "Пустая дата — заседание проходит в срок, указанный в плане. Председатель и секретарь выбираются из банка данных."
        ),
        meeting.get_absolute_url(),
    )


@login_required
def attendance(request, pk):
    meeting, rights = get_meeting_for_user(request, pk, edit=True)
    groups = queries.roster(meeting)
    people = [row.person for group in groups for row in group.rows]
    form = AttendanceForm(request.POST or None, people=people, initial={"guests": meeting.guests})
    if request.method == "POST" and form.is_valid():
        services.save_attendance(meeting, form.cleaned_data["marks"], form.cleaned_data["guests"])
        messages.success(request, _("Явка сохранена."))
        return redirect(f"{meeting.get_absolute_url()}#attendance")
    if form.is_bound:  # what was ticked, kept
        for group in groups:
            for row in group.rows:
                row.present = request.POST.get(f"present-{row.person.pk}") == "1"
                row.reason = request.POST.get(f"reason-{row.person.pk}", "")
    return render(request, "meetings/attendance.html", {"meeting": meeting, "form": form, "groups": groups})


@login_required
def item_add(request, pk):
    meeting, rights = get_meeting_for_user(request, pk, edit=True)
    return _item_form(request, meeting, AgendaItem(meeting=meeting))


@login_required
def item_edit(request, pk):
    item, rights = get_item_for_user(request, pk)
    return _item_form(request, item.meeting, item)


def _item_form(request, meeting, item):
    association = meeting.plan.association
    creating = item.pk is None
    form = AgendaItemForm(request.POST or None, instance=item, association=association)
    decisions = DecisionFormSet(
        request.POST or None, instance=item, form_kwargs={"association": association}, prefix="decisions"
    )
    if request.method == "POST" and form.is_valid() and decisions.is_valid():
        item = services.save_item(form.save(commit=False), decisions)
        messages.success(request, _("Вопрос повестки сохранён."))
        return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")
    context = {
        "meeting": meeting,
        "item": None if creating else item,
        "form": form,
        "decisions": decisions,
        "history": [] if creating else changes(item),
    }
    return render(request, "meetings/item_form.html", context)


@login_required
@require_POST
def item_delete(request, pk):
    item, rights = get_item_for_user(request, pk)
    meeting = item.meeting
    services.delete_item(item)
    messages.success(request, _("Вопрос снят с повестки вместе с его решениями."))
    return redirect(f"{meeting.get_absolute_url()}#agenda")


@login_required
@require_POST
def item_move(request, pk):
    item, rights = get_item_for_user(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        services.move_item(item, form.cleaned_data["direction"])
    return redirect(f"{item.meeting.get_absolute_url()}#agenda")


@login_required
@require_POST
def material_add(request, pk):
    meeting, rights = get_meeting_for_user(request, pk, edit=True)
    form = MaterialForm(request.POST, request.FILES, meeting=meeting)
    if form.is_valid():
        services.add_material(form.save(commit=False))
        messages.success(request, _("Файл приложен к заседанию."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(f"{meeting.get_absolute_url()}#materials")


@login_required
def material_download(request, pk):
    material, rights = get_material_for_user(request, pk)
    return file_response(material.file)


@login_required
@require_POST
def material_delete(request, pk):
    material, rights = get_material_for_user(request, pk, edit=True)
    meeting = material.meeting
    services.delete_material(material)
    messages.success(request, _("Файл удалён."))
    return redirect(f"{meeting.get_absolute_url()}#materials")


@login_required
@require_POST
def publish(request, pk):
    meeting, rights = get_meeting_for_user(request, pk)
    if not rights.manage:
        raise PermissionDenied
    publish = request.POST.get("publish") == "1"
    services.set_published(meeting, publish)
    messages.success(
        request,
        _(
            "Протокол опубликован: его повестка и решения видны на опубликованном плане, список присутствующих — нет."
        )
        if publish
        else _("Протокол снят с публикации: его видят только участники объединения."),
    )
    return redirect(meeting)


@login_required
def protocol_download(request, pk, fmt):
    meeting, rights = get_meeting_for_user(request, pk)
    try:
        exporter = get_exporter(f"protocol-{fmt}")
    except KeyError:
        raise Http404 from None
    return download_response(exporter(meeting))


@login_required
@require_POST
def decision_done(request, pk):
    decision, rights = get_decision_for_user(request, pk)
    done = request.POST.get("done", "1") == "1"
    services.mark_done(decision, done, timezone.localdate())
    messages.success(
        request,
        _("Решение %(number)s отмечено выполненным.") % {"number": decision.number}
        if done
        else _("Решение %(number)s снова не выполнено.") % {"number": decision.number},
    )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect(decision.item.meeting)
