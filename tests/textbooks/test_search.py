"""The bank's search: title or author, case, Ё/Е and a typo forgiven everywhere, the beginnings of words on PostgreSQL."""

import pytest
from django.db import connection

from textbooks.models import Offer, SearchWord, Textbook
from textbooks.search import Search, correct, search

from .conftest import make_offer

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm: PostgreSQL only")


@pytest.fixture
def offers(other_school):
    return {
        "kanakina": make_offer(
            other_school, title="Русский язык. 2 класс", authors="Канакина В.П., Горецкий В.Г."
        ),
        "peryshkin": make_offer(
            other_school, title="Физика. 7 класс", authors="Пёрышкин А.В.", grades=(7, 7)
        ),
        "atanasyan": make_offer(
            other_school, title="Геометрия. 7-9 классы", authors="Атанасян Л.С., Бутузов В.Ф.", grades=(7, 9)
        ),
        "vilenkin": make_offer(
            other_school, title="Математика. 5 класс", authors="Виленкин Н.Я., Жохов В.И.", grades=(5, 5)
        ),
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


@pytest.mark.parametrize(
    "typo, author",
    [
        ("канакна", "Канакина"),
        ("атонасян", "Атанасян"),
        ("веленкин", "Виленкин"),
        ("матиматика", "Виленкин"),
        ("геометрея", "Атанасян"),
    ],
)
def test_a_typo_is_forgiven(offers, typo, author):
    assert found(typo) == {author}


@on_postgresql
def test_words_as_typed_use_the_full_text_index(offers):
    """The generated `search_words` and its GIN index (migration 0003), not a function over every row.

    (An empty test table is cheaper to read whole: the plan is asked with sequential scans off.)
    """
    as_typed = search(Offer.objects.all(), "канакина русский")
    assert "search_words" in str(as_typed.query)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'offer_search_words'")
        assert "gin (search_words)" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = as_typed.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "Bitmap Index Scan on offer_search_words" in plan


@on_postgresql
def test_a_typo_is_put_right_from_the_banks_own_words(other_school, offers):
    """Triggers keep the bank's words (migration 0005); the most similar one replaces a word no title has."""
    assert {"канакина", "горецкий", "перышкин", "физика", "атанасян"} <= set(
        SearchWord.objects.values_list("word", flat=True)
    )
    make_offer(other_school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8))
    assert SearchWord.objects.filter(word="краеведение").exists()  # a new offer's words are there at once
    assert correct(["канакна", "русский", "2"]) == ["канакина", "русский", "2"]
    assert correct(["краевед"]) == ["краевед"]  # the beginning of a word is not a typo
    assert correct(["химия"]) is None  # nothing similar enough
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'searchword_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]


def test_words_are_found_as_beginnings_of_words(offers):
    assert found("геометр") == {"Атанасян"}
    assert found("канакин") == {"Канакина"}
    assert found("физ 7") == {"Пёрышкин"}


def test_a_typo_only_when_nothing_is_found_as_typed(other_school, offers):
    make_offer(other_school, title="Физическая культура", authors="Лях В.И.", grades=(5, 9))
    assert found("физ") == {"Пёрышкин", "Лях"}
    assert found("физика") == {"Пёрышкин"}
    assert found("физикка") == {"Пёрышкин"}  # put right to «физика»
    result = Search(Offer.objects.all(), "физикка")
    assert (
        not result.as_typed.exists()
        and result.corrected().count() == 1
        and result.corrected_words == ["физика"]
    )


def test_catalogue_search(catalogue):
    assert [t.fpu_number for t in search(Textbook.objects.all(), "атанасян")] == ["1.2.3.3.1.1"]
