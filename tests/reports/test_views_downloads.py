"""Downloads of the plan and of the year's analysis: who gets what, the Russian file name, the content, the queries."""

import datetime
from urllib.parse import unquote

import pytest
from django.urls import reverse

from events.models import Event
from members.models import Consent
from tests.reports.conftest import pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db


def plan_url(plan, fmt="pdf"):
    return reverse("reports:plan", args=[plan.association.slug, plan.year_name, fmt])


def analysis_url(plan, fmt="pdf"):
    return reverse("reports:analysis", args=[plan.association.slug, plan.year_name, fmt])


def attachment_name(response):
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''"), disposition
    return unquote(disposition.split("''", 1)[1])


def add_events(plan, count):
    section = plan.sections.first()
    for position in range(10, 10 + count):
        event = Event.objects.create(
            section=section, position=position, title=f"Мероприятие {position}", dates_text="Май, 2024 г."
        )
        event.set_responsibles([None])


# ---- the plan ----


def test_visitor_downloads_published_plan_as_pdf(client, published_plan, head_user):
    Consent.objects.create(
        person=head_user.account.person, scope=Consent.Scope.PUBLISHING, given_on=datetime.date(2023, 9, 1)
    )
    response = client.get(plan_url(published_plan))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert attachment_name(response) == "План работы ГТО ШБ 2023-2024.pdf"
    assert int(response["Content-Length"]) == len(response.content)
    text = pdf_text(response.content)
    assert "План работы ГТО ШБ на 2023-2024 учебный год" in text
    assert "1. Утверждение плана работы 11.09.2023г. Саблина В.И." in text


def test_visitor_downloads_published_plan_as_xlsx(client, published_plan):
    response = client.get(plan_url(published_plan, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert attachment_name(response) == "План работы ГТО ШБ 2023-2024.xlsx"
    rows = sheet_rows(workbook(response.content)["Содержание работы"])
    assert [row[1] for row in rows if isinstance(row[0], int)] == [
        "Утверждение плана работы",
        "Конкурс юных поэтов",
        "Круглый стол",
    ]


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_visitor_gets_404_for_a_draft(client, plan, fmt):
    assert client.get(plan_url(plan, fmt)).status_code == 404


@pytest.mark.parametrize("who", ["head_client", "librarian_client", "viewer_client"])
@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_members_download_the_draft(request, who, fmt, plan):
    client = request.getfixturevalue(who)
    response = client.get(plan_url(plan, fmt))
    assert response.status_code == 200
    assert attachment_name(response) == f"План работы ГТО ШБ 2023-2024.{fmt}"


def test_other_association_gets_404_for_the_draft_and_the_file_for_the_published_plan(
    client, other_head_user, plan
):
    client.force_login(other_head_user)
    assert client.get(plan_url(plan)).status_code == 404
    plan.status = plan.Status.PUBLISHED
    plan.save()
    assert client.get(plan_url(plan)).status_code == 200


def test_plan_download_is_get_only(head_client, plan):
    assert head_client.post(plan_url(plan)).status_code == 405


@pytest.mark.parametrize("fmt", ["doc", "PDF", "pdf.zip"])
def test_unknown_format_is_404(head_client, plan, fmt):
    assert head_client.get(plan_url(plan, fmt)).status_code == 404


def test_unknown_plan_is_404(client, published_plan):
    assert (
        client.get(
            reverse("reports:plan", args=[published_plan.association.slug, "2030-2031", "pdf"])
        ).status_code
        == 404
    )
    assert client.get(reverse("reports:plan", args=["nowhere", "2023-2024", "pdf"])).status_code == 404


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_plan_download_query_count_does_not_grow_with_events(
    client, published_plan, django_assert_num_queries, fmt
):
    add_events(published_plan, 30)
    # plan with its association, sections, events, responsibles with persons, the head's consent for the signature line
    with django_assert_num_queries(5):
        response = client.get(plan_url(published_plan, fmt))
    assert response.status_code == 200


def test_member_draft_download_query_count(librarian_client, plan, django_assert_num_queries):
    add_events(plan, 30)
    # session, user, plan with its association, the account (may read the draft), sections, events, responsibles
    with django_assert_num_queries(7):
        assert librarian_client.get(plan_url(plan, "xlsx")).status_code == 200


# ---- the year's analysis ----


@pytest.mark.parametrize("who", ["head_client", "librarian_client", "viewer_client"])
def test_members_download_the_analysis(request, who, plan):
    client = request.getfixturevalue(who)
    response = client.get(analysis_url(plan))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert attachment_name(response) == "Анализ деятельности ГТО ШБ 2023-2024.pdf"
    text = pdf_text(response.content)
    assert "Анализ деятельности ГТО ШБ за 2023-2024 учебный год" in text
    assert "В плане 3 мероприятия в 2 разделах: проведено 0 (0 %), не отмечено 3." in text


def test_analysis_as_xlsx(head_client, plan):
    Event.objects.filter(title="Круглый стол").update(status=Event.Status.DONE)
    response = head_client.get(analysis_url(plan, "xlsx"))
    assert response.status_code == 200
    assert attachment_name(response) == "Анализ деятельности ГТО ШБ 2023-2024.xlsx"
    book = workbook(response.content)
    assert book.sheetnames == ["Итоги", "Не проведены", "Ответственные"]
    rows = sheet_rows(book["Итоги"])
    assert rows[3][:3] == ["I. Организационная деятельность", 2, 0]
    assert rows[4][:4] == ["II. Социальное партнерство", 1, 1, 1]


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_visitor_is_sent_to_login_for_the_analysis(client, published_plan, fmt):
    response = client.get(analysis_url(published_plan, fmt))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("published", [False, True])
def test_other_association_gets_404_for_the_analysis(client, other_head_user, plan, published):
    if published:
        plan.status = plan.Status.PUBLISHED
        plan.save()
    client.force_login(other_head_user)
    assert client.get(analysis_url(plan)).status_code == 404


def test_login_without_an_account_gets_404_for_the_analysis(client, django_user_model, published_plan):
    client.force_login(django_user_model.objects.create_user("someone", password="secret-pass-1"))
    assert client.get(analysis_url(published_plan)).status_code == 404


def test_analysis_download_is_get_only(viewer_client, plan):
    assert viewer_client.post(analysis_url(plan)).status_code == 405


def test_analysis_unknown_format_is_404(viewer_client, plan):
    assert viewer_client.get(analysis_url(plan, "docx")).status_code == 404


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_analysis_query_count_does_not_grow_with_events(viewer_client, plan, django_assert_num_queries, fmt):
    add_events(plan, 30)
    # session, user, plan with its association, the account (may read the draft),
    # sections, events, responsibles with persons, the year's courses, the year's attestations,
    # the year's meetings (none here: their decisions and agendas are not asked for), the attendance by school,
    # the year's contests (none here: their counts are not asked for)
    with django_assert_num_queries(12):
        assert viewer_client.get(analysis_url(plan, fmt)).status_code == 200
