"""A librarian on a phone: the bank and the school's page fit a 375 px screen, with no sideways scrolling."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser_context_args, browser_type_launch_args, login  # noqa: F401 — Debian's Chromium, sign-in

from .conftest import make_need, make_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_bank_and_school_page_fit_a_phone(
    live_server, browser, librarian_user, school, other_school, catalogue
):
    from textbooks import services
    from textbooks.models import default_return_by

    offer = make_offer(
        other_school, catalogue["1.3.3.1.1.1"], copies=12, year_published=2021
    )  # the longest title
    make_need(school, catalogue["1.3.3.1.1.1"], grade=10, copies=12)
    make_offer(school, title="География Иркутской области", authors="Сергеева Т.А.", grades=(8, 8))
    services.request_transfer(offer, school, 5, default_return_by())

    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/?next=/textbooks/")
    page.get_by_label("Имя пользователя").fill("librarian")
    page.get_by_label("Пароль").fill("secret-pass-1")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Обменный фонд учебников")
    expect(page.locator("#offers li")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.get_by_label("Название или автор").fill("алимов")
    page.get_by_role("button", name="Найти").click()
    expect(page.locator("#offers li")).to_have_count(1)

    for path in (
        "/textbooks/my/",
        f"/textbooks/offers/{offer.pk}/",
        "/textbooks/needs/",
        "/textbooks/fpu/",
        "/textbooks/offers/new/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.close()
