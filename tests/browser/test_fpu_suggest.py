"""Typing a title by hand suggests the Federal List's entries; the chosen one links the offer."""

import pytest
from playwright.sync_api import expect

from textbooks.models import Offer, Textbook

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_librarian_chooses_a_suggested_entry_and_the_offer_is_linked(
    live_server, page, login, librarian_user
):
    entry = Textbook.objects.create(
        fpu_number="1.1.1.1.2.1",
        title="Русский язык. 5 класс. В 2 частях",
        authors="Ладыженская Т.А., Баранов М.Т.",
        publisher="Просвещение",
        subject="Русский язык",
        grade_from=5,
        grade_to=5,
    )
    login(page, "librarian")
    page.goto(live_server.url + "/textbooks/offers/new/")
    title = page.get_by_label("Наименование")
    title.press_sequentially("русский ладыженская", delay=20)
    option = page.get_by_role("option").first
    expect(option).to_contain_text("Ладыженская")
    title.press("ArrowDown")
    title.press("Enter")
    expect(page.get_by_label("Номер в ФПУ")).to_have_value("1.1.1.1.2.1")
    page.get_by_label("Экземпляров").fill("4")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Русский язык. 5 класс")
    offer = Offer.objects.get()
    assert offer.textbook == entry and offer.copies == 4
