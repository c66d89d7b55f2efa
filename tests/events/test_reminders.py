"""manage.py send_reminders: before an event to its people, after it to the head; never twice."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import Event

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("send_reminders", "--days", "7", stdout=out)
    return out.getvalue()


@pytest.fixture
def dated_plan(plan, head_user):
    head = head_user.account.person
    head.email = "sablina@example.ru"
    head.save()
    today = timezone.localdate()
    soon, past = today + datetime.timedelta(days=3), today - datetime.timedelta(days=2)
    soon_event = Event.objects.get(title="Круглый стол")
    soon_event.dates_text = soon.strftime("%d.%m.%Y г.")
    soon_event.save()
    past_event = Event.objects.get(title="Утверждение плана работы")
    past_event.dates_text = past.strftime("%d.%m.%Y г.")
    past_event.save()
    far = Event.objects.get(title="Конкурс юных поэтов")
    far.dates_text = (today + datetime.timedelta(days=30)).strftime("%d.%m.%Y г.")
    far.save()
    return plan


def test_reminders_go_once(dated_plan):
    output = run()
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Не отмечено 1 мероприятие", "Скоро мероприятие: Круглый стол"]
    assert all(m.to == ["sablina@example.ru"] for m in mail.outbox)
    assert "Отправлено 1 напоминание" in output and "1 письмо руководителю" in output
    run()
    assert len(mail.outbox) == 2


def test_done_events_are_not_overdue(dated_plan):
    Event.objects.filter(title="Утверждение плана работы").update(status=Event.Status.DONE)
    run()
    assert [m.subject for m in mail.outbox] == ["Скоро мероприятие: Круглый стол"]


def test_people_without_email_are_skipped(plan):
    run()
    assert mail.outbox == []
