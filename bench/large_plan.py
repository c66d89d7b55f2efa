"""A large plan for the benchmark and the tests: N events in sections of 50, with varied dates, people and states."""

from events.dates import parse_dates
from events.models import Event, Plan, Responsible, Section
from members.models import Person

SECTION_TITLES = [
    "Организационная деятельность",
    "Информационно-аналитическая деятельность",
    "Социальное партнерство",
    "Организационно-методическая деятельность",
    "Организационно-педагогическая деятельность с учащимися",
]
KINDS = [
    "Семинар «Школьная библиотека как информационно-библиотечный центр»",
    "Круглый стол «Особенности комплектования библиотечного фонда в условиях обновления ФПУ»",
    "Конкурс юных чтецов «Живая классика», школьный этап",
    "Выставка «Государственные символы Российской Федерации: история и современность»",
    "Консультация по оформлению передачи учебников во временное пользование",
]
DATES = [
    "11.09.2023 г.",
    "Октябрь, 2023 г.",
    "В течение года",
    "Апрель - Май, 2024 г.",
    "19.12.2023 г.",
    "Январь-март 2024 г.",
]
STATES = [Event.Status.DONE] * 6 + [
    Event.Status.MOVED,
    Event.Status.CANCELLED,
    Event.Status.PLANNED,
    Event.Status.DONE,
]
SURNAMES = [
    "Саблина",
    "Куклина",
    "Степанова",
    "Барышева",
    "Матвеева",
    "Меньшаева",
    "Лазарева",
    "Черных",
    "Ткачук",
    "Соколова",
    "Садовникова",
    "Новикова",
    "Пискарёва",
    "Гайнутдинова",
    "Иванова",
    "Петрова",
    "Смирнова",
    "Кузнецова",
    "Попова",
    "Васильева",
]


def make_large_plan(association, events=500, year_start=2023, per_section=50):
    """A published plan of `events` events for `association` (bulk-created: a few queries, not thousands)."""
    plan = Plan.objects.create(
        association=association,
        year_start=year_start,
        city_theme="Реализация и совершенствование механизмов сопровождения индивидуальных образовательных маршрутов.",
        theme="Профессиональная компетентность школьного библиотекаря – ресурс эффективной работы школьной библиотеки.",
        goal="Создание условий для развития профессиональной компетентности школьных библиотекарей.",
        tasks="Организовать методическое сопровождение\n- консультации\n- вебинары\nИзучить опыт коллег",
        results="Рост качества услуг школьных библиотек\nПовышение читательской компетентности",
        head_name="Саблина В.И.",
        status=Plan.Status.PUBLISHED,
    )
    persons = []
    for index, surname in enumerate(SURNAMES):
        initials = f"{'АВЕИМНОСТЮ'[index % 10]}.{'ВИНПСЛ'[index % 6]}."
        person = Person.objects.filter(association=association, surname=surname, initials=initials).first()
        persons.append(
            person or Person.objects.create(association=association, surname=surname, initials=initials)
        )
    sections = Section.objects.bulk_create(
        Section(plan=plan, position=position, title=SECTION_TITLES[(position - 1) % len(SECTION_TITLES)])
        for position in range(1, (events + per_section - 1) // per_section + 1)
    )
    new_events = []
    for number in range(1, events + 1):
        dates_text = DATES[number % len(DATES)]
        date_start, date_end = parse_dates(dates_text, year_start)
        status = STATES[number % len(STATES)]
        new_events.append(
            Event(
                section=sections[(number - 1) // per_section],
                position=(number - 1) % per_section + 1,
                title=f"{KINDS[number % len(KINDS)]} (мероприятие {number})",
                dates_text=dates_text,
                date_start=date_start,
                date_end=date_end,
                status=status,
                outcome="Перенесено на следующий месяц" if status == Event.Status.MOVED else "",
            )
        )
    new_events = Event.objects.bulk_create(new_events)
    Responsible.objects.bulk_create(
        Responsible(
            event=event,
            person=persons[(number + shift) % len(persons)],
            text=persons[(number + shift) % len(persons)].printed_name,
            key=persons[(number + shift) % len(persons)].key,
            position=shift + 1,
        )
        for number, event in enumerate(new_events)
        for shift in range(number % 3 + 1)
    )
    return plan
