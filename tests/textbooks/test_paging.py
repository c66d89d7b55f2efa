"""The bank's pages count up to a cap (textbooks.paging): exact below it, «больше» above it, and the
pages go on by «Дальше» — two queries a page whatever the list's size."""

import pytest
from django.db import connection  # noqa: F401 (the skipif condition reads it)
from django.urls import reverse

from textbooks.models import Offer
from textbooks.paging import CappedPaginator
from textbooks.search import Search

from .conftest import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(other_school):
    return [
        make_offer(other_school, title=f"Учебник {n:02d}", authors="Иванов И.И.", grades=(5, 5))
        for n in range(35)
    ]


def page(number, cap=20, query=""):
    return CappedPaginator(Search(Offer.objects.all(), query), per_page=10, cap=cap).get_page(number)


def test_exact_count_up_to_the_cap(offers):
    first = page(1, cap=100)
    assert first.paginator.count_is_exact and first.paginator.count == 35 and first.paginator.num_pages == 4
    assert [o.title for o in first] == [f"Учебник {n:02d}" for n in range(10)]
    assert first.has_next() and not first.has_previous()
    last = page(4, cap=100)
    assert len(last) == 5 and not last.has_next() and last.has_previous()
    assert page(99, cap=100).number == 4  # past the end: the last page
    assert page("abc", cap=100).number == 1


def test_beyond_the_cap_the_pages_go_on(offers):
    first = page(1)
    assert (
        not first.paginator.count_is_exact
        and first.paginator.count == 21
        and first.paginator.num_pages is None
    )
    assert first.has_next()
    fourth = page(4)
    assert [o.title for o in fourth] == [f"Учебник {n:02d}" for n in range(30, 35)] and not fourth.has_next()
    assert len(page(9)) == 0 and page(9).has_previous()


def test_two_queries_a_page(offers, django_assert_num_queries):
    with django_assert_num_queries(2):  # the capped count; the page
        list(page(2))
    with django_assert_num_queries(2):
        list(page(2, cap=100, query="учебник"))
    # Beyond the cap a search on PostgreSQL also asks the planner how many it expects (EXPLAIN, nothing read).
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 2):
        list(page(2, query="учебник"))


def test_the_bank_says_so(head_client, offers, monkeypatch):
    monkeypatch.setattr("textbooks.paging.COUNT_CAP", 20)
    html = head_client.get(reverse("textbooks:bank")).content.decode()
    assert "Найдено больше 20 предложений" in html and "страница 1" in html and "Дальше" in html
    html = head_client.get(reverse("textbooks:bank"), {"page": 2}).content.decode()
    assert "страница 2" in html and "Назад" in html and "Дальше" not in html
    monkeypatch.setattr("textbooks.paging.COUNT_CAP", 1000)
    html = head_client.get(reverse("textbooks:bank")).content.decode()
    assert "Найдено 35 предложений" in html and "1 из 2" in html


def test_a_typo_takes_two_queries_more(offers, django_assert_num_queries):
    # the count as typed (none); the words put right; the count of what they find; the page
    with django_assert_num_queries(4):
        found = page(2, cap=100, query="учебникк")
    assert found.paginator.count == 35 and found.paginator.num_pages == 4 and len(found) == 10
    assert found.corrected_query == "учебник"


def test_the_bank_says_what_it_searched_for_instead(head_client, offers):
    html = head_client.get(reverse("textbooks:bank"), {"q": "учебникк"}).content.decode()
    assert "показано найденное по «учебник»" in html and "Найдено 35 предложений" in html
