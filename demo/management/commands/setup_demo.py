"""Demo data for a person trying the site: the real 2023-2024 plan, the city's schools and
librarians (the plan's responsible people among them), and three accounts.

Safe to run again: what exists is kept, the demo passwords are set anew and printed.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import contests as contests_demo
from demo import meetings as meetings_demo
from demo import textbooks as textbooks_demo
from events.models import Event, Plan, Section
from events.plan_import import import_plan_file
from members.models import Account, Association, Consent, Course, Enrollment, Person, School
from members.names import parse_name
from members.services import find_or_create_person
from textbooks.models import Offer

SEED_PLAN = Path(settings.BASE_DIR) / "demo" / "data" / "plan-2023-2024.txt"

# short name, full name; students per grade 1–11 in the demo year
SCHOOLS = [
    (
        "МАОУ СОШ № 1",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
    ),
    (
        "МАОУ СОШ № 2",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 2»",
    ),
    (
        "МБОУ СОШ № 5",
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»",
    ),
    (
        "МАОУ СОШ № 7",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»",
    ),
    (
        "МАОУ СОШ № 9",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 9»",
    ),
    (
        "МАОУ СОШ № 11",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 11»",
    ),
    (
        "МАОУ СОШ № 12",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»",
    ),
    (
        "МАОУ СОШ № 13",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 13»",
    ),
    (
        "МАОУ СОШ № 14",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 14»",
    ),
    (
        "МАОУ «Экспериментальный лицей»",
        "Муниципальное автономное общеобразовательное учреждение «Экспериментальный лицей «Научно-образовательный комплекс»",
    ),
]
STUDENTS = [96, 92, 90, 88, 85, 84, 80, 78, 75, 52, 48]

P, L, H = Person.Position.TEACHER_LIBRARIAN, Person.Position.LIBRARIAN, Person.Position.HEAD_OF_LIBRARY
# the plan's responsible people: school, position, category, last attestation, a course (title, hours, end)
LIBRARIANS = [
    (
        "Саблина В.И.",
        0,
        H,
        "highest",
        datetime.date(2022, 4, 12),
        ("Управление школьным информационно-библиотечным центром", 72, datetime.date(2023, 3, 30)),
    ),
    (
        "Куклина Н.Н.",
        0,
        P,
        "first",
        datetime.date(2021, 12, 15),
        ("Школьная библиотека как ресурс реализации ФГОС", 36, datetime.date(2022, 11, 18)),
    ),
    ("Садовникова Л.И.", 1, P, "first", datetime.date(2020, 2, 20), None),
    ("Соколова Н.В.", 2, L, "none", None, ("Библиотечное обслуживание детей", 16, datetime.date(2024, 2, 9))),
    ("Степанова М.М.", 3, P, "conformity", datetime.date(2023, 5, 25), None),
    (
        "Гайнутдинова Т.Н.",
        4,
        P,
        "first",
        datetime.date(2019, 10, 30),
        ("Медиаграмотность школьника", 24, datetime.date(2020, 3, 6)),
    ),
    ("Барышева Н.М.", 5, L, "none", None, None),
    (
        "Матвеева Т.Д.",
        6,
        P,
        "highest",
        datetime.date(2024, 1, 17),
        ("Цифровые сервисы школьной библиотеки", 72, datetime.date(2023, 10, 27)),
    ),
    ("Меньшаева Л.П.", 7, L, "none", None, None),
    (
        "Лазарева Т.Н.",
        8,
        P,
        "first",
        datetime.date(2021, 9, 28),
        ("Проектная деятельность в библиотеке", 36, datetime.date(2021, 4, 16)),
    ),
    ("Черных М.В.", 9, P, "conformity", datetime.date(2022, 12, 2), None),
    ("Ткачук Т.М.", 3, L, "none", None, ("Библиотечное обслуживание детей", 16, datetime.date(2024, 2, 9))),
    ("Новикова Е.А.", 5, P, "first", datetime.date(2023, 2, 14), None),
    ("Пискарёва С.Б.", 6, L, "none", None, None),
]

# The second association, so that a regional site shows two: a district's, with a short plan of its own.
DISTRICT = {
    "slug": "ust-ilimsk-district",
    "name": "Районное методическое объединение школьных библиотекарей Усть-Илимского района",
    "short_name": "РМО ШБ",
    "city": "Усть-Илимский район",
    "head_post": "Руководитель РМО ШБ",
}
DISTRICT_SCHOOLS = [
    (
        "МОУ «Невонская СОШ»",
        "Муниципальное общеобразовательное учреждение «Невонская средняя общеобразовательная школа»",
    ),
    (
        "МОУ «Седановская СОШ»",
        "Муниципальное общеобразовательное учреждение «Седановская средняя общеобразовательная школа»",
    ),
]
DISTRICT_PLAN = [
    (
        "Организационная деятельность",
        [
            ("Утверждение плана работы РМО на 2023-2024 учебный год", "14.09.2023 г.", "Иванова О.П."),
            ("Обновление банка данных о библиотекарях района", "Октябрь, 2023 г.", "Иванова О.П."),
        ],
    ),
    (
        "Работа с читателями",
        [
            ("Районный конкурс чтецов «Живая классика»", "Март, 2024 г.", "Петрова А.С. Иванова О.П."),
            ("Неделя детской книги в сельских школах", "Апрель - Май, 2024 г.", "Петрова А.С."),
        ],
    ),
]

# The published plan names these two by their posts: they gave no consent to publishing their names (152-ФЗ).
WITHOUT_PUBLISHING_CONSENT = {"Барышева Н.М.", "Меньшаева Л.П."}


def record_consents(person, publishing):
    """The demo's consents, as a head records them (dated 1 September 2023, the signed paper kept by her)."""
    if person.consents.exists():
        return
    given = datetime.date(2023, 9, 1)
    Consent.objects.create(person=person, scope=Consent.Scope.PROCESSING, given_on=given)
    if publishing:
        Consent.objects.create(person=person, scope=Consent.Scope.PUBLISHING, given_on=given)


# login, password, role, the person
DEMO_ACCOUNTS = [
    ("sablina", "sablina-2023", Account.Role.HEAD, "Саблина В.И."),
    ("kuklina", "kuklina-2023", Account.Role.LIBRARIAN, "Куклина Н.Н."),
    ("sadovnikova", "sadovnikova-2023", Account.Role.LIBRARIAN, "Садовникова Л.И."),
]


class Command(BaseCommand):
    help = "Заполняет сайт демонстрационными данными: план 2023-2024, школы и библиотекари города, учётные записи руководителя, двух библиотекарей, комитета образования, координатора и администратора."

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

        schools = self.schools(association)
        for printed, school, position, category, attested, course in LIBRARIANS:
            person, _ = find_or_create_person(association, parse_name(printed))
            if person.school_id:
                continue  # already filled in (by an earlier run or by hand)
            person.school, person.position, person.category, person.rate = (
                schools[school],
                position,
                category,
                1,
            )
            if attested:
                person.attestation_date = attested
                person.attestation_due = attested.replace(year=attested.year + 5)
            person.save()
            if course:
                title, hours, end = course
                Course.objects.create(
                    person=person,
                    title=title,
                    provider="ГАУ ДПО ИРО",
                    hours=hours,
                    start=end - datetime.timedelta(days=14),
                    end=end,
                )
        for person in Person.objects.filter(association=association):
            record_consents(person, publishing=person.printed_name not in WITHOUT_PUBLISHING_CONSENT)
        self.stdout.write(
            f"Школ: {len(schools)}, сотрудников в банке данных: {Person.objects.filter(association=association).count()}."
        )
        self.stdout.write(textbooks_demo.load(association, schools))
        self.stdout.write(meetings_demo.load(association, plan))
        self.stdout.write(contests_demo.load(association, plan))

        district_head = self.district()

        self.stdout.write("\nУчётные записи для входа на http://127.0.0.1:8000/accounts/login/ :")
        for username, password, role, printed in DEMO_ACCOUNTS:
            person, _ = find_or_create_person(association, parse_name(printed))
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = user.is_superuser = False  # the admin is the site administrator's alone
            user.save()
            Account.objects.update_or_create(
                user=user, defaults={"association": association, "role": role, "person": person}
            )
            label = Account.Role(role).label
            self.stdout.write(f"  {label}: {person.printed_name} — логин «{username}», пароль «{password}»")
        self.stdout.write(
            f"  руководитель РМО района: {district_head.printed_name} — логин «ivanova», пароль «ivanova-2023»"
        )
        committee, _ = User.objects.get_or_create(username="komitet")
        committee.set_password("komitet-2023")
        committee.is_staff = committee.is_superuser = False
        committee.save()
        Account.objects.update_or_create(
            user=committee, defaults={"association": association, "role": Account.Role.VIEWER, "person": None}
        )
        self.stdout.write(
            "  комитет образования: читает всё в объединении и ничего не меняет — "
            "логин «komitet», пароль «komitet-2023»"
        )
        coordinator, _ = User.objects.get_or_create(username="region")
        coordinator.set_password("region-2023")
        coordinator.save()
        Account.objects.update_or_create(
            user=coordinator, defaults={"association": None, "role": Account.Role.COORDINATOR, "person": None}
        )
        self.stdout.write(
            "  региональный координатор (видит оба объединения) — логин «region», пароль «region-2023»"
        )
        admin, _ = User.objects.get_or_create(username="admin")
        admin.set_password("admin-2023")
        admin.is_staff = admin.is_superuser = True
        admin.save()
        self.stdout.write(
            "  администратор сайта (объединения и их руководители, политика обработки данных — в /admin/) — "
            "логин «admin», пароль «admin-2023»"
        )

    def district(self):
        """The district's association: two schools, two librarians, a short published plan and an offer in the bank."""
        association, created = Association.objects.get_or_create(slug=DISTRICT["slug"], defaults=DISTRICT)
        schools = []
        for short_name, name in DISTRICT_SCHOOLS:
            school, _ = School.objects.get_or_create(
                association=association, short_name=short_name, defaults={"name": name}
            )
            schools.append(school)
        head, _ = find_or_create_person(association, parse_name("Иванова О.П."))
        librarian, _ = find_or_create_person(association, parse_name("Петрова А.С."))
        if created:
            head.school, librarian.school = schools
            head.position, librarian.position = (
                Person.Position.HEAD_OF_LIBRARY,
                Person.Position.TEACHER_LIBRARIAN,
            )
            head.save()
            librarian.save()
            record_consents(head, publishing=True)
            record_consents(librarian, publishing=True)
            plan = Plan.objects.create(
                association=association,
                year_start=2023,
                status=Plan.Status.PUBLISHED,
                head_name="Иванова О.П.",
                head_post="Руководитель РМО ШБ",
                theme="Школьная библиотека сельской школы — центр чтения и информации.",
            )
            for position, (title, events) in enumerate(DISTRICT_PLAN, start=1):
                section = Section.objects.create(plan=plan, position=position, title=title)
                for number, (event_title, dates, names) in enumerate(events, start=1):
                    event = Event.objects.create(
                        section=section, position=number, title=event_title, dates_text=dates
                    )
                    event.set_responsibles([names])
            Offer.objects.create(
                school=schools[1],
                title="Окружающий мир. 2 класс. В 2 частях",
                authors="Плешаков А.А.",
                subject="Окружающий мир",
                grade_from=2,
                grade_to=2,
                copies=12,
                available=12,
                year_published=2022,
            )
        user, _ = User.objects.get_or_create(username="ivanova")
        user.set_password("ivanova-2023")
        user.save()
        Account.objects.update_or_create(
            user=user, defaults={"association": association, "role": Account.Role.HEAD, "person": head}
        )
        return head

    def schools(self, association):
        schools = []
        for short_name, name in SCHOOLS:
            school, created = School.objects.get_or_create(
                association=association, short_name=short_name, defaults={"name": name}
            )
            if created:
                for year_start in (2023, 2024, 2025, 2026):
                    Enrollment.objects.bulk_create(
                        Enrollment(school=school, year_start=year_start, grade=grade, students=students)
                        for grade, students in enumerate(STUDENTS, start=1)
                    )
            schools.append(school)
        return schools
