"""A contest to test with: the small plan's «Конкурс юных поэтов» made a contest with two categories (5–8 and
9–11 grades), three criteria (10, 10 and 5 points), a jury of two (Саблина, the head, chairing; and a guest), and
entries of school A (Куклина's) and school B (Садовникова's).

`filled_contest` adds six entries — three per school — and both jury members' score sheets, so that the places
come out as: 5–8 классы: Иванова Мария I, Петров Иван and Ли Ким share II, Шевченко Ольга no place (a
participant); 9–11 классы: Черных Анна I, Гусь Лев II."""

import datetime
from decimal import Decimal

import pytest

from contests.models import Category, Contest, Criterion, Entry, JuryMember, Score
from events.models import Event
from members.models import Person, School


@pytest.fixture
def contest(plan, head_user, librarian_user, other_librarian_user):
    event = Event.objects.get(section__plan=plan, title="Конкурс юных поэтов")
    contest = Contest.objects.create(
        event=event, entry_deadline=datetime.date(2024, 3, 1), rules="Конкурс чтецов для 5–11 классов."
    )
    Category.objects.create(contest=contest, position=1, title="5–8 классы", grade_from=5, grade_to=8)
    Category.objects.create(contest=contest, position=2, title="9–11 классы", grade_from=9, grade_to=11)
    for position, (title, most) in enumerate(
        [("Знание текста", 10), ("Выразительность", 10), ("Сценическая культура", 5)], start=1
    ):
        Criterion.objects.create(contest=contest, position=position, title=title, max_score=most)
    JuryMember.objects.create(contest=contest, position=1, person=head_user.account.person, is_chair=True)
    JuryMember.objects.create(contest=contest, position=2, guest="Орлова Н.П., методист МКУ «ЦРО»")
    return contest


def entry(contest, school, surname, first_name, grade, category_position, mentor=None, **fields):
    category = contest.categories.get(position=category_position)
    return Entry.objects.create(
        contest=contest,
        school=school,
        category=category,
        surname=surname,
        first_name=first_name,
        grade=grade,
        work_title=fields.pop("work_title", "Стихотворение"),
        mentor=mentor,
        **fields,
    )


def score(contest, entry, jury_position, values):
    jury = contest.jury.get(position=jury_position)
    for criterion, value in zip(contest.criteria.order_by("position"), values, strict=True):
        Score.objects.create(entry=entry, jury=jury, criterion=criterion, value=Decimal(value))


@pytest.fixture
def filled_contest(contest):
    association = contest.plan.association
    school_a = School.objects.get(association=association, short_name="МАОУ СОШ № 1")
    school_b = School.objects.get(association=association, short_name="МАОУ СОШ № 2")
    kuklina = Person.objects.get(association=association, surname="Куклина")
    sadovnikova = Person.objects.get(association=association, surname="Садовникова")
    kuklina.first_name, kuklina.patronymic = "Наталья", "Николаевна"
    kuklina.save()
    sadovnikova.first_name, sadovnikova.patronymic = "Людмила", "Ивановна"
    sadovnikova.save()
    rows = [
        # school, surname, first name, grade, category, mentor, jury 1, jury 2
        (school_a, "Иванова", "Мария", 5, 1, kuklina, (10, 10, 5), (10, 9, 5)),
        (school_a, "Петров", "Иван", 6, 1, kuklina, (9, 9, 4), (9, 9, 4)),
        (school_a, "Черных", "Анна", 10, 2, None, (8, 8, 4), (8, 8, 4)),
        (school_b, "Ли", "Ким", 7, 1, sadovnikova, (9, 8, 4), (9, 10, 4)),
        (school_b, "Шевченко", "Ольга", 8, 1, sadovnikova, (5, 5, 2), (5, 5, 2)),
        (school_b, "Гусь", "Лев", 11, 2, sadovnikova, (6, 6, 3), (6, 6, 3)),
    ]
    for school, surname, first_name, grade, category, mentor, first, second in rows:
        made = entry(contest, school, surname, first_name, grade, category, mentor=mentor)
        score(contest, made, 1, first)
        score(contest, made, 2, second)
    return contest
