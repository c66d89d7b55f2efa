"""python manage.py export_members --format xlsx --output FILE [--association SLUG]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from members.services import get_association
from reports.base import get_exporter


class Command(BaseCommand):
    help = "Выгрузить банк данных о школьных библиотекарях в XLSX (курсы и портфолио — на отдельных листах)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["xlsx"], default="xlsx", help="формат файла (xlsx)")
        parser.add_argument("--output", required=True, help="куда записать файл")
        parser.add_argument("--association", help="адрес объединения (нужен, если на сайте их несколько)")

    def handle(self, *args, **options):
        try:
            association = get_association(options["association"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        exporter = get_exporter(f"members-{options['format']}")(association)
        output = Path(options["output"])
        try:
            output.write_bytes(exporter.render())
        except OSError as error:
            raise CommandError(f"Не удалось записать {output}: {error.strerror}.") from None
        self.stdout.write(f"Записан {output} ({output.stat().st_size // 1024} КБ): {exporter.title}.")
