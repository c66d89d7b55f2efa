"""Names in the dative (and the gender guessed) through pymorphy3's dictionary."""

import pytest

from contests.names import dative, dative_text, declined, guess_gender


@pytest.mark.parametrize(
    ("surname", "first_name", "patronymic", "expected"),
    [
        ("Иванова", "Мария", "", "Ивановой Марии"),
        ("Петров", "Иван", "Сергеевич", "Петрову Ивану Сергеевичу"),
        ("Садовникова", "Людмила", "Ивановна", "Садовниковой Людмиле Ивановне"),
        # not in the dictionary: by analogy
        ("Куклина", "Наталья", "Николаевна", "Куклиной Наталье Николаевне"),
        ("Белая", "Анна", "", "Белой Анне"),
        ("Сердюк", "Иван", "", "Сердюку Ивану"),
        ("Гусь", "Лев", "", "Гусю Льву"),
        ("Шмыгунова", "Ирина", "", "Шмыгуновой Ирине"),
        ("Мозговая", "Ирина", "", "Мозговой Ирине"),
        ("Толстой", "Лев", "", "Толстому Льву"),
        # surnames that do not decline
        ("Шевченко", "Ольга", "", "Шевченко Ольге"),
        ("Черных", "Анна", "", "Черных Анне"),
        ("Черных", "Павел", "", "Черных Павлу"),
        ("Дюма", "Никита", "", "Дюма Никите"),
        ("Ли", "Ким", "", "Ли Киму"),
        # a consonant surname declines for a man only
        ("Бондарь", "Анна", "", "Бондарь Анне"),
        ("Бондарь", "Олег", "", "Бондарю Олегу"),
        ("Ковальчук", "Яна", "", "Ковальчук Яне"),
        ("Сердюк", "Анна", "", "Сердюк Анне"),
        # double surnames, Ё, capitals
        ("Римская-Корсакова", "Анна", "", "Римской-Корсаковой Анне"),
        ("Королёв", "Пётр", "", "Королёву Петру"),
        ("Фёдорова", "Алёна", "Семёновна", "Фёдоровой Алёне Семёновне"),
        ("ИВАНОВА", "МАРИЯ", "", "ИВАНОВОЙ МАРИИ"),
        # what no analysis gives stays as written
        ("Qwerty", "А.С.", "", "Qwerty А.С."),
        ("Иванова", "", "", "Ивановой"),
    ],
)
def test_dative(surname, first_name, patronymic, expected):
    assert dative(surname, first_name, patronymic) == expected


def test_a_name_typed_as_one_line():
    assert dative_text("Петрова Анна Сергеевна") == "Петровой Анне Сергеевне"
    assert dative_text("Петрова А.С.") == "Петровой А.С."
    assert dative_text("") == ""


def test_the_genitive_for_whom_a_mentor_prepared():
    assert declined("Петров", "Иван", case="gent") == "Петрова Ивана"
    assert declined("Ли", "Ким", case="gent") == "Ли Кима"
    assert declined("Иванова", "Мария", case="gent") == "Ивановой Марии"


@pytest.mark.parametrize(
    ("surname", "first_name", "patronymic", "expected"),
    [
        ("Петров", "Иван", "Сергеевич", "masc"),
        ("Куклина", "Наталья", "Николаевна", "femn"),
        ("Мамедов", "Эльдар", "Рашид оглы", "masc"),
        ("Алиева", "Айгюль", "Рашид кызы", "femn"),
        ("Ли", "Ким", "", "masc"),
        ("Шевченко", "Ольга", "", "femn"),
        ("Сидоренко", "Никита", "", "masc"),
        ("Иванов", "", "", "masc"),  # the surname's form
        ("Петрова", "", "", "femn"),
        ("Белый", "", "", "masc"),
        ("Шевченко", "", "", "femn"),  # nothing tells: most librarians are women
    ],
)
def test_guess_gender(surname, first_name, patronymic, expected):
    assert guess_gender(surname, first_name, patronymic) == expected


def test_a_given_gender_wins():
    assert dative("Шевченко", "Саша", gender="masc") == "Шевченко Саше"
    assert dative("Бондарь", "Саша", gender="femn") == "Бондарь Саше"


def test_a_card_with_initials_only_keeps_them_after_the_declined_surname():
    """The demo's and many real cards hold «Куклина Н.Н.»: the благодарность says «Куклиной Н.Н.», not «Куклиной»."""
    from contests.certificates import _person_declined
    from members.models import Person

    person = Person(surname="Куклина", initials="Н.Н.")
    assert _person_declined(person, "datv") == "Куклиной Н.Н."
    assert _person_declined(Person(surname="Петров", initials="И.С."), "datv") == "Петрову И.С."
    assert _person_declined(person, "nomn") == "Куклина Н.Н."
