"""A meeting from the plan to the signed protocol, clicked through in Chromium (issue 18):

the head turns the seed's «Заседание №1» into a meeting, adds two agenda items, ticks the attendance, records three
decisions (one with a responsible librarian and a deadline), downloads the protocol as PDF and DOCX (both read
back); then that librarian finds her decision on her home page and marks it done. The meeting page is also looked
at on a 375 px phone: nothing runs off the screen.
"""

import io

import docx
import pytest
from playwright.sync_api import expect

from events.models import Event
from meetings.models import Decision
from tests.reports.conftest import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


def docx_text(content):
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def add_item(page, title, speaker, heard, decisions):
    page.get_by_role("link", name="Добавить вопрос").click()
    page.get_by_label("Вопрос повестки").fill(title)
    page.get_by_label("Докладчик", exact=True).select_option(label=speaker)
    page.get_by_label("СЛУШАЛИ: кратко").fill(heard)
    for index, decision in enumerate(decisions):
        page.locator(f'[name="decisions-{index}-text"]').fill(decision["text"])
        if "responsible" in decision:
            page.locator(f'[name="decisions-{index}-responsible"]').select_option(
                label=decision["responsible"]
            )
            page.locator(f'[name="decisions-{index}-deadline"]').fill(decision["deadline"])
        if "votes" in decision:
            for name, value in zip(["votes_for", "votes_against", "votes_abstained"], decision["votes"]):
                page.locator(f'[name="decisions-{index}-{name}"]').fill(value)
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("status")).to_contain_text("Вопрос повестки сохранён")


def test_a_meeting_from_the_plan_to_the_protocol(
    live_server, page, browser, login, head_user, librarian_user, other_librarian_user, seed_plan
):
    event = Event.objects.get(section__plan=seed_plan, title__startswith="Заседание №1")
    Event.objects.filter(pk=event.pk).update(
        meeting_number=None
    )  # as a plan typed in words the importer missed

    # 1. The head makes it a meeting, from the event's own form.
    login(page, "head")
    page.goto(live_server.url + seed_plan.get_absolute_url())
    page.get_by_role("link", name="Изменить мероприятие 15", exact=True).click()
    page.get_by_label("Это заседание объединения").check()
    page.get_by_role("button", name="Сохранить").click()
    page.get_by_role("link", name="Заседание № 1: повестка, явка, протокол").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Заседание № 1")

    page.get_by_role("link", name="Изменить").first.click()
    page.get_by_label("Дата").fill("2023-09-11")
    page.get_by_label("Место проведения").fill("МАОУ СОШ № 1, библиотека")
    page.get_by_label("Председатель").select_option(label="Саблина В.И.")
    page.get_by_label("Секретарь", exact=True).select_option(label="Куклина Н.Н., МАОУ СОШ № 1")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("status")).to_contain_text("Сведения о заседании сохранены")

    # 2–3. Two agenda items, three decisions: one with the librarian responsible and a deadline.
    add_item(page, "О плане работы ГТО ШБ на 2023-2024 учебный год", "Саблина В.И.", "Саблина В.И. представила проект плана.", [
        {"text": "Утвердить план работы на 2023-2024 учебный год", "votes": ["12", "0", "1"]},
        {"text": "Уточнить сведения банка данных о школьных библиотекарях", "responsible": "Куклина Н.Н., МАОУ СОШ № 1",
         "deadline": "2023-10-01"},
    ])  # fmt: skip
    add_item(page, "Об обеспеченности учебниками", "Куклина Н.Н., МАОУ СОШ № 1", "Отчёт об обеспеченности.", [
        {"text": "Принять отчёт к сведению"},
    ])  # fmt: skip
    expect(page.locator("li.decision")).to_have_count(3)

    page.get_by_role("link", name="Отметить явку").click()
    page.get_by_role("checkbox", name="Куклина Н.Н.").check()
    page.get_by_label("Причина отсутствия: Садовникова Л.И.").fill("курсы повышения квалификации")
    page.get_by_label("Приглашённые").fill("Иванова А.А., методист МКУ «ЦРО»")
    page.get_by_role("button", name="Сохранить явку").click()
    expect(page.locator("#attendance-count")).to_have_text("присутствовали 1 из 2")

    # 4. The protocol, both files, read back.
    with page.expect_download() as info:
        page.get_by_role("link", name="Протокол (PDF)").click()
    pdf = pdf_text(open(info.value.path(), "rb").read())
    with page.expect_download() as info:
        page.get_by_role("link", name="Протокол (Word)").click()
    word = docx_text(open(info.value.path(), "rb").read())
    for text in (pdf, word):
        assert "ПРОТОКОЛ № 1" in text
        assert (
            "Куклина Н.Н." in text
            and "Садовникова" not in text.split("Отсутствовали")[0].split("Присутствовали")[-1]
        )
        assert "1 человек" in text  # the attendance count
        for number, decision in [("1.1.", "Утвердить план работы на 2023-2024 учебный год"),
                                 ("1.2.", "Уточнить сведения банка данных о школьных библиотекарях"),
                                 ("2.1.", "Принять отчёт к сведению")]:  # fmt: skip
            assert f"{number} {decision}" in text
        assert "за — 12, против — 0, воздержались — 1" in text
    event.refresh_from_db()
    assert event.status == Event.Status.DONE  # the protocol is filled in: «проведено» on the plan

    # The page on a phone: nothing runs off a 375 px screen.
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    login(phone, "head")
    phone.goto(page.url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.close()

    # 5. The librarian finds her decision on her home page and marks it done.
    login(page, "librarian")
    page.goto(live_server.url + "/")
    mine = page.locator("#decisions")
    expect(mine).to_contain_text("Уточнить сведения банка данных")
    mine.get_by_role("button", name="Выполнено: решение 1.2 заседания № 1").click()
    expect(page.get_by_role("status")).to_contain_text("отмечено выполненным")
    expect(page.locator("#decisions")).not_to_contain_text("Уточнить сведения банка данных")
    assert Decision.objects.get(text__startswith="Уточнить").done_on is not None
