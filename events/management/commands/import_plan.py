"""python manage.py import_plan FILE [--year 2023-2024] [--replace] [--association SLUG]"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.importer import PlanImportError, import_plan_file
from events.models import Event, academic_year_name, parse_academic_year
from members.services import get_association


def russian_plural(count, one, few, many):
    """«1 раздел», «3 раздела», «5 разделов», «21 раздел».

    Russian has three forms; django's ngettext without a compiled Russian catalog
    for these strings falls back to the English rule (one / other), which would
    print «3 разделов».
    """
    if count % 10 == 1 and count % 100 != 11:
        form = one
    elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        form = few
    else:
        form = many
    return f"{count} {form}"


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
        self.stdout.write(
            f"Загружен план работы на {academic_year_name(plan.year_start)} учебный год: "
            + ", ".join(
                [
                    russian_plural(sections, "раздел", "раздела", "разделов"),
                    russian_plural(events, "мероприятие", "мероприятия", "мероприятий"),
                    russian_plural(len(plan.task_tree()), "задача", "задачи", "задач"),
                    russian_plural(len(plan.result_list()), "ожидаемый результат", "ожидаемых результата", "ожидаемых результатов"),
                ]
            )
            + "."
        )
        persons = result.created_persons
        if persons:
            self.stdout.write(
                russian_plural(len(persons), "новый сотрудник", "новых сотрудника", "новых сотрудников")
                + ": "
                + ", ".join(person.printed_name for person in persons)
            )
        else:
            self.stdout.write("Новых сотрудников нет: все ответственные уже были в списке.")
        if result.warnings:
            self.stdout.write("Предупреждения:")
            for warning in result.warnings:
                self.stdout.write(f"  {warning}")
