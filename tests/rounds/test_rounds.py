"""Report rounds: opening, filling, submitting, the summary and the late, and who may do what."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rounds.models import FsemAnswer, Kind, ProvisionLine, Report, Round
from rounds.services import open_round
from rounds.summary import summarize

pytestmark = pytest.mark.django_db


def lines_data(*lines, action="save"):
    data = {
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "action": action,
    }
    for i, (grade, subject, students, available) in enumerate(lines):
        data.update(
            {
                f"lines-{i}-grade": str(grade),
                f"lines-{i}-subject": subject,
                f"lines-{i}-students": students,
                f"lines-{i}-available": str(available),
                f"lines-{i}-missing": "",
            }
        )
    return data


def report_of(round_, school):
    return Report.objects.get(round=round_, school=school)


# ---- the summary ----


def test_three_schools_two_submitted_one_late(provision_round, school, other_school, third_school, head_user):
    a, b = report_of(provision_round, school), report_of(provision_round, other_school)
    ProvisionLine.objects.create(
        report=a, grade=5, subject="Математика", students=50, available=50, missing=0
    )
    ProvisionLine.objects.create(
        report=a, grade=5, subject="Русский язык", students=50, available=45, missing=5
    )
    ProvisionLine.objects.create(
        report=b, grade=5, subject="Математика", students=40, available=30, missing=10
    )
    a.submit(head_user)
    b.submit(head_user)
    summary = summarize(provision_round)
    assert [r.school.short_name for r in summary.late] == ["МАОУ СОШ № 3"]
    assert [(t.grade, t.subject, t.students, t.available, t.missing, t.percent) for t in summary.city] == [
        (5, "Математика", 90, 80, 10, 89),
        (5, "Русский язык", 50, 45, 5, 90),
    ]
    assert [(s.short_name, line.subject, line.percent) for s, line in summary.below] == [
        ("МАОУ СОШ № 1", "Русский язык", 90),
        ("МАОУ СОШ № 2", "Математика", 75),
    ]


def test_nobody_is_late_before_the_deadline(association, head_user, school):
    round_ = open_round(association, head_user, Kind.FSEM, "ФСЭМ", 2024, timezone.localdate(), [school])
    assert summarize(round_).late == []


def test_round_page_shows_late_and_summary(
    head_client, provision_round, school, other_school, head_user, django_assert_max_num_queries
):
    a = report_of(provision_round, school)
    ProvisionLine.objects.create(
        report=a, grade=5, subject="Математика", students=50, available=40, missing=10
    )
    a.submit(head_user)
    # session, user, account; round; reports with answers; provision lines
    with django_assert_max_num_queries(7):
        response = head_client.get(reverse("rounds:round", args=[provision_round.pk]))
    html = response.content.decode()
    assert "Сдали 1 из 3" in html
    assert html.count("опаздывает") == 2
    assert "не хватает 10 экземпляров" in html


# ---- filling ----


def test_librarian_fills_draft_then_submits(librarian_client, provision_round, school):
    report = report_of(provision_round, school)
    url = reverse("rounds:report", args=[report.pk])
    response = librarian_client.post(url, lines_data((5, "Математика", "", 45)))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "draft" and report.started
    line = report.provision_lines.get()
    assert (line.students, line.available, line.missing, line.percent) == (
        50,
        45,
        5,
        90,
    )  # students from the school's card

    librarian_client.post(url, {**lines_data(), "lines-INITIAL_FORMS": "0", "action": "submit"})
    report.refresh_from_db()
    assert report.is_submitted


def test_unknown_students_asks_for_them(librarian_client, provision_round, school):
    report = report_of(provision_round, school)
    response = librarian_client.post(
        reverse("rounds:report", args=[report.pk]), lines_data((7, "История", "", 10))
    )
    assert response.status_code == 200
    assert "нет числа учащихся 7 класса" in response.content.decode()
    assert not ProvisionLine.objects.exists()


def test_submitted_report_cannot_be_changed_by_librarian(
    librarian_client, provision_round, school, librarian_user
):
    report = report_of(provision_round, school)
    report.submit(librarian_user)
    response = librarian_client.post(
        reverse("rounds:report", args=[report.pk]), lines_data((5, "Математика", "50", 1))
    )
    assert response.status_code == 403
    assert not ProvisionLine.objects.exists()
    assert (
        "Сохранить черновик"
        not in librarian_client.get(reverse("rounds:report", args=[report.pk])).content.decode()
    )


def test_head_reopens_after_deadline(head_client, provision_round, school, librarian_user):
    librarian_client = Client()
    librarian_client.force_login(librarian_user)
    report = report_of(provision_round, school)
    report.submit(librarian_user)
    assert head_client.get(reverse("rounds:report_reopen", args=[report.pk])).status_code == 405
    head_client.post(reverse("rounds:report_reopen", args=[report.pk]), {"reason": "Нет 7 класса"})
    report.refresh_from_db()
    assert report.status == "draft" and report.reopen_reason == "Нет 7 класса"
    assert (
        librarian_client.post(
            reverse("rounds:report", args=[report.pk]), lines_data((5, "Математика", "50", 1))
        ).status_code
        == 302
    )


def test_librarian_cannot_see_or_fill_another_schools_report(librarian_client, provision_round, other_school):
    report = report_of(provision_round, other_school)
    url = reverse("rounds:report", args=[report.pk])
    assert librarian_client.get(url).status_code == 404
    assert librarian_client.post(url, lines_data((5, "Математика", "40", 1))).status_code == 404
    assert not ProvisionLine.objects.exists()


def test_librarian_cannot_see_the_round_page_or_reopen(librarian_client, provision_round, school):
    assert librarian_client.get(reverse("rounds:round", args=[provision_round.pk])).status_code == 403
    report = report_of(provision_round, school)
    assert librarian_client.post(reverse("rounds:report_reopen", args=[report.pk])).status_code == 403
    assert librarian_client.post(reverse("rounds:round_remind", args=[provision_round.pk])).status_code == 403


def test_viewer_reads_and_changes_nothing(viewer_client, provision_round, school):
    assert viewer_client.get(reverse("rounds:round", args=[provision_round.pk])).status_code == 200
    report = report_of(provision_round, school)
    assert viewer_client.get(reverse("rounds:report", args=[report.pk])).status_code == 200
    assert (
        viewer_client.post(
            reverse("rounds:report", args=[report.pk]), lines_data((5, "Математика", "50", 1))
        ).status_code
        == 403
    )
    assert viewer_client.get(reverse("rounds:round_create")).status_code == 403
    assert not ProvisionLine.objects.exists()


def test_visitor_and_other_association(client, other_head_user, provision_round, school):
    report = report_of(provision_round, school)
    assert client.get(reverse("rounds:report", args=[report.pk])).status_code == 302
    client.force_login(other_head_user)
    assert client.get(reverse("rounds:round", args=[provision_round.pk])).status_code == 404
    assert client.get(reverse("rounds:report", args=[report.pk])).status_code == 404


def test_librarian_sees_only_own_schools_reports(librarian_client, provision_round):
    response = librarian_client.get(reverse("rounds:rounds"))
    assert [r.school.short_name for r in response.context["reports"]] == ["МАОУ СОШ № 1"]


# ---- opening and reminding ----


def test_head_opens_round_for_chosen_schools(head_client, school, other_school):
    response = head_client.post(
        reverse("rounds:round_create"),
        {
            "kind": "fsem",
            "title": "Сверка с ФСЭМ, I полугодие",
            "year_start": "2024",
            "deadline": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
            "schools": [school.pk],
        },
    )
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert list(round_.reports.values_list("school__short_name", flat=True)) == ["МАОУ СОШ № 1"]


def test_reminder_goes_to_late_schools_librarians(
    head_client, provision_round, librarian_user, other_librarian_user, school
):
    person = librarian_user.account.person
    person.email = "kuklina@example.ru"
    person.save()
    report_of(
        provision_round, school
    )  # school A late, librarian has e-mail; school B late, no e-mail; school C no librarian
    response = head_client.post(reverse("rounds:round_remind", args=[provision_round.pk]), follow=True)
    assert "Напоминание отправлено 1 школе: МАОУ СОШ № 1." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["kuklina@example.ru"]]
    assert report_of(provision_round, school).reminded_at is not None


# ---- other kinds and prefill ----


def test_fsem_report_checks_its_numbers(librarian_client, association, head_user, school):
    round_ = open_round(association, head_user, Kind.FSEM, "ФСЭМ", 2024, timezone.localdate(), [school])
    report = report_of(round_, school)
    data = {
        "check_date": "2024-10-01",
        "list_edition": "2024-09-15",
        "items_found": "2",
        "items_withdrawn": "3",
        "act_number": "7",
        "act_date": "2024-10-02",
        "action": "submit",
    }
    response = librarian_client.post(reverse("rounds:report", args=[report.pk]), data)
    assert "Изъято не может быть больше" in response.content.decode()
    assert not FsemAnswer.objects.exists()
    data["items_withdrawn"] = "2"
    librarian_client.post(reverse("rounds:report", args=[report.pk]), data)
    report.refresh_from_db()
    assert report.is_submitted and report.fsem.items_found == 2
    summary = summarize(round_)
    assert (summary.fsem_found, summary.fsem_withdrawn) == (2, 2)


def test_the_fsem_act_scan_is_served_through_the_checked_view(
    librarian_client, other_librarian_user, viewer_user, association, head_user, school, media_root
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    viewer_client = Client()
    viewer_client.force_login(viewer_user)
    round_ = open_round(association, head_user, Kind.FSEM, "ФСЭМ", 2024, timezone.localdate(), [school])
    report = report_of(round_, school)
    url = reverse("rounds:report", args=[report.pk])
    data = {
        "check_date": "2024-10-01",
        "list_edition": "2024-09-15",
        "items_found": "2",
        "items_withdrawn": "2",
        "act_number": "7",
        "act_date": "2024-10-02",
        "action": "save",
        "act_scan": SimpleUploadedFile("акт.pdf", b"%PDF-1.4 act"),
    }
    assert librarian_client.post(url, data).status_code == 302
    scan = reverse("rounds:fsem_scan", args=[report.pk])
    form = librarian_client.get(url).content.decode()
    assert f'href="{scan}"' in form  # the draft form's «current file» link: the checked view, not /media/
    response = librarian_client.get(scan)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 act"
    assert viewer_client.get(scan).status_code == 200
    other = Client()
    other.force_login(other_librarian_user)
    assert other.get(scan).status_code == 404
    assert Client().get(scan).status_code == 302  # to the login page
    report.submit(head_user)
    assert f'href="{scan}"' in librarian_client.get(url).content.decode()  # and on the submitted answers


def test_inspection_grades_must_add_up(librarian_client, association, head_user, school):
    round_ = open_round(
        association, head_user, Kind.INSPECTION, "Проверка фонда", 2024, timezone.localdate(), [school]
    )
    report = report_of(round_, school)
    url = reverse("rounds:report", args=[report.pk])
    data = {
        "share_in_fpu": "92",
        "excluded_in_use": "15",
        "grade_5": "10",
        "grade_6": "4",
        "action": "submit",
    }
    assert "не равна общему числу" in librarian_client.post(url, data).content.decode()
    data["grade_6"] = "5"
    librarian_client.post(url, data)
    summary = summarize(round_)
    assert summary.share_average == 92 and summary.excluded_total == 15
    assert dict(summary.excluded_by_grade)[5] == 10


def test_earlier_answers_prefill_the_next_round(
    librarian_client, association, head_user, school, provision_round, librarian_user
):
    first = report_of(provision_round, school)
    ProvisionLine.objects.create(
        report=first, grade=5, subject="Математика", students=48, available=45, missing=3
    )
    first.started = True
    first.save()
    first.submit(librarian_user)
    later = open_round(
        association,
        head_user,
        Kind.PROVISION,
        "Обеспеченность, весна",
        2024,
        timezone.localdate() + datetime.timedelta(days=10),
        [school],
    )
    response = librarian_client.get(reverse("rounds:report", args=[report_of(later, school).pk]))
    html = response.content.decode()
    assert "ответами из прошлого отчёта" in html
    assert 'value="Математика"' in html and 'value="50"' in html  # this year's students from the card


def test_missing_copies_become_needs_once(librarian_client, provision_round, school, librarian_user):
    from textbooks.models import Need

    report = report_of(provision_round, school)
    ProvisionLine.objects.create(
        report=report, grade=5, subject="Математика", students=50, available=40, missing=10
    )
    ProvisionLine.objects.create(
        report=report, grade=5, subject="История", students=50, available=50, missing=0
    )
    report.submit(librarian_user)
    url = reverse("rounds:report_to_needs", args=[report.pk])
    response = librarian_client.post(url, follow=True)
    assert "В обменный фонд внесена 1 потребность" in response.content.decode()
    need = Need.objects.get()
    assert (need.school, need.grade, need.copies, need.subject) == (school, 5, 10, "Математика")
    assert need.needed_by == datetime.date(2024, 9, 1)
    librarian_client.post(url)
    assert Need.objects.count() == 1


def test_needs_action_roles(viewer_client, client, other_librarian_user, provision_round, school):
    from textbooks.models import Need

    report = report_of(provision_round, school)
    ProvisionLine.objects.create(
        report=report, grade=5, subject="Математика", students=50, available=40, missing=10
    )
    url = reverse("rounds:report_to_needs", args=[report.pk])
    assert viewer_client.post(url).status_code == 403
    client.force_login(other_librarian_user)
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    assert not Need.objects.exists()
