"""The grades printed after a title only when the title does not name them: never «Алгебра. 8 класс · 8 класс»."""

import pytest
from django.urls import reverse

from textbooks.models import Offer, grades_after_title

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "title, first, last, shown",
    [
        ("Алгебра. 8 класс", 8, 8, ""),
        ("Химия 10-11 кл.", 10, 11, ""),
        ("Русский язык. 5-й класс", 5, 5, ""),
        ("Алгебра", 8, 8, "8 класс"),
        ("Алгебра. 18 класс?", 8, 8, "8 класс"),
        ("Физика", 7, 9, "7–9 классы"),
        (
            "Физика. 7 класс",
            7,
            9,
            "7–9 классы",
        ),  # the title names one of the three: the range still says more
    ],
)
def test_the_rule(title, first, last, shown):
    assert grades_after_title(title, first, last) == shown


def test_the_bank_and_the_offer_page_print_the_grades_once(head_client, school):
    offer = Offer.objects.create(
        school=school, title="Алгебра. 8 класс", grade_from=8, grade_to=8, copies=3, available=3
    )
    for url in (reverse("textbooks:bank") + "?scope=region", offer.get_absolute_url()):
        html = head_client.get(url).content.decode()
        assert "Алгебра. 8 класс" in html and "· 8 класс" not in html, url
