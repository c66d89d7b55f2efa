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
    assert "«план.txt»: план на 2023-2024 учебный год" in html and "5 разделов, 25 мероприятий, 6 задач, 6 ожидаемых результатов" in html
    assert "Мероприятие 8: дата «22.09.2024 г.» вне 2023-2024 учебного года" in html  # on its row
    assert "Одна фамилия с разными инициалами" in html
    assert "14 имён без карточки в банке данных" in html  # Саблина В.И. is the head's card
    assert "карточка Саблина В.И." in html and "11 сентября 2023 г." in html
    assert not Plan.objects.exists() and Person.objects.count() == 1


def test_confirm_saves_with_the_heads_choices(head_client, head_user, association):
    kuklina = Person.objects.create(association=association, surname="Куклина", initials="Н.Н.")
    preview_url = upload(head_client)["Location"]
    form = head_client.get(preview_url).context["form"]
    fields = {name: key for bound, key, name, _numbers in form.name_fields for name in [bound.name]}
    by_key = {key: field for field, key in fields.items()}
    sadovnikova = Person.objects.create(association=association, surname="Садовникова", initials="Л.И.")  # after the preview: no matter
    data = {"action": "save", "year_start": 2023, by_key["пискарева|сб"]: "new", by_key["садовникова|нн"]: str(sadovnikova.pk)}
    response = head_client.post(preview_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Plan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    new = Person.objects.get(surname="Пискарёва")
    assert (new.initials, new.association) == ("С.Б.", association)
    line = Responsible.objects.get(event__section__plan=plan, event__title__startswith="Проведение Недели «Живая классика»", position=3)
    assert (line.person, line.text, line.key) == (sadovnikova, "Садовникова Л.И.", "садовникова|ли")  # a typo, she said: her card's name
    assert Responsible.objects.filter(person=kuklina).count() == 4  # linked by the name on its own
    assert Responsible.objects.filter(person=head_user.account.person).count() == 22
    assert Responsible.objects.filter(event__section__plan=plan, person=None).exclude(key="").order_by().values("key").distinct().count() == 10  # 15 - 2 cards - 1 added meanwhile - 2 chosen
    assert not [key for key in head_client.session.keys() if key.startswith("plan-import-")]
    assert head_client.get(preview_url).status_code == 404  # the file is gone


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
def test_a_file_that_is_not_a_plan_gets_one_sentence_and_nothing_is_kept(head_client, media_root, content, name, says):
    response = upload(head_client, content, name)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Plan.objects.exists()
    assert not any((media_root / "plan-imports").glob("*")) if (media_root / "plan-imports").exists() else True


def test_too_big_a_file_is_refused_before_it_is_read(head_client, settings):
    response = upload(head_client, b"x" * (5 * 1024 * 1024 + 1), "план.txt")
    assert response.status_code == 400 and "Файл больше 5 МБ" in response.content.decode()


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
    from tests.conftest import make_account
    from members.models import Account

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
