"""python manage.py import_plan FILE [--year 2023-2024] [--replace] [--association SLUG]"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import ngettext

from events.importer import PlanImportError, import_plan_file
from events.models import Event, academic_year_name, parse_academic_year
from members.services import get_association


class Command(BaseCommand):
    help = "Загрузить план работы ГТО ШБ из файла .txt (таблица Word, сохранённая как текст) или .docx."

    def add_arguments(self, parser):
        parser.add_argument("file", help="файл плана: .txt или .docx")
        parser.add_argument("--year", help="учебный год, например 2023-2024 (по умолчанию — из документа)")
        parser.add_argument("--replace", action="store_true", help="заменить уже загруженный план на этот год")
        parser.add_argument("--association", help="адрес объединения (нужен, если на сайте их несколько)")

    def handle(self, *args, **options):
        year_start = None
        if options["year"]:
            try:
                year_start = parse_academic_year(options["year"])
            except ValueError as error:
                raise CommandError(str(error)) from None
        self.stderr.write(f"Читаю план «{options['file']}»…")
        # One transaction, so that a failed import leaves nothing behind — not even a first association.
        with transaction.atomic():
            try:
                association = get_association(options["association"])
            except ValueError as error:
                raise CommandError(str(error)) from None
            try:
                result = import_plan_file(
                    options["file"], association, year_start=year_start, replace=options["replace"]
                )
            except PlanImportError as error:
                raise CommandError(f"План не загружен. {error}") from None

        plan = result.plan
        sections = plan.sections.count()
        events = Event.objects.filter(section__plan=plan).count()
        tasks, results = len(plan.task_tree()), len(plan.result_list())
        self.stdout.write(
            f"Загружен план работы на {academic_year_name(plan.year_start)} учебный год: "
            + ", ".join(
                [
                    ngettext("%(count)d раздел", "%(count)d разделов", sections) % {"count": sections},
                    ngettext("%(count)d мероприятие", "%(count)d мероприятий", events) % {"count": events},
                    ngettext("%(count)d задача", "%(count)d задач", tasks) % {"count": tasks},
                    ngettext("%(count)d ожидаемый результат", "%(count)d ожидаемых результатов", results) % {"count": results},
                ]
            )
            + "."
        )
        persons = result.created_persons
        if persons:
            self.stdout.write(
                ngettext("%(count)d новый сотрудник", "%(count)d новых сотрудников", len(persons)) % {"count": len(persons)}
                + ": "
                + ", ".join(person.printed_name for person in persons)
            )
        else:
            self.stdout.write("Новых сотрудников нет: все ответственные уже были в списке.")
        if result.warnings:
            self.stdout.write("Предупреждения:")
            for warning in result.warnings:
                self.stdout.write(f"  {warning}")
