"""The provision report's form as a real school fills it: a row for every grade and subject asked, rows added
and removed, a grade pasted from Excel, the form downloaded and uploaded as XLSX, every error named by its row
with nothing typed lost, and numbers that cannot all be true shown before the report is submitted."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members.models import Enrollment
from rounds.models import Kind, ProvisionLine, Report
from rounds.services import open_round

pytestmark = pytest.mark.django_db

SUBJECTS = ["Математика", "Русский язык", "Литература", "История", "Английский язык"]


def report_of(round_, school):
    return Report.objects.get(round=round_, school=school)


def earlier_round(association, head_user, schools, pairs):
    """A provision round opened a month ago whose reports named these (grade, subject) pairs."""
    round_ = open_round(
        association,
        head_user,
        Kind.PROVISION,
        "Обеспеченность, прошлый год",
        2023,
        timezone.localdate() + datetime.timedelta(days=1),
        schools,
    )
    round_.opened_at = timezone.now() - datetime.timedelta(days=30)
    round_.save()
    report = report_of(round_, schools[0])
    for grade, subject in pairs:
        ProvisionLine.objects.create(
            report=report, grade=grade, subject=subject, students=10, available=10, missing=0
        )
    return round_


@pytest.fixture
def asked(association, head_user, school, other_school, third_school):
    """Subjects the association asked before: grade 5 — Математика, Русский язык; grade 6 — История; grade 9 —
    Физика (school A has no 9th grade this year). Then this year's round, school A: 50 in grade 5, 42 in 6."""
    earlier_round(
        association,
        head_user,
        [other_school],
        [(5, "Математика"), (5, "Русский язык"), (6, "История"), (9, "Физика")],
    )
    Enrollment.objects.create(school=school, year_start=2024, grade=5, students=50)
    Enrollment.objects.create(school=school, year_start=2024, grade=6, students=42)
    round_ = open_round(
        association,
        head_user,
        Kind.PROVISION,
        "Обеспеченность учебниками на 2024-2025",
        2024,
        timezone.localdate() + datetime.timedelta(days=10),
        [school, other_school, third_school],
    )
    return report_of(round_, school)


def page_rows(response):
    """[(number, grade, subject, students, available, missing)] of the rows the page shows, as it shows them."""
    formset = response.context["form"]
    return [
        (
            number,
            form["grade"].value(),
            form["subject"].value(),
            form["students"].value(),
            form["available"].value(),
            form["missing"].value(),
        )
        for number, form in formset.numbered()
    ]


def post_data(response, changes=None, action="save", extra=None):
    """The page's form sent back as the browser sends it, with `changes` {(row number, field): value}."""
    formset = response.context["form"]
    data = {
        "lines-TOTAL_FORMS": str(len(formset.forms)),
        "lines-INITIAL_FORMS": str(formset.initial_form_count()),
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for number, form in formset.numbered():
        for name in ["id", "report", "grade", "subject", "students", "available", "missing"]:
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else str(value)
        for (row, name), value in (changes or {}).items():
            if row == number:
                data[form.add_prefix(name)] = value
    data["action"] = action
    data.update(extra or {})
    return data


def lines_of(report):
    return list(report.provision_lines.values_list("grade", "subject", "students", "available", "missing"))


def problems(response):
    return list(response.context["problems"])


def xlsx(rows, header=("Класс", "Предмет", "Учащихся", "Есть экземпляров", "Не хватает"), name="форма.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


# ---- 1. the rows the form opens with; adding and removing ----


def test_the_form_opens_with_every_grade_of_the_card_times_every_subject_asked(librarian_client, asked):
    response = librarian_client.get(reverse("rounds:report", args=[asked.pk]))
    assert page_rows(response) == [
        (1, 5, "Математика", 50, None, None),
        (2, 5, "Русский язык", 50, None, None),
        (3, 6, "История", 42, None, None),
        (4, None, None, None, None, None),  # one empty row to add a subject nobody asked
    ]
    html = response.content.decode()
    assert "Форма уже содержит строку для каждого класса" in html and "Физика" not in html


def test_a_grade_nobody_asked_about_gets_one_row_without_a_subject(librarian_client, provision_round, school):
    response = librarian_client.get(reverse("rounds:report", args=[report_of(provision_round, school).pk]))
    assert page_rows(response) == [(1, 5, "", 50, None, None), (2, None, None, None, None, None)]


def test_rows_left_unanswered_are_not_saved_and_answered_ones_are(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(url, post_data(page, {(1, "available"): "45"}))
    assert response.status_code == 302
    assert lines_of(asked) == [(5, "Математика", 50, 45, 5)]
    # the rows not answered yet are offered again, around the saved one
    again = librarian_client.get(url)
    assert [row[1:5] for row in page_rows(again)] == [
        (5, "Математика", 50, 45),
        (5, "Русский язык", 50, None),
        (6, "История", 42, None),
        (None, None, None, None),
    ]


def test_a_row_is_added_without_losing_what_was_typed_and_a_saved_line_removed(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    librarian_client.post(url, post_data(page, {(1, "available"): "45", (3, "available"): "40"}))
    page = librarian_client.get(url)
    assert [row[1:3] for row in page_rows(page)] == [
        (5, "Математика"),  # the saved lines first, then the rows still to fill
        (6, "История"),
        (5, "Русский язык"),
        (None, None),
    ]
    # «Добавить строку» without the script: the page comes back with one row more and the typed numbers kept
    added = librarian_client.post(url, post_data(page, {(3, "available"): "49"}, action="add"))
    assert (
        added.status_code == 200 and len(added.context["form"].forms) == len(page.context["form"].forms) + 1
    )
    assert page_rows(added)[2] == (3, "5", "Русский язык", "50", "49", "")
    html = added.content.decode()
    assert 'id="add-line"' in html and "rounds/js/provision-rows.js" in html and 'id="problems"' not in html
    assert lines_of(asked) == [(5, "Математика", 50, 45, 5), (6, "История", 42, 40, 2)]  # nothing saved by it
    # the new row filled, the 6th grade's line removed
    data = post_data(added, {(3, "available"): "49", (2, "DELETE"): "on"})
    data.update(
        {
            "lines-4-grade": "6",
            "lines-4-subject": "Обществознание",
            "lines-4-students": "",
            "lines-4-available": "30",
        }
    )
    assert librarian_client.post(url, data).status_code == 302
    assert lines_of(asked) == [
        (5, "Математика", 50, 45, 5),
        (5, "Русский язык", 50, 49, 1),
        (6, "Обществознание", 42, 30, 12),
    ]


def test_thirty_rows_save_together_and_one_bad_row_keeps_all_thirty(
    librarian_client, association, head_user, school, other_school, third_school
):
    grades = [5, 6, 7, 8, 9, 10]
    earlier_round(
        association, head_user, [other_school], [(g, subject) for g in grades for subject in SUBJECTS]
    )
    for grade in grades:
        Enrollment.objects.create(school=school, year_start=2024, grade=grade, students=20 + grade)
    round_ = open_round(
        association,
        head_user,
        Kind.PROVISION,
        "Обеспеченность",
        2024,
        timezone.localdate() + datetime.timedelta(days=10),
        [school],
    )
    report = report_of(round_, school)
    url = reverse("rounds:report", args=[report.pk])
    page = librarian_client.get(url)
    assert len(page_rows(page)) == 31
    typed = {(number, "available"): str(number) for number in range(1, 31)}
    typed[17, "available"] = "семнадцать"
    response = librarian_client.post(url, post_data(page, typed))
    assert response.status_code == 200 and not ProvisionLine.objects.filter(report=report).exists()
    assert problems(response) == ["Строка 17 (8 класс, История), есть экземпляров: Введите целое число."]
    kept = page_rows(response)
    assert [row[4] for row in kept[:30]] == [str(n) if n != 17 else "семнадцать" for n in range(1, 31)]
    typed[17, "available"] = "17"
    assert librarian_client.post(url, post_data(response, typed)).status_code == 302
    assert report.provision_lines.count() == 30
    assert lines_of(report)[16] == (
        8,
        "История",
        28,
        17,
        11,
    )  # by grade, then subject, as the page showed them


# ---- 3. errors named by their row, values kept; the warning ----


def test_an_error_names_its_row_at_the_top_and_keeps_every_row_as_typed(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(
        url,
        post_data(
            page,
            {(1, "available"): "45", (2, "available"): "48", (3, "available"): "-3", (3, "students"): "41"},
        ),
    )
    assert response.status_code == 200 and lines_of(asked) == []
    assert problems(response) == [
        "Строка 3 (6 класс, История), есть экземпляров: Убедитесь, что это значение больше либо равно 0."
    ]
    html = response.content.decode()
    assert html.index('id="problems"') < html.index('id="lines"')
    assert "Ничего не сохранено — всё, что вы ввели, осталось на странице." in html
    assert [row[1:5] for row in page_rows(response)[:3]] == [
        ("5", "Математика", "50", "45"),
        ("5", "Русский язык", "50", "48"),
        ("6", "История", "41", "-3"),
    ]


def test_a_subject_twice_in_a_grade_is_refused_at_the_second(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(
        url,
        post_data(
            page,
            {
                (1, "available"): "45",
                (4, "grade"): "5",
                (4, "subject"): "математика ",
                (4, "available"): "3",
            },
        ),
    )
    assert lines_of(asked) == []
    assert problems(response) == [
        "Строка 4 (5 класс, математика), предмет: этот предмет 5 класса уже есть в строке 1."
    ]


def test_a_typed_row_without_copies_is_refused_not_dropped(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(
        url, post_data(page, {(4, "grade"): "6", (4, "subject"): "География", (4, "students"): "42"})
    )
    assert problems(response) == ["Строка 4 (6 класс, География), есть экземпляров: Обязательное поле."]


def test_numbers_that_cannot_all_be_true_warn_after_the_draft_is_saved(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    saved = librarian_client.post(
        url,
        post_data(
            page,
            {
                (1, "available"): "40",
                (1, "missing"): "5",
                (2, "available"): "50",
                (3, "available"): "30",
                (3, "missing"): "0",
            },
        ),
        follow=True,
    )
    assert lines_of(asked) == [
        (5, "Математика", 50, 40, 5),
        (5, "Русский язык", 50, 50, 0),
        (6, "История", 42, 30, 0),
    ]
    assert list(saved.context["warnings"]) == [
        "Строка 1 (5 класс, Математика): есть 40 экз., не хватает 5 экз. — вместе 45, а учащихся 50.",
        "Строка 3 (6 класс, История): есть 30 экз., не хватает 0 экз. — вместе 30, а учащихся 42.",
    ]
    html = saved.content.decode()
    assert "Черновик сохранён. Не забудьте сдать отчёт до срока." in html
    assert html.index('id="warnings"') < html.index('id="lines"')
    # the warning does not stop the report being submitted
    submitted = librarian_client.post(url, post_data(saved, action="submit"))
    assert submitted.status_code == 302
    assert Report.objects.get(pk=asked.pk).is_submitted


# ---- 2. a grade pasted from Excel ----


def test_a_grade_pasted_from_excel_with_windows_line_ends_and_a_stray_empty_line(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    pasted = "Предмет\tУчащихся\tЭкземпляров\tНе хватает\r\nМатематика\t50\t45\t5\r\nРусский язык\t\t48\t\r\n\r\nИЗО\t50\t1\u00a0000\t0\r\n"
    response = librarian_client.post(
        url,
        post_data(
            page, {(3, "available"): "42"}, action="paste", extra={"paste_grade": "5", "paste": pasted}
        ),
        follow=True,
    )
    assert lines_of(asked) == [
        (5, "ИЗО", 50, 1000, 0),
        (5, "Математика", 50, 45, 5),
        (5, "Русский язык", 50, 48, 2),  # the students from the card, the missing counted
        (6, "История", 42, 42, 0),  # the row typed on the page saved with the paste
    ]
    assert (
        "Черновик сохранён. Не забудьте сдать отчёт до срока. Из вставки (5 класс) сохранено строк: 3."
        in response.content.decode()
    )
    # pasted again, the grade's lines are replaced, not doubled
    again = librarian_client.post(
        url,
        post_data(response, action="paste", extra={"paste_grade": "5", "paste": "Математика\t50\t50\t0\n"}),
    )
    assert again.status_code == 302
    assert ProvisionLine.objects.get(report=asked, subject="Математика").available == 50
    assert asked.provision_lines.count() == 4


def test_a_bad_paste_saves_nothing_and_keeps_the_page_and_the_paste(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    pasted = "Математика\t50\t45\t5\r\nРусский язык\tмного\t48\t2\r\nИстория\t50\t50\t0\t7\r\n"
    response = librarian_client.post(
        url,
        post_data(
            page, {(3, "available"): "42"}, action="paste", extra={"paste_grade": "5", "paste": pasted}
        ),
    )
    assert response.status_code == 200 and lines_of(asked) == []
    assert problems(response) == [
        "Вставленная строка 3 (5 класс, История): лишние ячейки. Нужны четыре: предмет, учащихся, экземпляров, не хватает."
    ]
    html = response.content.decode()
    assert "Русский язык\tмного\t48\t2" in html  # the paste kept in its box
    assert page_rows(response)[2][4] == "42"  # and the row typed on the page
    fixed = pasted.replace("\t7", "")
    response = librarian_client.post(
        url, post_data(page, action="paste", extra={"paste_grade": "5", "paste": fixed})
    )
    assert problems(response) == [
        "Вставленная строка 2 (5 класс, Русский язык), учащихся: Введите целое число."
    ]
    assert lines_of(asked) == []


def test_a_paste_needs_its_grade(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(
        url, post_data(page, action="paste", extra={"paste_grade": "", "paste": "Математика\t50\t45\t5"})
    )
    assert problems(response) == ["Класс: Выберите класс, строки которого вставлены."]
    assert lines_of(asked) == []


# ---- 2. the form as XLSX: downloaded, filled, uploaded ----


def test_the_form_downloads_with_the_saved_and_the_offered_rows_and_uploads_back(librarian_client, asked):
    ProvisionLine.objects.create(
        report=asked, grade=5, subject="Математика", students=50, available=45, missing=5
    )
    asked.started = True
    asked.save()
    response = librarian_client.get(reverse("rounds:report_form_xlsx", args=[asked.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "%D1%84%D0%BE%D1%80%D0%BC%D0%B0.xlsx" in response["Content-Disposition"]  # «…форма.xlsx»
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows == [
        ["Класс", "Предмет", "Учащихся", "Есть экземпляров", "Не хватает"],
        [5, "Математика", 50, 45, 5],
        [5, "Русский язык", 50, None, None],
        [6, "История", 42, None, None],
    ]
    # filled in Excel and uploaded
    rows[2][3], rows[3][3], rows[3][4] = 48, 40.0, None
    rows.append([6, "Обществознание", None, 30, 12])
    page = librarian_client.get(reverse("rounds:report", args=[asked.pk]))
    uploaded = librarian_client.post(
        reverse("rounds:report", args=[asked.pk]),
        post_data(page, action="upload", extra={"form_file": xlsx(rows[1:], header=rows[0])}),
        follow=True,
    )
    assert "Из файла сохранено строк: 4." in uploaded.content.decode()
    assert lines_of(asked) == [
        (5, "Математика", 50, 45, 5),
        (5, "Русский язык", 50, 48, 2),
        (6, "История", 42, 40, 2),
        (6, "Обществознание", 42, 30, 12),
    ]
    assert list(uploaded.context["warnings"]) == []  # 30 there and 12 missing are the 42 students


def test_an_uploaded_form_with_bad_rows_changes_nothing_and_names_them(librarian_client, asked):
    ProvisionLine.objects.create(
        report=asked, grade=5, subject="Математика", students=50, available=45, missing=5
    )
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    upload = xlsx(
        [
            (5, "Математика", 50, 10, 40),
            (None, None, None, None, None),
            (6, "История", 42, "сорок", None),
            (12, "Физика", 20, 20, 0),
        ]
    )
    response = librarian_client.post(url, post_data(page, action="upload", extra={"form_file": upload}))
    assert response.status_code == 200
    assert problems(response) == [
        "Строка 4 (6 класс, История), есть экземпляров: Введите целое число.",
        "Строка 5 (12 класс, Физика), класс: Выберите корректный вариант. 12 нет среди допустимых значений.",
    ]
    assert lines_of(asked) == [(5, "Математика", 50, 45, 5)]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("форма.xlsx", b"PK\x03\x04" + b"\0" * (1024 * 1024 + 1)),
            "Файл больше 1 МБ (1.0 МБ): форма отчёта столько не весит",
        ),
        (SimpleUploadedFile("форма.xls", b"\xd0\xcf\x11\xe0old excel"), "Нужен файл Excel в формате .xlsx."),
        (SimpleUploadedFile("форма.xlsx", b"just text, renamed"), "Файл не похож на таблицу .xlsx"),
        (SimpleUploadedFile("форма.xlsx", b"PK\x03\x04broken zip"), "Файл не читается как таблица Excel"),
        (
            "no header",
            "В первой строке файла нет заголовков формы",
        ),
    ],
    ids=["oversized", "xls", "not-a-zip", "broken", "no-header"],
)
def test_an_upload_that_is_not_the_form_is_refused_with_nothing_changed(
    librarian_client, asked, upload, message
):
    if upload == "no header":
        upload = xlsx([(5, "Математика", 50, 10, 40)], header=("Школа", "Итого"))
    ProvisionLine.objects.create(
        report=asked, grade=5, subject="Математика", students=50, available=45, missing=5
    )
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(
        url, post_data(page, {(2, "available"): "47"}, action="upload", extra={"form_file": upload})
    )
    assert response.status_code == 200
    assert any(message in problem for problem in problems(response)), problems(response)
    assert lines_of(asked) == [(5, "Математика", 50, 45, 5)]
    assert page_rows(response)[1][4] == "47"  # what was typed on the page stays


def test_an_xlsx_with_too_many_rows_is_refused_by_the_projects_reader(librarian_client, asked):
    upload = xlsx([(5, f"Предмет {n}", 50, 1, 49) for n in range(1200)])
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    response = librarian_client.post(url, post_data(page, action="upload", extra={"form_file": upload}))
    assert any("В файле больше 1000 строк" in problem for problem in problems(response))
    assert lines_of(asked) == []


def test_the_form_download_is_for_the_school_and_the_head(
    client,
    asked,
    librarian_user,
    other_librarian_user,
    viewer_user,
    head_user,
    other_head_user,
    association,
    school,
):
    url = reverse("rounds:report_form_xlsx", args=[asked.pk])
    assert client.get(url).status_code == 302 and "/login" in client.get(url)["Location"]
    expected = [
        (librarian_user, 200),
        (head_user, 200),
        (viewer_user, 403),
        (other_librarian_user, 404),
        (other_head_user, 404),
    ]
    for user, status in expected:
        c = Client()
        c.force_login(user)
        assert c.get(url).status_code == status, user.username
    fsem = open_round(association, head_user, Kind.FSEM, "ФСЭМ", 2024, timezone.localdate(), [school])
    c = Client()
    c.force_login(librarian_user)
    assert c.get(reverse("rounds:report_form_xlsx", args=[report_of(fsem, school).pk])).status_code == 404
    assert c.post(url).status_code == 405


def test_another_schools_librarian_cannot_paste_or_upload(other_librarian_user, librarian_client, asked):
    page = librarian_client.get(reverse("rounds:report", args=[asked.pk]))
    other = Client()
    other.force_login(other_librarian_user)
    url = reverse("rounds:report", args=[asked.pk])
    paste = post_data(page, action="paste", extra={"paste_grade": "5", "paste": "Математика\t50\t45\t5"})
    assert other.post(url, paste).status_code == 404
    upload = post_data(page, action="upload", extra={"form_file": xlsx([(5, "Математика", 50, 45, 5)])})
    assert other.post(url, upload).status_code == 404
    assert lines_of(asked) == []


def test_the_committee_reads_the_answers_and_gets_no_form_link(viewer_client, asked):
    html = viewer_client.get(reverse("rounds:report", args=[asked.pk])).content.decode()
    assert "form.xlsx" not in html and not re.search(r'name="lines-\d+-available"', html)


# ---- what an adversarial pass found ----


def test_the_same_page_sent_twice_saves_one_line_not_two(librarian_client, asked):
    """A double click, or a second tab: the second copy of a new row is refused, and the summary counts one."""
    url = reverse("rounds:report", args=[asked.pk])
    page = librarian_client.get(url)
    data = post_data(page, {(1, "available"): "40"})
    assert librarian_client.post(url, data).status_code == 302
    again = librarian_client.post(url, data)
    assert again.status_code == 200 and "уже сохранён" in again.content.decode()
    assert lines_of(asked).count((5, "Математика", 50, 40, 10)) == 1


def test_a_form_sent_with_a_hundred_thousand_rows_is_refused_before_it_is_read(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    data = post_data(librarian_client.get(url), extra={"lines-TOTAL_FORMS": "100000"})
    response = librarian_client.post(url, data)
    assert response.status_code == 200 and len(response.content) < 1_500_000
    assert not asked.provision_lines.exists()


def test_a_count_no_school_has_is_refused(librarian_client, asked):
    url = reverse("rounds:report", args=[asked.pk])
    response = librarian_client.post(
        url, post_data(librarian_client.get(url), {(1, "students"): str(10**12), (1, "available"): "4"})
    )
    assert response.status_code == 200 and "100" in response.content.decode()
    assert not asked.provision_lines.exists()
