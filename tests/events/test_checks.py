"""check_plan: what to look at again in a plan."""

import pytest

from events.checks import Problem, check_plan, format_date
from events.models import Event, Plan, Section
from members.models import Person

SEED_NAMES = [
    "Саблина В.И",
    "Садовникова Л.И.",
    "Соколова Н.В.",
    "Куклина Н.Н.",
    "Степанова М.М.",
    "Гайнутдинова Т.Н.",
    "Барышева Н.М.",
    "Матвеева Т.Д.",
    "Меньшаева Л.П.",
    "Лазарева Т.Н.",
    "Черных М.В.",
    "Ткачук Т.М.",
    "Садовникова Н.Н.",
    "Новикова Е.А.",
    "Пискарёва С.Б.",
]  # each as first written


def test_seed_plan_has_exactly_the_two_known_problems_and_lists_its_names_without_cards(
    seed_plan, django_assert_num_queries
):
    with django_assert_num_queries(3):  # sections; their events; the events' responsibles with persons
        problems = check_plan(seed_plan)
    written = [problem for problem in problems if problem.name_key]
    assert [problem.message.split("»")[0].lstrip("«") for problem in written] == SEED_NAMES
    assert written[0].message == (
        "«Саблина В.И» (мероприятия 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23)"
        " — такого человека нет в банке данных: привяжите имя к карточке или добавьте карточку."
    )
    assert [problem for problem in problems if not problem.name_key] == [
        Problem(
            8,
            "Мероприятие 8: дата «22.09.2024 г.» вне 2023-2024 учебного года "
            "(1 сентября 2023 г. – 31 августа 2024 г.).",
        ),
        Problem(
            None,
            "Одна фамилия с разными инициалами: «Садовникова Л.И.» (мероприятия 2, 24) "
            "и «Садовникова Н.Н.» (мероприятие 23) — проверьте, один ли это человек.",
        ),
    ]


def test_format_date():
    from datetime import date

    assert format_date(date(2023, 9, 1)) == "1 сентября 2023 г."
    assert format_date(date(2024, 8, 31)) == "31 августа 2024 г."


@pytest.fixture
def plan(association):
    plan = Plan.objects.create(association=association, year_start=2023)
    Section.objects.create(plan=plan, position=1, title="Организационная деятельность")
    return plan


def add_event(plan, dates_text, persons=(), section_position=1):
    section, _ = Section.objects.get_or_create(
        plan=plan, position=section_position, defaults={"title": "Раздел"}
    )
    event = Event(
        section=section, position=section.events.count() + 1, title="Мероприятие", dates_text=dates_text
    )
    event.save()
    event.set_responsibles(persons)
    return event


def person(association, printed):
    surname, initials = printed.split()
    return Person.objects.create(association=association, surname=surname, initials=initials)


def test_a_clean_plan(plan, association):
    sablina = person(association, "Саблина В.И.")
    add_event(plan, "Два раза в год", [sablina])  # names no date: not a problem
    add_event(plan, "В течение года", [sablina, None])
    add_event(plan, "31.08.2024", [None])
    assert check_plan(plan) == []


def test_empty_dates_and_no_responsible(plan, association):
    sablina = person(association, "Саблина В.И.")
    add_event(plan, "11.09.2023", [sablina])
    add_event(plan, "", [sablina])
    add_event(plan, "Март", [])
    add_event(plan, "  ", [], section_position=2)
    assert [(p.number, p.message) for p in check_plan(plan)] == [
        (2, "Мероприятие 2: не указаны сроки проведения."),
        (3, "Мероприятие 3: не указан ответственный."),
        (4, "Мероприятие 4: не указаны сроки проведения."),
        (4, "Мероприятие 4: не указан ответственный."),
    ]


def test_range_reaching_past_the_year(plan, association):
    sablina = person(association, "Саблина В.И.")
    add_event(plan, "Август - сентябрь 2024 г.", [sablina])
    add_event(plan, "31.08.2023", [sablina])
    assert [p.message for p in check_plan(plan)] == [
        "Мероприятие 1: сроки «Август - сентябрь 2024 г.» вне 2023-2024 учебного года (1 сентября 2023 г. – 31 августа 2024 г.).",
        "Мероприятие 2: дата «31.08.2023» вне 2023-2024 учебного года (1 сентября 2023 г. – 31 августа 2024 г.).",
    ]


def test_surnames_compare_yo_as_ye(plan, association):
    add_event(plan, "Март", [person(association, "Пискарёва С.Б.")])
    add_event(plan, "Март", [person(association, "Пискарева С.Н."), person(association, "Иванова А.А.")])
    (problem,) = check_plan(plan)
    assert problem.number is None
    assert "«Пискарёва С.Б.» (мероприятие 1) и «Пискарева С.Н.» (мероприятие 2)" in problem.message


def test_three_forms_of_one_surname_are_one_problem(plan, association):
    forms = [person(association, name) for name in ("Куклина Н.Н.", "Куклина Н.", "Куклина А.Н.")]
    for form in forms:
        add_event(plan, "Март", [form])
    (problem,) = check_plan(plan)
    assert (
        "«Куклина Н.Н.» (мероприятие 1), «Куклина Н.» (мероприятие 2) и «Куклина А.Н.» (мероприятие 3)"
        in problem.message
    )


def test_query_count_does_not_grow_with_events(plan, association, django_assert_num_queries):
    sablina = person(association, "Саблина В.И.")
    for _ in range(30):
        add_event(plan, "Май", [sablina, None])
    with django_assert_num_queries(3):
        assert check_plan(plan) == []


def test_sections_already_fetched_cost_no_query(seed_plan, django_assert_num_queries):
    sections = seed_plan.numbered_sections()
    with django_assert_num_queries(0):
        assert [problem.number for problem in check_plan(seed_plan, sections)] == [8] + [None] * (
            1 + len(SEED_NAMES)
        )
