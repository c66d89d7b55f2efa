"""E-mail reminders: to the responsible people before an event starts, to the head about overdue events.

Every reminder sent is recorded (events.models.Reminder), so running the command twice sends nothing twice.
"""

import datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.formats import format_date
from core.hooks import Hooks
from events.models import Event, Reminder
from members.models import Account

# Events spanning more than this («В течение года», «Сентябрь - май») get no «coming soon» e-mail.
LONGEST_REMINDED_SPAN = datetime.timedelta(days=62)


# Reminders the apps above events send with the same daily run (meetings: decisions due and overdue):
# functions (today, days_before) -> a sentence of what they sent, registered with @reminders.register.
reminders = Hooks()


def send_others(today, days_before):
    """What the registered reminders sent, a sentence each."""
    return [function(today, days_before) for function in reminders]


def email_of(person):
    if person.email:
        return person.email
    account = getattr(person, "account", None)
    return account.user.email if account else ""


def record_once(model, **fields):
    """True when this reminder is new (and now recorded in `model`, whose fields are unique together); False when
    it was sent before."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
        return True
    except IntegrityError:
        return False


def heads_to_tell():
    """[(head's Account, her address)]: the associations' heads with a card and an e-mail address."""
    heads = Account.objects.filter(role=Account.Role.HEAD, person__isnull=False).select_related(
        "person", "user"
    )
    return [
        (head, head.person.email or head.user.email) for head in heads if head.person.email or head.user.email
    ]


def remind_coming(today, days_before):
    """E-mail each responsible person about planned events starting within `days_before` days. Returns the count sent."""
    events = (
        Event.objects.filter(
            status=Event.Status.PLANNED,
            date_start__gte=today,
            date_start__lte=today + datetime.timedelta(days=days_before),
        )
        .select_related("section__plan__association")
        .prefetch_related("responsibles__person__account__user")
    )
    sent = 0
    for event in events:
        if event.date_end - event.date_start > LONGEST_REMINDED_SPAN:
            continue
        for responsible in event.responsibles.all():
            person = responsible.person
            address = person and email_of(person)
            if not address or not record_once(
                Reminder, event=event, person=person, kind=Reminder.Kind.COMING
            ):
                continue
            send_mail(
                _("Скоро мероприятие: %(title)s") % {"title": event.title[:80]},
                _(
                    "Здравствуйте!\n\n%(date)s начинается мероприятие плана ГТО ШБ, где вы ответственный:\n«%(title)s»\nСроки: %(dates)s\n\nРуководитель ГТО ШБ"
                )
                % {"date": format_date(event.date_start), "title": event.title, "dates": event.dates_text},
                None,
                [address],
            )
            sent += 1
    return sent


def remind_overdue(today):
    """Tell each association's head about events whose dates have passed and that are still «planned». Returns e-mails sent."""
    overdue = list(
        Event.objects.filter(status=Event.Status.PLANNED, date_end__lt=today)
        .select_related("section__plan")
        .order_by("date_end")
    )
    sent = 0
    for head, address in heads_to_tell():
        new = [
            e
            for e in overdue
            if e.section.plan.association_id == head.association_id
            and record_once(Reminder, event=e, person=head.person, kind=Reminder.Kind.OVERDUE)
        ]
        if not new:
            continue
        lines = "\n".join(f"— {e.title} ({e.dates_text})" for e in new)
        send_mail(
            ngettext("Не отмечено %(count)d мероприятие", "Не отмечено %(count)d мероприятий", len(new))
            % {"count": len(new)},
            _(
                "Здравствуйте!\n\nСроки этих мероприятий плана прошли, а они всё ещё «запланировано». Отметьте, проведены ли они, перенесены или отменены:\n\n%(lines)s\n"
            )
            % {"lines": lines},
            None,
            [address],
        )
        sent += 1
    return sent
