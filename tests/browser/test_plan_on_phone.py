"""A librarian on a phone: the published plan fits a 375 px screen and its events read as cards."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_plan_fits_a_phone_screen(live_server, browser, published_plan):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{live_server.url}{published_plan.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2023-2024")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # the table's header row is hidden: each event shows its own labels
    expect(page.locator(".plan-table thead")).to_be_hidden()
    expect(page.locator("tr.plan-event").first.locator("td.col-dates")).to_be_visible()
    page.close()
