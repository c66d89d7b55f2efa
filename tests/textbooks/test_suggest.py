"""Typing an offer or a need by hand (issue 17): the Federal List suggested as one types the title, and a
title, first author and grade typed by hand linked to their entry as the same row of an XLSX list is."""

import time

import pytest
from django.urls import reverse

from textbooks.models import Need, Offer, Textbook
from textbooks.offers_import import import_offers

from .conftest import make_textbook, xlsx_file

pytestmark = pytest.mark.django_db

SUGGEST = reverse("textbooks:catalogue_suggest")
SIGNED_IN = 3  # the session, the user, the account (as in tests/test_query_counts.py)
LADYZHENSKAYA = "1.2.1.1.1.1"  # «Русский язык. 5 класс», Ладыженская Т.А. и другие, in the sample list


def suggest(client, q):
    response = client.get(SUGGEST, {"q": q})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def numbers(data):
    return [entry["fpu_number"] for entry in data["results"]]


def textbooks(count):
    items = []
    for n in range(count):
        textbook = Textbook(fpu_number=f"9.9.{n:03d}", title=f"Учебник {n:03d}. 5 класс", authors=f"Автор{n} А.Б.",
                            grade_from=5, grade_to=5, subject="Математика")  # fmt: skip
        textbook.set_keys()
        items.append(textbook)
    return Textbook.objects.bulk_create(items)


# ---- the suggestions ----


def test_a_title_and_author_as_typed_suggest_the_entry_with_its_description(librarian_client, catalogue):
    data = suggest(librarian_client, "Русский язык. 5 класс, Ладыженская")
    assert numbers(data) == [LADYZHENSKAYA] and data["corrected"] is None
    assert data["results"][0] == {
        "fpu_number": LADYZHENSKAYA, "title": "Русский язык. 5 класс",
        "authors": "Ладыженская Т.А., Баранов М.Т., Тростенцова Л.А. и другие", "grades": "5 класс",
        "grade_from": 5, "grade_to": 5, "publisher": "АО «Издательство «Просвещение»", "excluded": False,
    }  # fmt: skip


def test_a_typo_is_forgiven_and_named(librarian_client, catalogue):
    data = suggest(librarian_client, "русский 5 ладыженкая")
    assert numbers(data) == [LADYZHENSKAYA] and data["corrected"] == "русский 5 ладыженская"


def test_the_committee_is_suggested_too_and_a_visitor_is_sent_to_login(client, viewer_client, catalogue):
    assert LADYZHENSKAYA in numbers(suggest(viewer_client, "ладыженская"))
    viewer_client.logout()
    response = client.get(SUGGEST, {"q": "ладыженская"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_at_most_ten_listed_entries_first(librarian_client):
    textbooks(30)
    Textbook.objects.filter(fpu_number="9.9.000").update(excluded=True)
    data = suggest(librarian_client, "учебник")
    assert numbers(data) == [f"9.9.{n:03d}" for n in range(1, 11)]
    last = suggest(librarian_client, "учебник 000")["results"]
    assert [(entry["fpu_number"], entry["excluded"]) for entry in last] == [("9.9.000", True)]


@pytest.mark.parametrize("q", ["", " ", "р", "5", "«.»", "я -"])
def test_fewer_than_two_letters_ask_nothing(librarian_client, catalogue, django_assert_num_queries, q):
    with django_assert_num_queries(SIGNED_IN):
        assert suggest(librarian_client, q) == {"results": [], "corrected": None}


def test_nothing_similar_enough_suggests_nothing(librarian_client, catalogue):
    assert suggest(librarian_client, "щщщщщщ")["results"] == []


@pytest.mark.parametrize("q", ["я" * 200_000, "ладыженская " * 20_000, "ъъъ юююю " * 25_000])
def test_a_text_of_200000_letters_is_read_to_200_and_answered_at_once(
    librarian_client, catalogue, django_assert_max_num_queries, q
):
    started = time.monotonic()
    with django_assert_max_num_queries(SIGNED_IN + 3):
        data = suggest(librarian_client, q)
    assert time.monotonic() - started < 2
    assert len(data["results"]) <= 10


@pytest.mark.parametrize("rows", [1, 30])
@pytest.mark.parametrize(("q", "queries"), [("учебник", 1), ("учебникк", 3)])  # as typed; a typo put right
def test_the_same_queries_for_1_and_30_entries(librarian_client, django_assert_num_queries, rows, q, queries):
    textbooks(rows)
    with django_assert_num_queries(SIGNED_IN + queries):
        data = suggest(librarian_client, q)
    assert len(data["results"]) == min(rows, 10)


# ---- the form's page ----


@pytest.mark.parametrize("name", ["textbooks:offer_create", "textbooks:need_create"])
def test_the_offer_and_need_forms_load_the_script(librarian_client, name):
    html = librarian_client.get(reverse(name)).content.decode()
    assert "textbooks/js/suggest.js" in html and f'data-suggest-url="{SUGGEST}"' in html


def test_other_pages_do_not(librarian_client):
    assert "suggest.js" not in librarian_client.get(reverse("textbooks:catalogue")).content.decode()


def test_a_chosen_suggestion_fills_the_fpu_number_and_the_form_the_rest(librarian_client, catalogue):
    entry = suggest(librarian_client, "ладыженская 5")["results"][0]
    data = {"fpu_number": entry["fpu_number"], "title": "ладыженская 5", "authors": "", "publisher": "",
            "subject": "", "grades": "", "year_published": "", "copies": "3", "condition": "good", "note": ""}  # fmt: skip
    assert librarian_client.post(reverse("textbooks:offer_create"), data).status_code == 302
    offer = Offer.objects.get()
    assert offer.textbook == catalogue[LADYZHENSKAYA]
    assert (offer.title, offer.authors, offer.publisher, offer.grade_from, offer.grade_to) == (
        entry["title"], entry["authors"], entry["publisher"], 5, 5,
    )  # fmt: skip


# ---- typed by hand, linked as an XLSX row is ----


def typed_offer(**overrides):
    data = {"fpu_number": "", "title": "Русский язык. 5 класс", "authors": "Ладыженская Т.А.", "publisher": "Просвещение",
            "subject": "", "grades": "5", "year_published": "2019", "copies": "10", "condition": "good", "note": ""}  # fmt: skip
    data.update(overrides)
    return data


def test_a_textbook_typed_by_hand_links_the_entry_the_same_row_of_an_xlsx_does(
    librarian_client, school, other_school, catalogue
):
    header = ["Предмет", "Класс", "Автор", "Наименование", "Издательство", "Год издания", "Количество"]
    row = ["", 5, "Ладыженская Т.А.", "Русский язык. 5 класс", "Просвещение", 2019, 10]
    imported = import_offers(xlsx_file([header, row]), other_school).offers[0]
    assert librarian_client.post(reverse("textbooks:offer_create"), typed_offer()).status_code == 302
    typed = Offer.objects.get(school=school)
    assert typed.textbook == imported.textbook == catalogue[LADYZHENSKAYA]
    # like the imported row, the typed description stays; the subject comes from the list
    assert (typed.title, typed.authors, typed.publisher, typed.subject) == (
        "Русский язык. 5 класс", "Ладыженская Т.А.", "Просвещение", "Русский язык",
    )  # fmt: skip
    assert (imported.title, imported.authors) == (typed.title, typed.authors)


def test_a_need_typed_by_hand_is_linked_too(librarian_client, catalogue):
    data = {"fpu_number": "", "title": "русский язык", "authors": "Ладыженская", "subject": "", "grade": "5",
            "copies": "4", "needed_by": "", "note": ""}  # fmt: skip
    assert librarian_client.post(reverse("textbooks:need_create"), data).status_code == 302
    assert Need.objects.get().textbook == catalogue[LADYZHENSKAYA]


@pytest.mark.parametrize(
    "overrides",
    [
        {"grades": "6"},  # Ладыженская's 6th grade book lists Баранов first
        {"authors": "Баранов М.Т."},  # not the first author of the 5th grade book
        {"title": "Русский язык. Практика. 5 класс"},
    ],
)
def test_what_matches_no_entry_stays_unlinked(librarian_client, catalogue, overrides):
    assert (
        librarian_client.post(reverse("textbooks:offer_create"), typed_offer(**overrides)).status_code == 302
    )
    assert Offer.objects.get().textbook is None


def test_two_entries_alike_link_neither(librarian_client, catalogue):
    make_textbook(number="9.1.1", title="Русский язык. 5 класс", authors="Ладыженская Т.А.", grades=(5, 5))
    assert librarian_client.post(reverse("textbooks:offer_create"), typed_offer()).status_code == 302
    assert Offer.objects.get().textbook is None
