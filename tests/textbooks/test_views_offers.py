"""Offers: the page with its matching needs, adding, editing, withdrawing — for each role."""

import pytest
from django.urls import reverse

from tests.conftest import versioned
from textbooks.models import Offer, Transfer

from .conftest import login, make_offer

pytestmark = pytest.mark.django_db


def offer_data(**overrides):
    data = {
        "fpu_number": "",
        "title": "Краеведение",
        "authors": "Сергеева Т.А.",
        "publisher": "Сибирская книга",
        "subject": "Краеведение",
        "grades": "8",
        "year_published": "2016",
        "copies": "20",
        "condition": "good",
        "note": "",
    }
    data.update(overrides)
    return data


# ---- the offer's page ----


@pytest.mark.parametrize(
    "who", ["head_client", "librarian_client", "other_librarian_client", "viewer_client"]
)
def test_members_read_an_offer_with_the_needs_it_serves(request, who, offer, need):
    response = request.getfixturevalue(who).get(offer.get_absolute_url())
    assert response.status_code == 200
    assert list(response.context["matching_needs"]) == [need]
    assert "МАОУ СОШ № 1" in response.content.decode()  # the needing school


def test_visitor_and_other_association(client, other_head_user, offer):
    response = client.get(offer.get_absolute_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    login(client, other_head_user)
    assert (
        client.get(offer.get_absolute_url()).status_code == 200
    )  # the bank is the region's: read, not changed
    assert client.get(reverse("textbooks:offer_edit", args=[offer.pk])).status_code == 403
    assert client.post(reverse("textbooks:offer_withdraw", args=[offer.pk])).status_code == 403
    offer.refresh_from_db()
    assert not offer.is_withdrawn


def test_who_sees_which_buttons(
    client, offer, librarian_user, other_librarian_user, viewer_user, head_user, association
):
    from members.models import School

    School.objects.create(association=association, name="Школа № 7", short_name="МАОУ СОШ № 7")

    def page(user):
        return login(client, user).get(offer.get_absolute_url()).content.decode()

    owner = page(other_librarian_user)
    assert "Изменить" in owner and "Отправить запрос" not in owner
    asker = page(librarian_user)
    assert "Изменить" not in asker and "Отправить запрос" in asker
    committee = page(viewer_user)
    assert "Изменить" not in committee and "Отправить запрос" not in committee
    head = page(head_user)
    assert "Изменить" in head and "Отправить запрос" in head and "Какая школа просит" in head


# ---- adding ----


def test_librarian_adds_an_offer_for_own_school(librarian_client, school):
    response = librarian_client.post(reverse("textbooks:offer_create"), offer_data())
    offer = Offer.objects.get()
    assert response.status_code == 302 and response.url == offer.get_absolute_url()
    assert (offer.school, offer.title, offer.grade_from, offer.grade_to, offer.copies, offer.available) == (
        school,
        "Краеведение",
        8,
        8,
        20,
        20,
    )
    assert offer.textbook is None and offer.title_key == "краеведение" and offer.author_key == "сергеева"


def test_the_fpu_number_fills_the_description(librarian_client, catalogue):
    response = librarian_client.post(
        reverse("textbooks:offer_create"),
        offer_data(fpu_number="1.2.3.3.1.1", title="", authors="", grades="8"),
    )
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert offer.textbook == catalogue["1.2.3.3.1.1"]
    assert (offer.title, offer.authors, offer.grade_from) == (
        "Геометрия. 7-9 классы",
        "Атанасян Л.С., Бутузов В.Ф., Кадомцев С.Б. и другие",
        8,
    )
    assert offer.publisher == "АО «Издательство «Просвещение»" and offer.subject == "Геометрия"


def test_starting_from_the_catalogue(librarian_client, catalogue):
    textbook = catalogue["1.2.3.3.1.1"]
    html = librarian_client.get(reverse("textbooks:offer_create"), {"textbook": textbook.pk}).content.decode()
    assert 'value="1.2.3.3.1.1"' in html and "Геометрия. 7-9 классы" in html
    response = librarian_client.post(
        reverse("textbooks:offer_create") + f"?textbook={textbook.pk}",
        offer_data(fpu_number="1.2.3.3.1.1", title="", grades=""),
    )
    assert response.status_code == 302
    assert (Offer.objects.get().grade_from, Offer.objects.get().grade_to) == (7, 9)


def test_a_form_with_mistakes_keeps_what_was_typed(librarian_client, catalogue):
    response = librarian_client.post(
        reverse("textbooks:offer_create"), offer_data(fpu_number="9.9.9", grades="13", copies="0")
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Offer.objects.exists()
    assert "Номера «9.9.9» нет в перечне" in html
    assert "Класс «13» — нет такого класса" in html
    assert 'value="Сергеева Т.А."' in html and 'value="13"' in html
    response = librarian_client.post(reverse("textbooks:offer_create"), offer_data(title="", grades=""))
    assert "Укажите номер в ФПУ или наименование учебника." in response.content.decode()
    assert "Укажите класс." in response.content.decode()


def test_head_chooses_the_school(head_client, other_school, foreign_school):
    form = head_client.get(reverse("textbooks:offer_create")).context["form"]
    assert list(form.fields["school"].queryset) == [other_school]
    response = head_client.post(reverse("textbooks:offer_create"), offer_data(school=other_school.pk))
    assert response.status_code == 302 and Offer.objects.get().school == other_school
    response = head_client.post(reverse("textbooks:offer_create"), offer_data(school=foreign_school.pk))
    assert response.status_code == 200 and Offer.objects.count() == 1


def test_committee_and_a_librarian_without_school_add_nothing(client, viewer_user, head_user, association):
    from members.models import Account
    from tests.conftest import make_account

    login(client, viewer_user)
    assert client.get(reverse("textbooks:offer_create")).status_code == 403
    assert client.post(reverse("textbooks:offer_create"), offer_data()).status_code == 403
    login(client, make_account(association, Account.Role.LIBRARIAN, "nowhere"))
    assert client.get(reverse("textbooks:offer_create")).status_code == 403
    assert not Offer.objects.exists()


def test_visitor_is_sent_to_login(client, db):
    for name in ("textbooks:offer_create", "textbooks:offers_import"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


# ---- editing and withdrawing ----


@pytest.mark.parametrize(
    "who, status",
    [
        ("other_librarian_client", 302),
        ("head_client", 302),
        ("librarian_client", 403),
        ("viewer_client", 403),
    ],
)
def test_only_the_offering_school_and_the_head_edit(request, who, status, offer):
    client = request.getfixturevalue(who)
    url = reverse("textbooks:offer_edit", args=[offer.pk])
    assert client.get(url).status_code == (200 if status == 302 else 403)
    response = client.post(
        url, versioned(offer, offer_data(fpu_number="1.1.1.1.1.2", grades="2", copies="12"))
    )
    assert response.status_code == status
    offer.refresh_from_db()
    assert offer.copies == (12 if status == 302 else 10)


def test_copies_cannot_fall_below_what_is_promised(other_librarian_client, offer, school):
    transfer = Transfer.objects.create(offer=offer, to_school=school, copies=6, return_by="2030-05-31")
    from textbooks import services

    services.agree(transfer.pk)
    url = reverse("textbooks:offer_edit", args=[offer.pk])
    response = other_librarian_client.post(
        url, versioned(offer, offer_data(fpu_number="1.1.1.1.1.2", grades="2", copies="5"))
    )
    assert response.status_code == 200 and "уже обещано или передано 6 экз." in response.content.decode()
    response = other_librarian_client.post(
        url, versioned(offer, offer_data(fpu_number="1.1.1.1.1.2", grades="2", copies="7"))
    )
    offer.refresh_from_db()
    assert (offer.copies, offer.available) == (7, 1)


@pytest.mark.parametrize(
    "who, status",
    [
        ("other_librarian_client", 302),
        ("head_client", 302),
        ("librarian_client", 403),
        ("viewer_client", 403),
    ],
)
def test_withdrawing(request, who, status, offer, school):
    waiting = Transfer.objects.create(offer=offer, to_school=school, copies=2, return_by="2030-05-31")
    client = request.getfixturevalue(who)
    url = reverse("textbooks:offer_withdraw", args=[offer.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == status
    offer.refresh_from_db()
    waiting.refresh_from_db()
    if status == 302:
        assert offer.is_withdrawn and waiting.status == Transfer.Status.DECLINED
        assert offer not in client.get(reverse("textbooks:bank")).context["page"].object_list
    else:
        assert not offer.is_withdrawn and waiting.status == Transfer.Status.REQUESTED


def test_offer_page_queries_do_not_grow_with_needs(
    other_librarian_client, offer, school, textbook, association, django_assert_num_queries
):
    from members.models import School

    from .conftest import make_need

    for n in range(10):
        make_need(
            School.objects.create(association=association, name=f"Школа {n}", short_name=f"СОШ № {n + 20}"),
            textbook,
        )
    make_offer(school, textbook)
    # session, user, account (+ person); the offer (+ school, textbook); whether the account acts for
    # another school (it does not: it offers); the matching needs (+ school, textbook); the transfers
    with django_assert_num_queries(7):
        response = other_librarian_client.get(offer.get_absolute_url())
    assert len(response.context["matching_needs"]) == 10


def test_the_heads_new_offer_starts_at_her_own_school(head_client, head_user, school, other_school):
    head_user.account.person.school = other_school
    head_user.account.person.save()
    form = head_client.get(reverse("textbooks:offer_create")).context["form"]
    assert form["school"].value() == other_school.pk
