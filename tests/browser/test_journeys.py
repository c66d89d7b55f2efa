"""The journeys that matter, clicked through in Chromium as each person would.

- the head moves an event, marks one done, publishes the plan and downloads its PDF;
- a librarian updates her own record and logs a surplus textbook; a librarian of another school
  finds it, asks for copies; the first agrees; the act downloads;
- a visitor reads the published plan and cannot reach a draft.
"""

import re

import pytest
from playwright.sync_api import expect

from events.models import Event, Plan
from tests.reports.conftest import pdf_text
from textbooks.models import Offer, Transfer

pytestmark = pytest.mark.django_db(transaction=True)


def event_titles(page):
    return page.locator("tr.plan-event .event-title").all_inner_texts()


def test_head_moves_marks_publishes_and_downloads(live_server, page, login, head_user, plan):
    login(page, "head")
    page.goto(live_server.url + plan.get_absolute_url())
    assert event_titles(page)[:2] == ["Утверждение плана работы", "Конкурс юных поэтов"]

    page.get_by_role("button", name="Мероприятие 1 ниже").click()
    expect(page.locator("tr.plan-event .event-title").first).to_have_text("Конкурс юных поэтов")
    assert event_titles(page)[:2] == ["Конкурс юных поэтов", "Утверждение плана работы"]

    row = page.locator("tr.plan-event", has_text="Круглый стол")
    row.get_by_label("Состояние").select_option("done")
    row.get_by_role("button", name="Отметить").click()
    expect(page.get_by_role("status")).to_contain_text("проведено")
    expect(page.locator("tr.plan-event", has_text="Круглый стол").locator(".status-badge-done")).to_have_text(
        "проведено"
    )

    page.get_by_role("button", name="Опубликовать").click()
    expect(page.get_by_role("status")).to_contain_text("План опубликован")

    with page.expect_download() as info:
        page.get_by_role("link", name="Скачать план (PDF)").click()
    download = info.value
    assert download.suggested_filename == "План работы ГТО ШБ 2023-2024.pdf"
    text = pdf_text(open(download.path(), "rb").read())
    assert "Конкурс юных поэтов" in text and text.index("Конкурс юных поэтов") < text.index(
        "Утверждение плана работы"
    )

    plan.refresh_from_db()
    assert plan.is_published and Event.objects.get(title="Круглый стол").status == "done"


def test_librarians_exchange_textbooks(
    live_server, page, login, librarian_user, other_librarian_user, school
):
    # Куклина (school A) updates her record and offers a surplus textbook.
    login(page, "librarian")
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Куклина Н.Н.").click()
    page.get_by_role("link", name="Моя карточка").click()
    page.get_by_role("link", name="Изменить карточку").click()
    page.get_by_label("Тема самообразования").fill("Читательская грамотность младших школьников")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("status")).to_have_text("Карточка сохранена.")
    expect(page.get_by_text("Читательская грамотность младших школьников")).to_be_visible()

    page.get_by_role("link", name="Обменный фонд").click()
    page.get_by_role("link", name="Предложить учебники").first.click()
    page.get_by_label("Наименование").fill("Литературное чтение. 3 класс. В 2 частях")
    page.get_by_label("Авторы").fill("Климанова Л.Ф., Горецкий В.Г.")
    page.get_by_label("Предмет").fill("Литературное чтение")
    page.get_by_label("Класс").fill("3")
    page.get_by_label("Экземпляров").fill("6")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Литературное чтение")
    offer = Offer.objects.get(title__startswith="Литературное чтение")
    assert (offer.school, offer.copies, offer.available) == (school, 6, 6)

    # Садовникова (school B) finds it with a typo-free fragment and asks for 4 copies.
    login(page, "librarian-b")
    page.goto(live_server.url + "/textbooks/")
    page.get_by_label("Название или автор").fill("литературное чтение")
    page.get_by_role("button", name="Найти").click()
    page.get_by_role("link", name=re.compile("Литературное чтение. 3 класс")).first.click()
    page.get_by_label("Сколько экземпляров").fill("4")
    page.get_by_role("button", name="Отправить запрос").click()
    expect(page.get_by_role("status")).to_be_visible()
    transfer = Transfer.objects.get(offer=offer)
    assert transfer.status == "requested" and transfer.copies == 4

    # Куклина agrees on her school's page; the act downloads.
    login(page, "librarian")
    page.goto(live_server.url + "/textbooks/my/")
    item = page.locator(f"#transfer-{transfer.pk}")
    item.get_by_role("button", name="Согласиться").click()
    expect(page.locator(f"#transfer-{transfer.pk}")).to_contain_text("согласовано")
    with page.expect_download() as info:
        page.locator(f"#transfer-{transfer.pk}").get_by_role("link", name="Акт (PDF)").click()
    text = pdf_text(open(info.value.path(), "rb").read())
    assert "АКТ № " in text and "приёма-передачи учебников во временное пользование" in text
    assert "МАОУ СОШ № 1" in text and "МАОУ СОШ № 2" in text
    offer.refresh_from_db()
    assert offer.available == 2


def test_visitor_reads_published_plan_but_not_a_draft(live_server, page, association, plan):
    Plan.objects.create(association=association, year_start=2024)
    plan.status = Plan.Status.PUBLISHED
    plan.save()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="План работы на 2023-2024 учебный год").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2023-2024")
    expect(page.get_by_role("link", name="Изменить шапку")).to_have_count(0)
    assert page.get_by_role("link", name="План работы на 2024-2025 учебный год").count() == 0
    response = page.goto(live_server.url + f"/plans/{association.slug}/2024-2025/")
    assert response.status == 404
