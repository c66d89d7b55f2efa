"""The head's import page: upload → preview → «Загрузить» (one transaction) or «Отмена» (nothing changes)."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Event, Plan, Responsible
from members.models import Person
from tests.conftest import SEED_PLAN

SEED = SEED_PLAN.read_bytes()


def upload(client, content=SEED, name="план.txt"):
    return client.post(reverse("events:plan_import"), {"file": SimpleUploadedFile(name, content)})


def a_docx(*rows, header=("№", "Мероприятие", "Сроки", "Ответственный")):
    document = docx.Document()
    document.add_paragraph("План работы РМО школьных библиотекарей на 2025-2026 учебный год")
    table = document.add_table(rows=0, cols=len(header))
    for values in (header, *rows):
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _media(media_root):
    return media_root


def test_upload_shows_the_preview_and_saves_nothing(head_client):
    response = upload(head_client)
    assert response.status_code == 302
    preview = head_client.get(response["Location"])
    html = preview.content.decode()
    assert preview.status_code == 200
    assert (
        "«план.txt»: план на 2023-2024 учебный год" in html
        and "5 разделов, 25 мероприятий, 6 задач, 6 ожидаемых результатов" in html
    )
    assert "Мероприятие 8: дата «22.09.2024 г.» вне 2023-2024 учебного года" in html  # on its row
    assert "Одна фамилия с разными инициалами" in html
    assert "14 имён без карточки в банке данных" in html  # Саблина В.И. is the head's card
    assert "карточка Саблина В.И." in html and "11 сентября 2023 г." in html
    assert not Plan.objects.exists() and Person.objects.count() == 1


def test_confirm_saves_with_the_heads_choices(head_client, head_user, association, media_root):
    kuklina = Person.objects.create(association=association, surname="Куклина", initials="Н.Н.")
    preview_url = upload(head_client)["Location"]
    form = head_client.get(preview_url).context["form"]
    fields = {name: key for bound, key, name, _numbers in form.name_fields for name in [bound.name]}
    by_key = {key: field for field, key in fields.items()}
    sadovnikova = Person.objects.create(
        association=association, surname="Садовникова", initials="Л.И."
    )  # after the preview: no matter
    data = {
        "action": "save",
        "year_start": 2023,
        by_key["пискарева|сб"]: "new",
        by_key["садовникова|нн"]: str(sadovnikova.pk),
    }
    response = head_client.post(preview_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Plan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    new = Person.objects.get(surname="Пискарёва")
    assert (new.initials, new.association) == ("С.Б.", association)
    line = Responsible.objects.get(
        event__section__plan=plan, event__title__startswith="Проведение Недели «Живая классика»", position=3
    )
    assert (line.person, line.text, line.key) == (
        sadovnikova,
        "Садовникова Л.И.",
        "садовникова|ли",
    )  # a typo, she said: her card's name
    assert Responsible.objects.filter(person=kuklina).count() == 4  # linked by the name on its own
    assert Responsible.objects.filter(person=head_user.account.person).count() == 22
    assert (
        Responsible.objects.filter(event__section__plan=plan, person=None)
        .exclude(key="")
        .order_by()
        .values("key")
        .distinct()
        .count()
        == 10
    )  # 15 - 2 cards - 1 added meanwhile - 2 chosen
    assert not list(media_root.joinpath("plan-imports").iterdir())  # the file is gone
    again = head_client.get(preview_url)  # a reload, a second click: the plan it became
    assert again.status_code == 302 and again["Location"] == plan.get_absolute_url()
    assert Plan.objects.count() == 1


def test_cancel_changes_nothing_and_forgets_the_file(head_client):
    preview_url = upload(head_client)["Location"]
    response = head_client.post(preview_url, {"action": "cancel"}, follow=True)
    assert "Загрузка отменена: ничего не сохранено." in response.content.decode()
    assert not Plan.objects.exists() and Person.objects.count() == 1
    assert head_client.get(preview_url).status_code == 404


def test_replacing_a_year_needs_its_own_confirmation(head_client, seed_plan):
    preview_url = upload(head_client)["Location"]
    html = head_client.get(preview_url).content.decode()
    assert "План на 2023-2024 учебный год уже есть на сайте." in html
    response = head_client.post(preview_url, {"action": "save", "year_start": 2023})
    assert response.status_code == 400
    assert "План на этот год уже есть: чтобы заменить его, отметьте замену." in response.content.decode()
    assert Plan.objects.get() == seed_plan
    response = head_client.post(preview_url, {"action": "save", "year_start": 2023, "replace": "on"})
    assert response.status_code == 302 and Plan.objects.get() != seed_plan and Event.objects.count() == 25


def test_another_year_from_the_preview(head_client):
    preview_url = upload(head_client)["Location"]
    html = head_client.get(preview_url + "?year=2024-2025").content.decode()
    assert "план на 2024-2025 учебный год" in html
    head_client.post(preview_url + "?year=2024-2025", {"action": "save", "year_start": 2024})
    assert Plan.objects.get().year_start == 2024


@pytest.mark.parametrize("content, name, says", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), "план.doc", "сохраните файл в Word как .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), "план.docx", "Это старый формат Word (.doc)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "скан.png", "Это не план"),
    ("Цель\tЧитать\n".encode(), "план.txt", "Это не план: в файле нет таблицы мероприятий"),
    (b"PK\x03\x04" + bytes(100), "план.docx", "не читается как документ Word"),
])  # fmt: skip
def test_a_file_that_is_not_a_plan_gets_one_sentence_and_nothing_is_kept(
    head_client, media_root, content, name, says
):
    response = upload(head_client, content, name)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Plan.objects.exists()
    assert (
        not any((media_root / "plan-imports").glob("*")) if (media_root / "plan-imports").exists() else True
    )


def test_too_big_a_file_is_refused_before_it_is_read(head_client, settings):
    response = upload(head_client, b"x" * (5 * 1024 * 1024 + 1), "план.txt")
    assert (
        response.status_code == 400
        and "Файл весит 5,1 МБ, а план работы — не больше 5 МБ" in response.content.decode()
    )


def test_a_docx_with_other_columns_and_a_group_previews_them(head_client):
    content = a_docx(
        ("1.", "Семинар «Читаем вместе»", "сентябрь-октябрь", "члены РМО", "МОУ СОШ №2"),
        ("2.", "Конкурс чтецов", "31.02.2026", "Т.А. Мальцева (СОШ №5)", "ЦДТ"),
        header=("№", "Мероприятие", "Сроки", "Ответственный", "Место проведения"),
    )
    preview = head_client.get(upload(head_client, content, "план.docx")["Location"])
    html = preview.content.decode()
    assert "Место проведения" in html and "МОУ СОШ №2" in html
    assert "1 сентября 2025 г. – 31 октября 2025 г." in html
    assert "такой даты нет: «31.02.2026»" in html
    assert "Т.А. Мальцева (СОШ №5)" in html and "1 имя без карточки в банке данных" in html


def test_the_preview_is_only_its_uploaders(head_client, client, other_head_user, head_user, association):
    preview_url = upload(head_client)["Location"]
    from members.models import Account
    from tests.conftest import make_account

    second_head = make_account(association, Account.Role.HEAD, "second-head")
    for user in (other_head_user, second_head):
        client.force_login(user)
        assert client.get(preview_url).status_code == 404
        assert client.post(preview_url, {"action": "save", "year_start": 2023}).status_code == 404
        assert client.post(preview_url, {"action": "cancel"}).status_code == 404
    assert not Plan.objects.exists()
    client.force_login(head_user)
    assert client.get(preview_url).status_code == 200  # still there for her


@pytest.mark.parametrize("token", ["..%2F..%2Fsettings.py", "1-..", "999-abc.txt", ".hidden"])
def test_a_made_up_token_is_404(head_client, token):
    assert head_client.get(f"/plans/import/{token}/").status_code == 404


def test_a_year_that_is_no_year_is_said_and_the_documents_is_kept(head_client):
    preview_url = upload(head_client)["Location"]
    for typed in ("abc", "99999999999999999999", "1899-1900", "2024-2026"):
        html = head_client.get(preview_url, {"year": typed}).content.decode()
        assert f"«{typed[:20]}» — не учебный год: напишите его так — «2025-2026»." in html
        assert "план на 2023-2024 учебный год" in html


def test_a_year_taken_meanwhile_offers_the_replacement(head_client, association):
    preview_url = upload(head_client)["Location"]
    head_client.get(preview_url)
    Plan.objects.create(association=association, year_start=2023)  # another tab saved it first
    response = head_client.post(preview_url, {"action": "save", "year_start": 2023})
    html = response.content.decode()
    assert (
        response.status_code == 400
        and "План на 2023-2024 учебный год уже есть" in html
        and 'name="replace"' in html
    )


def test_replacing_a_published_plan_keeps_it_published(head_client, seed_plan):
    seed_plan.status = Plan.Status.PUBLISHED
    seed_plan.save()
    preview_url = upload(head_client)["Location"]
    head_client.post(preview_url, {"action": "save", "year_start": 2023, "replace": "on"})
    assert Plan.objects.get().is_published


def test_a_full_name_of_another_person_is_not_linked_nor_offered_a_second_card(head_client, association):
    Person.objects.create(
        association=association, surname="Иванова", first_name="Евгения", patronymic="Андреевна"
    )
    content = a_docx(
        ("1.", "Семинар", "Октябрь 2025", "Иванова Елена Александровна"),
        ("2.", "Конкурс", "Март 2026", "Иванова Е.А."),
    )
    preview_url = upload(head_client, content, "план.docx")["Location"]
    page = head_client.get(preview_url)
    html = page.content.decode()
    assert "«Иванова Елена Александровна» не привязано к карточке «Иванова Евгения Андреевна»" in html
    ((bound, *_rest),) = page.context["form"].name_fields
    assert "new" not in [
        value for value, _label in bound.field.choices
    ]  # one card a name: no second «Иванова Е.А.»
    head_client.post(preview_url, {"action": "save", "year_start": 2025})
    lines = Responsible.objects.order_by("event__position")
    assert [(line.text, line.person_id is not None) for line in lines] == [
        ("Иванова Елена Александровна", False),
        ("Иванова Е.А.", True),
    ]
    assert Person.objects.get(surname="Иванова").first_name == "Евгения"  # her card unchanged


def test_a_card_chosen_for_another_name_is_never_rewritten(head_client, librarian_user):
    kuklina = librarian_user.account.person
    content = a_docx(("1.", "Семинар", "Октябрь 2025", "Иванова Елена Александровна"))
    preview_url = upload(head_client, content, "план.docx")["Location"]
    head_client.post(preview_url, {"action": "save", "year_start": 2025, "name-иванова|еа": str(kuklina.pk)})
    kuklina.refresh_from_db()
    assert (kuklina.first_name, kuklina.initials, kuklina.key) == ("", "Н.Н.", "куклина|нн")
    line = Responsible.objects.get()
    assert (line.person, line.text) == (kuklina, "Куклина Н.Н.")


def test_a_full_name_completes_her_own_card_and_the_preview_says_so(head_client, head_user):
    content = a_docx(("1.", "Семинар", "Октябрь 2025", "Саблина Валентина Ивановна"))
    preview_url = upload(head_client, content, "план.docx")["Location"]
    assert "Саблина В.И. — Валентина Ивановна" in head_client.get(preview_url).content.decode()
    head_client.post(preview_url, {"action": "save", "year_start": 2025})
    card = head_user.account.person
    card.refresh_from_db()
    assert (card.first_name, card.patronymic, card.initials) == ("Валентина", "Ивановна", "В.И.")


def test_a_tampered_choice_says_what_is_wrong(head_client, other_association):
    stranger = Person.objects.create(association=other_association, surname="Чужая", initials="А.А.")
    preview_url = upload(head_client)["Location"]
    response = head_client.post(
        preview_url, {"action": "save", "year_start": 2023, "name-пискарева|сб": str(stranger.pk)}
    )
    assert response.status_code == 400
    assert "Выберите корректный вариант" in response.content.decode()
    assert not Plan.objects.exists()
