"""The contests' demo data, loaded by `manage.py setup_demo`: the seed plan's «Живая классика» run to the end — two
categories, three criteria, a jury of the head and a guest, three pupils from each of two schools scored, the places
confirmed, the results published and the certificates issued (so Куклина's благодарность is in her portfolio) — and
«Сад поэзии приглашает...!» set up and open for entries. Safe to run again: once «Живая классика» is a contest,
nothing is added."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from contests import certificates, services
from contests.models import Category, Contest, Criterion, Entry, JuryMember, Score
from events.models import Event
from members.models import Person

CRITERIA = [("Знание текста", 10), ("Выразительность и интонация", 10), ("Сценическая культура", 5)]
PUPILS = [
    # surname, first name, grade, category, the librarian who prepared the pupil (of her school), scores of the
    # head and of the guest
    ("Иванова", "Мария", 5, 1, "Куклина Н.Н.", (10, 10, 5), (10, 9, 5)),
    ("Петров", "Иван", 6, 1, "Куклина Н.Н.", (9, 9, 4), (9, 8, 4)),
    ("Черных", "Анна", 10, 2, "Куклина Н.Н.", (8, 8, 4), (8, 8, 4)),
    ("Шевченко", "Ольга", 7, 1, "Садовникова Л.И.", (7, 6, 3), (6, 6, 3)),
    ("Ковальчук", "Ян", 9, 2, "Садовникова Л.И.", (9, 9, 5), (9, 10, 5)),
    ("Ли", "Ким", 11, 2, "Садовникова Л.И.", (7, 7, 3), (7, 7, 3)),
]


def _setup(event, deadline, rules):
    contest = Contest.objects.create(event=event, entry_deadline=deadline, rules=rules)
    Category.objects.create(contest=contest, position=1, title="5–8 классы", grade_from=5, grade_to=8)
    Category.objects.create(contest=contest, position=2, title="9–11 классы", grade_from=9, grade_to=11)
    for position, (title, most) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(contest=contest, position=position, title=title, max_score=most)
    return contest


@transaction.atomic
def load(association, plan):
    events = {event.title: event for event in Event.objects.filter(section__plan=plan)}
    classic = next((e for title, e in events.items() if "Живая классика" in title), None)
    if classic is None or Contest.objects.filter(event=classic).exists():
        return "Конкурсы уже заполнены."
    people = {
        p.printed_name: p for p in Person.objects.filter(association=association).select_related("school")
    }
    contest = _setup(
        classic,
        datetime.date(2023, 11, 10),
        "Школьный этап конкурса юных чтецов «Живая классика»: прозу читают наизусть.",
    )
    chair = JuryMember.objects.create(
        contest=contest, position=1, person=people.get("Саблина В.И."), is_chair=True
    )
    guest = JuryMember.objects.create(contest=contest, position=2, guest="Лаптева О.В., методист МКУ «ЦРО»")
    criteria = list(contest.criteria.all())
    for surname, first_name, grade, category, mentor, first, second in PUPILS:
        mentor = people.get(mentor)
        if mentor is None or mentor.school is None:
            continue
        entry = Entry.objects.create(
            contest=contest, school=mentor.school, category=contest.categories.get(position=category),
            surname=surname, first_name=first_name, grade=grade, mentor=mentor,
            work_title="Отрывок из прозы",
        )  # fmt: skip
        for jury, values in ((chair, first), (guest, second)):
            for criterion, value in zip(criteria, values, strict=True):
                Score.objects.create(entry=entry, jury=jury, criterion=criterion, value=Decimal(value))
    services.confirm_places(contest, {})
    services.publish(contest)
    certificates.issue(contest, today=datetime.date(2023, 11, 30))
    transaction.on_commit(
        lambda: certificates.prepare(contest.pk)
    )  # the PDF and the portfolios, here and now
    poets = next((e for title, e in events.items() if "Сад поэзии" in title), None)
    if poets is not None and not Contest.objects.filter(event=poets).exists():
        _setup(
            poets,
            timezone.localdate() + datetime.timedelta(days=30),
            "Конкурс юных поэтов: собственные стихи.",
        )
    return (
        f"Конкурс «Живая классика»: {contest.entries.count()} заявок, места утверждены, итоги опубликованы, "
        f"грамот выпущено: {contest.certificates.count()}. Конкурс юных поэтов открыт для заявок."
    )
