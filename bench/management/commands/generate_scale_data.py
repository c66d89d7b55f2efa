"""python manage.py generate_scale_data --associations 40 --schools 1000 --librarians 1200 --titles 20000 --offers 200000 --needs 50000 --years 10

Region-sized data for measuring speed (textbooks.scale_data): a region of new associations, one per
town, each with its schools, librarians and accounts, plans and report rounds; the Federal List; the
region's one bank of offers, needs and transfers; a regional coordinator.
The same --seed and sizes give the same data. Meant for an empty database of its own (bin/benchmark
makes one), never for the working one.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from bench.scale_data import Generator, Sizes


class Command(BaseCommand):
    help = "Создать данные размером с регион для замеров скорости (в отдельной, пустой базе)."

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument(
            "--associations",
            type=int,
            default=defaults.associations,
            help=f"объединений (по одному на город или район, до 40), по умолчанию {defaults.associations}",
        )
        parser.add_argument(
            "--schools", type=int, default=defaults.schools, help=f"школ, по умолчанию {defaults.schools}"
        )
        parser.add_argument(
            "--librarians",
            type=int,
            default=defaults.librarians,
            help=f"библиотекарей, по умолчанию {defaults.librarians}",
        )
        parser.add_argument(
            "--titles",
            type=int,
            default=defaults.titles,
            help=f"учебников в ФПУ (разных наименований), по умолчанию {defaults.titles}",
        )
        parser.add_argument(
            "--offers",
            type=int,
            default=defaults.offers,
            help=f"предложений обменного фонда, по умолчанию {defaults.offers}",
        )
        parser.add_argument(
            "--needs", type=int, default=defaults.needs, help=f"потребностей, по умолчанию {defaults.needs}"
        )
        parser.add_argument(
            "--years",
            type=int,
            default=defaults.years,
            help=f"лет планов и сборов отчётов, по умолчанию {defaults.years}",
        )
        parser.add_argument(
            "--events",
            type=int,
            default=defaults.events,
            help=f"мероприятий в плане каждого года, по умолчанию {defaults.events}",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="начальное значение генератора случайных чисел, по умолчанию 1",
        )
        parser.add_argument(
            "--year", type=int, help="последний учебный год (год 1 сентября), по умолчанию текущий"
        )
        parser.add_argument(
            "--association",
            default="region",
            help="начало адресов объединений (region-irkutsk, region-angarsk…; при одном объединении — весь адрес) "
            "и учётных записей, по умолчанию region",
        )

    def handle(self, *args, **options):
        sizes = Sizes(**{name: options[name] for name in Sizes().as_dict()})
        started = time.monotonic()
        generator = Generator(sizes, seed=options["seed"], year_start=options["year"], slug=options["association"],
                              log=lambda line: self.stdout.write(f"  {line}"))  # fmt: skip
        try:
            associations = generator.run()
        except ValueError as error:
            raise CommandError(str(error)) from None
        prefix, largest = options["association"], associations[0]
        count = ngettext("%(count)d объединение", "%(count)d объединений", len(associations)) % {
            "count": len(associations)
        }
        self.stdout.write(f"Готово за {time.monotonic() - started:.0f} с: {count}, самое большое — «{largest.slug}» "
                          f"(руководитель {largest.slug}-head); координатор — {prefix}-coordinator, администратор — {prefix}-admin "
                          "(без паролей).")  # fmt: skip
