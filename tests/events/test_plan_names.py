"""The plan's names without a card: listed by the plan's checks; the head links each to a card or adds it."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event, Plan, Responsible, Section
from members.models import Person


def plan_url(plan, name="events:plan"):
    return reverse(name, args=[plan.association.slug, plan.year_name])


@pytest.fixture
def written(association, head_user):
    plan = Plan.objects.create(association=association, year_start=2025)
    section = Section.objects.create(plan=plan, position=1, title="Методическая работа")
    first = Event.objects.create(section=section, position=1, title="Семинар", dates_text="Октябрь 2025")
    first.set_responsibles(["Саблина В.И.", "Мальцева Татьяна Андреевна (СОШ №5)", "все библиотекари"])
    second = Event.objects.create(section=section, position=2, title="Конкурс", dates_text="Март 2026")
    second.set_responsibles(["Т.А. Мальцева", "Садовникова Н.Н."])
    return plan


def test_the_checks_list_each_written_name_once_with_its_events(head_client, written):
    html = head_client.get(plan_url(written)).content.decode()
    assert "Имена без карточки в банке данных" in html
    assert (
        "«Мальцева Татьяна Андреевна (СОШ №5)» (мероприятия 1, 2) — такого человека нет в банке данных"
        in html
    )
    assert "«Садовникова Н.Н.» (мероприятие 2)" in html
    assert html.count('name="key"') == 2


def test_add_card_makes_one_card_with_the_full_name_and_links_every_line(head_client, written, association):
    response = head_client.post(
        plan_url(written, "events:plan_link_name"), {"key": "мальцева|та", "action": "new"}, follow=True
    )
    assert "Карточка «Мальцева Т.А.» добавлена в банк данных" in response.content.decode()
    card = Person.objects.get(surname="Мальцева")
    assert (card.first_name, card.patronymic, card.association) == ("Татьяна", "Андреевна", association)
    lines = Responsible.objects.filter(key="мальцева|та").order_by("event__position")
    assert [line.person for line in lines] == [card, card]
    assert [line.text for line in lines] == [
        "Мальцева Татьяна Андреевна (СОШ №5)",
        "Т.А. Мальцева",
    ]  # printed as written
    # again: no second card
    head_client.post(plan_url(written, "events:plan_link_name"), {"key": "мальцева|та", "action": "new"})
    assert Person.objects.filter(surname="Мальцева").count() == 1


def test_link_a_typo_to_a_card_prints_her_name(head_client, written, association):
    sadovnikova = Person.objects.create(association=association, surname="Садовникова", initials="Л.И.")
    page = head_client.get(plan_url(written))
    (suggested,) = [
        name.suggested for name in page.context["written_names"] if name.problem.name_key == "садовникова|нн"
    ]
    assert suggested == sadovnikova.pk  # the only card of that surname
    response = head_client.post(
        plan_url(written, "events:plan_link_name"),
        {"key": "садовникова|нн", "action": "link", "person": sadovnikova.pk},
        follow=True,
    )
    assert "1 строка плана привязана к карточке «Садовникова Л.И.»" in response.content.decode()
    line = Responsible.objects.get(person=sadovnikova)
    assert (line.text, line.key) == ("Садовникова Л.И.", "садовникова|ли")
    assert "Садовникова Н.Н." not in response.content.decode()


def test_another_associations_card_cannot_be_linked(head_client, written, other_association):
    stranger = Person.objects.create(association=other_association, surname="Садовникова", initials="Н.Н.")
    response = head_client.post(
        plan_url(written, "events:plan_link_name"),
        {"key": "садовникова|нн", "action": "link", "person": stranger.pk},
        follow=True,
    )
    assert "Выберите карточку из списка." in response.content.decode()
    assert not Responsible.objects.filter(person=stranger).exists()


def test_only_the_head_links_names(client, librarian_user, viewer_user, other_head_user, written):
    url = plan_url(written, "events:plan_link_name")
    for user, status in ((librarian_user, 403), (viewer_user, 403), (other_head_user, 404)):
        client.force_login(user)
        assert client.post(url, {"key": "мальцева|та", "action": "new"}).status_code == status
    assert not Person.objects.filter(surname="Мальцева").exists()


def test_a_key_the_plan_does_not_write_adds_nothing(head_client, written):
    response = head_client.post(
        plan_url(written, "events:plan_link_name"), {"key": "x" * 120, "action": "new"}, follow=True
    )
    assert "Этого имени в плане уже нет" in response.content.decode()
    assert (
        head_client.post(
            plan_url(written, "events:plan_link_name"), {"key": "x" * 200_000, "action": "new"}
        ).status_code
        == 302
    )
    assert Person.objects.count() == 1


def test_written_names_never_reach_the_data_bank(head_client, written, viewer_client):
    """The lists, the overview and the courses filter show cards only: nobody added Мальцева."""
    for url in (
        reverse("members:people"),
        reverse("members:people") + "?no_recent_course=on",
        reverse("members:overview"),
    ):
        html = viewer_client.get(url).content.decode()
        assert "Мальцева" not in html and "Садовникова Н.Н." not in html


def test_the_analysis_counts_cards_not_written_names(head_client, written, head_user):
    from events.exports.analysis import analyse_plan

    analysis = analyse_plan(written)
    assert [load.name for load in analysis.people] == ["Саблина В.И."]


def test_a_new_card_from_the_data_bank_takes_over_the_plans_lines(written, association):
    card = Person.objects.create(
        association=association,
        surname="Садовникова",
        initials="Н.Н.",
        attestation_date=datetime.date(2024, 1, 1),
    )
    assert Responsible.objects.get(key="садовникова|нн").person == card


def test_the_heads_page_costs_the_same_queries_for_2_or_60_written_names(head_client, written):
    def queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert head_client.get(plan_url(written)).status_code == 200
        return len(captured)

    few = queries()
    section = written.sections.get()
    for n in range(60):
        event = Event.objects.create(
            section=section, position=3 + n, title=f"Мероприятие {n}", dates_text="Май 2026"
        )
        event.set_responsibles(
            [f"Иванова{'а' * (n % 7)} {'АБВГДЕЖЗИК'[n % 10]}.{'ЛМНОП'[n % 5]}.", "все библиотекари"]
        )
    assert queries() == few
    assert head_client.get(plan_url(written)).content.decode().count('name="key"') > 30
