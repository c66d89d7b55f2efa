"""The contest's pages through their URLs: the head sets a contest up, librarians enter their school's pupils
before the deadline and only theirs, the jury scores, the head confirms the places (ties share one) and
publishes — the event is «проведено» and the winners show on the published plan."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contests import services
from contests.models import Contest, Entry, JuryMember, Score
from core.years import academic_year_of
from events.models import Event
from members.models import Account, Person, School
from tests.conftest import make_account, versioned

pytestmark = pytest.mark.django_db


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def open_until(contest, days=7):
    contest.entry_deadline = timezone.localdate() + datetime.timedelta(days=days)
    contest.save()
    return contest


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }


def test_head_makes_a_plan_event_a_contest_with_categories_criteria_and_jury(plan, head_user):
    event = Event.objects.get(section__plan=plan, title="Конкурс юных поэтов")
    head = client_of(head_user)
    listing = head.get(reverse("contests:list"))
    assert "Сделать конкурсом" in listing.content.decode()
    assert head.get(reverse("contests:setup", args=[event.pk])).status_code == 200
    assert not Contest.objects.exists()  # opening the page writes nothing
    data = {
        "level": "municipal",
        "entry_deadline": "2024-03-01",
        "places": "3",
        "participant_award": "certificate",
        "layout": "classic",
        "rules": "Читают наизусть.",
        **management("stages", 1),
        "stages-0-title": "Школьный этап",
        "stages-0-starts_on": "2024-02-01",
        "stages-0-ends_on": "2024-02-20",
        **management("categories", 2),
        "categories-0-title": "5–8 классы",
        "categories-0-grade_from": "5",
        "categories-0-grade_to": "8",
        "categories-1-title": "9–11 классы",
        "categories-1-grade_from": "9",
        "categories-1-grade_to": "11",
        **management("criteria", 3),
        "criteria-0-title": "Знание текста",
        "criteria-0-max_score": "10",
        "criteria-1-title": "Выразительность",
        "criteria-1-max_score": "10",
        "criteria-2-title": "Культура",
        "criteria-2-max_score": "5",
        **management("jury", 2),
        "jury-0-person": str(head_user.account.person.pk),
        "jury-0-is_chair": "on",
        "jury-1-guest": "Орлова Н.П., методист",
    }
    response = head.post(reverse("contests:setup", args=[event.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    contest = Contest.objects.get(event=event)
    assert [c.title for c in contest.categories.all()] == ["5–8 классы", "9–11 классы"]
    assert [(c.title, c.max_score) for c in contest.criteria.all()] == [
        ("Знание текста", 10),
        ("Выразительность", 10),
        ("Культура", 5),
    ]
    assert [m.name for m in contest.jury.all()] == ["Саблина В.И.", "Орлова Н.П., методист"]
    assert contest.stages.get().ends_on == datetime.date(2024, 2, 20)
    page = head.get(contest.get_absolute_url()).content.decode()
    assert "до 1 марта 2024 г. включительно" in page and "Знание текста — до 10 баллов" in page


def test_setup_keeps_what_was_typed_when_a_range_is_wrong(plan, head_user):
    event = Event.objects.get(section__plan=plan, title="Конкурс юных поэтов")
    data = {
        "level": "municipal",
        "places": "3",
        "participant_award": "certificate",
        "layout": "classic",
        **management("stages"),
        **management("categories", 1),
        "categories-0-title": "Старшие",
        "categories-0-grade_from": "9",
        "categories-0-grade_to": "5",
        **management("criteria"),
        **management("jury"),
    }
    response = client_of(head_user).post(reverse("contests:setup", args=[event.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Последний класс меньше первого." in page and 'value="Старшие"' in page
    assert not Contest.objects.exists()


def test_a_librarian_enters_her_pupil_before_the_deadline(contest, librarian_user):
    open_until(contest)
    category = contest.categories.get(position=1)
    response = client_of(librarian_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {
            "category": category.pk,
            "surname": "Иванова",
            "first_name": "Мария",
            "grade": "5",
            "work_title": "А. Пушкин «Зимнее утро»",
            "mentor_text": "Петрова Анна Сергеевна",
            "school": School.objects.get(short_name="МАОУ СОШ № 2").pk,  # a forged school: ignored
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert entry.school.short_name == "МАОУ СОШ № 1" and entry.mentor_name == "Петрова Анна Сергеевна"


def test_a_grade_outside_the_category_is_refused_and_the_form_keeps_the_typing(contest, librarian_user):
    open_until(contest)
    response = client_of(librarian_user).post(
        reverse("contests:entry_add", args=[contest.pk]),
        {
            "category": contest.categories.get(position=1).pk,
            "surname": "Петров",
            "first_name": "Иван",
            "grade": "10",
            "work_title": "Басня",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "принимаются 5–8 классы, а не 10 класс" in page and 'value="Петров"' in page
    assert not Entry.objects.exists()


def test_a_late_entry_is_refused_until_the_head_reopens(contest, librarian_user, head_user):
    contest.entry_deadline = timezone.localdate() - datetime.timedelta(days=1)
    contest.save()
    librarian = client_of(librarian_user)
    data = {
        "category": contest.categories.get(position=1).pk,
        "surname": "Поздняя",
        "first_name": "Анна",
        "grade": "6",
        "work_title": "Стихи",
    }
    late = librarian.post(reverse("contests:entry_add", args=[contest.pk]), data)
    assert late.status_code == 403 and "принимались до" in late.content.decode()
    assert not Entry.objects.exists()
    assert (
        client_of(head_user)
        .post(reverse("contests:reopen", args=[contest.pk]), {"reopened": "1"})
        .status_code
        == 302
    )
    assert librarian.post(reverse("contests:entry_add", args=[contest.pk]), data).status_code == 302
    assert Entry.objects.filter(surname="Поздняя").exists()


def test_a_late_librarian_cannot_change_or_delete_her_entry(filled_contest, librarian_user):
    entry = Entry.objects.get(surname="Иванова")
    librarian = client_of(librarian_user)
    assert (
        librarian.post(reverse("contests:entry_edit", args=[entry.pk]), {"surname": "Сидорова"}).status_code
        == 403
    )
    assert librarian.post(reverse("contests:entry_delete", args=[entry.pk])).status_code == 403
    entry.refresh_from_db()
    assert entry.surname == "Иванова"


def test_a_librarian_cannot_touch_another_schools_entries(filled_contest, librarian_user):
    open_until(filled_contest)
    theirs = Entry.objects.get(surname="Ли")  # school B's
    librarian = client_of(librarian_user)
    assert librarian.get(reverse("contests:entry_edit", args=[theirs.pk])).status_code == 404
    assert librarian.post(reverse("contests:entry_delete", args=[theirs.pk])).status_code == 404
    assert librarian.get(reverse("contests:work_file", args=[theirs.pk])).status_code == 404
    page = librarian.get(filled_contest.get_absolute_url()).content.decode()
    assert "Иванова Мария" in page and "Ли Ким" not in page  # her own school's list only
    assert Entry.objects.filter(pk=theirs.pk, surname="Ли").exists()


def test_another_associations_head_reaches_nothing(filled_contest, other_head_user):
    outsider = client_of(other_head_user)
    entry = Entry.objects.get(surname="Иванова")
    for url in [
        reverse("contests:contest", args=[filled_contest.pk]),
        reverse("contests:setup", args=[filled_contest.pk]),
        reverse("contests:results", args=[filled_contest.pk]),
        reverse("contests:entry_edit", args=[entry.pk]),
        reverse("contests:score_sheet", args=[filled_contest.jury.first().pk]),
    ]:
        assert outsider.get(url).status_code == 404, url
    assert (
        outsider.post(reverse("contests:publish", args=[filled_contest.pk]), {"publish": "1"}).status_code
        == 404
    )


def sheet_data(contest, jury, values):
    data = {}
    for entry in contest.entries.all():
        for criterion in contest.criteria.all():
            data[f"score-{entry.pk}-{criterion.pk}"] = values.get((entry.surname, criterion.position), "")
    return data


def test_a_jury_member_from_the_data_bank_scores_on_her_own_sheet(contest, school, association):
    open_until(contest)
    person = Person.objects.create(association=association, surname="Ершова", initials="Т.П.", school=school)
    user = make_account(association, Account.Role.LIBRARIAN, "ershova", person)
    mine = JuryMember.objects.create(contest=contest, position=3, person=person)
    Entry.objects.create(contest=contest, school=school, category=contest.categories.first(), surname="Иванова",
                         first_name="Мария", grade=5, work_title="Стих")  # fmt: skip
    juror = client_of(user)
    response = juror.post(
        reverse("contests:score_sheet", args=[mine.pk]), sheet_data(contest, mine, {("Иванова", 1): "9.5"})
    )
    assert response.status_code == 302
    assert Score.objects.get(jury=mine).value == Decimal("9.5")
    again = juror.get(reverse("contests:score_sheet", args=[mine.pk])).content.decode()
    assert 'value="9.5"' in again  # a number input takes the point, not the Russian comma
    guest = contest.jury.get(position=2)
    assert juror.get(reverse("contests:score_sheet", args=[guest.pk])).status_code == 403  # not hers


def test_a_score_above_the_criterions_maximum_saves_nothing(contest, head_user, school):
    Entry.objects.create(contest=contest, school=school, category=contest.categories.first(), surname="Иванова",
                         first_name="Мария", grade=5, work_title="Стих")  # fmt: skip
    guest = contest.jury.get(position=2)
    response = client_of(head_user).post(
        reverse("contests:score_sheet", args=[guest.pk]),
        sheet_data(contest, guest, {("Иванова", 1): "8", ("Иванова", 3): "7"}),  # criterion 3 is out of 5
    )
    assert response.status_code == 400 and "Ничего не сохранено" in response.content.decode()
    assert not Score.objects.exists()


def test_ties_share_a_place_the_head_adjusts_and_publishing_marks_the_event_done(
    filled_contest, head_user, client
):
    head = client_of(head_user)
    page = head.get(reverse("contests:results", args=[filled_contest.pk])).content.decode()
    assert "24,5" in page and "22" in page
    entries = {e.surname: e for e in filled_contest.entries.all()}
    data = {f"place-{e.pk}": "" for e in entries.values()}
    data.update(
        {
            f"place-{entries['Иванова'].pk}": "1",
            f"place-{entries['Ли'].pk}": "2",
            f"place-{entries['Петров'].pk}": "2",
            f"place-{entries['Черных'].pk}": "1",
            f"place-{entries['Гусь'].pk}": "3",
        }
    )  # fmt: skip  (the head lowers Гусь from II to III)
    assert head.post(reverse("contests:results", args=[filled_contest.pk]), data).status_code == 302
    places = dict(filled_contest.entries.values_list("surname", "place"))
    assert places == {"Иванова": 1, "Ли": 2, "Петров": 2, "Шевченко": None, "Черных": 1, "Гусь": 3}
    plan = filled_contest.plan
    plan.status = plan.Status.PUBLISHED
    plan.save()
    public_url = reverse("events:plan", args=[plan.association.slug, plan.year_name])
    assert "Итоги конкурса" not in client.get(public_url).content.decode()  # not published yet
    assert (
        head.post(reverse("contests:publish", args=[filled_contest.pk]), {"publish": "1"}).status_code == 302
    )
    filled_contest.event.refresh_from_db()
    assert filled_contest.event.status == Event.Status.DONE
    public = client.get(public_url).content.decode()
    assert "Итоги конкурса" in public
    assert "I место — Иванова Мария, 5 класс, МАОУ СОШ № 1" in public
    assert "II место — Ли Ким, 7 класс, МАОУ СОШ № 2" in public
    assert "Шевченко" not in public  # a participant without a place is not listed


def test_publishing_before_the_places_are_confirmed_is_refused(filled_contest, head_user):
    response = client_of(head_user).post(
        reverse("contests:publish", args=[filled_contest.pk]), {"publish": "1"}, follow=True
    )
    assert "Сначала утвердите места" in response.content.decode()
    filled_contest.refresh_from_db()
    assert not filled_contest.published


def this_year(contest):
    """The school's page shows the current academic year's contests: the contest's plan made this year's."""
    plan = contest.plan
    plan.year_start = academic_year_of(timezone.localdate())
    plan.save()


def test_the_school_page_shows_its_entries_and_places(filled_contest, head_user, librarian_user):
    from contests import services

    services.confirm_places(filled_contest, {})
    this_year(filled_contest)
    school_b = School.objects.get(short_name="МАОУ СОШ № 2")
    page = client_of(librarian_user).get(reverse("members:school", args=[school_b.pk])).content.decode()
    assert "Ли Ким" in page and "II место" in page and "Шевченко Ольга" in page


def test_school_page_hides_another_schools_unconfirmed_entries(filled_contest, librarian_user):
    this_year(filled_contest)
    school_b = School.objects.get(short_name="МАОУ СОШ № 2")
    page = client_of(librarian_user).get(reverse("members:school", args=[school_b.pk])).content.decode()
    assert "Ли Ким" not in page


def test_the_head_copies_last_years_contest_of_the_same_name(filled_contest, head_user):
    plan = filled_contest.plan
    from events import services as plan_services

    next_plan = plan_services.copy_to_next_year(plan)
    event = Event.objects.get(section__plan=next_plan, title="Конкурс юных поэтов")
    fresh = Contest.objects.create(event=event)
    response = client_of(head_user).post(reverse("contests:copy", args=[fresh.pk]))
    assert response.status_code == 302
    fresh.refresh_from_db()
    assert [c.title for c in fresh.categories.all()] == ["5–8 классы", "9–11 классы"]
    assert fresh.criteria.count() == 3 and fresh.jury.count() == 2
    assert fresh.entry_deadline == datetime.date(2025, 3, 1)
    assert fresh.entries.count() == 0 and filled_contest.entries.count() == 6


def test_versioned_edit_of_an_entry(filled_contest, head_user):
    entry = Entry.objects.get(surname="Иванова")
    data = versioned(entry, {"school": entry.school_id, "category": entry.category_id, "surname": "Иванова",
                             "first_name": "Марина", "grade": "5", "work_title": "Стих"})  # fmt: skip
    assert client_of(head_user).post(reverse("contests:entry_edit", args=[entry.pk]), data).status_code == 302
    entry.refresh_from_db()
    assert entry.first_name == "Марина"


def test_a_librarian_downloads_her_schools_certificates_and_the_head_the_whole_file(
    filled_contest, head_user, librarian_user
):
    from contests import certificates
    from tests.reports.conftest import pdf_pages

    services.confirm_places(filled_contest, {})
    head = client_of(head_user)
    assert head.post(reverse("contests:issue", args=[filled_contest.pk])).status_code == 302
    url = reverse("contests:certificates", args=[filled_contest.pk])
    whole = b"".join(head.get(url).streaming_content)
    assert len(pdf_pages(whole)) == filled_contest.certificates.count() == 10
    response = client_of(librarian_user).get(url)
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    school = librarian_user.account.person.school
    assert len(pages) == len(list(certificates.certificates_for(filled_contest, school))) == 5
    text = " ".join(pages)
    assert "Иванова Мария" in text and "Ли Ким" not in text and "Шевченко" not in text
