"""Every URL under /contests/ as every role, and forged POST fields: a foreign id must change nothing and answer
403/404 or a Russian message."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from contests.models import Category, Contest, Criterion, Entry, JuryMember, Score
from events.models import Event, Plan, Section
from members.models import Account, Person, School
from tests.conftest import make_account, versioned

from .helpers import client_of, management, open_until, setup_data

pytestmark = pytest.mark.django_db


def foreign_contest(other_association):
    """A contest of another association, with a category, a criterion, a jury member, a school and an entry."""
    plan = Plan.objects.create(association=other_association, year_start=2023)
    section = Section.objects.create(plan=plan, position=1, title="Раздел")
    event = Event.objects.create(section=section, position=1, title="Чужой конкурс")
    contest = Contest.objects.create(event=event)
    category = Category.objects.create(contest=contest, position=1, title="Чужая номинация")
    Criterion.objects.create(contest=contest, position=1, title="Чужой критерий")
    JuryMember.objects.create(contest=contest, position=1, guest="Чужой гость")
    school = School.objects.create(association=other_association, name="Чужая школа", short_name="Чужая СОШ")
    Entry.objects.create(contest=contest, school=school, category=category, surname="Чужая", first_name="Анна",
                         grade=5, work_title="Чужая работа")  # fmt: skip
    return contest


def urls_of(contest):
    entry = contest.entries.first()
    jury = contest.jury.first()
    pk = contest.pk
    get_urls = [
        reverse("contests:contest", args=[pk]),
        reverse("contests:setup", args=[pk]),
        reverse("contests:rules_file", args=[pk]),
        reverse("contests:background", args=[pk]),
        reverse("contests:entry_add", args=[pk]),
        reverse("contests:entries_upload", args=[pk]),
        reverse("contests:entries_template", args=[pk]),
        reverse("contests:results", args=[pk]),
        reverse("contests:document", args=[pk, "protocol.pdf"]),
        reverse("contests:document", args=[pk, "protocol.docx"]),
        reverse("contests:document", args=[pk, "results.xlsx"]),
        reverse("contests:document", args=[pk, "../../etc/passwd"])
        if False
        else f"/contests/{pk}/secrets.txt",
        reverse("contests:entry_edit", args=[entry.pk]),
        reverse("contests:work_file", args=[entry.pk]),
        reverse("contests:score_sheet", args=[jury.pk]),
    ]
    post_urls = [
        reverse("contests:copy", args=[pk]),
        reverse("contests:reopen", args=[pk]),
        reverse("contests:unconfirm", args=[pk]),
        reverse("contests:publish", args=[pk]),
        reverse("contests:entry_delete", args=[entry.pk]),
    ]
    return get_urls, post_urls


def test_a_visitor_is_sent_to_sign_in_from_every_url(filled_contest):
    visitor = Client()
    get_urls, post_urls = urls_of(filled_contest)
    for url in get_urls + ["/contests/"]:
        response = visitor.get(url)
        assert (
            response.status_code == 302 and "/login" in response["Location"] or response.status_code == 404
        ), (
            url,
            response.status_code,
        )
    for url in post_urls:
        response = visitor.post(url, {"publish": "1", "reopened": "1"})
        assert response.status_code in (302, 404) and Entry.objects.count() == 6, url


def test_another_association_reaches_nothing_of_ours_by_any_url(filled_contest, other_head_user):
    outsider = client_of(other_head_user)
    get_urls, post_urls = urls_of(filled_contest)
    for url in get_urls:
        assert outsider.get(url).status_code == 404, url
    for url in post_urls:
        assert outsider.post(url, {"publish": "1", "reopened": "1"}).status_code == 404, url
    assert Entry.objects.count() == 6


def test_our_head_reaches_nothing_of_another_associations_contest(
    filled_contest, head_user, other_association
):
    theirs = foreign_contest(other_association)
    head = client_of(head_user)
    get_urls, post_urls = urls_of(theirs)
    for url in get_urls:
        assert head.get(url).status_code == 404, url
    for url in post_urls:
        assert head.post(url, {"publish": "1", "reopened": "1"}).status_code == 404, url
    assert theirs.entries.count() == 1


@pytest.mark.parametrize("role", ["viewer", "coordinator", "librarian"])
def test_readers_change_nothing(filled_contest, role, viewer_user, coordinator_user, librarian_user):
    user = {"viewer": viewer_user, "coordinator": coordinator_user, "librarian": librarian_user}[role]
    reader = client_of(user)
    get_urls, post_urls = urls_of(filled_contest)
    entry = Entry.objects.get(surname="Ли")  # school B's
    for url in post_urls + [reverse("contests:entry_delete", args=[entry.pk])]:
        status = reader.post(url, {"publish": "1", "reopened": "1"}).status_code
        assert status in (403, 404), (url, status)
    guest = filled_contest.jury.get(position=2)
    status = reader.post(reverse("contests:score_sheet", args=[guest.pk]), {}).status_code
    assert status in (403, 404)
    setup = reader.post(
        reverse("contests:setup", args=[filled_contest.pk]), setup_data(filled_contest, places="1")
    )
    assert setup.status_code in (403, 404)
    filled_contest.refresh_from_db()
    assert Entry.objects.count() == 6 and filled_contest.places == 3 and not filled_contest.reopened


def test_the_committee_cannot_add_an_entry(contest, viewer_user, school):
    open_until(contest)
    response = client_of(viewer_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {"school": school.pk, "category": contest.categories.first().pk, "surname": "Комитетская",
         "first_name": "Анна", "grade": "5", "work_title": "Стих"},
    )  # fmt: skip
    assert response.status_code in (403, 404)
    assert not Entry.objects.exists()


def test_a_librarian_forges_a_category_of_another_contest(contest, librarian_user, other_association):
    open_until(contest)
    theirs = foreign_contest(other_association)
    response = client_of(librarian_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {"category": theirs.categories.first().pk, "surname": "Иванова", "first_name": "Мария", "grade": "5",
         "work_title": "Стих"},
    )  # fmt: skip
    assert response.status_code == 400 and not contest.entries.exists()
    page = response.content.decode()
    assert "Select a valid choice" not in page and "Выберите корректный вариант" in page


def test_a_librarian_forges_a_mentor_of_another_association(contest, librarian_user, other_association):
    open_until(contest)
    stranger = Person.objects.create(association=other_association, surname="Чужая", initials="А.А.")
    response = client_of(librarian_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {"category": contest.categories.first().pk, "surname": "Иванова", "first_name": "Мария", "grade": "5",
         "work_title": "Стих", "mentor": stranger.pk},
    )  # fmt: skip
    assert response.status_code == 400 and not Entry.objects.exists()


def test_a_librarian_enters_a_librarian_of_another_school_in_a_contest_for_librarians(
    contest, librarian_user, other_librarian_user
):
    open_until(contest)
    contest.for_librarians = True
    contest.save()
    sadovnikova = other_librarian_user.account.person  # school B
    response = client_of(librarian_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {
            "category": contest.categories.first().pk,
            "participant": sadovnikova.pk,
            "work_title": "Разработка",
        },
    )
    assert response.status_code == 400 and not Entry.objects.exists()


def test_the_head_enters_school_bs_librarian_for_school_a(contest, head_user, school, other_librarian_user):
    """In a contest for librarians the head picks the school and the participant independently: Садовникова of
    school B can be entered as school A's participant, and school A's certificates/panel then name her."""
    contest.for_librarians = True
    contest.save()
    sadovnikova = other_librarian_user.account.person
    client_of(head_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {"school": school.pk, "category": contest.categories.first().pk, "participant": sadovnikova.pk,
         "work_title": "Разработка"},
    )  # fmt: skip
    assert not Entry.objects.filter(school=school, participant=sadovnikova).exists(), (
        "an entry of school A names a librarian of school B as its participant"
    )


def test_a_librarian_moves_her_entry_into_another_school_by_a_forged_field(filled_contest, librarian_user):
    open_until(filled_contest)
    mine = Entry.objects.get(surname="Иванова")
    school_b = School.objects.get(short_name="МАОУ СОШ № 2")
    data = versioned(mine, {"school": school_b.pk, "category": mine.category_id, "surname": "Иванова",
                            "first_name": "Мария", "grade": "5", "work_title": "Стих"})  # fmt: skip
    client_of(librarian_user).post(reverse("contests:entry_edit", args=[mine.pk]), data)
    mine.refresh_from_db()
    assert mine.school.short_name == "МАОУ СОШ № 1"


def test_the_head_forges_a_school_of_another_association(contest, head_user, other_association):
    theirs = School.objects.create(association=other_association, name="Чужая", short_name="Чужая СОШ")
    response = client_of(head_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {"school": theirs.pk, "category": contest.categories.first().pk, "surname": "Иванова",
         "first_name": "Мария", "grade": "5", "work_title": "Стих"},
    )  # fmt: skip
    assert response.status_code == 400 and not Entry.objects.exists()


def test_the_head_uploads_a_table_for_a_school_of_another_association(contest, head_user, other_association):
    from .test_uploads import upload, workbook_bytes

    theirs = School.objects.create(association=other_association, name="Чужая", short_name="Чужая СОШ")
    data = workbook_bytes([["Фамилия", "Имя", "Класс", "Номинация", "Название работы"],
                           ["Иванова", "Мария", 5, "5–8 классы", "Стих"]])  # fmt: skip
    response = client_of(head_user).post(
        reverse("contests:entries_upload", args=[contest.pk]), {"school": theirs.pk, "file": upload(data)}
    )
    assert response.status_code == 400 and not Entry.objects.exists()


def test_setup_with_forged_ids_of_another_contests_rows(filled_contest, head_user, other_association):
    theirs = foreign_contest(other_association)
    their_category = theirs.categories.get()
    their_jury = theirs.jury.get()
    data = setup_data(filled_contest)
    data["categories-0-id"] = str(their_category.pk)
    data["categories-0-title"] = "Захвачено"
    data["jury-1-id"] = str(their_jury.pk)
    data["jury-1-guest"] = "Захвачено"
    data["jury-1-DELETE"] = "on"
    client_of(head_user).post(reverse("contests:setup", args=[filled_contest.pk]), data)
    their_category.refresh_from_db()
    assert their_category.title == "Чужая номинация" and their_category.contest_id == theirs.pk
    assert JuryMember.objects.filter(pk=their_jury.pk, guest="Чужой гость", contest=theirs).exists()


def test_setup_with_a_jury_person_of_another_association(contest, head_user, other_association):
    stranger = Person.objects.create(association=other_association, surname="Чужая", initials="А.А.")
    data = setup_data(contest)
    data.update(management("jury", 3, 2))
    data["jury-2-person"] = str(stranger.pk)
    response = client_of(head_user).post(reverse("contests:setup", args=[contest.pk]), data)
    assert response.status_code == 400
    assert not JuryMember.objects.filter(person=stranger).exists()


def test_score_fields_for_entries_of_another_contest_are_ignored(
    filled_contest, head_user, other_association
):
    theirs = foreign_contest(other_association)
    their_entry = theirs.entries.get()
    their_criterion = theirs.criteria.get()
    guest = filled_contest.jury.get(position=2)
    from .helpers import sheet_data

    data = sheet_data(filled_contest)
    data[f"score-{their_entry.pk}-{their_criterion.pk}"] = "10"
    client_of(head_user).post(reverse("contests:score_sheet", args=[guest.pk]), data)
    assert not Score.objects.filter(entry=their_entry).exists()


def test_a_librarian_jury_member_sees_edit_links_only_for_what_she_may_edit(
    contest, association, school, other_school
):
    """A librarian of school A on the jury sees every school's entries (as the jury must) — but the page offers
    «Изменить» on school B's entries too, which then answer 404/403."""
    open_until(contest)
    person = Person.objects.create(association=association, surname="Ершова", initials="Т.П.", school=school)
    user = make_account(association, Account.Role.LIBRARIAN, "ershova", person)
    JuryMember.objects.create(contest=contest, position=3, person=person)
    theirs = Entry.objects.create(contest=contest, school=other_school, category=contest.categories.first(),
                                  surname="Ли", first_name="Ким", grade=7, work_title="Стих")  # fmt: skip
    juror = client_of(user)
    page = juror.get(contest.get_absolute_url()).content.decode()
    edit_url = reverse("contests:entry_edit", args=[theirs.pk])
    status = juror.get(edit_url).status_code
    assert not (edit_url in page and status != 200), (
        f"the page links «Изменить» to school B's entry, and that link answers {status}"
    )


def test_a_deadline_of_today_still_accepts(contest, librarian_user):
    from django.utils import timezone

    contest.entry_deadline = timezone.localdate()
    contest.save()
    response = client_of(librarian_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {"category": contest.categories.first().pk, "surname": "Иванова", "first_name": "Мария", "grade": "5",
         "work_title": "Стих"},
    )  # fmt: skip
    assert response.status_code == 302 and Entry.objects.count() == 1


def test_a_deadline_of_yesterday_refuses_the_upload_too(contest, librarian_user):
    from .test_uploads import upload, workbook_bytes

    contest.entry_deadline = datetime.date.today() - datetime.timedelta(days=1)
    contest.save()
    data = workbook_bytes([["Фамилия", "Имя", "Класс", "Номинация", "Название работы"],
                           ["Иванова", "Мария", 5, "5–8 классы", "Стих"]])  # fmt: skip
    response = client_of(librarian_user).post(
        reverse("contests:entries_upload", args=[contest.pk]), {"file": upload(data)}
    )
    assert response.status_code == 403 and not Entry.objects.exists()


@pytest.mark.parametrize("url_name", ["results", "protocol.docx", "results.xlsx"])
def test_a_librarian_does_not_see_another_schools_entries_before_the_places_are_confirmed(
    filled_contest, librarian_user, url_name
):
    """README: «Библиотекарь видит и меняет только заявки своей школы»: before the places are confirmed the
    results page shows her own school's only, and the documents (which list every school) are refused."""

    librarian = client_of(librarian_user)
    assert "Ли Ким" not in librarian.get(filled_contest.get_absolute_url()).content.decode()
    if url_name != "results":  # the documents list every school: refused until the places are confirmed
        response = librarian.get(reverse("contests:document", args=[filled_contest.pk, url_name]))
        assert response.status_code == 403
        return
    text = librarian.get(reverse("contests:results", args=[filled_contest.pk])).content.decode()
    assert "Ли" not in text.split() and "Ли Ким" not in text, (
        f"school A's librarian reads school B's pupil «Ли Ким» in {url_name} before the places are confirmed"
    )
