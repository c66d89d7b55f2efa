"""python manage.py import_offers FILE.xlsx --school "МАОУ СОШ № 1" [--association SLUG]"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from members.models import School
from members.services import get_association
from textbooks.offers_import import import_offers
from textbooks.spreadsheets import SpreadsheetError


class Command(BaseCommand):
    help = "Загрузить список лишних учебников школы (обменный фонд) из XLSX: все строки или ни одной."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="файл .xlsx: первая строка — заголовки (Наименование, Класс, Количество…)"
        )
        parser.add_argument(
            "--school", required=True, help="краткое название школы, как на сайте: «МАОУ СОШ № 1»"
        )
        parser.add_argument("--association", help="адрес объединения (нужен, если на сайте их несколько)")

    @transaction.atomic
    def handle(self, *args, **options):
        try:
            association = get_association(options["association"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        name = " ".join(options["school"].split())
        schools = list(School.objects.filter(association=association))
        # Compared in Python: SQLite's case-insensitive match knows only Latin letters.
        school = next(
            (s for s in schools if " ".join(s.short_name.split()).casefold() == name.casefold()), None
        )
        if school is None:
            known = ", ".join(f"«{s.short_name}»" for s in schools)
            raise CommandError(f"Школа «{name}» не найдена. Школы объединения: {known or 'пока ни одной'}.")
        self.stderr.write(f"Читаю список «{options['file']}» для {school.short_name}…")
        try:
            result = import_offers(options["file"], school)
        except SpreadsheetError as error:
            raise CommandError(error.summary() + "\n" + "\n".join(error.errors)) from None
        except FileNotFoundError:
            raise CommandError(f"Файл «{options['file']}» не найден.") from None
        self.stdout.write(f"{school}: {result.message()}")
        if ignored := result.ignored_message():
            self.stdout.write(ignored)
