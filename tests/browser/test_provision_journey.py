"""A librarian fills a whole provision report (30 rows) in Chromium, makes an error in one row and loses nothing,
fixes it and submits after confirming; the head reopens it with a reason that the librarian then reads."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Enrollment
from rounds.models import Kind, ProvisionLine, Report
from rounds.services import open_round

pytestmark = pytest.mark.django_db(transaction=True)
SUBJECTS = ["Математика", "Окружающий мир", "Русский язык"]


@pytest.fixture
def report(association, head_user, librarian_user, school):
    for grade in range(1, 11):
        Enrollment.objects.create(school=school, year_start=2026, grade=grade, students=20 + grade)
    earlier = open_round(association, head_user, Kind.PROVISION, "Обеспеченность 2025", 2025,
                         timezone.localdate() + datetime.timedelta(days=1), [school])  # fmt: skip
    old = Report.objects.get(round=earlier)
    ProvisionLine.objects.bulk_create(
        ProvisionLine(report=old, grade=grade, subject=subject, students=20, available=20, missing=0)
        for grade in range(1, 11)
        for subject in SUBJECTS
    )
    round_ = open_round(association, head_user, Kind.PROVISION, "Обеспеченность 2026", 2026,
                        timezone.localdate() + datetime.timedelta(days=10), [school])  # fmt: skip
    return Report.objects.get(round=round_)


def copies(page, row):
    return page.get_by_label(f"Есть экземпляров, строка {row}", exact=True)


def test_thirty_rows_an_error_kept_fixed_submitted_reopened_with_a_reason(live_server, page, login, report):
    login(page, "librarian")
    page.goto(live_server.url + report.get_absolute_url())
    expect(copies(page, 30)).to_be_visible()
    for row in range(1, 31):
        copies(page, row).fill(str(row))
    subject_17 = page.get_by_label("Предмет, строка 17", exact=True)
    subject_16 = page.get_by_label("Предмет, строка 16", exact=True).input_value()
    right_subject = subject_17.input_value()
    subject_17.fill(subject_16)  # the same subject twice in one grade
    page.get_by_role("button", name="Сохранить черновик", exact=True).click()
    expect(page.get_by_text("Строка 17").first).to_be_visible()
    assert [copies(page, row).input_value() for row in (1, 16, 30)] == ["1", "16", "30"]  # nothing typed lost
    assert not ProvisionLine.objects.filter(report=report).exists()

    page.get_by_label("Предмет, строка 17", exact=True).fill(right_subject)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Сдать отчёт").click()
    expect(page.get_by_role("status").first).to_contain_text("Отчёт сдан")
    report.refresh_from_db()
    assert report.is_submitted and ProvisionLine.objects.filter(report=report).count() == 30

    login(page, "head")
    page.goto(live_server.url + report.get_absolute_url())
    page.get_by_label("Что школе исправить").fill("В 5 классе по математике пересчитайте экземпляры.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Вернуть на доработку").click()
    report.refresh_from_db()
    assert not report.is_submitted

    login(page, "librarian")
    page.goto(live_server.url + report.get_absolute_url())
    expect(page.locator("#reopen-reason")).to_contain_text(
        "В 5 классе по математике пересчитайте экземпляры."
    )
