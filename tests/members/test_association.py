"""The head's page for her association's details: names, town, the post her new plans are signed with."""

import pytest
from django.urls import reverse

from events.models import Plan
from members.models import Association

pytestmark = pytest.mark.django_db
URL = reverse("members:association")


def test_the_head_renames_her_association_and_its_signing_post(head_client, association):
    page = head_client.get(URL).content.decode()
    assert "Данные объединения" in page and "подписи новых планов" in page
    response = head_client.post(
        URL,
        {"name": "Районное МО школьных библиотекарей", "short_name": "РМО ШБ", "city": "Братск",
         "head_post": "Руководитель РМО ШБ"},
    )  # fmt: skip
    assert response.status_code == 302
    association.refresh_from_db()
    assert (association.name, association.short_name, association.head_post) == (
        "Районное МО школьных библиотекарей",
        "РМО ШБ",
        "Руководитель РМО ШБ",
    )
    plan = Plan.objects.create(association=association, year_start=2026)
    assert plan.head_post == "Руководитель РМО ШБ"  # a new plan signs with the association's post
    kept = Plan.objects.create(association=association, year_start=2027, head_post="Председатель МО")
    assert kept.head_post == "Председатель МО"


def test_a_blank_name_keeps_what_was_typed_and_changes_nothing(head_client, association):
    response = head_client.post(
        URL, {"name": "", "short_name": "ГМО", "city": "", "head_post": "Руководитель ГМО"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Руководитель ГМО"' in html and "Обязательное поле" in html
    association.refresh_from_db()
    assert association.short_name == "ГТО ШБ" and association.head_post == "Руководитель ГТО ШБ"


def test_only_the_head_and_only_her_own(
    librarian_client, viewer_client, other_head_user, client, association
):
    assert librarian_client.get(URL).status_code == 403
    assert viewer_client.post(URL, {"name": "Взлом", "short_name": "Х"}).status_code == 403
    client.force_login(other_head_user)
    client.post(URL, {"name": "Другое", "short_name": "Д", "city": "", "head_post": ""})
    association.refresh_from_db()
    assert association.name == "ГТО ШБ г. Усть-Илимска"  # the other head changed only her own
    assert Association.objects.get(pk=other_head_user.account.association_id).name == "Другое"
