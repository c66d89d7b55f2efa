from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from audit.history import changes
from events import services
from events.access import get_event_for_user, get_plan_for_user, get_section_for_user
from events.checks import check_plan
from events.dates import impossible_date
from events.forms import EventForm, EventStatusForm, LinkNameForm, MoveForm, PlanHeaderForm, SectionForm
from events.models import Event, extra_columns
from events.plan_page import add_row_actions, add_row_notes
from events.responsibles import WrittenName, add_card_for_written_name, link_written_name, suggested_card
from members.models import Person


def plan_detail(request, slug, year):
    plan, rights = get_plan_for_user(request, slug, year)
    editable = rights.edit
    public = not rights.member
    sections = plan.numbered_sections(public=public)
    if editable:
        add_row_actions(request, sections)
    add_row_notes(plan, sections, public)
    headers = extra_columns(plan, sections)
    problems = check_plan(plan, sections) if editable else []
    context = {
        "plan": plan,
        "head_name": plan.signature_name(public=public),
        "sections": sections,
        "extra_columns": headers,
        "columns": 4 + len(headers),
        "blocks": plan.blocks(),
        "labels": {"tasks": plan.label("tasks"), "results": plan.label("results")},
        "editable": editable,
        "member": rights.member,
        "problems": problems,
    }
    if editable and (written := [problem for problem in problems if problem.name_key]):
        context["cards"] = cards = list(
            Person.objects.filter(association=plan.association)
            .select_related("school")
            .order_by("surname", "initials")
        )
        context["written_names"] = [
            WrittenName(problem, suggested_card(problem.name_key, cards)) for problem in written
        ]
    return render(request, "events/plan_detail.html", context)


@login_required
@require_POST
def plan_link_name(request, slug, year):
    """A name the plan writes that is no card: linked to a card of the association, or added as a new card."""
    plan, rights = get_plan_for_user(request, slug, year, edit=True)
    form = LinkNameForm(request.POST, association=plan.association)
    if not form.is_valid():
        messages.error(
            request,
            _("Этого имени в плане уже нет: обновите страницу.")
            if "key" in form.errors
            else _("Выберите карточку из списка."),
        )
    elif form.cleaned_data["action"] == "new":
        person, created = add_card_for_written_name(plan, form.cleaned_data["key"])
        if person is None:
            messages.error(request, _("Этого имени в плане уже нет: обновите страницу."))
        elif created:
            messages.success(
                request,
                _("Карточка «%(name)s» добавлена в банк данных и привязана к строкам плана.")
                % {"name": person.printed_name},
            )
        else:
            messages.info(
                request,
                _("Карточка «%(name)s» уже есть: строки плана привязаны к ней.")
                % {"name": person.printed_name},
            )
    else:
        person = form.cleaned_data["person"]
        count = link_written_name(plan, form.cleaned_data["key"], person)
        messages.success(
            request,
            ngettext(
                "%(count)d строка плана привязана к карточке «%(name)s».",
                "%(count)d строк плана привязано к карточке «%(name)s».",
                count,
            )
            % {"count": count, "name": person.printed_name},
        )
    return redirect(f"{plan.get_absolute_url()}#checks-title")


@login_required
@transaction.atomic
def plan_edit(request, slug, year):
    plan, rights = get_plan_for_user(request, slug, year, edit=True)
    form = PlanHeaderForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Шапка плана сохранена."))
        return redirect(plan)
    return render(request, "events/plan_edit.html", {"plan": plan, "form": form, "history": changes(plan)})


@login_required
@require_POST
def plan_publish(request, slug, year):
    plan, rights = get_plan_for_user(request, slug, year, edit=True)
    publish = request.POST.get("publish") == "1"
    services.set_published(plan, publish)
    if publish:
        messages.success(request, _("План опубликован: теперь его видят все по этому адресу."))
    else:
        messages.success(request, _("План снова черновик: его видят только участники объединения."))
    return redirect(plan)


@login_required
@require_POST
def plan_copy(request, slug, year):
    plan, rights = get_plan_for_user(request, slug, year, edit=True)
    try:
        copy = services.copy_to_next_year(plan)
    except services.PlanExists:
        messages.error(request, _("План на следующий учебный год уже есть — копия не создана."))
        return redirect(plan)
    messages.success(request, _("Создан черновик плана на %(year)s учебный год.") % {"year": copy.year_name})
    return redirect(copy)


@login_required
def section_add(request, slug, year):
    plan, rights = get_plan_for_user(request, slug, year, edit=True)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section = form.save(commit=False)
        section.plan = plan
        section.position = plan.sections.count() + 1
        section.save()
        messages.success(request, _("Раздел добавлен."))
        return redirect(f"{plan.get_absolute_url()}#section-{section.pk}")
    return render(request, "events/section_form.html", {"plan": plan, "form": form})


@login_required
@transaction.atomic
def section_edit(request, pk):
    section, rights = get_section_for_user(request, pk)
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Раздел сохранён."))
        return redirect(f"{section.plan.get_absolute_url()}#section-{section.pk}")
    return render(
        request, "events/section_form.html", {"plan": section.plan, "form": form, "section": section}
    )


@login_required
@require_POST
def section_delete(request, pk):
    section, rights = get_section_for_user(request, pk)
    plan = section.plan
    count = section.events.count()
    section.delete_and_renumber()
    messages.success(
        request,
        ngettext(
            "Раздел «%(title)s» удалён вместе с %(count)d мероприятием.",
            "Раздел «%(title)s» удалён вместе с %(count)d мероприятиями.",
            count,
        )
        % {"title": section.title, "count": count}
        if count
        else _("Пустой раздел «%(title)s» удалён.") % {"title": section.title},
    )
    return redirect(plan)


@login_required
@require_POST
def section_move(request, pk):
    section, rights = get_section_for_user(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        section.move(form.cleaned_data["direction"])
    return redirect(f"{section.plan.get_absolute_url()}#section-{section.pk}")


@login_required
def event_add(request, pk):
    section, rights = get_section_for_user(request, pk)
    return _event_form(request, section.plan, Event(section=section))


@login_required
def event_edit(request, pk):
    event, rights = get_event_for_user(request, pk)
    return _event_form(request, event.section.plan, event)


@transaction.atomic
def _event_form(request, plan, event):
    creating = event.pk is None
    old_section = None if creating else event.section
    form = EventForm(request.POST or None, instance=event, plan=plan, initial={"section": event.section})
    if request.method == "POST" and form.is_valid():
        event = services.save_event(form.save(commit=False), form.responsibles, old_section)
        messages.success(request, _("Мероприятие добавлено.") if creating else _("Мероприятие сохранено."))
        if wrong := impossible_date(event.dates_text):
            messages.warning(
                request,
                _("В сроках «%(text)s» — такой даты нет: проверьте, что вы имели в виду.") % {"text": wrong},
            )
        return redirect(f"{plan.get_absolute_url()}#event-{event.pk}")
    context = {
        "plan": plan,
        "form": form,
        "event": None if creating else event,
        "history": [] if creating else changes(event),
        "known_names": Person.objects.filter(association=plan.association).only("surname", "initials"),
    }
    return render(request, "events/event_form.html", context)


@login_required
@require_POST
def event_delete(request, pk):
    event, rights = get_event_for_user(request, pk)
    plan = event.section.plan
    event.delete_and_renumber()
    messages.success(request, _("Мероприятие удалено: номера следующих сдвинулись."))
    return redirect(plan)


@login_required
@require_POST
def event_move(request, pk):
    event, rights = get_event_for_user(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        event.move(form.cleaned_data["direction"])
    return redirect(f"{event.section.plan.get_absolute_url()}#event-{event.pk}")


@login_required
@require_POST
def event_status(request, pk):
    event, rights = get_event_for_user(request, pk)
    form = EventStatusForm(request.POST)
    if form.is_valid():
        services.set_status(event, form.cleaned_data["status"])
        messages.success(
            request,
            _("Мероприятие «%(title)s»: %(status)s.")
            % {"title": event.title[:60], "status": event.get_status_display()},
        )
    return redirect(f"{event.section.plan.get_absolute_url()}#event-{event.pk}")
