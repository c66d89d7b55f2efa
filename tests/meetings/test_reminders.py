"""Reminders about meetings' decisions, sent by `manage.py send_reminders`: to the person responsible in the days
before the deadline, to the head about those past it; never the same e-mail twice, never about another
association's decisions."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import ngettext

from core.formats import format_date
from events.models import Event, Plan, Section
from meetings.models import AgendaItem, Decision, DecisionReminder, Meeting
from meetings.reminders import remind_coming, remind_decisions, remind_overdue
from members.models import Account, Person
from tests.conftest import make_account

pytestmark = pytest.mark.django_db

DAYS = 7


def run():
    out = StringIO()
    call_command("send_reminders", "--days", str(DAYS), stdout=out)
    return out.getvalue()


def days(n, today=None):
    return (today or timezone.localdate()) + datetime.timedelta(days=n)


def meeting_of(association, number=1):
    """A meeting held (its event done, so the plan's own reminders say nothing about it), with no date."""
    plan, _created = Plan.objects.get_or_create(association=association, year_start=2023)
    section, _created = Section.objects.get_or_create(plan=plan, position=4, defaults={"title": "Заседания"})
    event = Event.objects.create(section=section, position=number, title=f"Заседание № {number}", dates_text="",
                                 status=Event.Status.DONE, meeting_number=number)  # fmt: skip
    return Meeting.objects.create(event=event)


def decision(meeting, text, responsible, deadline, position=1, done_on=None):
    item, _created = AgendaItem.objects.get_or_create(
        meeting=meeting, position=1, defaults={"title": "О плане работы на год"}
    )
    return Decision.objects.create(
        item=item, position=position, text=text, responsible=responsible, deadline=deadline, done_on=done_on
    )


@pytest.fixture
def head(head_user):
    person = head_user.account.person
    person.email = "sablina@example.ru"
    person.save()
    return person


@pytest.fixture
def kuklina(librarian_user):
    """The librarian: her address is her login's, not on her card."""
    librarian_user.email = "kuklina@example.ru"
    librarian_user.save()
    return librarian_user.account.person


@pytest.fixture
def sadovnikova(other_librarian_user):
    person = other_librarian_user.account.person
    person.email = "sadovnikova@example.ru"
    person.save()
    return person


@pytest.fixture
def meeting(association):
    return meeting_of(association)


@pytest.fixture
def other_head(other_association):
    """The other association's head, with an address, and a decision of her own association past its deadline."""
    person = Person.objects.create(
        association=other_association, surname="Петрова", initials="О.О.", email="petrova@example.ru"
    )
    make_account(other_association, Account.Role.HEAD, "other-head-with-person", person)
    theirs = Person.objects.create(association=other_association, surname="Иванова", initials="А.А.")
    decision(meeting_of(other_association), "Обновить стенд в Братске", theirs, days(-4))
    return person


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


# ---------------------------------------------------------------- to the person responsible


def test_the_person_responsible_hears_in_the_days_before_the_deadline(head, kuklina, meeting):
    due = decision(meeting, "Подготовить выставку к Неделе детской книги", kuklina, days(3), position=2)
    run()
    [message] = mail.outbox
    assert message.to == ["kuklina@example.ru"]
    assert message.subject == "Скоро срок решения заседания: Подготовить выставку к Неделе детской книги"
    assert "1.2. Подготовить выставку" in message.body and "заседание № 1" in message.body
    assert format_date(due.deadline) in message.body


@pytest.mark.parametrize(
    "deadline, done",
    [
        (None, False),  # no deadline: nothing to remind of
        (8, False),  # beyond the days before
        (2, True),  # done already
    ],
)
def test_no_reminder_for_what_is_not_due(head, kuklina, meeting, deadline, done):
    decision(
        meeting,
        "Провести урок",
        kuklina,
        None if deadline is None else days(deadline),
        done_on=timezone.localdate() if done else None,
    )
    run()
    assert mail.outbox == []
    assert not DecisionReminder.objects.exists()


def test_the_day_of_the_deadline_and_the_last_of_the_days_are_reminded(kuklina, meeting):
    today = datetime.date(2024, 3, 1)
    decision(meeting, "Сегодня", kuklina, today)
    decision(meeting, "Через неделю", kuklina, days(DAYS, today), position=2)
    decision(meeting, "Через восемь дней", kuklina, days(DAYS + 1, today), position=3)
    decision(meeting, "Вчера", kuklina, days(-1, today), position=4)
    assert remind_coming(today, DAYS) == 2
    assert sorted(message.subject.rsplit(": ", 1)[1] for message in mail.outbox) == [
        "Сегодня",
        "Через неделю",
    ]


def test_no_address_no_reminder(meeting, association):
    nobody = Person.objects.create(association=association, surname="Безадресная", initials="А.А.")
    decision(meeting, "Провести урок", nobody, days(1))
    assert remind_coming(timezone.localdate(), DAYS) == 0
    assert mail.outbox == [] and not DecisionReminder.objects.exists()


def test_a_repeated_run_sends_the_responsible_nothing_new(head, kuklina, meeting):
    decision(meeting, "Подготовить выставку", kuklina, days(3))
    run()
    run()
    assert len(mail.outbox) == 1
    decision(meeting, "Оформить стенд", kuklina, days(5), position=2)  # a new one: only it
    run()
    assert [message.subject for message in mail.outbox[1:]] == [
        "Скоро срок решения заседания: Оформить стенд"
    ]


# ---------------------------------------------------------------- to the head


def test_the_head_gets_one_email_listing_the_overdue(head, kuklina, sadovnikova, meeting):
    decision(meeting, "Провести сверку фонда с ФСЭМ", sadovnikova, days(-3))
    decision(meeting, "Сдать отчёт о книгообеспеченности", kuklina, days(-1), position=2)
    decision(meeting, "Уже выполнено", kuklina, days(-10), position=3, done_on=days(-12))
    decision(meeting, "Срок не прошёл", kuklina, days(30), position=4)
    output = run()
    [message] = to("sablina@example.ru")
    assert message.subject == ngettext(
        "Не выполнено в срок %(count)d решение заседаний",
        "Не выполнено в срок %(count)d решений заседаний",
        2,
    ) % {"count": 2}
    assert "1.1. Провести сверку фонда с ФСЭМ" in message.body and "Садовникова Л.И." in message.body
    assert "1.2. Сдать отчёт о книгообеспеченности" in message.body and "Куклина Н.Н." in message.body
    assert message.body.index("Провести сверку") < message.body.index("Сдать отчёт")  # the earliest first
    assert "Уже выполнено" not in message.body and "Срок не прошёл" not in message.body
    # past the deadline: no «coming soon» e-mail to the people responsible
    assert to("sadovnikova@example.ru") == [] and to("kuklina@example.ru") == []
    assert "1 письмо руководителю о просроченных" in output


def test_a_repeated_run_tells_the_head_only_of_newly_overdue(head, kuklina, meeting):
    today = datetime.date(2024, 3, 1)
    decision(meeting, "Первое", kuklina, days(-2, today))
    later = decision(meeting, "Второе", kuklina, days(2, today), position=2)
    assert remind_overdue(today) == 1
    assert remind_overdue(today) == 0
    assert remind_overdue(days(3, today)) == 1  # «Второе» is past its deadline now
    first, second = mail.outbox
    assert "Первое" in first.body and "Второе" not in first.body
    assert "Второе" in second.body and "Первое" not in second.body
    later.done_on = days(3, today)
    later.save()
    assert remind_overdue(days(10, today)) == 0


def test_another_associations_head_hears_nothing_of_ours(head, kuklina, meeting, other_head):
    decision(meeting, "Провести сверку фонда с ФСЭМ", kuklina, days(-3))
    run()
    [ours] = to("sablina@example.ru")
    [theirs] = to("petrova@example.ru")
    assert "Провести сверку фонда" in ours.body and "Обновить стенд в Братске" not in ours.body
    assert "Обновить стенд в Братске" in theirs.body and "Провести сверку фонда" not in theirs.body
    run()
    assert len(mail.outbox) == 2


def test_a_head_without_an_address_is_skipped(head_user, kuklina, meeting):
    decision(meeting, "Провести сверку фонда с ФСЭМ", kuklina, days(-3))
    assert remind_overdue(timezone.localdate()) == 0
    assert mail.outbox == [] and not DecisionReminder.objects.exists()


def test_what_the_command_says(head, kuklina, sadovnikova, meeting):
    decision(meeting, "Скоро", kuklina, days(2))
    decision(meeting, "Тоже скоро", sadovnikova, days(4), position=2)
    decision(meeting, "Прошло", kuklina, days(-2), position=3)
    assert remind_decisions(timezone.localdate(), DAYS) == (
        ngettext(
            "Решения заседаний: %(count)d напоминание ответственным",
            "Решения заседаний: %(count)d напоминаний ответственным",
            2,
        )
        % {"count": 2}
        + "; "
        + ngettext(
            "%(count)d письмо руководителю о просроченных.",
            "%(count)d писем руководителям о просроченных.",
            1,
        )
        % {"count": 1}
    )
    assert len(mail.outbox) == 3
    assert "Решения заседаний: 0 напоминаний" in run()  # the command's run after: nothing new
    assert len(mail.outbox) == 3
