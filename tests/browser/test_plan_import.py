"""The head brings in another association's Word plan from the browser, and a file that is no plan is refused.

- she uploads a .docx, reads the preview — a warning on its row, a name with no card — links the name to a card,
  confirms, and sees the plan;
- she uploads a spreadsheet and an old .doc: one sentence each, nothing is written or kept.
"""

import io

import docx
import openpyxl
import pytest
from playwright.sync_api import expect

from events.models import Plan, Responsible
from members.models import Person
from tests.browser.test_accessibility import axe_problems

pytestmark = pytest.mark.django_db(transaction=True)


def rmo_plan():
    """A district РМО's plan: title paragraphs, «Тема:» and «Цель:» paragraphs, its own columns and people."""
    document = docx.Document()
    for line in (
        "ПЛАН РАБОТЫ",
        "районного методического объединения школьных библиотекарей",
        "на 2025-2026 учебный год",
    ):
        document.add_paragraph(line).runs[0].bold = True
    document.add_paragraph("Тема: Школьная библиотека как центр чтения")
    document.add_paragraph("Цель: Повышение профессиональной компетентности школьных библиотекарей")
    table = document.add_table(rows=0, cols=5)
    rows = [
        ("№", "Содержание работы", "Форма проведения", "Сроки", "Ответственные"),
        ("Работа с кадрами", "", "", "", ""),
        ("1.", "Заседание РМО «Итоги года»", "заседание", "15.09.2026", "Саблина В.И."),
        ("2.", "Конкурс чтецов «Живая классика»", "конкурс", "IV четверть", "Кукина Н.Н.\nвсе библиотекари"),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    section = table.rows[1]
    section.cells[0].merge(section.cells[4]).text = "Работа с кадрами"
    document.add_paragraph("Руководитель РМО ______ В.И. Саблина")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_head_uploads_a_word_plan_reads_the_preview_links_a_name_and_confirms(
    live_server, page, login, head_user, librarian_user, tmp_path, media_root
):
    path = tmp_path / "План РМО 2025-2026.docx"
    path.write_bytes(rmo_plan())
    login(page, "head")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Загрузить план из Word").click()
    page.get_by_label("Файл плана").set_input_files(str(path))
    page.get_by_role("button", name="Прочитать файл").click()

    expect(page.get_by_role("heading", name="Проверьте, как прочитан план")).to_be_visible()
    expect(page.locator("#import-summary")).to_contain_text(
        "план на 2025-2026 учебный год — 1 раздел, 2 мероприятия"
    )
    expect(page.locator("#import-title")).to_contain_text(
        "районного методического объединения школьных библиотекарей"
    )
    first = page.locator("#import-event-1")
    expect(first.locator(".import-row-warning")).to_contain_text(
        "дата «15.09.2026» вне 2025-2026 учебного года"
    )
    expect(first).to_contain_text("карточка Саблина В.И.")
    second = page.locator("#import-event-2")
    expect(second).to_contain_text("1 апреля 2026 г. – 31 мая 2026 г.")  # IV четверть
    expect(second).to_contain_text("без карточки")
    expect(page.locator("#import-events thead")).to_contain_text("Форма проведения")
    expect(page.locator("#import-names")).to_contain_text("1 имя без карточки в банке данных")
    assert axe_problems(page) == []
    assert not Plan.objects.exists()

    page.get_by_label("Кукина Н.Н.").select_option(label="это Куклина Н.Н. — МАОУ СОШ № 1")
    page.get_by_role("button", name="Загрузить").click()

    expect(page.get_by_role("status")).to_contain_text("План работы на 2025-2026 учебный год загружен.")
    expect(page.locator("#plan-title")).to_contain_text(
        "районного методического объединения школьных библиотекарей"
    )
    row = page.locator("tr.plan-event", has_text="Конкурс чтецов")
    expect(row).to_contain_text("Куклина Н.Н.")
    expect(row).to_contain_text("все библиотекари")
    expect(row).to_contain_text("конкурс")
    plan = Plan.objects.get()
    assert (plan.year_start, plan.theme, plan.head_post, plan.head_name) == (
        2025,
        "Школьная библиотека как центр чтения",
        "Руководитель РМО",
        "В.И. Саблина",
    )
    assert Responsible.objects.get(text="Куклина Н.Н.").person == librarian_user.account.person
    assert Person.objects.count() == 2 and not any((media_root / "plan-imports").iterdir())


def test_a_file_that_is_no_plan_gets_one_sentence_and_nothing_is_written(
    live_server, page, login, head_user, tmp_path, media_root
):
    sheet = tmp_path / "Учебники.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Мероприятие", "Сроки", "Ответственный"])
    workbook.save(sheet)
    old_word = tmp_path / "План.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    login(page, "head")
    page.goto(live_server.url + "/plans/import/")
    for path, sentence in (
        (sheet, "Это не план: нужен документ Word (.docx) или текст (.txt) с таблицей мероприятий."),
        (old_word, "Это старый формат Word (.doc): сохраните файл в Word как .docx"),
    ):
        page.get_by_label("Файл плана").set_input_files(str(path))
        page.get_by_role("button", name="Прочитать файл").click()
        expect(page.get_by_text(sentence)).to_be_visible()
        expect(page.get_by_role("heading", name="Загрузить план работы из Word")).to_be_visible()
    assert not Plan.objects.exists() and not (media_root / "plan-imports").exists()
