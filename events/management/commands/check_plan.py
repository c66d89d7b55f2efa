"""python manage.py check_plan 2023-2024 [--association SLUG]"""

from django.core.management.base import BaseCommand, CommandError

from core.years import parse_academic_year
from events.checks import check_plan
from events.models import Plan
from members.services import get_association


class Command(BaseCommand):
    help = "Проверить план работы: даты вне учебного года, разные инициалы у одной фамилии, пустые сроки и ответственные."

    def add_arguments(self, parser):
        parser.add_argument("year", help="учебный год, например 2023-2024")
        parser.add_argument("--association", help="адрес объединения (нужен, если на сайте их несколько)")

    def handle(self, *args, **options):
        try:
            year_start = parse_academic_year(options["year"])
            association = get_association(options["association"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        plan = Plan.objects.filter(association=association, year_start=year_start).first()
        if plan is None:
            raise CommandError(f"Плана на {options['year'].strip()} учебный год нет.")
        problems = check_plan(plan)
        if not problems:
            self.stdout.write("Замечаний нет.")
        for problem in problems:
            self.stdout.write(problem.message)
