"""Demo data for a person trying the site: the real 2023-2024 plan and three accounts.

Safe to run again: what exists is kept, the demo passwords are set anew and printed.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from events.importer import import_plan_file
from events.models import Plan
from members.models import Account, Association, Person, School
from members.names import PrintedName
from members.services import find_or_create_person

SEED_PLAN = Path(settings.BASE_DIR) / "events" / "data" / "plan-2023-2024.txt"

# login, password, role, surname, initials, school
DEMO_ACCOUNTS = [
    ("sablina", "sablina-2023", Account.Role.HEAD, "Саблина", "В.И.", None),
    ("kuklina", "kuklina-2023", Account.Role.LIBRARIAN, "Куклина", "Н.Н.", ("МАОУ СОШ № 1", "Средняя общеобразовательная школа № 1")),
    ("sadovnikova", "sadovnikova-2023", Account.Role.LIBRARIAN, "Садовникова", "Л.И.", ("МАОУ СОШ № 2", "Средняя общеобразовательная школа № 2")),
]


class Command(BaseCommand):
    help = "Заполняет сайт демонстрационными данными: план 2023-2024 и учётные записи руководителя и двух библиотекарей."

    @transaction.atomic
    def handle(self, *args, **options):
        association, _ = Association.objects.get_or_create(
            slug="ust-ilimsk",
            defaults={
                "name": "Городское творческое объединение школьных библиотекарей г. Усть-Илимска",
                "short_name": "ГТО ШБ",
                "city": "Усть-Илимск",
            },
        )
        plan = Plan.objects.filter(association=association, year_start=2023).first()
        if plan is None:
            plan = import_plan_file(SEED_PLAN, association).plan
            plan.status = Plan.Status.PUBLISHED
            plan.save(update_fields=["status"])
            self.stdout.write(f"Загружен и опубликован план работы на {plan.year_name} учебный год.")
        else:
            self.stdout.write(f"План работы на {plan.year_name} учебный год уже загружен.")

        self.stdout.write("\nУчётные записи для входа на http://127.0.0.1:8000/accounts/login/ :")
        for username, password, role, surname, initials, school_names in DEMO_ACCOUNTS:
            person, _ = find_or_create_person(association, PrintedName(surname, initials))
            if school_names:
                short, full = school_names
                school, _ = School.objects.get_or_create(association=association, short_name=short, defaults={"name": full})
                person.school = school
                person.save()
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = user.is_superuser = role == Account.Role.HEAD
            user.save()
            Account.objects.update_or_create(user=user, defaults={"association": association, "role": role, "person": person})
            label = Account.Role(role).label
            self.stdout.write(f"  {label}: {person.printed_name} — логин «{username}», пароль «{password}»")
