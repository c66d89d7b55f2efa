"""A typo is forgiven on SQLite as on PostgreSQL (issue 17): the same word put right, the page saying so
in the same words, nothing found when nothing is similar enough, the same queries whatever the rows.

Every test but the two at the end runs on whichever database the run has (SQLite by default).
"""

import pytest
from django.db import connection
from django.urls import reverse

from tests.test_query_counts import SIGNED_IN, offers, textbooks
from textbooks.models import Offer, SearchWord
from textbooks.search import WORD_SIMILARITY_THRESHOLD, Search, correct
from textbooks.words import bank_words, most_similar, similarity

from .conftest import make_need, make_offer

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def bank(other_school):
    return {
        "kanakina": make_offer(
            other_school, title="Русский язык. 2 класс", authors="Канакина В.П., Горецкий В.Г."
        ),
        "atanasyan": make_offer(
            other_school, title="Геометрия. 7-9 классы", authors="Атанасян Л.С., Бутузов В.Ф.", grades=(7, 9)
        ),
        "peryshkin": make_offer(
            other_school, title="Физика. 7 класс", authors="Пёрышкин А.В.", grades=(7, 7)
        ),
    }


def page(client, name, query):
    response = client.get(reverse(name), {"q": query})
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.mark.parametrize(
    "typed, corrected, offer",
    [
        ("Канакна", "канакина", "kanakina"),
        ("геометря", "геометрия", "atanasyan"),
        ("атонасян", "атанасян", "atanasyan"),
    ],
)
def test_the_bank_puts_a_typo_right_and_says_so(head_client, bank, typed, corrected, offer):
    response, html = page(head_client, "textbooks:bank", typed)
    assert [row.pk for row in response.context["page"]] == [bank[offer].pk]
    assert response.context["page"].corrected_query == corrected
    assert f"По запросу «{typed}» точно ничего не нашлось — показано найденное по «{corrected}»" in html
    assert bank[offer].title in html


def test_a_typo_among_right_words(head_client, bank):
    response, html = page(head_client, "textbooks:bank", "русский Канакна 2")
    assert [row.pk for row in response.context["page"]] == [bank["kanakina"].pk]
    assert "показано найденное по «русский канакина 2»" in html


def test_words_found_as_typed_are_not_corrected(head_client, bank):
    response, html = page(head_client, "textbooks:bank", "Канакина")
    assert [row.pk for row in response.context["page"]] == [bank["kanakina"].pk]
    assert response.context["page"].corrected_words is None and 'id="corrected"' not in html


def test_nothing_similar_finds_nothing(head_client, bank, catalogue):
    response, html = page(head_client, "textbooks:bank", "шоколад")
    assert len(response.context["page"]) == 0 and 'id="corrected"' not in html
    assert "Под эти условия ничего не подходит" in html
    response, html = page(head_client, "textbooks:catalogue", "шоколад")
    assert len(response.context["page"]) == 0 and "В перечне такого не нашлось" in html
    # one word right, one with nothing similar: nothing either
    response, html = page(head_client, "textbooks:bank", "канакина шоколад")
    assert len(response.context["page"]) == 0 and 'id="corrected"' not in html


@pytest.mark.parametrize(
    "typed, corrected, number",
    [
        ("геометря", "геометрия", "1.2.3.3.1.1"),
        ("атонасян", "атанасян", "1.2.3.3.1.1"),
        ("перышкен", "перышкин", "1.2.4.1.1.1"),
    ],
)
def test_the_catalogue_puts_a_typo_right_and_says_so(head_client, catalogue, typed, corrected, number):
    response, html = page(head_client, "textbooks:catalogue", typed)
    assert [textbook.fpu_number for textbook in response.context["page"]] == [number]
    assert f"По запросу «{typed}» точно ничего не нашлось — показано найденное по «{corrected}»" in html


def test_the_needs_put_a_typo_right(head_client, other_school):
    need = make_need(other_school, title="Геометрия. 7-9 классы", authors="Атанасян Л.С.", grade=7)
    response, html = page(head_client, "textbooks:needs", "геометря")
    assert [row.pk for row in response.context["page"]] == [need.pk]
    assert "показано найденное по «геометрия»" in html


def test_the_banks_words_are_put_right_the_same_way(other_school, bank):
    assert correct(["канакна", "русский", "2"]) == ["канакина", "русский", "2"]
    assert correct(["краевед"]) is None  # nothing like it yet
    make_offer(other_school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8))
    assert correct(["краевед"]) == [
        "краевед"
    ]  # the beginning of a word is not a typo: a new offer's words count at once
    assert correct(["химия"]) is None  # nothing similar enough
    assert correct(["ок"]) == ["ок"]  # too short to compare: kept as typed
    search = Search(Offer.objects.all(), "физикка")
    assert not search.as_typed.exists() and search.corrected().count() == 1
    assert search.corrected_words == ["физика"]


def test_pg_trgm_similarity_in_python():
    assert similarity("кот", "кот") == 1.0
    assert similarity("канакна", "канакина") == pytest.approx(6 / 11)
    assert similarity("химия", "физика") == 0.0
    # the most similar, at least the threshold; among equals the first in order
    assert (
        most_similar("канакна", ["канакина", "канава", "горецкий"], WORD_SIMILARITY_THRESHOLD) == "канакина"
    )
    assert (
        most_similar("абвг", ["абвд", "абвж"], 0.3) == "абвд" == most_similar("абвг", ["абвж", "абвд"], 0.3)
    )
    assert most_similar("шоколад", ["канакина"], WORD_SIMILARITY_THRESHOLD) is None


@pytest.mark.parametrize("rows", [1, 100])
def test_a_typo_costs_the_same_queries_whatever_the_rows(
    head_client, other_school, rows, django_assert_num_queries
):
    offers(other_school, textbooks(rows))
    # the session, the user, the account; the subjects; the other associations and the schools; the capped
    # count as typed (none); the words put right; the capped count of what they find; one page of offers
    with django_assert_num_queries(SIGNED_IN + 7):
        response = head_client.get(reverse("textbooks:bank"), {"q": "учебникк"})
    assert len(response.context["page"]) == min(rows, 30)
    assert response.context["page"].corrected_query == "учебник"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with pg_trgm")
def test_python_similarity_is_pg_trgms(bank, catalogue):
    """What SQLite computes is what pg_trgm computes: the same similarity for typos and the bank's words,
    and so the same word chosen."""
    words = sorted(SearchWord.objects.values_list("word", flat=True))
    typos = ["канакна", "геометря", "атонасян", "перышкен", "матиматика", "алгебр", "шоколад", "аааа", "7кл"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q, w, similarity(q, w) FROM unnest(%s::text[]) AS q, unnest(%s::text[]) AS w",
            [typos, words],
        )
        for typed, word, expected in cursor.fetchall():
            assert similarity(typed, word) == pytest.approx(expected, abs=1e-6), (typed, word)
    for typed in typos:
        if any(word.startswith(typed) for word in words):
            continue  # known as typed: not compared
        similar = most_similar(typed, words, WORD_SIMILARITY_THRESHOLD)
        assert correct([typed]) == ([similar] if similar else None), typed


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite reads the words from the rows")
def test_the_words_are_read_from_the_rows_capped(school, bank, catalogue):
    make_need(school, title="Краеведение", authors="Сергеева Т.А.", grade=8)
    words = set(bank_words())
    assert {"канакина", "горецкий", "геометрия", "атанасян", "перышкин", "краеведение", "сергеева"} <= words
    assert {"виленкин", "габриелян"} <= words  # the catalogue's
    assert all(3 <= len(word) <= 100 and " " not in word for word in words)
    first = bank_words(cap=1)  # the words of one row: an offer's title and authors
    assert set(first) <= words and len(first) == len(set(first)) and 2 <= len(first) <= 8
