"""The bank's search: title or author, case and Ё/Е forgiven everywhere, a typo forgiven on PostgreSQL."""

import pytest
from django.db import connection

from textbooks.models import Offer, Textbook
from textbooks.search import search

from .conftest import make_offer

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm: PostgreSQL only")


@pytest.fixture
def offers(other_school):
    return {
        "kanakina": make_offer(other_school, title="Русский язык. 2 класс", authors="Канакина В.П., Горецкий В.Г."),
        "peryshkin": make_offer(other_school, title="Физика. 7 класс", authors="Пёрышкин А.В.", grades=(7, 7)),
        "atanasyan": make_offer(other_school, title="Геометрия. 7-9 классы", authors="Атанасян Л.С., Бутузов В.Ф.", grades=(7, 9)),
        "vilenkin": make_offer(other_school, title="Математика. 5 класс", authors="Виленкин Н.Я., Жохов В.И.", grades=(5, 5)),
    }


def found(query):
    return {offer.authors.split()[0].rstrip(",") for offer in search(Offer.objects.all(), query)}


def test_title_author_case_and_yo(offers):
    assert found("геометрия") == {"Атанасян"}
    assert found("ПЕРЫШКИН") == {"Пёрышкин"}
    assert found("пёрышкин физика") == {"Пёрышкин"}
    assert found("русский канакина") == {"Канакина"}
    assert found("") == {"Канакина", "Пёрышкин", "Атанасян", "Виленкин"}
    assert found("химия") == set()


@on_postgresql
@pytest.mark.parametrize("typo, author", [("канакна", "Канакина"), ("атонасян", "Атанасян"), ("веленкин", "Виленкин"),
                                          ("матиматика", "Виленкин"), ("геометрея", "Атанасян")])
def test_a_typo_is_forgiven_on_postgresql(offers, typo, author):
    assert found(typo) == {author}


@on_postgresql
def test_most_similar_first(other_school, offers):
    make_offer(other_school, title="Физическая культура", authors="Лях В.И.", grades=(5, 9))
    results = list(search(Offer.objects.all(), "физика"))
    assert results[0].title == "Физика. 7 класс"


@on_postgresql
def test_the_search_can_use_the_trigram_index(offers):
    """Each word is the pg_trgm operator the GIN index answers, not a function computed over every row.

    (An empty test table is cheaper to read whole: the plan is asked with sequential scans off.)
    """
    queryset = search(Offer.objects.all(), "канакина русский")
    assert str(queryset.query).count("%>") == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'offer_search_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "Bitmap Index Scan on offer_search_trgm" in plan


def test_catalogue_search(catalogue):
    assert [t.fpu_number for t in search(Textbook.objects.all(), "атанасян")] == ["1.2.3.3.1.1"]
