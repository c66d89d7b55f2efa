"""The meeting's pages: details, agenda with decisions, attendance, materials, publishing; who may do what beyond
the role matrix (the secretary edits, the person responsible marks her decision, nobody else)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from events.models import Event
from meetings.models import AgendaItem, Attendance, Decision, Material, Meeting
from members.models import Account, Person
from tests.conftest import make_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(plan):
    event = Event.objects.filter(section__plan=plan).order_by("pk").first()
    Event.objects.filter(pk=event.pk).update(meeting_number=1)
    event.refresh_from_db()
    return event


def page(client, event):
    response = client.get(reverse("meetings:meeting", args=[event.pk]))
    assert response.status_code == 200
    return response.content.decode()


def item_data(title="О плане работы на год", heard="", decisions=(), **fields):
    data = {
        "title": title,
        "speaker": "",
        "speaker_text": "",
        "heard": heard,
        "spoke": "",
        "decisions-TOTAL_FORMS": str(max(len(decisions), 2)),
        "decisions-INITIAL_FORMS": "0",
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "30",
        **fields,
    }
    for index, decision in enumerate(decisions):
        for key, value in decision.items():
            data[f"decisions-{index}-{key}"] = value
    return data


def test_an_event_marked_as_a_meeting_has_an_empty_page_until_filled(head_client, event):
    html = page(head_client, event)
    assert "Заседание № 1" in html
    assert "Явка ещё не отмечена" in html
    assert not Meeting.objects.exists()  # reading writes nothing


def test_an_event_that_is_no_meeting_has_no_meeting_page(head_client, plan):
    other = Event.objects.filter(section__plan=plan, meeting_number=None).first()
    assert head_client.get(reverse("meetings:meeting", args=[other.pk])).status_code == 404


def test_the_head_fills_in_the_details(head_client, event, librarian_user):
    secretary = librarian_user.account.person
    response = head_client.post(
        reverse("meetings:edit", args=[event.pk]),
        {"held_on": "2023-09-11", "starts_at": "15:00", "place": "МАОУ СОШ № 1, библиотека", "chair": "",
         "secretary": secretary.pk, "version": ""},
    )  # fmt: skip
    assert response.status_code == 302
    meeting = Meeting.objects.get(pk=event.pk)
    assert (meeting.held_on, meeting.secretary, meeting.place) == (
        datetime.date(2023, 9, 11),
        secretary,
        "МАОУ СОШ № 1, библиотека",
    )
    assert "11 сентября 2023 г." in page(head_client, event)


def test_a_person_of_another_association_cannot_be_the_secretary(head_client, event, other_association):
    stranger = Person.objects.create(association=other_association, surname="Чужая", initials="А.А.")
    response = head_client.post(
        reverse("meetings:edit", args=[event.pk]), {"held_on": "", "secretary": stranger.pk, "version": ""}
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_an_agenda_item_with_its_decisions(head_client, event, librarian_user):
    lib = librarian_user.account.person
    response = head_client.post(
        reverse("meetings:item_add", args=[event.pk]),
        item_data(
            heard="Саблина В.И. представила проект плана.",
            decisions=[
                {
                    "text": "Утвердить план работы",
                    "votes_for": "12",
                    "votes_against": "0",
                    "votes_abstained": "1",
                },
                {"text": "Уточнить банк данных", "responsible": lib.pk, "deadline": "2023-10-01"},
            ],
        ),
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    decisions = list(item.decisions.all())
    assert [(d.number, d.text) for d in decisions] == [
        ("1.1", "Утвердить план работы"),
        ("1.2", "Уточнить банк данных"),
    ]
    assert decisions[0].votes_text() == "за — 12, против — 0, воздержались — 1"
    assert decisions[1].is_tracked
    html = page(head_client, event)
    assert "1.2. Уточнить банк данных" in html and "1 октября 2023 г." in html


def test_a_title_of_200000_characters_is_refused_and_nothing_is_written(head_client, event):
    response = head_client.post(reverse("meetings:item_add", args=[event.pk]), item_data(title="О" * 200_000))
    assert response.status_code == 200
    assert "не более 1000 символов (сейчас 200000)" in response.content.decode()
    assert not AgendaItem.objects.exists() and not Meeting.objects.exists()


def test_more_decisions_than_allowed_are_refused(head_client, event):
    data = item_data(decisions=[{"text": f"Решение {n}"} for n in range(40)])
    response = head_client.post(reverse("meetings:item_add", args=[event.pk]), data)
    assert response.status_code == 200
    assert not Decision.objects.exists()


def test_attendance_counts_and_the_event_becomes_held(
    head_client, event, librarian_user, other_librarian_user, other_association
):
    present, absent = librarian_user.account.person, other_librarian_user.account.person
    stranger = Person.objects.create(association=other_association, surname="Чужая", initials="А.А.")
    head_client.post(reverse("meetings:item_add", args=[event.pk]), item_data(heard="Доклад."))
    response = head_client.post(
        reverse("meetings:attendance", args=[event.pk]),
        {f"present-{present.pk}": "1", f"reason-{absent.pk}": "курсы повышения квалификации",
         f"present-{stranger.pk}": "1", "guests": "Иванова А.А., методист МКУ «ЦРО»"},
    )  # fmt: skip
    assert response.status_code == 302
    marks = {mark.person_id: mark for mark in Attendance.objects.all()}
    assert stranger.pk not in marks  # another association's librarian is never on the list
    assert marks[present.pk].present and not marks[absent.pk].present
    assert marks[absent.pk].reason == "курсы повышения квалификации"
    html = page(head_client, event)
    assert "присутствовали 1 из 2" in html
    assert "Иванова А.А., методист МКУ «ЦРО»" in html
    event.refresh_from_db()
    assert event.status == Event.Status.DONE  # the protocol is filled in: the plan says «проведено»


def test_the_secretary_edits_the_responsible_marks_only_her_decision(
    event, librarian_user, other_librarian_user, school
):
    secretary = librarian_user.account.person
    responsible = other_librarian_user.account.person
    third = make_account(
        event.section.plan.association,
        Account.Role.LIBRARIAN,
        "librarian-c",
        Person.objects.create(
            association=event.section.plan.association, surname="Третья", initials="В.В.", school=school
        ),
    )
    meeting = Meeting.objects.create(event=event, secretary=secretary)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="О плане")
    decision = Decision.objects.create(item=item, position=1, text="Сделать", responsible=responsible,
                                       deadline=datetime.date(2024, 1, 1))  # fmt: skip
    clients = {}
    for name, user in [
        ("secretary", librarian_user),
        ("responsible", other_librarian_user),
        ("third", third),
    ]:
        clients[name] = Client()
        clients[name].force_login(user)
    edit = reverse("meetings:item_edit", args=[item.pk])
    assert clients["secretary"].get(edit).status_code == 200
    assert clients["responsible"].get(edit).status_code == 403
    assert clients["third"].post(reverse("meetings:decision_done", args=[decision.pk])).status_code == 403
    decision.refresh_from_db()
    assert decision.done_on is None
    assert (
        clients["responsible"].post(reverse("meetings:decision_done", args=[decision.pk])).status_code == 302
    )
    decision.refresh_from_db()
    assert decision.done_on is not None
    assert (
        clients["secretary"].post(reverse("meetings:publish", args=[event.pk]), {"publish": "1"}).status_code
        == 403
    )


def test_a_librarian_of_another_association_reaches_nothing(event, other_association):
    outsider = make_account(other_association, Account.Role.LIBRARIAN, "outsider-lib")
    client = Client()
    client.force_login(outsider)
    meeting = Meeting.objects.create(event=event)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="О плане")
    assert client.get(reverse("meetings:meeting", args=[event.pk])).status_code == 404
    assert client.post(reverse("meetings:item_delete", args=[item.pk])).status_code == 404
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_materials_limits(head_client, event, media_root):
    url = reverse("meetings:material_add", args=[event.pk])
    ok = head_client.post(
        url, {"file": SimpleUploadedFile("презентация.pptx", b"PK\x03\x04" + b"x" * 100)}, follow=True
    )
    assert "Файл приложен" in ok.content.decode()
    fake = head_client.post(
        url, {"file": SimpleUploadedFile("доклад.pdf", b"MZ\x90\x00 not a pdf")}, follow=True
    )
    assert "не похож на PDF" in fake.content.decode()
    exe = head_client.post(url, {"file": SimpleUploadedFile("setup.exe", b"MZ\x90\x00")}, follow=True)
    assert "Можно загрузить PDF" in exe.content.decode()
    big = head_client.post(
        url, {"file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))}, follow=True
    )
    assert "больше 20 МБ" in big.content.decode()
    assert Material.objects.count() == 1
    material = Material.objects.get()
    download = head_client.get(reverse("meetings:material", args=[material.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_a_published_protocol_shows_on_the_published_plan_without_the_attendance(
    head_client, event, published_plan, librarian_user
):
    lib = librarian_user.account.person
    meeting = Meeting.objects.create(event=event, held_on=datetime.date(2023, 9, 11))
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="О плане работы на год")
    Decision.objects.create(item=item, position=1, text="Утвердить план работы")
    Attendance.objects.create(meeting=meeting, person=lib, present=True)
    visitor = Client()
    plan_url = published_plan.get_absolute_url()
    assert "Утвердить план работы" not in visitor.get(plan_url).content.decode()
    head_client.post(reverse("meetings:publish", args=[event.pk]), {"publish": "1"})
    html = visitor.get(plan_url).content.decode()
    assert "Протокол № 1 от 11 сентября 2023 г." in html
    assert "1.1. Утвердить план работы" in html
    assert lib.printed_name not in html  # no attendance list
    assert visitor.get(reverse("meetings:meeting", args=[event.pk])).status_code == 302  # to the login page


def test_the_next_meeting_lists_the_open_decisions_of_the_earlier_ones(head_client, plan, event):
    second = Event.objects.filter(section__plan=plan).exclude(pk=event.pk).order_by("pk").first()
    Event.objects.filter(pk=second.pk).update(meeting_number=2)
    first = Meeting.objects.create(event=event)
    item = AgendaItem.objects.create(meeting=first, position=1, title="О плане")
    Decision.objects.create(item=item, position=1, text="Открытое решение")
    Decision.objects.create(
        item=item, position=2, text="Выполненное решение", done_on=datetime.date(2023, 10, 1)
    )
    html = page(head_client, second)
    assert "Открытое решение" in html
    assert "Выполненное решение" not in html


def test_the_year_list_shows_the_meetings(head_client, event):
    response = head_client.get(reverse("meetings:list") + "?year=2023-2024")
    assert "Заседание № 1" in response.content.decode()
    assert head_client.get(reverse("meetings:list") + "?year=abc").status_code == 404


def test_a_zip_bomb_named_docx_is_refused(head_client, event, media_root):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<a>" + b"A" * (150 * 1024 * 1024) + b"</a>")  # 150 KB packed
    upload = SimpleUploadedFile("доклад.docx", buffer.getvalue())
    response = head_client.post(
        reverse("meetings:material_add", args=[event.pk]), {"file": upload}, follow=True
    )
    assert "распаковывается больше чем в 100 МБ" in response.content.decode()
    assert not Material.objects.exists()


@pytest.mark.parametrize("count", [1, 40])
def test_saving_the_attendance_asks_the_same_whatever_the_number_of_people(
    head_client, event, school, count, django_assert_num_queries
):
    people = Person.objects.bulk_create(
        Person(association=event.section.plan.association, surname=f"Фамилия{n:03d}", initials="А.А.",
               key=f"фамилия{n:03d}|аа", school=school, calendar_token=f"t-{n}")
        for n in range(count)
    )  # fmt: skip
    data = {f"present-{person.pk}": "1" for person in people[::2]}
    url = reverse("meetings:attendance", args=[event.pk])
    # session, user, account; the event, its meeting (none yet), the roster; then in one transaction the meeting
    # saved with its history, the marks there, the new marks and their history, the guests with their history, and
    # whether the protocol is filled in; the message in the session. None of them once per person.
    with django_assert_num_queries(18):
        assert head_client.post(url, data).status_code == 302
    assert Attendance.objects.filter(meeting_id=event.pk).count() == count


def test_agenda_items_move_up_and_down_and_renumber_after_a_deletion(head_client, event):
    meeting = Meeting.objects.create(event=event)
    first, second, third = (
        AgendaItem.objects.create(meeting=meeting, position=n, title=f"О вопросе {n}") for n in (1, 2, 3)
    )

    def order():
        return list(
            AgendaItem.objects.filter(meeting=meeting).order_by("position").values_list("title", flat=True)
        )

    move = reverse("meetings:item_move", args=[third.pk])
    head_client.post(move, {"direction": "up"})
    assert order() == ["О вопросе 1", "О вопросе 3", "О вопросе 2"]
    head_client.post(
        reverse("meetings:item_move", args=[first.pk]), {"direction": "up"}
    )  # the top: nothing moves
    head_client.post(move, {"direction": "sideways"})  # not a direction: nothing moves
    assert order() == ["О вопросе 1", "О вопросе 3", "О вопросе 2"]
    head_client.post(reverse("meetings:item_delete", args=[first.pk]))
    assert list(
        AgendaItem.objects.filter(meeting=meeting).order_by("position").values_list("position", "title")
    ) == [
        (1, "О вопросе 3"),
        (2, "О вопросе 2"),
    ]
