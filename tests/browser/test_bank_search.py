"""The bank's search forgives a typo in the browser, on SQLite as on PostgreSQL (bin/test runs it on both)."""

import pytest
from playwright.sync_api import expect

from textbooks.models import Offer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.both_databases]


def test_a_librarian_finds_kanakina_by_kanakna(live_server, page, login, librarian_user, other_school):
    Offer.objects.create(
        school=other_school,
        title="Русский язык. 2 класс. В 2 частях",
        authors="Канакина В.П., Горецкий В.Г.",
        grade_from=2,
        grade_to=2,
        copies=8,
        available=8,
    )
    Offer.objects.create(
        school=other_school,
        title="Математика. 2 класс",
        authors="Моро М.И.",
        grade_from=2,
        grade_to=2,
        copies=3,
        available=3,
    )
    login(page, "librarian")
    page.goto(live_server.url + "/textbooks/")
    page.get_by_role("searchbox").first.fill("Канакна")
    page.get_by_role("searchbox").first.press("Enter")
    expect(page.get_by_text("показано найденное по «канакина»")).to_be_visible()
    expect(page.get_by_role("link", name="Русский язык. 2 класс. В 2 частях")).to_be_visible()
    expect(page.get_by_role("link", name="Математика. 2 класс")).to_have_count(0)
