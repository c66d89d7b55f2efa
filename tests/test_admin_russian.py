"""The admin — the site administrator's alone — in correct Russian: counts, choices, deletion."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from core.admin_words import WORDS, count_of, plural_form
from events.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(client):
    user = User.objects.create_superuser("siteadmin", "admin@example.ru", "x")
    client.force_login(user)
    return client


def test_every_registered_model_has_its_russian_words():
    missing = [
        model._meta.label_lower for model in admin.site._registry if model._meta.label_lower not in WORDS
    ]
    assert not missing, missing


@pytest.mark.parametrize(
    "count, form",
    [(1, 0), (21, 0), (101, 0), (2, 1), (4, 1), (22, 1), (5, 2), (11, 2), (12, 2), (14, 2), (0, 2)],
)
def test_three_russian_forms(count, form):
    assert plural_form(count) == form


def test_the_lists_title_and_count(site_admin, association):
    for year in (2020, 2021, 2022):
        Plan.objects.create(association=association, year_start=year)
    html = site_admin.get(reverse("admin:events_plan_changelist")).content.decode()
    assert "Выберите план работы для изменения" in html and "3 плана работы" in html
    html = site_admin.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Выберите пользователя для изменения" in html and "1 пользователь" in html
    assert count_of(5, Plan._meta) == "5 планов работы" and count_of(21, Plan._meta) == "21 план работы"


def test_deleting_says_how_many_in_russian(site_admin, association):
    plans = [Plan.objects.create(association=association, year_start=year) for year in range(2010, 2015)]
    response = site_admin.post(
        reverse("admin:events_plan_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in plans], "post": "yes"},
        follow=True,
    )
    html = response.content.decode()
    assert "Удалено: 5 планов работы." in html and "Успешно удалены" not in html
    assert not Plan.objects.exists()
