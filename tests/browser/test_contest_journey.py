"""A contest from the plan to the certificates, clicked through in Chromium (issue 19):

1. the head makes the seed's «Живая классика» a contest with two categories and three criteria;
2. two librarians of different schools enter three pupils each — Куклина through the form, Садовникова by the
   XLSX template she downloads and fills in;
3. two jury members score: the head on her own sheet, Садовникова on hers;
4. the head confirms the places, publishes, downloads the jury's protocol (PDF and DOCX) and the certificates PDF —
   read back: every entry is in the protocol, one page per certificate, the names in the dative;
5. Куклина finds her благодарность in her portfolio.
The contest page and the results are also looked at on a 375 px phone: nothing runs off the screen.
"""

import datetime
import io

import docx
import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contests.models import Certificate, Contest, Entry
from events.models import Event
from members.models import Person, PortfolioEntry
from tests.reports.conftest import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db(transaction=True)

KUKLINA_PUPILS = [("Иванова", "Мария", "5", "5–8 классы"), ("Петров", "Иван", "6", "5–8 классы"),
                  ("Черных", "Анна", "10", "9–11 классы")]  # fmt: skip
SADOVNIKOVA_PUPILS = [("Шевченко", "Ольга", 7, "5–8 классы"), ("Ковальчук", "Ян", 9, "9–11 классы"),
                      ("Ли", "Ким", 11, "9–11 классы")]  # fmt: skip
# (head's, Садовникова's) scores per criterion: in 5–8 Иванова I, Петров II, Шевченко III; in 9–11 Ковальчук I,
# Черных and Ли share II (20 points each).
SCORES = {
    "Иванова": ((10, 10, 5), (10, 9, 5)),
    "Петров": ((9, 9, 4), (9, 8, 4)),
    "Шевченко": ((7, 6, 3), (6, 6, 3)),
    "Ковальчук": ((9, 9, 5), (9, 10, 5)),
    "Черных": ((8, 8, 4), (8, 8, 4)),
    "Ли": ((8, 8, 4), (8, 8, 4)),
}


def docx_text(content):
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return open(info.value.path(), "rb").read()


def no_sideways_scroll(browser, login, username, url):
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    login(phone, username)
    phone.goto(url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    phone.close()
    assert width <= 375, url


def score_sheet(page, jury_name_link, sheet):
    page.get_by_role("link", name=jury_name_link).click()
    for entry in Entry.objects.all():
        for criterion, value in zip(entry.contest.criteria.all(), SCORES[entry.surname][sheet], strict=True):
            page.locator(f'[name="score-{entry.pk}-{criterion.pk}"]').fill(str(value))
    page.get_by_role("button", name="Сохранить оценки").click()
    expect(page.get_by_role("status")).to_contain_text("Оценки сохранены")


def test_a_contest_from_the_plan_to_the_certificates(
    live_server,
    page,
    browser,
    login,
    head_user,
    librarian_user,
    other_librarian_user,
    seed_plan,
    media_root,
    tmp_path,
):
    Person.objects.filter(surname="Куклина").update(first_name="Наталья", patronymic="Николаевна")
    Person.objects.filter(surname="Садовникова").update(first_name="Людмила", patronymic="Ивановна")
    event = Event.objects.get(section__plan=seed_plan, title__contains="Живая классика")
    deadline = timezone.localdate() + datetime.timedelta(days=10)

    # 1. The head makes «Живая классика» a contest: two categories, three criteria, a jury of two.
    login(page, "head")
    page.goto(live_server.url + "/contests/?year=" + seed_plan.year_name)
    page.get_by_role("link", name=f"Сделать конкурсом: {event.title}").click()
    page.get_by_label("Заявки принимаются до").fill(deadline.isoformat())
    page.get_by_label("Положение о конкурсе").fill("Школьный этап: прозу читают наизусть, до 4 минут.")
    for index, (title, low, high) in enumerate([("5–8 классы", "5", "8"), ("9–11 классы", "9", "11")]):
        page.locator(f'[name="categories-{index}-title"]').fill(title)
        page.locator(f'[name="categories-{index}-grade_from"]').fill(low)
        page.locator(f'[name="categories-{index}-grade_to"]').fill(high)
    for index, (title, most) in enumerate(
        [("Знание текста", "10"), ("Выразительность", "10"), ("Сценическая культура", "5")]
    ):
        page.locator(f'[name="criteria-{index}-title"]').fill(title)
        page.locator(f'[name="criteria-{index}-max_score"]').fill(most)
    page.locator('[name="jury-0-person"]').select_option(label="Саблина В.И.")
    page.locator('[name="jury-0-is_chair"]').check()
    page.locator('[name="jury-1-person"]').select_option(label="Садовникова Л.И., МАОУ СОШ № 2")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("status")).to_contain_text("Конкурс сохранён")
    contest = Contest.objects.get(event=event)
    assert contest.categories.count() == 2 and contest.criteria.count() == 3 and contest.jury.count() == 2

    # 2a. Куклина enters her three pupils through the form.
    login(page, "librarian")
    page.goto(live_server.url + contest.get_absolute_url())
    for surname, first_name, grade, category in KUKLINA_PUPILS:
        page.get_by_role("link", name="Добавить участника").click()
        page.get_by_label("Номинация").select_option(label=category)
        page.get_by_label("Фамилия").fill(surname)
        page.get_by_label("Имя").fill(first_name)
        page.get_by_label("Класс").fill(grade)
        page.get_by_label("Название работы").fill("Отрывок из прозы")
        page.locator('[name="mentor"]').select_option(label="Куклина Н.Н., МАОУ СОШ № 1")
        page.get_by_role("button", name="Сохранить").click()
        expect(page.get_by_role("status")).to_contain_text("Заявка сохранена")
    expect(page.locator("#entries")).to_contain_text("(3)")
    no_sideways_scroll(browser, login, "librarian", live_server.url + contest.get_absolute_url())

    # 2b. Садовникова downloads the template, fills it in and uploads it.
    login(page, "librarian-b")
    page.goto(live_server.url + contest.get_absolute_url())
    page.get_by_role("link", name="Загрузить заявки таблицей (XLSX)").click()
    template = download(page, "Скачать образец таблицы (XLSX)")
    book = openpyxl.load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    for row, (surname, first_name, grade, category) in enumerate(SADOVNIKOVA_PUPILS, start=2):
        values = {"Фамилия": surname, "Имя": first_name, "Класс": grade, "Номинация": category,
                  "Название работы": "Стихотворение", "Подготовил(а)": "Садовникова Л.И."}  # fmt: skip
        for column, header in enumerate(headers, start=1):
            if header in values:
                sheet.cell(row=row, column=column, value=values[header])
    filled = tmp_path / "заявки.xlsx"
    book.save(filled)
    page.get_by_label("Таблица XLSX").set_input_files(str(filled))
    page.get_by_role("button", name="Загрузить").click()
    expect(page.get_by_role("status")).to_contain_text("добавлено заявок: 3")
    assert Entry.objects.filter(school__short_name="МАОУ СОШ № 2").count() == 3

    # 3. Two jury members score: Садовникова on her own sheet, then the head on hers.
    page.goto(live_server.url + contest.get_absolute_url())
    score_sheet(page, "Мой оценочный лист", 1)
    login(page, "head")
    page.goto(live_server.url + contest.get_absolute_url())
    score_sheet(page, "Мой оценочный лист", 0)

    # 4. The head confirms the places (Черных and Ли share II), publishes, and downloads the documents.
    page.goto(live_server.url + contest.get_absolute_url())
    page.get_by_role("link", name="Итоги и грамоты").click()
    page.get_by_role("button", name="Утвердить места").click()
    expect(page.get_by_role("status")).to_contain_text("Места утверждены")
    places = dict(Entry.objects.values_list("surname", "place"))
    assert places == {"Иванова": 1, "Петров": 2, "Шевченко": 3, "Ковальчук": 1, "Черных": 2, "Ли": 2}
    page.get_by_role("button", name="Опубликовать итоги").click()
    expect(page.get_by_role("status")).to_contain_text("Итоги опубликованы")
    event.refresh_from_db()
    assert event.status == Event.Status.DONE
    no_sideways_scroll(browser, login, "head", page.url)

    protocol_pdf = pdf_text(download(page, "Протокол жюри (PDF)"))
    protocol_docx = docx_text(download(page, "Протокол жюри (Word)"))
    for text in (protocol_pdf, protocol_docx):
        for surname, first_name, *_ in KUKLINA_PUPILS + SADOVNIKOVA_PUPILS:
            assert f"{surname} {first_name}" in " ".join(text.split()), surname

    page.get_by_role("button", name="Выпустить грамоты").click()
    expect(page.get_by_role("status")).to_contain_text("Выпущено 12 грамот. Файл PDF готов")
    certificates = list(Certificate.objects.filter(contest=contest).order_by("number"))
    # six pupils, and a благодарность to each mentor of a winner or prize-winner: Куклина (three), Садовникова (three)
    assert len(certificates) == 12
    content = download(page, f"Грамоты (PDF, {len(certificates)} страниц)")
    pages = pdf_pages(content)
    assert len(pages) == len(certificates)
    whole = " ".join(" ".join(p.split()) for p in pages)
    assert "Куклиной Наталье Николаевне" in whole and "Садовниковой Людмиле Ивановне" in whole
    assert "Иванова Мария" in whole and "ДИПЛОМ" in whole
    numbers = [c.number_text for c in certificates]
    assert len(set(numbers)) == len(numbers) and all(f"№ {n}" in whole for n in numbers)

    # 5. Куклина finds her благодарность in her portfolio, the file attached.
    kuklina = Person.objects.get(surname="Куклина")
    filed = PortfolioEntry.objects.filter(person=kuklina, kind=PortfolioEntry.Kind.CONTEST)
    assert len(filed) == 3 and all(
        entry.file for entry in filed
    )  # one per pupil she prepared who took a place
    assert "Куклиной Наталье Николаевне" in pdf_text(filed[0].file.open("rb").read())
    login(page, "librarian")
    page.goto(live_server.url + kuklina.get_absolute_url())
    expect(page.locator("body")).to_contain_text(event.title)
    expect(page.locator("body")).to_contain_text("благодарность")
