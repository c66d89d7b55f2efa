import pytest

from members.models import Person

pytestmark = pytest.mark.django_db


def test_printed_name_from_full_name(association):
    person = Person.objects.create(
        association=association, surname="Саблина", first_name="Вера", patronymic="Ивановна"
    )
    assert person.printed_name == "Саблина В.И."
    assert person.full_name == "Саблина Вера Ивановна"


def test_typed_initials_lose_their_spaces_and_match_by_key(association):
    person = Person.objects.create(association=association, surname="Пискарёва", initials="С. Б.")
    assert person.printed_name == "Пискарёва С.Б."
    assert person.key == "пискарева|сб"
