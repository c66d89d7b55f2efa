"""Transfers into temporary use: asking, agreeing or declining, handing over, return — and the act."""

import datetime

import pytest
from django.urls import reverse

from textbooks import services
from textbooks.models import Offer, Transfer, default_return_by

from .conftest import login, make_offer

pytestmark = pytest.mark.django_db

RETURN_BY = datetime.date(2031, 5, 31)


def ask(client, offer, copies=4, **extra):
    return client.post(
        reverse("textbooks:offer_request", args=[offer.pk]),
        {"copies": copies, "return_by": RETURN_BY.isoformat(), "note": "", **extra},
    )


def act(client, transfer, action, **data):
    return client.post(reverse("textbooks:transfer_action", args=[transfer.pk, action]), data)


def available(offer):
    return Offer.objects.get(pk=offer.pk).available


@pytest.fixture
def requested(offer, school, need):
    """School A asks school B for 4 of its 10 copies."""
    return services.request_transfer(offer, school, 4, RETURN_BY, need=need)


# ---- asking ----


def test_librarian_asks_for_copies_and_nothing_is_reserved_yet(librarian_client, offer, school, need):
    response = ask(librarian_client, offer, need=need.pk)
    transfer = Transfer.objects.get()
    assert response.status_code == 302 and response.url == transfer.get_absolute_url()
    assert (transfer.to_school, transfer.copies, transfer.status, transfer.need) == (
        school,
        4,
        "requested",
        need,
    )
    assert available(offer) == 10


def test_asking_is_refused_for_too_many_twice_or_own_offer(
    client, librarian_user, other_librarian_user, offer
):
    login(client, librarian_user)
    response = ask(client, offer, copies=11)
    assert response.status_code == 200 and "Свободно только 10 экз." in response.content.decode()
    ask(client, offer, copies=2)
    response = ask(client, offer, copies=2)
    assert "уже ждёт ответа" in client.get(response.url).content.decode()
    assert Transfer.objects.count() == 1
    login(client, other_librarian_user)
    response = ask(client, offer)
    assert response.status_code == 302 and Transfer.objects.count() == 1


@pytest.mark.parametrize("who, status", [("viewer_client", 403), ("client", 302)])
def test_committee_and_visitor_do_not_ask(request, who, status, offer):
    response = ask(request.getfixturevalue(who), offer)
    assert response.status_code == status and not Transfer.objects.exists()


def test_ask_is_post_only_and_across_associations(
    client, librarian_user, other_head_user, offer, foreign_offer
):
    login(client, librarian_user)
    assert client.get(reverse("textbooks:offer_request", args=[offer.pk])).status_code == 405
    # the bank is the region's: a school asks another association's school the same way
    assert ask(client, foreign_offer).status_code == 302
    transfer = Transfer.objects.get(offer=foreign_offer)
    assert transfer.to_school == librarian_user.account.person.school
    assert client.get(transfer.get_absolute_url()).status_code == 200


def test_head_asks_on_behalf_of_a_school(head_client, offer, school):
    assert ask(head_client, offer, to_school=school.pk).status_code == 302
    assert Transfer.objects.get().to_school == school


# ---- deciding ----


@pytest.mark.parametrize(
    "who, status",
    [
        ("other_librarian_client", 302),
        ("head_client", 302),
        ("librarian_client", 403),
        ("viewer_client", 403),
    ],
)
def test_only_the_offering_school_and_the_head_agree(request, who, status, requested, offer):
    response = act(request.getfixturevalue(who), requested, "agree")
    assert response.status_code == status
    requested.refresh_from_db()
    assert requested.status == ("agreed" if status == 302 else "requested")
    assert available(offer) == (6 if status == 302 else 10)


@pytest.mark.parametrize(
    "who, status", [("other_librarian_client", 302), ("librarian_client", 403), ("viewer_client", 403)]
)
def test_decline(request, who, status, requested, offer):
    assert act(request.getfixturevalue(who), requested, "decline").status_code == status
    requested.refresh_from_db()
    assert requested.status == ("declined" if status == 302 else "requested") and available(offer) == 10


def test_visitor_other_association_wrong_method_unknown_action(client, other_head_user, requested):
    response = act(client, requested, "agree")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    login(client, other_head_user)
    assert act(client, requested, "agree").status_code == 404
    assert client.get(requested.get_absolute_url()).status_code == 404
    assert client.get(reverse("textbooks:transfer_action", args=[requested.pk, "agree"])).status_code == 405
    assert act(client, requested, "explode").status_code == 404


def test_agreeing_more_than_is_left_is_refused(
    other_librarian_client, offer, school, other_school, association
):
    from members.models import School

    third = School.objects.create(association=association, name="Школа № 7", short_name="МАОУ СОШ № 7")
    first = services.request_transfer(offer, school, 7, RETURN_BY)
    second = services.request_transfer(offer, third, 5, RETURN_BY)
    act(other_librarian_client, first, "agree")
    response = act(other_librarian_client, second, "agree")
    assert (
        "Свободно только 3 экземпляра из запрошенных 5"
        in other_librarian_client.get(response.url).content.decode()
    )
    second.refresh_from_db()
    assert second.status == "requested" and available(offer) == 3
    # agreeing twice takes the copies once
    with pytest.raises(services.TransferError):
        services.agree(first.pk)
    assert available(offer) == 3


# ---- the whole way: handed over, returned or kept; cancelled ----


def test_handed_over_then_returned(client, librarian_user, other_librarian_user, requested, offer, today):
    login(client, other_librarian_user)
    act(client, requested, "agree")
    response = act(
        client,
        requested,
        "hand-over",
        day=today.isoformat(),
        return_by=(today + datetime.timedelta(days=200)).isoformat(),
    )
    requested.refresh_from_db()
    assert (
        response.status_code == 302
        and requested.status == "handed_over"
        and requested.handed_over_on == today
    )
    assert requested.return_by == today + datetime.timedelta(days=200) and available(offer) == 6
    login(client, librarian_user)  # the receiving school cannot mark the return
    assert act(client, requested, "return", day=today.isoformat()).status_code == 403
    assert act(client, requested, "cancel").status_code == 302
    requested.refresh_from_db()
    assert requested.status == "handed_over"  # too late to cancel
    login(client, other_librarian_user)
    act(client, requested, "return", day=(today - datetime.timedelta(days=1)).isoformat())
    requested.refresh_from_db()
    assert requested.status == "handed_over"  # returned before it was handed over: refused
    act(client, requested, "return", day=today.isoformat())
    requested.refresh_from_db()
    assert requested.status == "returned" and requested.returned_on == today and available(offer) == 10


def test_kept_for_good(other_librarian_client, requested, offer, today):
    act(other_librarian_client, requested, "agree")
    act(
        other_librarian_client, requested, "hand-over", day=today.isoformat(), return_by=RETURN_BY.isoformat()
    )
    act(other_librarian_client, requested, "keep")
    requested.refresh_from_db()
    assert requested.status == "kept" and available(offer) == 6


def test_hand_over_needs_valid_dates(other_librarian_client, requested, today):
    act(other_librarian_client, requested, "agree")
    response = act(other_librarian_client, requested, "hand-over", day="", return_by=RETURN_BY.isoformat())
    assert "Проверьте даты" in other_librarian_client.get(response.url).content.decode()
    act(
        other_librarian_client,
        requested,
        "hand-over",
        day=today.isoformat(),
        return_by=(today - datetime.timedelta(days=3)).isoformat(),
    )
    requested.refresh_from_db()
    assert requested.status == "agreed"


@pytest.mark.parametrize("who", ["librarian_client", "other_librarian_client"])
def test_either_school_cancels_an_agreement_and_the_copies_come_back(request, who, requested, offer):
    services.agree(requested.pk)
    assert available(offer) == 6
    assert act(request.getfixturevalue(who), requested, "cancel").status_code == 302
    requested.refresh_from_db()
    assert requested.status == "cancelled" and available(offer) == 10


def test_the_committee_cancels_nothing(viewer_client, requested):
    assert act(viewer_client, requested, "cancel").status_code == 403


# ---- the transfer's page and the school's page ----


@pytest.mark.parametrize(
    "who", ["head_client", "librarian_client", "other_librarian_client", "viewer_client"]
)
def test_members_read_a_transfer(request, who, requested):
    response = request.getfixturevalue(who).get(requested.get_absolute_url())
    assert response.status_code == 200 and "запрошено" in response.content.decode()


def test_buttons_by_side(client, librarian_user, other_librarian_user, viewer_user, requested):
    def page(user):
        return login(client, user).get(requested.get_absolute_url()).content.decode()

    assert "Согласиться" in page(other_librarian_user)
    assert "Согласиться" not in page(librarian_user) and "Отменить запрос" in page(librarian_user)
    assert "Согласиться" not in page(viewer_user) and "Отменить" not in page(viewer_user)


@pytest.mark.parametrize(
    "who", ["head_client", "librarian_client", "other_librarian_client", "viewer_client"]
)
def test_school_page(request, who, requested, school, other_school):
    client = request.getfixturevalue(who)
    giver = client.get(reverse("textbooks:school", args=[other_school.pk]))
    asker = client.get(reverse("textbooks:school", args=[school.pk]))
    assert giver.status_code == asker.status_code == 200
    assert list(giver.context["asked_of_us"]) == [requested] and list(asker.context["we_ask"]) == [requested]
    can_decide = who in ("head_client", "other_librarian_client")
    assert ("Согласиться" in giver.content.decode()) == can_decide
    assert giver.context["can_edit"] == can_decide


def test_school_page_visitor_and_other_association(client, other_head_user, school):
    url = reverse("textbooks:school", args=[school.pk])
    assert client.get(url).status_code == 302
    login(client, other_head_user)
    assert client.get(url).status_code == 200  # the bank is the region's


def test_buttons_on_the_school_page_come_back_to_it(other_librarian_client, requested, other_school, offer):
    page = reverse("textbooks:school", args=[other_school.pk])
    response = other_librarian_client.post(
        reverse("textbooks:transfer_action", args=[requested.pk, "agree"]), {"next": page}
    )
    assert response.url == page
    response = other_librarian_client.post(
        reverse("textbooks:transfer_action", args=[requested.pk, "decline"]), {"next": "https://example.com/"}
    )
    assert response.url == requested.get_absolute_url()


def test_my_school(
    client, librarian_user, other_librarian_user, head_user, viewer_user, school, other_school
):
    response = login(client, librarian_user).get(reverse("textbooks:my_school"))
    assert response.url == reverse("textbooks:school", args=[school.pk])
    response = login(client, other_librarian_user).get(reverse("textbooks:my_school"))
    assert response.url == reverse("textbooks:school", args=[other_school.pk])
    for user in (head_user, viewer_user):  # the head and the committee choose a school
        response = login(client, user).get(reverse("textbooks:my_school"))
        assert response.status_code == 200 and list(response.context["schools"]) == [school, other_school]


def test_school_page_empty_says_what_to_do(librarian_client, school):
    html = librarian_client.get(reverse("textbooks:school", args=[school.pk])).content.decode()
    assert "Лишние учебники внесите по одному или загрузите списком из Excel" in html
    assert "Найдите учебник в обменном фонде" in html


# ---- the act ----


@pytest.mark.parametrize(
    "who, status",
    [
        ("head_client", 200),
        ("librarian_client", 200),
        ("other_librarian_client", 200),
        ("viewer_client", 200),
    ],
)
def test_the_act_once_agreed(request, who, status, requested):
    client = request.getfixturevalue(who)
    url = reverse("textbooks:transfer_act", args=[requested.pk])
    assert client.get(url).status_code == 404  # nothing agreed yet
    services.agree(requested.pk)
    response = client.get(url)
    assert response.status_code == status and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")


def test_the_act_is_for_the_two_schools_the_head_and_the_committee(
    client, association, requested, other_head_user
):
    from members.models import Account, Person, School
    from tests.conftest import make_account

    services.agree(requested.pk)
    url = reverse("textbooks:transfer_act", args=[requested.pk])
    third = School.objects.create(association=association, name="Школа № 7", short_name="МАОУ СОШ № 7")
    person = Person.objects.create(
        association=association, surname="Степанова", initials="М.М.", school=third
    )
    assert (
        login(client, make_account(association, Account.Role.LIBRARIAN, "third", person)).get(url).status_code
        == 403
    )
    assert login(client, other_head_user).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_the_act_reads_like_a_document(head_client, requested, offer, librarian_user, other_librarian_user):
    from tests.reports.conftest import pdf_text

    # asked at 20:00 UTC on 10 September: already the 11th in Irkutsk, where the schools are
    Transfer.objects.filter(pk=requested.pk).update(
        requested_at=datetime.datetime(2025, 9, 10, 20, 0, tzinfo=datetime.UTC)
    )
    services.agree(requested.pk)
    services.hand_over(requested.pk, datetime.date(2025, 9, 12), RETURN_BY)
    response = head_client.get(reverse("textbooks:transfer_act", args=[requested.pk]))
    text = pdf_text(response.content).replace("\u2010 ", "")  # words hyphenated at a line's end
    assert f"АКТ № {requested.pk}" in text
    assert "приёма-передачи учебников во временное пользование" in text
    assert "г. Усть-Илимск 12 сентября 2025 г." in text  # the day of the hand-over
    assert "запрос Принимающей стороны от 11 сентября 2025 г." in text
    assert (
        "«Средняя общеобразовательная школа № 1»" in text and "Средняя общеобразовательная школа № 2" in text
    )
    assert (
        "Русский язык. 2 класс" in text and "Канакина В.П., Горецкий В.Г." in text and "1.1.1.1.1.2" in text
    )
    assert "Итого: 4 экземпляра" in text
    assert "до 31 мая 2031 г. включительно" in text
    assert "Передал:" in text and "Принял:" in text and "М.П." in text
    assert "Садовникова Л.И." in text and "Куклина Н.Н." in text  # the schools' librarians under their lines
    assert "Акт" in response["Content-Disposition"] or "%D0%90%D0%BA%D1%82" in response["Content-Disposition"]


def test_transfer_page_queries(head_client, requested, django_assert_num_queries):
    # session, user, account; the transfer with its offer, schools and need; its history (the head sees it)
    with django_assert_num_queries(5):
        response = head_client.get(requested.get_absolute_url())
    assert [change.kind for change in response.context["history"]] == ["создано"]


def test_offer_with_no_copies_left_takes_no_requests(librarian_client, other_school, textbook, school):
    empty = make_offer(other_school, textbook, copies=2)
    Offer.objects.filter(pk=empty.pk).update(available=0)
    assert "Отправить запрос" not in librarian_client.get(empty.get_absolute_url()).content.decode()
    response = ask(librarian_client, empty, copies=1)
    assert response.status_code == 200 and not Transfer.objects.exists()


def test_a_schools_bank_page_lists_only_the_transfers_one_may_open(
    librarian_client, other_association, textbook
):
    """Two schools of another association exchange textbooks between themselves: its schools' bank pages are open
    to everyone in the region, but that transfer is theirs — not listed, as its own page is 404 (one rule:
    textbooks.access.visible_transfers)."""
    from members.models import School

    giver = School.objects.create(
        association=other_association, name="Школа № 3 г. Братска", short_name="СОШ № 3"
    )
    taker = School.objects.create(
        association=other_association, name="Школа № 4 г. Братска", short_name="СОШ № 4"
    )
    transfer = services.request_transfer(make_offer(giver, textbook), taker, 2, default_return_by())
    assert librarian_client.get(reverse("textbooks:transfer", args=[transfer.pk])).status_code == 404
    for school in (giver, taker):
        response = librarian_client.get(reverse("textbooks:school", args=[school.pk]))
        assert response.status_code == 200
        assert list(response.context["asked_of_us"]) == [] and list(response.context["we_ask"]) == []
        assert reverse("textbooks:transfer", args=[transfer.pk]) not in response.content.decode()
