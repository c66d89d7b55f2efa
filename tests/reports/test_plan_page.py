"""The plan page's download buttons and approval block; the header form's approval fields."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import versioned

pytestmark = pytest.mark.django_db


def page(client, plan):
    return client.get(plan.get_absolute_url()).content.decode()


def test_visitor_sees_the_plan_downloads_but_not_the_analysis(client, published_plan):
    html = page(client, published_plan)
    assert reverse("reports:plan", args=["ust-ilimsk", "2023-2024", "pdf"]) in html
    assert reverse("reports:plan", args=["ust-ilimsk", "2023-2024", "xlsx"]) in html
    assert "Скачать план (PDF)" in html
    assert "Анализ года" not in html


@pytest.mark.parametrize("who", ["head_client", "librarian_client", "viewer_client"])
def test_members_see_the_analysis_downloads(request, who, plan):
    html = page(request.getfixturevalue(who), plan)
    assert reverse("reports:analysis", args=["ust-ilimsk", "2023-2024", "pdf"]) in html
    assert reverse("reports:analysis", args=["ust-ilimsk", "2023-2024", "xlsx"]) in html


def test_other_association_does_not_see_the_analysis_downloads(client, other_head_user, published_plan):
    client.force_login(other_head_user)
    html = page(client, published_plan)
    assert "Скачать план (PDF)" in html
    assert "Анализ года" not in html


def test_head_fills_in_the_approval_block(head_client, plan):
    response = head_client.post(
        reverse("events:plan_edit", args=["ust-ilimsk", "2023-2024"]),
        versioned(
            plan,
            {
                "head_post": "Руководитель ГТО ШБ",
                "head_name": "Саблина В.И.",
                "approved_by_post": "Директор МКУ «ЦРО»",
                "approved_by_name": "Иванова А.П.",
                "approved_on": "2023-09-11",
            },
        ),
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.approved_by_post, plan.approved_by_name, plan.approved_on) == (
        "Директор МКУ «ЦРО»",
        "Иванова А.П.",
        datetime.date(2023, 9, 11),
    )
    html = page(head_client, plan)
    assert "УТВЕРЖДАЮ" in html
    assert "Директор МКУ «ЦРО»" in html
    assert "11 сентября 2023 г." in html
    form = head_client.get(reverse("events:plan_edit", args=["ust-ilimsk", "2023-2024"])).content.decode()
    assert 'value="2023-09-11"' in form


def test_no_approval_block_when_empty(client, published_plan):
    assert "УТВЕРЖДАЮ" not in page(client, published_plan)
