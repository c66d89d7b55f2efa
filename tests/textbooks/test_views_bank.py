"""The bank's lists: offers, needs, the ФПУ catalogue and the XLSX export, for every role."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from members.models import School
from textbooks.models import Offer

from .conftest import login, make_need, make_offer, make_textbook

pytestmark = pytest.mark.django_db

LISTS = ["textbooks:bank", "textbooks:needs", "textbooks:catalogue"]


@pytest.mark.parametrize("name", LISTS + ["textbooks:export"])
@pytest.mark.parametrize(
    "who", ["head_client", "librarian_client", "other_librarian_client", "viewer_client"]
)
def test_every_member_reads_the_bank(request, who, name, offer, need):
    response = request.getfixturevalue(who).get(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize("name", LISTS + ["textbooks:export", "textbooks:my_school"])
def test_visitor_is_sent_to_login(client, name, db):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", LISTS)
def test_wrong_method(head_client, name):
    assert head_client.post(reverse(name)).status_code == 405


def test_offers_of_the_whole_association_and_only_it(librarian_client, offer, foreign_offer, school):
    own = make_offer(school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8))
    response = librarian_client.get(reverse("textbooks:bank"))
    assert set(response.context["page"].object_list) == {offer, own}
    html = response.content.decode()
    assert "МАОУ СОШ № 2" in html and "МБОУ СОШ № 3" not in html
    assert "Найдено 2 предложения" in html


def test_needs_of_the_whole_association_with_a_match_mark(librarian_client, need, offer, other_school):
    lonely = make_need(other_school, title="Информатика", authors="Босова Л.Л.", grade=7)
    response = librarian_client.get(reverse("textbooks:needs"))
    assert {n.pk: n.has_offers for n in response.context["page"]} == {need.pk: True, lonely.pk: False}
    assert "есть предложения" in response.content.decode()


def test_filters(head_client, school, other_school, textbook, today):
    russian = make_offer(other_school, textbook)
    geometry = make_offer(
        school, make_textbook("1.2.3.3.1.1", "Геометрия. 7-9 классы", "Атанасян Л.С.", (7, 9), "Геометрия")
    )
    old = make_textbook("1.2.4.1.1.1", "Физика. 7 класс", "Пёрышкин А.В.", (7, 7), "Физика", excluded=True)
    physics = make_offer(school, old)
    soon = make_textbook(
        "1.2.3.2.1.2",
        "Алгебра. 8 класс",
        "Макарычев Ю.Н.",
        (8, 8),
        "Алгебра",
        valid_until=today + datetime.timedelta(days=200),
    )
    algebra = make_offer(other_school, soon)
    typed = make_offer(other_school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8))

    def found(**params):
        return set(head_client.get(reverse("textbooks:bank"), params).context["page"].object_list)

    assert found(subject="Геометрия") == {geometry}
    assert found(grade=8) == {geometry, algebra, typed}
    assert found(school=school.pk) == {geometry, physics}
    assert found(fpu="excluded") == {physics}
    assert found(fpu="expiring") == {algebra}
    assert found(fpu="listed") == {russian, geometry, algebra}
    assert found(fpu="not_listed") == {typed}
    assert found(q="атанасян", grade=8) == {geometry}
    assert found(grade=2, fpu="excluded") == set()
    html = head_client.get(reverse("textbooks:bank")).content.decode()
    assert "исключён из ФПУ" in html and "нет в ФПУ" in html
    assert f"ФПУ: до {soon.valid_until.day}" in html


def test_marks_on_needs_for_excluded_and_expiring_titles(viewer_client, school, today):
    make_need(school, make_textbook("1.2.4.1.1.1", "Физика. 7 класс", "Пёрышкин А.В.", (7, 7), excluded=True))
    make_need(
        school,
        make_textbook(
            "1.2.3.2.1.2",
            "Алгебра. 8 класс",
            "Макарычев Ю.Н.",
            (8, 8),
            valid_until=today + datetime.timedelta(days=30),
        ),
    )
    make_need(
        school,
        make_textbook(
            "1.2.3.2.1.3",
            "Алгебра. 9 класс",
            "Макарычев Ю.Н.",
            (9, 9),
            valid_until=today + datetime.timedelta(days=800),
        ),
    )
    html = viewer_client.get(reverse("textbooks:needs")).content.decode()
    assert html.count("исключён из ФПУ") == 1 and html.count("ФПУ: до") == 1


def test_empty_lists_say_what_to_do(librarian_client, head_client, db):
    assert "Предложить учебники" in librarian_client.get(reverse("textbooks:bank")).content.decode()
    assert "кнопкой «Внести потребность»" in librarian_client.get(reverse("textbooks:needs")).content.decode()
    assert (
        "python manage.py import_fpu" in librarian_client.get(reverse("textbooks:catalogue")).content.decode()
    )
    assert "ослабьте фильтр" in head_client.get(reverse("textbooks:bank"), {"q": "химия"}).content.decode()


def test_viewer_sees_no_buttons_to_add(viewer_client, offer):
    html = viewer_client.get(reverse("textbooks:bank")).content.decode()
    assert "Предложить учебники" not in html and "Загрузить список" not in html


def test_pages(head_client, other_school):
    for n in range(35):
        make_offer(other_school, title=f"Учебник {n:02d}", authors="Иванов И.И.", grades=(5, 5))
    first = head_client.get(reverse("textbooks:bank"), {"grade": 5})
    assert len(first.context["page"]) == 30 and "1 из 2" in first.content.decode()
    assert "?grade=5&amp;page=2" in first.content.decode()
    second = head_client.get(reverse("textbooks:bank"), {"grade": 5, "page": 2})
    assert len(second.context["page"]) == 5


def test_bank_queries_do_not_grow(head_client, association, catalogue, django_assert_num_queries):
    schools = [
        School.objects.create(association=association, name=f"Школа {n}", short_name=f"СОШ № {n}")
        for n in range(5)
    ]
    for n, textbook in enumerate(list(catalogue.values())[:30]):
        make_offer(schools[n % 5], textbook)
        make_need(schools[(n + 1) % 5], textbook)
    # session, user, account; the catalogue's subjects; the other associations and the schools for the filter;
    # the count of offers, one page of them with school, textbook and the needs flag
    with django_assert_num_queries(8):
        response = head_client.get(reverse("textbooks:bank"))
    assert len(response.context["page"]) == 30
    with django_assert_num_queries(8):
        head_client.get(reverse("textbooks:bank"), {"q": "русский", "grade": 2})
    with django_assert_num_queries(8):
        response = head_client.get(reverse("textbooks:needs"))
    assert len(response.context["page"]) == 30
    # session, user, account; the count of entries, one page of them
    with django_assert_num_queries(5):
        head_client.get(reverse("textbooks:catalogue"))


def test_catalogue_search_and_buttons(client, librarian_user, viewer_user, catalogue):
    response = login(client, librarian_user).get(
        reverse("textbooks:catalogue"), {"q": "канакина", "grade": 2}
    )
    assert [t.fpu_number for t in response.context["page"]] == ["1.1.1.1.1.2"]
    html = response.content.decode()
    assert f"{reverse('textbooks:offer_create')}?textbook={catalogue['1.1.1.1.1.2'].pk}" in html
    assert "Нужен нам" not in login(client, viewer_user).get(reverse("textbooks:catalogue")).content.decode()


def test_export_xlsx(head_client, offer, need, other_school, foreign_offer):
    make_offer(other_school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8), note="региональный")
    response = head_client.get(reverse("textbooks:export"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert "%D0%9E%D0%B1%D0%BC%D0%B5%D0%BD%D0%BD%D1%8B%D0%B9" in response["Content-Disposition"]  # «Обменный»
    assert response.streaming and "Content-Length" not in response  # sent while it is written
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Предлагают", "Нужно"]
    offers = list(workbook["Предлагают"].iter_rows(values_only=True))
    assert offers[0][:8] == (
        "Школа",
        "Предмет",
        "Класс",
        "Авторы",
        "Наименование",
        "Издательство",
        "Год издания",
        "Количество",
    )
    assert len(offers) == 3  # the header and two offers of this association
    assert (
        "МАОУ СОШ № 2",
        "Русский язык",
        "2",
        "Канакина В.П., Горецкий В.Г.",
        "Русский язык. 2 класс",
    ) == offers[2][:5] or offers[1][:5]
    assert {row[11] for row in offers[1:]} == {"в перечне", "нет в перечне (введён вручную)"}
    needs = list(workbook["Нужно"].iter_rows(values_only=True))
    assert needs[1][:6] == (
        "МАОУ СОШ № 1",
        "Русский язык",
        2,
        "Канакина В.П., Горецкий В.Г.",
        "Русский язык. 2 класс",
        8,
    )
    assert needs[1][9] == "да"


def test_export_follows_the_filters(head_client, offer, other_school):
    make_offer(other_school, title="Краеведение", authors="Сергеева Т.А.", grades=(8, 8))
    response = head_client.get(reverse("textbooks:export"), {"grade": 8, "page": 3})
    rows = list(
        load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Предлагают"].iter_rows(
            values_only=True
        )
    )
    assert [row[4] for row in rows[1:]] == ["Краеведение"]
    assert (
        'href="/textbooks/export.xlsx?grade=8"'
        in head_client.get(reverse("textbooks:bank"), {"grade": 8}).content.decode()
    )


def test_withdrawn_and_given_away_offers_leave_the_bank(head_client, offer, other_school, textbook):
    Offer.objects.filter(pk=offer.pk).update(available=0)
    assert not head_client.get(reverse("textbooks:bank")).context["page"].object_list


def test_visitor_is_sent_to_login_from_every_page(client, offer, need, school):
    from textbooks.models import Transfer

    transfer = Transfer.objects.create(
        offer=offer, to_school=school, copies=1, return_by="2031-05-31", status="agreed"
    )
    urls = [reverse(name, args=[pk]) for name, pk in [
        ("textbooks:offer", offer.pk), ("textbooks:offer_edit", offer.pk), ("textbooks:need", need.pk),
        ("textbooks:need_edit", need.pk), ("textbooks:school", school.pk), ("textbooks:transfer", transfer.pk),
        ("textbooks:transfer_act", transfer.pk),
    ]] + [reverse("textbooks:offer_create"), reverse("textbooks:need_create")]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    for url in [
        reverse("textbooks:offer_withdraw", args=[offer.pk]),
        reverse("textbooks:need_close", args=[need.pk]),
        reverse("textbooks:offer_request", args=[offer.pk]),
        reverse("textbooks:transfer_action", args=[transfer.pk, "cancel"]),
    ]:
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_the_bank_shows_our_association_first_and_widens_on_request(
    librarian_client, school, other_school, textbook, foreign_offer, foreign_school
):
    ours = make_offer(other_school, textbook)
    url = reverse("textbooks:bank")
    assert [o.pk for o in librarian_client.get(url).context["page"]] == [ours.pk]
    assert {o.pk for o in librarian_client.get(url, {"scope": "region"}).context["page"]} == {
        ours.pk,
        foreign_offer.pk,
    }
    only_there = librarian_client.get(url, {"scope": str(foreign_school.association_id)}).context["page"]
    assert [o.pk for o in only_there] == [foreign_offer.pk]
    assert "весь регион" in librarian_client.get(url).content.decode()


def test_a_single_association_site_asks_nothing(librarian_client, school):
    assert "где искать" not in librarian_client.get(reverse("textbooks:bank")).content.decode().lower()
