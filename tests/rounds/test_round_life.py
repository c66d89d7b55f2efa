"""A round as a school lives it: the head opens it (never with a deadline past), edits it, closes and reopens it;
«Напомнить» names whom it wrote to and whom not; a report is submitted after a question, given back with a
reason the librarian reads, and a late one says when it came."""

import datetime

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.formats import format_date
from rounds.models import ProvisionLine, Report, Round
from rounds.services import close_round, remind_late, reopen_report

pytestmark = pytest.mark.django_db

PAST_DEADLINE = "Срок сдачи уже прошёл: укажите дату не раньше сегодняшней."


def report_of(round_, school):
    return Report.objects.get(round=round_, school=school)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def line_data(action="save", report=None):
    """One row of grade 5, Математика, as the page sends it: a new row, or the saved line when there is one."""
    saved = report.provision_lines.filter(grade=5, subject="Математика").first() if report else None
    return {
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "1" if saved else "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "lines-0-id": str(saved.pk) if saved else "",
        "lines-0-grade": "5",
        "lines-0-subject": "Математика",
        "lines-0-students": "50",
        "lines-0-available": "45",
        "lines-0-missing": "",
        "action": action,
    }


# ---- opening and editing ----


def test_a_deadline_in_the_past_is_refused_and_the_form_keeps_what_was_typed(head_client, school):
    response = head_client.post(
        reverse("rounds:round_create"),
        {
            "kind": "fsem",
            "title": "Сверка с ФСЭМ, II полугодие",
            "year_start": "2026",
            "deadline": day(-1).isoformat(),
            "schools": [school.pk],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and PAST_DEADLINE in html
    assert 'value="Сверка с ФСЭМ, II полугодие"' in html and f'value="{day(-1).isoformat()}"' in html
    assert not Round.objects.exists()


def test_today_is_a_deadline_a_round_opens_with(head_client, school):
    response = head_client.post(
        reverse("rounds:round_create"),
        {
            "kind": "fsem",
            "title": "Сверка",
            "year_start": "2026",
            "deadline": day(0).isoformat(),
            "schools": [school.pk],
        },
    )
    assert response.status_code == 302 and Round.objects.get().deadline == day(0)


def test_the_head_edits_a_round_and_moves_its_deadline_later_and_earlier(head_client, provision_round):
    url = reverse("rounds:round_edit", args=[provision_round.pk])
    page = head_client.get(url).content.decode()
    assert "переименовать сбор и перенести срок сдачи" in page
    response = head_client.post(
        url, {"title": "Обеспеченность, уточнённая", "deadline": day(30).isoformat()}, follow=True
    )
    provision_round.refresh_from_db()
    assert (provision_round.title, provision_round.deadline) == ("Обеспеченность, уточнённая", day(30))
    html = response.content.decode()
    assert f"Сбор сохранён. Срок сдачи — {format_date(day(30))}" in html and "г.." not in html
    head_client.post(url, {"title": "Обеспеченность, уточнённая", "deadline": day(3).isoformat()})
    provision_round.refresh_from_db()
    assert provision_round.deadline == day(3)


def test_editing_keeps_a_deadline_already_passed_but_refuses_a_new_past_one(head_client, provision_round):
    url = reverse("rounds:round_edit", args=[provision_round.pk])  # the deadline was yesterday
    head_client.post(url, {"title": "Новое название", "deadline": day(-1).isoformat()})
    provision_round.refresh_from_db()
    assert (provision_round.title, provision_round.deadline) == ("Новое название", day(-1))
    response = head_client.post(url, {"title": "Ещё одно название", "deadline": day(-5).isoformat()})
    html = response.content.decode()
    assert response.status_code == 200 and PAST_DEADLINE in html and 'value="Ещё одно название"' in html
    provision_round.refresh_from_db()
    assert (provision_round.title, provision_round.deadline) == ("Новое название", day(-1))


def test_only_the_head_edits_closes_and_reopens_a_round(
    provision_round, librarian_user, other_librarian_user, viewer_user, other_head_user
):
    pk = provision_round.pk
    requests = [
        ("get", reverse("rounds:round_edit", args=[pk]), {}),
        ("post", reverse("rounds:round_edit", args=[pk]), {"title": "Чужое", "deadline": day(9).isoformat()}),
        ("post", reverse("rounds:round_close", args=[pk]), {}),
        ("post", reverse("rounds:round_reopen", args=[pk]), {}),
    ]
    for user, status in [
        (librarian_user, 403),
        (other_librarian_user, 403),
        (viewer_user, 403),
        (other_head_user, 404),
    ]:
        client = client_for(user)
        for method, url, data in requests:
            assert getattr(client, method)(url, data).status_code == status, (user.username, url)
    provision_round.refresh_from_db()
    assert (
        provision_round.title == "Обеспеченность учебниками на 2024-2025"
        and provision_round.closed_at is None
    )
    assert Client().get(reverse("rounds:round_edit", args=[pk])).status_code == 302  # to the login page


# ---- closing ----


def test_a_closed_round_refuses_the_librarians_changes_and_says_since_when(
    head_client, head_user, provision_round, school, librarian_user
):
    page = head_client.get(reverse("rounds:round", args=[provision_round.pk])).content.decode()
    assert 'data-confirm="Закрыть сбор? Школы больше не смогут менять и сдавать отчёты' in page
    head_client.post(reverse("rounds:round_close", args=[provision_round.pk]))
    provision_round.refresh_from_db()
    assert provision_round.closed_by == head_user and timezone.localdate(provision_round.closed_at) == day(0)

    librarian = client_for(librarian_user)
    report = report_of(provision_round, school)
    url = reverse("rounds:report", args=[report.pk])
    assert librarian.post(url, line_data()).status_code == 403
    assert librarian.post(url, line_data("submit")).status_code == 403
    report.refresh_from_db()
    assert not ProvisionLine.objects.exists() and not report.is_submitted and not report.started
    html = librarian.get(url).content.decode()
    assert f"Сбор закрыт {format_date(day(0))}: отчёт больше не принимает изменений." in html
    assert "Открыть сбор снова может только руководитель." in html
    assert "Сохранить черновик" not in html and "Сдать отчёт" not in html
    listing = librarian.get(reverse("rounds:rounds")).content.decode()
    assert "сбор закрыт" in listing

    page = head_client.get(reverse("rounds:round", args=[provision_round.pk])).content.decode()
    assert f"Сбор закрыт {format_date(day(0))}: школы больше не могут менять и сдавать отчёты." in page
    assert "Открыть сбор снова" in page and "Напомнить опоздавшим" not in page


def test_the_head_reopens_a_closed_round_and_the_school_fills_again(
    head_client, provision_round, school, librarian_user
):
    head_client.post(reverse("rounds:round_close", args=[provision_round.pk]))
    response = head_client.post(reverse("rounds:round_reopen", args=[provision_round.pk]), follow=True)
    assert "Сбор снова открыт" in response.content.decode()
    provision_round.refresh_from_db()
    assert provision_round.closed_at is None and provision_round.closed_by is None
    report = report_of(provision_round, school)
    assert (
        client_for(librarian_user).post(reverse("rounds:report", args=[report.pk]), line_data()).status_code
        == 302
    )
    assert report.provision_lines.get().available == 45


def test_a_closed_round_reminds_nobody(head_client, head_user, provision_round, librarian_user):
    person = librarian_user.account.person
    person.email = "kuklina@example.ru"
    person.save()
    close_round(provision_round, head_user)
    response = head_client.post(reverse("rounds:round_remind", args=[provision_round.pk]), follow=True)
    assert "Сбор закрыт: напоминать не о чем." in response.content.decode()
    assert mail.outbox == []


# ---- reminding ----


def test_the_reminder_names_the_schools_written_to_and_those_it_could_not(
    head_client, provision_round, librarian_user, other_librarian_user
):
    person = librarian_user.account.person
    person.email = "kuklina@example.ru"
    person.save()  # school 1: an e-mail; school 2: its librarian has none; school 3: no librarian at all
    response = head_client.post(reverse("rounds:round_remind", args=[provision_round.pk]), follow=True)
    html = response.content.decode()
    assert "Напоминание отправлено 1 школе: МАОУ СОШ № 1." in html
    assert (
        "Не удалось напомнить 2 школам — в карточках библиотекарей не указана почта: "
        "МАОУ СОШ № 2, МАОУ СОШ № 3 (библиотекаря нет в банке данных)." in html
    )
    assert [m.to for m in mail.outbox] == [["kuklina@example.ru"]]


def test_the_reminder_counts_in_plurals(head_client, provision_round, librarian_user, other_librarian_user):
    for user, email in [
        (librarian_user, "kuklina@example.ru"),
        (other_librarian_user, "sadovnikova@example.ru"),
    ]:
        person = user.account.person
        person.email = email
        person.save()
    html = head_client.post(
        reverse("rounds:round_remind", args=[provision_round.pk]), follow=True
    ).content.decode()
    assert "Напоминание отправлено 2 школам: МАОУ СОШ № 1, МАОУ СОШ № 2." in html
    assert (
        "Не удалось напомнить 1 школе — в карточке библиотекаря не указана почта: "
        "МАОУ СОШ № 3 (библиотекаря нет в банке данных)." in html
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["kuklina@example.ru", "sadovnikova@example.ru"]


def test_remind_late_returns_whom_it_wrote_to(
    rf, provision_round, librarian_user, other_librarian_user, school
):
    person = librarian_user.account.person
    person.email = "kuklina@example.ru"
    person.save()
    reminded = remind_late(provision_round, rf.get("/"))
    assert [s.short_name for s in reminded.sent] == ["МАОУ СОШ № 1"]
    assert [s.short_name for s in reminded.unreachable] == ["МАОУ СОШ № 2", "МАОУ СОШ № 3"]
    assert report_of(provision_round, school).reminded_at is not None


def test_nobody_late_nobody_reminded(head_client, provision_round, head_user):
    for report in provision_round.reports.all():
        report.submit(head_user)
    html = head_client.post(
        reverse("rounds:round_remind", args=[provision_round.pk]), follow=True
    ).content.decode()
    assert "Напоминать некому: опоздавших нет." in html and mail.outbox == []


# ---- submitting and giving back ----


def test_submitting_asks_first_and_says_only_the_head_reopens(librarian_client, provision_round, school):
    html = librarian_client.get(
        reverse("rounds:report", args=[report_of(provision_round, school).pk])
    ).content.decode()
    assert (
        'value="submit" data-confirm="Сдать отчёт? После этого школа не сможет его изменить: '
        'вернуть его на доработку может только руководитель."' in html
    )
    assert "/static/rounds/js/confirm-button.js" in html and finders.find("rounds/js/confirm-button.js")


def test_giving_a_report_back_needs_a_reason(head_client, provision_round, school, librarian_user):
    report = report_of(provision_round, school)
    report.submit(librarian_user)
    url = reverse("rounds:report_reopen", args=[report.pk])
    for data in [{}, {"reason": "   "}]:
        response = head_client.post(url, data)
        assert (
            response.status_code == 200
            and "Напишите, что школе нужно исправить." in response.content.decode()
        )
    report.refresh_from_db()
    assert report.is_submitted and report.reopen_reason == ""


def test_the_librarian_reads_the_reason_until_she_submits_again_and_the_history_keeps_it(
    head_client, provision_round, school, librarian_user
):
    report = report_of(provision_round, school)
    report.submit(librarian_user)
    head_client.post(
        reverse("rounds:report_reopen", args=[report.pk]), {"reason": "Не указана история, 5 класс"}
    )
    report.refresh_from_db()
    assert (report.status, report.reopen_reason) == ("draft", "Не указана история, 5 класс")
    assert timezone.localdate(report.reopened_at) == day(0)

    librarian = client_for(librarian_user)
    url = reverse("rounds:report", args=[report.pk])
    html = librarian.get(url).content.decode()
    assert f"Руководитель вернул(а) отчёт на доработку {format_date(day(0))}. Что исправить:" in html
    assert "«Не указана история, 5 класс» Исправьте и сдайте отчёт снова." in html
    librarian.post(url, line_data())  # a draft saved: the reason stays
    assert "Не указана история, 5 класс" in librarian.get(url).content.decode()
    librarian.post(url, line_data("submit", report))
    report.refresh_from_db()
    assert report.is_submitted and report.reopen_reason == "" and report.reopened_at is None
    assert "Не указана история, 5 класс" not in librarian.get(url).content.decode()

    assert report.history.filter(reopen_reason="Не указана история, 5 класс").exists()
    history = head_client.get(url).content.decode()
    assert "Причина возврата на доработку: «—» → «Не указана история, 5 класс»" in history


def test_no_report_is_given_back_in_a_closed_round(
    head_client, head_user, provision_round, school, librarian_user
):
    report = report_of(provision_round, school)
    report.submit(librarian_user)
    close_round(provision_round, head_user)
    with pytest.raises(ValidationError):
        reopen_report(report, "Исправьте")
    response = head_client.post(
        reverse("rounds:report_reopen", args=[report.pk]), {"reason": "Исправьте"}, follow=True
    )
    assert "Сбор закрыт: откройте его снова, чтобы вернуть отчёт школе." in response.content.decode()
    report.refresh_from_db()
    assert report.is_submitted


# ---- submitted late ----


def submitted_on(report, when):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED, submitted_at=when)


def test_a_late_report_says_the_day_it_came(
    head_client, librarian_user, provision_round, school, other_school
):
    Round.objects.filter(pk=provision_round.pk).update(deadline=datetime.date(2026, 11, 25))
    late, on_time = report_of(provision_round, school), report_of(provision_round, other_school)
    submitted_on(late, timezone.make_aware(datetime.datetime(2026, 12, 1, 10, 0)))
    submitted_on(on_time, timezone.make_aware(datetime.datetime(2026, 11, 25, 23, 30)))
    page = head_client.get(reverse("rounds:round", args=[provision_round.pk])).content.decode()
    assert page.count("сдан с опозданием") == 1 and "сдан с опозданием, 1 декабря<" in page
    own = client_for(librarian_user).get(reverse("rounds:report", args=[late.pk])).content.decode()
    assert "сдан с опозданием, 1 декабря<" in own
    other = head_client.get(reverse("rounds:report", args=[on_time.pk])).content.decode()
    assert "сдан с опозданием" not in other


def test_a_late_report_of_another_year_says_the_year(head_client, provision_round, school):
    Round.objects.filter(pk=provision_round.pk).update(deadline=datetime.date(2026, 12, 25))
    report = report_of(provision_round, school)
    submitted_on(report, timezone.make_aware(datetime.datetime(2027, 1, 10, 9, 0)))
    html = head_client.get(reverse("rounds:report", args=[report.pk])).content.decode()
    assert "сдан с опозданием, 10 января 2027 г." in html


def test_a_closed_round_leaves_the_home_pages(head_client, librarian_client, provision_round, head_user):
    """Neither the head's «late schools» nor the librarian's «reports owed» list a closed round."""
    from rounds.services import close_round

    provision_round.deadline = timezone.localdate() - datetime.timedelta(days=2)
    provision_round.save(update_fields=["deadline"])
    assert provision_round.title in head_client.get(reverse("home")).content.decode()
    assert provision_round.title in librarian_client.get(reverse("home")).content.decode()
    close_round(provision_round, head_user)
    assert provision_round.title not in head_client.get(reverse("home")).content.decode()
    assert provision_round.title not in librarian_client.get(reverse("home")).content.decode()


def test_a_deadline_beyond_the_years_the_site_takes_is_refused(head_client, provision_round):
    url = reverse("rounds:round_edit", args=[provision_round.pk])
    response = head_client.post(url, {"title": provision_round.title, "deadline": "9999-12-31"})
    assert response.status_code == 200 and "Срок сдачи — не позже 2101 года." in response.content.decode()
    provision_round.refresh_from_db()
    assert provision_round.deadline.year < 9999
