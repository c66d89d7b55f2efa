"""python manage.py send_reminders [--days N]: run it once a day (cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from events.reminders import remind_coming, remind_overdue, send_others


class Command(BaseCommand):
    help = "Напоминает ответственным о близких мероприятиях и сроках решений заседаний, руководителю — о прошедших, но не отмеченных мероприятиях и невыполненных решениях. Повторный запуск не шлёт тех же писем."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.EVENT_REMINDER_DAYS,
            help="за сколько дней до начала напоминать (по умолчанию %(default)s)",
        )

    def handle(self, *args, days, **options):
        today = timezone.localdate()
        coming = remind_coming(today, days)
        overdue = remind_overdue(today)
        self.stdout.write(
            ngettext(
                "Отправлено %(count)d напоминание о близких мероприятиях",
                "Отправлено %(count)d напоминаний о близких мероприятиях",
                coming,
            )
            % {"count": coming}
            + "; "
            + ngettext(
                "%(count)d письмо руководителю о неотмеченных.",
                "%(count)d писем руководителям о неотмеченных.",
                overdue,
            )
            % {"count": overdue}
        )
        for sentence in send_others(today, days):
            self.stdout.write(sentence)
