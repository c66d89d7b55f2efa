"""Huge and odd inputs in the setup page and the entry form; English or technical text on a page a person sees."""

import pytest
from django.urls import reverse

from contests.models import Contest, Entry, JuryMember, Score
from events.models import Event

from .helpers import client_of, management, open_until, setup_data

pytestmark = pytest.mark.django_db

ENGLISH = (
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Please submit",
    "ManagementForm",
    "Enter a whole number",
    "Enter a number",
    "tampered",
)


def no_english(page):
    found = [phrase for phrase in ENGLISH if phrase in page]
    assert not found, found


def entry_post(user, contest, **fields):
    data = {"category": contest.categories.first().pk, "surname": "Иванова", "first_name": "Мария", "grade": "5",
            "work_title": "Стих", **fields}  # fmt: skip
    client = client_of(user)
    client.raise_request_exception = False
    return client.post(reverse("contests:entry_add", args=[contest.pk]), data)


@pytest.mark.parametrize(
    "fields",
    [
        {"work_title": "Я" * 200_000},
        {"surname": "Я" * 200_000},
        {"mentor_text": "Я" * 200_000},
        {"work_link": "это не ссылка"},
        {"work_link": "javascript:alert(1)"},
        {"work_link": "https://" + "a" * 600 + ".ru"},
        {"grade": "5а"},
        {"grade": "99"},
        {"category": "999999"},
        {"category": "abc"},
        {"mentor": "999999"},
        {"surname": ""},
    ],
)
def test_odd_entry_fields_are_refused_in_russian(contest, librarian_user, fields):
    open_until(contest)
    response = entry_post(librarian_user, contest, **fields)
    assert response.status_code == 400, (fields.keys(), response.status_code)
    assert not Entry.objects.exists()
    no_english(response.content.decode())


def test_the_same_pupil_twice_in_one_category_by_the_form(contest, librarian_user):
    """The upload refuses a pupil already entered («уже есть в заявках школы»); the form takes her again."""
    open_until(contest)
    assert entry_post(librarian_user, contest).status_code == 302
    entry_post(librarian_user, contest)
    assert Entry.objects.count() == 1, "the same pupil was entered twice in the same category by the form"


def setup_post(user, contest, data):
    client = client_of(user)
    client.raise_request_exception = False
    return client.post(reverse("contests:setup", args=[contest.pk]), data)


@pytest.mark.parametrize(
    "overrides",
    [
        {"rules": "Я" * 200_000},
        {"places": "0"},
        {"places": "6"},
        {"places": "1e9"},
        {"entry_deadline": "1900-01-01"},
        {"entry_deadline": "01.13.2024"},
        {"categories-0-grade_from": "12"},
        {"categories-0-title": "Я" * 200_000},
        {"criteria-0-max_score": "-1"},
        {"jury-1-guest": "Я" * 200_000},
        {"level": "cosmic"},
    ],
)
def test_odd_setup_fields_are_refused_in_russian(contest, head_user, overrides):
    response = setup_post(head_user, contest, setup_data(contest, **overrides))
    assert response.status_code == 400, (list(overrides), response.status_code)
    no_english(response.content.decode())
    contest.refresh_from_db()
    assert contest.places == 3


def test_ten_thousand_forms_are_refused_with_a_message_the_head_sees(contest, head_user):
    data = setup_data(contest)
    data.update(management("stages", 10000, 0))
    response = setup_post(head_user, contest, data)
    page = response.content.decode()
    assert response.status_code == 400
    no_english(page)
    assert "20" in page and "alert-danger" in page


def test_a_setup_post_without_the_management_forms(contest, head_user):
    data = {key: value for key, value in setup_data(contest).items() if "FORMS" not in key}
    response = setup_post(head_user, contest, data)
    assert response.status_code in (400, 200)
    no_english(response.content.decode())


def test_the_same_person_twice_on_the_jury(contest, head_user):
    """Two sheets of one person: her scores count twice in every mean."""
    data = setup_data(contest)
    data.update(management("jury", 3, 2))
    data["jury-2-person"] = str(head_user.account.person.pk)
    setup_post(head_user, contest, data)
    assert contest.jury.filter(person=head_user.account.person).count() == 1, (
        "the same person was put on the jury twice"
    )


def test_lowering_a_criterions_maximum_below_the_scores_given(filled_contest, head_user):
    """Scores of 10 stay on a criterion whose maximum became 5: totals beyond the possible."""
    data = setup_data(filled_contest)
    data["criteria-0-max_score"] = "5"
    setup_post(head_user, filled_contest, data)
    criterion = filled_contest.criteria.get(position=1)
    above = Score.objects.filter(criterion=criterion, value__gt=criterion.max_score).count()
    assert above == 0, f"criterion max is {criterion.max_score} but {above} scores stay above it"


def test_a_meeting_event_cannot_be_made_a_contest_by_its_url(plan, head_user):
    event = Event.objects.get(section__plan=plan, title="Круглый стол")
    event.meeting_number = 1
    event.save()
    response = client_of(head_user).post(
        reverse("contests:setup", args=[event.pk]),
        {"level": "municipal", "places": "3", "participant_award": "certificate", "layout": "classic",
         **management("stages"), **management("categories"), **management("criteria"), **management("jury")},
    )  # fmt: skip
    assert not Contest.objects.filter(event=event).exists(), (
        f"a meeting of the association was made a contest by its URL ({response.status_code})"
    )


@pytest.mark.parametrize("url", ["/contests/999999/", "/contests/entries/999999/edit/", "/contests/jury/999999/",
                                 "/contests/abc/", "/contests/1/nothing.pdf"])  # fmt: skip
def test_error_pages_are_russian(head_user, url):
    client = client_of(head_user)
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Not Found" not in page and "<html" in page.lower()


def test_get_on_a_post_only_url_is_russian(contest, head_user):
    response = client_of(head_user).get(reverse("contests:publish", args=[contest.pk]))
    assert response.status_code == 405
    assert "Method Not Allowed" not in response.content.decode()


def test_the_jury_guest_and_person_together_is_a_russian_message(contest, head_user):
    data = setup_data(contest)
    data["jury-0-guest"] = "Гость"
    response = setup_post(head_user, contest, data)
    assert response.status_code == 400 and "вместо него" in response.content.decode()
    assert JuryMember.objects.filter(contest=contest, guest="Гость").count() == 0
