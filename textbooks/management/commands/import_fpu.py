"""python manage.py import_fpu FILE.xlsx"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from textbooks.fpu import import_fpu
from textbooks.spreadsheets import SpreadsheetError


class Command(BaseCommand):
    help = (
        "Загрузить федеральный перечень учебников (ФПУ) из XLSX министерства. Более новый перечень обновляет "
        "каталог: учебники, которых в нём нет, помечаются исключёнными, предложения и потребности остаются."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="файл перечня .xlsx")
        parser.add_argument(
            "--allow-mass-exclusion",
            action="store_true",
            help="загрузить и тогда, когда в файле нет больше половины учебников каталога",
        )

    def handle(self, *args, **options):
        self.stderr.write(f"Читаю перечень «{options['file']}» и сверяю его с каталогом…")
        try:
            result = import_fpu(options["file"], allow_mass_exclusion=options["allow_mass_exclusion"])
        except SpreadsheetError as error:
            raise CommandError(
                "Перечень не загружен, ничего не изменено.\n" + "\n".join(error.errors)
            ) from None
        except FileNotFoundError:
            raise CommandError(f"Файл «{options['file']}» не найден.") from None
        parts = [
            ngettext("%(count)d новый", "%(count)d новых", result.created) % {"count": result.created},
            ngettext("%(count)d изменён", "%(count)d изменено", result.updated) % {"count": result.updated},
            ngettext("%(count)d без изменений", "%(count)d без изменений", result.unchanged)
            % {"count": result.unchanged},
            ngettext("%(count)d исключён", "%(count)d исключено", result.excluded)
            % {"count": result.excluded},
        ]
        self.stdout.write(
            ngettext(
                "Загружен перечень: %(count)d учебник", "Загружен перечень: %(count)d учебников", result.total
            )
            % {"count": result.total}
            + " ("
            + ", ".join(parts)
            + ")."
        )
        if result.excluded_numbers:
            self.stdout.write("Исключены из перечня: " + ", ".join(result.excluded_numbers) + ".")
