"""E-mail reminders about meetings' decisions, sent by `send_reminders` with the events' own
(events.reminders): to the person responsible before the deadline, to the head about decisions past it.

Every reminder sent is recorded (DecisionReminder), so a repeated run sends nothing new."""

import datetime

from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.formats import format_date
from events.reminders import email_of, heads_to_tell, record_once
from meetings.models import Decision, DecisionReminder


def _open():
    return Decision.objects.filter(
        done_on__isnull=True, responsible__isnull=False, deadline__isnull=False
    ).select_related("item__meeting__event__section__plan", "responsible__account__user")


def _line(decision):
    meeting = decision.item.meeting
    return _("— %(number)s. %(text)s (заседание № %(meeting)s, срок %(deadline)s)") % {
        "number": decision.number,
        "text": decision.text,
        "meeting": meeting.event.meeting_number,
        "deadline": format_date(decision.deadline),
    }


def remind_coming(today, days_before):
    """E-mail each person responsible about her decisions due within `days_before` days. Returns e-mails sent."""
    due = _open().filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=days_before))
    sent = 0
    for decision in due.order_by("deadline", "pk"):
        person = decision.responsible
        address = email_of(person)
        if not address or not record_once(
            DecisionReminder, decision=decision, person=person, kind=DecisionReminder.Kind.COMING
        ):
            continue
        send_mail(
            _("Скоро срок решения заседания: %(text)s") % {"text": decision.text[:80]},
            _(
                "Здравствуйте!\n\nЗаседание объединения поручило вам решение, срок которого %(deadline)s:\n%(line)s\n\nКогда выполните, отметьте это на главной странице сайта."
            )
            % {"deadline": format_date(decision.deadline), "line": _line(decision)},
            None,
            [address],
        )
        sent += 1
    return sent


def remind_overdue(today):
    """Tell each association's head about open decisions past their deadline. Returns e-mails sent."""
    overdue = list(_open().filter(deadline__lt=today).order_by("deadline", "pk"))
    sent = 0
    for head, address in heads_to_tell():
        new = [
            decision
            for decision in overdue
            if decision.item.meeting.event.section.plan.association_id == head.association_id
            and record_once(
                DecisionReminder, decision=decision, person=head.person, kind=DecisionReminder.Kind.OVERDUE
            )
        ]
        if not new:
            continue
        send_mail(
            ngettext(
                "Не выполнено в срок %(count)d решение заседаний",
                "Не выполнено в срок %(count)d решений заседаний",
                len(new),
            )
            % {"count": len(new)},
            _(
                "Здравствуйте!\n\nСроки этих решений заседаний прошли, а они не отмечены выполненными:\n\n%(lines)s\n"
            )
            % {"lines": "\n".join(f"{_line(d)}: {d.responsible.printed_name}" for d in new)},
            None,
            [address],
        )
        sent += 1
    return sent


def remind_decisions(today, days_before):
    """Both kinds; the sentence `send_reminders` prints."""
    coming, overdue = remind_coming(today, days_before), remind_overdue(today)
    return (
        ngettext(
            "Решения заседаний: %(count)d напоминание ответственным",
            "Решения заседаний: %(count)d напоминаний ответственным",
            coming,
        )
        % {"count": coming}
        + "; "
        + ngettext(
            "%(count)d письмо руководителю о просроченных.",
            "%(count)d писем руководителям о просроченных.",
            overdue,
        )
        % {"count": overdue}
    )
