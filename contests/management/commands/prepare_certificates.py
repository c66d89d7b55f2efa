"""manage.py prepare_certificates <contest> — the issued certificates of a contest as one PDF, and the librarians'
pages filed into their portfolios (contests.certificates.prepare). «Выпустить грамоты» starts it in a process of
its own; run by hand, it makes the file again."""

from django.core.management.base import BaseCommand, CommandError

from contests.certificates import prepare


class Command(BaseCommand):
    help = "Собрать выпущенные грамоты конкурса в один PDF и разложить благодарности по портфолио."

    def add_arguments(self, parser):
        parser.add_argument("contest", type=int, help="номер мероприятия плана, которое стало конкурсом")

    def handle(self, *args, contest, **options):
        done = prepare(contest)
        if done is None:
            raise CommandError("Такого конкурса с выпущенными грамотами нет.")
        self.stdout.write(f"Грамоты конкурса «{done.title}» собраны: {done.certificates.count()}.")
