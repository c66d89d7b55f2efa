"""The protocol (PDF, DOCX) and the results XLSX at the most the forms allow."""

import pytest
from django.urls import reverse

from contests.models import Category, Criterion, Entry, JuryMember

from .helpers import client_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["protocol.pdf", "protocol.docx", "results.xlsx"])
def test_the_documents_at_every_limit(contest, head_user, school, name):
    event = contest.event
    event.title = "Конкурс " + "очень " * 330  # ~2000 characters, the event's limit
    event.save()
    contest.criteria.all().delete()
    contest.jury.all().delete()
    for n in range(20):
        Criterion.objects.create(
            contest=contest, position=n, title=f"Критерий{n} " + "я" * 280, max_score=100
        )
        JuryMember.objects.create(contest=contest, position=n, guest=f"Гость{n} " + "ж" * 280)
        Category.objects.create(contest=contest, position=10 + n, title=f"Номинация{n} " + "н" * 180)
    category = contest.categories.first()
    Entry.objects.bulk_create(
        Entry(contest=contest, school=school, category=category, surname="Ф" * 100, first_name="И" * 100, grade=5,
              work_title="Р" * 400, mentor_text="М" * 200)
        for _ in range(40)
    )  # fmt: skip
    client = client_of(head_user)
    client.raise_request_exception = False
    response = client.get(reverse("contests:document", args=[contest.pk, name]))
    # At every field's limit the PDF is refused by the site's own bound — with a Russian page, which is acceptable.
    assert response.status_code == 200 or (
        name.endswith(".pdf")
        and response.status_code == 400
        and "Документ не собран" in response.content.decode()
    ), (name, response.status_code)


@pytest.mark.parametrize("count", [300])
def test_the_protocol_pdf_of_a_realistic_city_contest(contest, head_user, school, count):
    """300 pupils, 5 criteria, a jury of 5, ordinary lengths — the size of a city «Живая классика»."""
    from decimal import Decimal

    from contests.models import Score

    for n in range(4, 6):
        Criterion.objects.create(contest=contest, position=n, title=f"Критерий {n}", max_score=10)
    for n in range(3, 6):
        JuryMember.objects.create(contest=contest, position=n, guest=f"Петрова{n} А.А., учитель литературы")
    category = contest.categories.first()
    entries = Entry.objects.bulk_create(
        Entry(contest=contest, school=school, category=category, surname=f"Иванова{n}", first_name="Мария",
              grade=6, work_title="А.С. Пушкин «Зимнее утро»", mentor_text="Петрова Анна Сергеевна")
        for n in range(count)
    )  # fmt: skip
    Score.objects.bulk_create(
        Score(entry=e, jury=j, criterion=c, value=Decimal(n % 10))
        for n, e in enumerate(entries) for j in contest.jury.all() for c in contest.criteria.all()
    )  # fmt: skip
    client = client_of(head_user)
    client.raise_request_exception = False
    response = client.get(reverse("contests:document", args=[contest.pk, "protocol.pdf"]))
    assert response.status_code == 200, f"the protocol PDF of {count} entries answered {response.status_code}"
