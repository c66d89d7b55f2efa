"""python manage.py restore FILE.zip — into an empty database, after `migrate`."""

from django.core.management.base import BaseCommand, CommandError

from backup.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = "Восстановить резервную копию (из команды backup) в пустую базу данных."

    def add_arguments(self, parser):
        parser.add_argument("file", help="файл копии .zip")

    def handle(self, *args, file, **options):
        self.stderr.write(f"Проверяю копию «{file}» и загружаю записи в одной транзакции…")
        try:
            manifest = restore_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        records = sum(manifest["records"].values())
        self.stdout.write(
            f"Восстановлено из {file} (копия от {manifest['created'][:10]}): записей {records}, файлов {manifest['files']}."
        )
