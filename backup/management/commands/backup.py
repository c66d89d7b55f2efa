"""python manage.py backup FILE.zip"""

from django.core.management.base import BaseCommand

from backup.archive import write_backup


class Command(BaseCommand):
    help = "Записать резервную копию всех данных и загруженных файлов в один .zip."

    def add_arguments(self, parser):
        parser.add_argument("file", help="куда записать копию, например backup-2024-05-31.zip")

    def handle(self, *args, file, **options):
        self.stderr.write("Собираю все записи и загруженные файлы…")
        manifest = write_backup(file)
        records = sum(manifest["records"].values())
        self.stdout.write(
            f"Резервная копия записана в {file}: записей {records}, файлов {manifest['files']}."
        )
