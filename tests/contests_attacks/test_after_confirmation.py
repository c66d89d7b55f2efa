"""What the head (and others) can still do to a contest once its places are confirmed / its results published.
README: «после утверждения мест заявки не меняются»; scores are frozen once the places are confirmed."""

import datetime

import pytest
from django.urls import reverse

from contests import services
from contests.models import Category, Contest, Criterion, Entry, JuryMember, Score
from events.models import Event, Plan, Section
from members.models import School

from .helpers import client_of, setup_data

pytestmark = pytest.mark.django_db


def confirm(contest):
    from contests.scoring import suggested_places

    services.confirm_places(contest, suggested_places(contest))
    contest.refresh_from_db()
    return contest


def last_years(contest):
    """The same contest in the plan of the year before, with its own setup."""
    old_plan = Plan.objects.create(
        association=contest.plan.association, year_start=contest.plan.year_start - 1
    )
    section = Section.objects.create(plan=old_plan, position=1, title="Раздел")
    event = Event.objects.create(section=section, position=1, title=contest.event.title)
    old = Contest.objects.create(event=event, entry_deadline=datetime.date(2023, 3, 1))
    Category.objects.create(contest=old, position=1, title="Младшие", grade_from=1, grade_to=4)
    Criterion.objects.create(contest=old, position=1, title="Старый критерий", max_score=5)
    JuryMember.objects.create(contest=old, position=1, guest="Прошлогодний гость")
    return old


def test_copying_last_years_setup_after_the_places_are_confirmed_keeps_the_scores(filled_contest, head_user):
    """The «Перенести настройки из прошлогоднего конкурса» button stays on a confirmed, published contest. Pressing
    it must not wipe the jury's score sheets behind the confirmed places."""
    last_years(filled_contest)
    confirm(filled_contest)
    services.publish(filled_contest)
    scores_before = Score.objects.filter(entry__contest=filled_contest).count()
    assert scores_before > 0
    response = client_of(head_user).post(reverse("contests:copy", args=[filled_contest.pk]))
    assert response.status_code in (302, 400, 403)
    assert Score.objects.filter(entry__contest=filled_contest).count() == scores_before, (
        "copying last year's setup deleted the jury's scores of a contest whose places are confirmed and published"
    )
    assert filled_contest.jury.count() == 2, "the jury of a confirmed contest was replaced"


def test_the_head_cannot_delete_an_entry_after_the_results_are_published(filled_contest, head_user):
    confirm(filled_contest)
    services.publish(filled_contest)
    winner = Entry.objects.get(surname="Иванова")
    assert winner.place == 1
    response = client_of(head_user).post(reverse("contests:entry_delete", args=[winner.pk]))
    assert Entry.objects.filter(pk=winner.pk).exists(), (
        f"the head deleted a published winner's entry (status {response.status_code})"
    )


def test_the_head_cannot_move_a_placed_entry_to_another_category_after_confirmation(
    filled_contest, head_user
):
    """Moving the I-place entry of «5–8 классы» into «9–11 классы» after confirmation leaves two I places there."""
    from tests.conftest import versioned

    confirm(filled_contest)
    winner = Entry.objects.get(surname="Иванова")
    older = filled_contest.categories.get(position=2)
    data = versioned(
        winner,
        {
            "school": winner.school_id,
            "category": older.pk,
            "surname": "Иванова",
            "first_name": "Мария",
            "grade": "9",
            "work_title": "Стихотворение",
        },
    )
    client_of(head_user).post(reverse("contests:entry_edit", args=[winner.pk]), data)
    winner.refresh_from_db()
    firsts = Entry.objects.filter(contest=filled_contest, category=older, place=1).count()
    assert winner.category_id != older.pk and firsts == 1, (
        f"after confirmation the head moved a winner: category «9–11 классы» now has {firsts} I places"
    )


def test_the_head_adds_no_entry_after_the_results_are_published(filled_contest, head_user):
    confirm(filled_contest)
    services.publish(filled_contest)
    response = client_of(head_user).post(
        reverse("contests:entry_add", args=[filled_contest.pk]),
        {
            "school": School.objects.get(short_name="МАОУ СОШ № 1").pk,
            "category": filled_contest.categories.get(position=1).pk,
            "surname": "Опоздавшая",
            "first_name": "Вера",
            "grade": "6",
            "work_title": "Стих",
        },
    )
    assert not Entry.objects.filter(surname="Опоздавшая").exists(), (
        f"an entry was added to a contest whose places are confirmed and published (status {response.status_code})"
    )


def test_deleting_a_category_that_holds_entries_is_a_russian_message_not_a_500(filled_contest, head_user):
    head = client_of(head_user)
    head.raise_request_exception = False
    data = setup_data(filled_contest)
    data["categories-1-DELETE"] = "on"  # «9–11 классы» holds Черных and Гусь
    response = head.post(reverse("contests:setup", args=[filled_contest.pk]), data)
    assert response.status_code in (200, 302, 400), (
        f"deleting a category with entries gives {response.status_code}"
    )
    assert filled_contest.categories.count() == 2
    if response.status_code == 400:
        assert "заяв" in response.content.decode()


def test_lowering_the_places_after_confirmation_leaves_no_place_beyond_them(filled_contest, head_user):
    """Places confirmed with 3 places (Гусь II, Петров/Ли II …), then the head sets «сколько мест» to 1."""
    confirm(filled_contest)
    data = setup_data(filled_contest, places="1")
    response = client_of(head_user).post(reverse("contests:setup", args=[filled_contest.pk]), data)
    filled_contest.refresh_from_db()
    beyond = Entry.objects.filter(contest=filled_contest, place__gt=filled_contest.places).count()
    assert beyond == 0, (
        f"places={filled_contest.places} but {beyond} entries keep a confirmed place beyond it "
        f"(setup answered {response.status_code})"
    )


def test_deleting_a_criterion_after_confirmation_does_not_silently_change_the_totals(
    filled_contest, head_user
):
    confirm(filled_contest)
    before = Score.objects.filter(entry__contest=filled_contest).count()
    data = setup_data(filled_contest)
    data["criteria-0-DELETE"] = "on"
    client_of(head_user).post(reverse("contests:setup", args=[filled_contest.pk]), data)
    after = Score.objects.filter(entry__contest=filled_contest).count()
    assert after == before, (
        f"after the places were confirmed the setup page deleted a criterion and {before - after} scores with it"
    )


def test_a_results_post_without_fields_after_confirmation_keeps_the_places(filled_contest, head_user):
    """After confirmation (and publication) the results page still renders <form id="places"> holding only the
    CSRF token. Any POST of it — a stale tab, a resent request — re-confirms with every place None."""
    confirm(filled_contest)
    services.publish(filled_contest)
    before = dict(filled_contest.entries.values_list("surname", "place"))
    client_of(head_user).post(
        reverse("contests:results", args=[filled_contest.pk]), {"csrfmiddlewaretoken": "x"}
    )
    after = dict(filled_contest.entries.values_list("surname", "place"))
    assert after == before, f"an empty POST to the results wiped the confirmed places: {before} -> {after}"


def test_a_places_form_from_before_a_late_entry_does_not_drop_the_new_entrys_place(filled_contest, head_user):
    """The head opened the results; meanwhile an entry was scored (its field is not in her form). Confirming must
    not treat the entry she never saw as «участник» silently — or at least must keep the suggestion."""
    from contests.scoring import suggested_places

    entries = {e.surname: e for e in filled_contest.entries.all()}
    data = {
        f"place-{e.pk}": str(p or "")
        for e, p in ((e, suggested_places(filled_contest)[e.pk]) for e in entries.values())
    }
    del data[f"place-{entries['Черных'].pk}"]  # the row she did not see (I place suggested)
    client_of(head_user).post(reverse("contests:results", args=[filled_contest.pk]), data)
    entries["Черных"].refresh_from_db()
    assert entries["Черных"].place == 1, "an entry missing from the places form lost its suggested I place"
