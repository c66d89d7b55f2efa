import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.access import get_plan_for_user
from events.calendar import ical, month_of
from events.models import Event, Plan
from members.access import get_person_for_user
from members.models import Person


def plan_calendar(request, slug, year):
    """The plan's events on a month: ?month=2023-10; by default this month, or September outside the plan's year."""
    plan, rights = get_plan_for_user(request, slug, year)
    first_day, last_day = plan.bounds
    try:
        first = datetime.datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
    except ValueError:
        today = timezone.localdate()
        first = today.replace(day=1) if first_day <= today <= last_day else first_day
    if not first_day <= first <= last_day:
        raise Http404
    events = Event.objects.filter(section__plan=plan, date_start__isnull=False).order_by(
        "date_start", "section__position", "position"
    )
    month = month_of(events.prefetch_related("responsibles__person"), first)
    context = {
        "plan": plan,
        "month": month,
        "has_previous": month.previous >= first_day,
        "has_next": month.next <= last_day,
    }
    return render(request, "events/calendar.html", context)


FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def person_feed(request, token):
    """A person's events as an iCalendar file, at a private address the phone's calendar subscribes to (no login).

    The address is all it takes, as a visitor's is, so it carries what a visitor may read: events of published
    plans only (a draft's dates still move). Someone who left, or whose login is switched off, has no feed (404).
    """
    if not FEED_TOKEN.fullmatch(token):
        raise Http404
    people = Person.objects.filter(is_active=True).exclude(account__user__is_active=False)
    person = get_object_or_404(people, calendar_token=token)
    events = (
        Event.objects.filter(
            responsibles__person=person, date_start__isnull=False, section__plan__status=Plan.Status.PUBLISHED
        )
        .exclude(status=Event.Status.CANCELLED)
        .prefetch_related("responsibles__person__school")
        .distinct()
        .order_by("date_start")
    )
    body = ical(events, f"ГТО ШБ: {person.printed_name}", request.get_host(), owner=person)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
@require_POST
def person_feed_renew(request, pk):
    """A new private address; the old one stops working (when it was shared by mistake)."""
    person, _rights = get_person_for_user(request, pk, edit=True)  # the head or the person herself
    person.renew_calendar_token()
    messages.success(request, _("Адрес календаря заменён: старый больше не работает, подпишитесь по новому."))
    return redirect(person)
