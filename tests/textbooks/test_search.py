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
def test_each_tier_can_use_its_index(offers):
    """Words found as they are: the full-text index on the generated `search_words` (migration 0003).
    A typo: each word is the pg_trgm operator the trigram index answers (migration 0002), not a
    function computed over every row.

    (An empty test table is cheaper to read whole: the plans are asked with sequential scans off.)
    """
    as_typed = search(Offer.objects.all(), "канакина русский")
    assert "search_words" in str(as_typed.query) and "%>" not in str(as_typed.query)
    typo = search(Offer.objects.all(), "канакна русский")
    assert str(typo.query).count("%>") == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'offer_search_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'offer_search_words'")
        assert "gin (search_words)" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        try:
            plans = as_typed.explain(), typo.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "Bitmap Index Scan on offer_search_words" in plans[0]
    assert "Bitmap Index Scan on offer_search_trgm" in plans[1]


def test_words_are_found_as_beginnings_of_words(offers):
    assert found("геометр") == {"Атанасян"}
    assert found("канакин") == {"Канакина"}
    assert found("физ 7") == {"Пёрышкин"}


@on_postgresql
def test_similar_words_only_when_nothing_is_found_as_typed(other_school, offers):
    make_offer(other_school, title="Физическая культура", authors="Лях В.И.", grades=(5, 9))
    assert found("физика") == {"Пёрышкин"}  # «физическая» is word-similar, but «физика» is there as typed
    assert found("физикка") == {"Пёрышкин", "Лях"}  # a typo: the similar ones, the most similar first
    assert [offer.title for offer in search(Offer.objects.all(), "физикка")][0] == "Физика. 7 класс"


def test_catalogue_search(catalogue):
    assert [t.fpu_number for t in search(Textbook.objects.all(), "атанасян")] == ["1.2.3.3.1.1"]
