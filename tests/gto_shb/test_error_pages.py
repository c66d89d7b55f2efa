"""The 403, 404 and 500 pages with DEBUG off, through the test client: Russian, in the site's layout, each saying what
happened and where to go; a draft plan's address says «План ещё не опубликован» (a 404 all the same) and nothing
else of the plan, an unknown plan keeps the plain 404."""

import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path, reverse

from gto_shb import urls as site_urls

pytestmark = pytest.mark.django_db

ENGLISH = ["Not Found", "Server Error", "Bad Request", "Forbidden", "The requested resource", "Traceback"]


def broken(request):
    raise RuntimeError("a bug in a view")


def denied(request):
    raise PermissionDenied


# The site's own addresses and error handlers, and two that fail (ROOT_URLCONF points here in these tests).
urlpatterns = [path("broken/", broken), path("denied/", denied), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def page(response, login=""):
    """The page's visible text, one space between words; checked to be Russian: no Latin word (but the visitor's
    `login` in the menu), no English default."""
    html = response.content.decode()
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    assert not re.findall(r"[A-Za-z]{2,}", text.replace(login, "") if login else text), text
    assert not any(word in html for word in ENGLISH)
    assert 'class="navbar' in html and "Персональные данные" in text  # the site's layout, menu and footer
    return text, html


def plan_url(plan):
    return reverse("events:plan", args=[plan.association.slug, plan.year_name])


def test_an_unknown_page_is_the_plain_404_with_home_and_login(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text, html = page(response)
    assert "Страница не найдена" in text and "Такой страницы нет" in text
    assert "не опубликован" not in text
    assert 'href="/accounts/login/?next=/no-such-page/"' in html and "На главную" in text


def test_a_draft_plans_address_says_it_is_not_published_and_nothing_else(client, plan):
    response = client.get(plan_url(plan))
    assert response.status_code == 404
    text, html = page(response)
    assert "План ещё не опубликован" in text and "Если вы участник объединения, войдите" in text
    assert "Страница не найдена" not in text
    for secret in (plan.theme, "Организационная деятельность", "Утверждение плана работы", "Саблина"):
        assert secret not in html
    assert f'href="/accounts/login/?next={plan_url(plan)}"' in html


def test_a_draft_plan_for_another_associations_head_tells_them_to_ask(client, plan, other_head_user):
    client.force_login(other_head_user)
    response = client.get(plan_url(plan))
    assert response.status_code == 404
    text, html = page(response, login="other-head")
    assert "План ещё не опубликован" in text and "Ваш логин — не из этого объединения" in text
    assert plan.theme not in html and "Войти" not in text


def test_the_draft_plans_other_addresses_say_the_same(client, plan, other_head_user):
    client.force_login(other_head_user)
    for name in ("events:plan_edit", "events:plan_calendar"):
        response = client.get(reverse(name, args=[plan.association.slug, plan.year_name]))
        assert response.status_code == 404 and "План ещё не опубликован" in page(response, "other-head")[0]


def test_a_plan_that_does_not_exist_keeps_the_plain_404(client, plan):
    for year in ("2030-2031", "2023"):
        response = client.get(reverse("events:plan", args=[plan.association.slug, year]))
        assert response.status_code == 404
        text, _html = page(response)
        assert "Страница не найдена" in text and "не опубликован" not in text
    response = client.get(reverse("events:plan", args=["no-such-association", plan.year_name]))
    assert response.status_code == 404 and "Страница не найдена" in page(response)[0]


def test_a_member_still_reads_the_draft(librarian_client, plan):
    assert librarian_client.get(plan_url(plan)).status_code == 200


def test_a_forbidden_action_says_whose_it_is(librarian_client, published_plan):
    response = librarian_client.get(
        reverse("events:plan_edit", args=["ust-ilimsk", published_plan.year_name])
    )
    assert response.status_code == 403
    text, _html = page(response)
    assert "Нет доступа" in text and "обратитесь к руководителю объединения" in text
    assert "На главную" in text and "Войти" not in text


def test_a_forbidden_page_offers_a_visitor_to_log_in(client):
    response = client.get("/denied/")
    assert response.status_code == 403
    text, html = page(response)
    assert "Нет доступа" in text and "Если у вас есть логин, войдите" in text
    assert 'href="/accounts/login/?next=/denied/"' in html


def test_a_server_error_is_a_russian_page_in_the_layout(librarian_user):
    client = Client(raise_request_exception=False)
    client.force_login(librarian_user)
    response = client.get("/broken/")
    assert response.status_code == 500
    text, _html = page(response)
    assert "Ошибка на сайте" in text and "напишите администратору сайта" in text
    assert "Куклина Н.Н." in text and "Войти" not in text  # the visitor's own menu


def test_a_server_error_offers_a_visitor_to_log_in():
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    text, html = page(response)
    assert "Ошибка на сайте" in text and 'href="/accounts/login/"' in html


def test_a_server_error_when_the_layout_cannot_be_drawn_is_the_bare_page(monkeypatch, librarian_user):
    """The database is down: the menu cannot be read, the same words come on a page by themselves."""
    import members.context_processors

    def database_down(request):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(members.context_processors, "get_account", database_down)
    client = Client(raise_request_exception=False)
    client.force_login(librarian_user)
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert html.startswith("<!doctype html>") and 'class="navbar' not in html
    assert "Ошибка на сайте" in html and "напишите администратору сайта" in html and 'href="/"' in html
    assert not any(word in html for word in ENGLISH)


def test_the_server_error_page_alone_needs_no_address_and_no_request(settings):
    """Django's own handler (a URLconf without handler500) draws 500.html with nothing: it still is a page."""
    from django.template.loader import render_to_string

    settings.ROOT_URLCONF = "tests.gto_shb.failing_urls"  # no «home», no «login» there
    html = render_to_string("500.html")
    assert "Ошибка на сайте" in html and "</html>" in html and not any(word in html for word in ENGLISH)
