"""Report rounds clicked through in Chromium: the head opens a round, moves its deadline and closes it;
the closed round takes nothing from the school."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Enrollment
from rounds.models import Report, Round

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_head_opens_edits_and_closes_a_round(live_server, page, login, head_user, librarian_user, school):
    Enrollment.objects.create(school=school, year_start=2026, grade=5, students=25)
    login(page, "head")
    page.goto(live_server.url + "/rounds/")
    page.get_by_role("link", name="Открыть сбор отчётов").first.click()
    page.get_by_label("Вид отчёта").select_option("provision")
    page.get_by_label("Название").fill("Обеспеченность учебниками на 2026-2027")
    page.get_by_label("Учебный год начинается в").fill("2026")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Срок сдачи").fill(yesterday.isoformat())
    page.get_by_role("button", name="Открыть сбор").click()
    expect(page.get_by_text("Срок сдачи уже прошёл")).to_be_visible()  # refused, what was typed kept
    expect(page.get_by_label("Название")).to_have_value("Обеспеченность учебниками на 2026-2027")
    assert not Round.objects.exists()

    in_two_weeks = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label("Срок сдачи").fill(in_two_weeks.isoformat())
    page.get_by_role("button", name="Открыть сбор").click()
    round_ = Round.objects.get()
    assert round_.deadline == in_two_weeks and Report.objects.filter(round=round_, school=school).exists()

    page.goto(live_server.url + round_.get_absolute_url())
    page.get_by_role("link", name="Изменить название или срок").click()
    later = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Срок сдачи").fill(later.isoformat())
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("status")).to_be_visible()
    round_.refresh_from_db()
    assert round_.deadline == later

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Закрыть сбор").click()
    expect(page.get_by_role("button", name="Открыть сбор снова")).to_be_visible()
    round_.refresh_from_db()
    assert round_.is_closed

    report = Report.objects.get(round=round_, school=school)
    login(page, "librarian")
    page.goto(live_server.url + report.get_absolute_url())
    expect(page.get_by_text("Сбор закрыт")).to_be_visible()
    expect(page.get_by_role("button", name="Сдать отчёт")).to_have_count(0)
