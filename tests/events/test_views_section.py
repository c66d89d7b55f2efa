"""Adding, renaming, moving and deleting sections: the head only; numerals follow the order."""

import pytest
from django.urls import reverse

from events.models import Event, Section
from tests.conftest import versioned

pytestmark = pytest.mark.django_db


def titles(plan):
    return [(s.numeral, s.title) for s in plan.sections.all()]


def test_head_adds_section_at_the_end(head_client, plan):
    url = reverse("events:section_add", args=[plan.association.slug, plan.year_name])
    response = head_client.post(url, {"title": "Работа с учащимися"})
    assert response.status_code == 302
    assert titles(plan)[-1] == ("III", "Работа с учащимися")


def test_empty_title_is_refused_with_message(head_client, plan):
    url = reverse("events:section_add", args=[plan.association.slug, plan.year_name])
    response = head_client.post(url, {"title": ""})
    assert response.status_code == 200
    assert "Обязательное поле" in response.content.decode()
    assert plan.sections.count() == 2


def test_head_renames_section(head_client, plan):
    section = plan.sections.first()
    head_client.post(
        reverse("events:section_edit", args=[section.pk]), versioned(section, {"title": "Новое название"})
    )
    assert titles(plan)[0] == ("I", "Новое название")


def test_head_moves_section_and_event_numbers_follow(head_client, plan):
    second = plan.sections.get(position=2)
    head_client.post(reverse("events:section_move", args=[second.pk]), {"direction": "up"})
    assert titles(plan) == [("I", "Социальное партнерство"), ("II", "Организационная деятельность")]
    sections = plan.numbered_sections()
    assert [(e.number, e.title) for s in sections for e in s.numbered_events][0] == (1, "Круглый стол")


def test_moving_first_section_up_changes_nothing(head_client, plan):
    first = plan.sections.get(position=1)
    head_client.post(reverse("events:section_move", args=[first.pk]), {"direction": "up"})
    assert titles(plan) == [("I", "Организационная деятельность"), ("II", "Социальное партнерство")]


def test_head_deletes_section_with_its_events(head_client, plan):
    first = plan.sections.get(position=1)
    head_client.post(reverse("events:section_delete", args=[first.pk]))
    assert titles(plan) == [("I", "Социальное партнерство")]
    assert list(Event.objects.filter(section__plan=plan).values_list("title", flat=True)) == ["Круглый стол"]


@pytest.mark.parametrize("who", ["librarian_client", "viewer_client"])
def test_others_cannot_change_sections(request, who, plan):
    client = request.getfixturevalue(who)
    section = plan.sections.first()
    assert (
        client.post(
            reverse("events:section_add", args=[plan.association.slug, plan.year_name]), {"title": "x"}
        ).status_code
        == 403
    )
    assert client.post(reverse("events:section_edit", args=[section.pk]), {"title": "x"}).status_code == 403
    assert (
        client.post(reverse("events:section_move", args=[section.pk]), {"direction": "down"}).status_code
        == 403
    )
    assert client.post(reverse("events:section_delete", args=[section.pk])).status_code == 403
    assert titles(plan) == [("I", "Организационная деятельность"), ("II", "Социальное партнерство")]


def test_visitor_and_other_association_get_nothing(client, other_head_user, plan):
    section = plan.sections.first()
    response = client.post(reverse("events:section_delete", args=[section.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(other_head_user)
    assert client.post(reverse("events:section_delete", args=[section.pk])).status_code == 404
    assert Section.objects.filter(pk=section.pk).exists()


def test_delete_and_move_need_post(head_client, plan):
    section = plan.sections.first()
    assert head_client.get(reverse("events:section_delete", args=[section.pk])).status_code == 405
    assert head_client.get(reverse("events:section_move", args=[section.pk])).status_code == 405
