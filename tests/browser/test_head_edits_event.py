"""The head logs in, edits an event of the plan and sees the change on the plan page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_head_logs_in_and_edits_an_event(live_server, page, head_user, plan):
    page.goto(f"{live_server.url}/accounts/login/?next={plan.get_absolute_url()}")
    page.get_by_label("Имя пользователя").fill("head")
    page.get_by_label("Пароль").fill("secret-pass-1")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "План работы ГТО ШБ на 2023-2024 учебный год"
    )

    page.get_by_role("link", name="Изменить мероприятие 2").click()
    page.get_by_label("Мероприятие").fill("Конкурс юных поэтов «Сад поэзии приглашает...!»")
    page.get_by_label("Сроки проведения").fill("Апрель, 2024 г.")
    page.get_by_label("Ответственный 2").fill("Соколова Н.В.")
    page.get_by_role("button", name="Сохранить").click()

    expect(page.get_by_role("status")).to_have_text("Мероприятие сохранено.")
    row = page.locator("tr.plan-event").nth(1)
    expect(row).to_contain_text("2.")
    expect(row).to_contain_text("Конкурс юных поэтов «Сад поэзии приглашает...!»")
    expect(row).to_contain_text("Апрель, 2024 г.")
    expect(row.locator("td.col-people")).to_have_text(re.compile(r"Саблина В\.И\.\s*Соколова Н\.В\."))


def test_wrong_password_gets_a_clear_message(live_server, page, head_user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Имя пользователя").fill("head")
    page.get_by_label("Пароль").fill("не тот")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("alert")).to_contain_text("Неверное имя пользователя или пароль")
