"""Needs and the offers that can serve them: the same ФПУ number, otherwise the same title, grade and first author."""

import pytest
from django.utils import timezone

from textbooks.models import Need, Offer

from .conftest import make_need, make_offer, make_textbook

pytestmark = pytest.mark.django_db


def matches(need):
    return set(Offer.objects.matching(need))


def test_same_fpu_number_matches_both_ways(offer, need):
    assert matches(need) == {offer}
    assert set(Need.objects.matching(offer)) == {need}


def test_typed_in_offer_matches_by_title_grade_and_author_forgiving_spelling(school, other_school, textbook):
    need = make_need(school, textbook)  # «Русский язык. 2 класс», Канакина В.П., Горецкий В.Г.
    typed = make_offer(other_school, title="РУССКИЙ ЯЗЫК", authors="Канакина В. П. и др.", grades=(2, 2))
    range_offer = make_offer(other_school, title="Русский язык", authors="Канакина", grades=(1, 4))
    yo = make_need(school, title="Физика", authors="Пёрышкин А.В.", grade=7)
    physics = make_offer(other_school, title="Физика. 7 класс", authors="Перышкин А. В.", grades=(7, 7))
    make_offer(other_school, title="Русский язык", authors="Канакина В.П.", grades=(3, 3))  # another grade
    make_offer(other_school, title="Русский язык", authors="Рамзаева Т.Г.", grades=(2, 2))  # another author
    assert matches(need) == {typed, range_offer}
    assert matches(yo) == {physics}
    assert set(Need.objects.matching(typed)) == {need}


def test_two_catalogue_numbers_never_match_by_text(school, other_school, textbook):
    other_edition = make_textbook(number="1.1.1.1.9.9")  # same title and authors, another number
    need = make_need(school, textbook)
    make_offer(other_school, other_edition)
    assert matches(need) == set()


def test_own_school_withdrawn_and_empty_offers_do_not_match(school, other_school, textbook):
    need = make_need(school, textbook)
    make_offer(school, textbook)  # the school's own
    withdrawn = make_offer(other_school, textbook)
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    given_away = make_offer(other_school, textbook, copies=3)
    Offer.objects.filter(pk=given_away.pk).update(available=0)
    assert matches(need) == set()
    closed = make_need(other_school, textbook)
    closed.closed_at = timezone.now()
    closed.save()
    assert set(Need.objects.matching(make_offer(other_school, textbook))) == {need}


def test_list_flags_come_from_the_same_query(
    school, other_school, textbook, offer, need, django_assert_num_queries
):
    lonely = make_offer(other_school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8))
    with django_assert_num_queries(1):
        flags = {o.pk: o.has_needs for o in Offer.objects.with_needs_flag()}
    assert flags == {offer.pk: True, lonely.pk: False}
    with django_assert_num_queries(1):
        assert [n.has_offers for n in Need.objects.with_offers_flag()] == [True]


def test_matches_cross_associations(school, textbook, foreign_offer):
    """The bank is the region's: a need is served by another association's school the same way."""
    need = make_need(school, textbook)
    assert matches(need) == {foreign_offer}
