"""Plans saved from Word as text: UTF-8 with or without its BOM, or Windows-1251; CRLF or LF — the same plan each way."""

import datetime

import pytest

from events.models import Event
from events.plan_import import draft_from_file, import_plan_file
from tests.events.plan_import.documents import numbered_events

# An RMO's plan as Word's «Обычный текст» writes it: a line per paragraph or table row, tabs between the cells;
# a list's number or bullet, then a tab; a cell's second paragraph on a line of its own.
RMO_PLAN = """СОГЛАСОВАНО\t\t\t\tУТВЕРЖДАЮ
Заместитель начальника управления образования\t\t\tДиректор МКУ «ИМЦ»
_______ Е.В. Белова\t\t\t\t________ О.Н. Смирнова
«29» августа 2024 г.\t\t\t\t«30» августа 2024 г.

ПЛАН РАБОТЫ
районного методического объединения школьных библиотекарей
Усть-Илимского района на 2024–2025 учебный год

Единая районная методическая тема: «Развитие функциональной грамотности обучающихся».
Методическая тема РМО: «Школьная библиотека — ресурсный центр чтения».
Цель: повышение профессиональной компетентности библиотекарей.
Задачи:
1.\tОрганизовать методическую помощь через:
•\tсеминары;
•\tконсультации.
2.\tРазвивать сотрудничество с библиотеками района.
Ожидаемые результаты:
1.\tРост профессионального мастерства.
2.\tПополнение фондов.

Содержание работы
№ п/п\tМероприятие\tСроки\tОтветственный\tОтметка о выполнении
1\t2\t3\t4\t5
I. Работа с педагогическими кадрами\t\t\t\t
1.\tЗаседание РМО «Итоги года»\tавгуст\tСмирнова О.Н.\t
2.\tСеминар «Новые ФПУ»\tIV четверть\tПискарёва С.Б.; все библиотекари\tвыполнено
\tи обменный фонд\t\tруководители ШМО\t
II. Массовая работа\t\t\t\t
3.\tНеделя детской книги\tмарт\tТ.А. Мальцева\t

Руководитель РМО __________ Т.А. Мальцева
"""


def check(draft):
    assert draft.year_start == 2024
    assert (
        draft.title
        == "ПЛАН РАБОТЫ\nрайонного методического объединения школьных библиотекарей\nУсть-Илимского района на 2024–2025 учебный год"
    )
    assert (draft.approved.post, draft.approved.name, draft.approved.on) == (
        "Директор МКУ «ИМЦ»",
        "О.Н. Смирнова",
        datetime.date(2024, 8, 30),
    )
    assert (draft.agreed.post, draft.agreed.name, draft.agreed.on) == (
        "Заместитель начальника управления образования",
        "Е.В. Белова",
        datetime.date(2024, 8, 29),
    )
    assert draft.city_theme == "«Развитие функциональной грамотности обучающихся»."
    assert draft.theme == "«Школьная библиотека — ресурсный центр чтения»."
    assert draft.labels == {
        "city_theme": "Единая районная методическая тема",
        "theme": "Методическая тема РМО",
    }
    assert draft.tasks == [
        ("Организовать методическую помощь через:", ["семинары;", "консультации."]),
        ("Развивать сотрудничество с библиотеками района.", []),
    ]
    assert draft.results == ["Рост профессионального мастерства.", "Пополнение фондов."]
    assert [section.title for section in draft.sections] == [
        "Работа с педагогическими кадрами",
        "Массовая работа",
    ]
    assert [
        (event.number, event.title, event.dates_text, [line.text for line in event.lines], event.extra)
        for event in draft.events
    ] == [
        (1, "Заседание РМО «Итоги года»", "август", ["Смирнова О.Н."], {}),
        (
            2,
            "Семинар «Новые ФПУ» и обменный фонд",
            "IV четверть",
            ["Пискарёва С.Б.", "все библиотекари", "руководители ШМО"],
            {"Отметка о выполнении": "выполнено"},
        ),
        (3, "Неделя детской книги", "март", ["Т.А. Мальцева"], {}),
    ]
    assert (draft.head_post, draft.head_name) == ("Руководитель РМО", "Т.А. Мальцева")
    assert draft.notes == [] and draft.warnings == []


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "windows-1251": lambda text: text.encode("cp1251"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_the_same_plan_in_every_encoding_and_line_ending(tmp_path, encoding, newline):
    path = tmp_path / "план.txt"
    path.write_bytes(ENCODINGS[encoding](RMO_PLAN.replace("\n", newline)))
    check(draft_from_file(path))


def test_a_text_file_imports_whole(association, tmp_path):
    path = tmp_path / "план.txt"
    path.write_bytes(RMO_PLAN.replace("\n", "\r\n").encode("cp1251"))
    plan = import_plan_file(path, association).plan
    assert (plan.year_start, plan.approved_by_name, plan.agreed_by_name, plan.head_name) == (
        2024,
        "О.Н. Смирнова",
        "Е.В. Белова",
        "Т.А. Мальцева",
    )
    events = numbered_events(plan)
    assert [event.responsible_names() for event in events] == [
        ["Смирнова О.Н."],
        ["Пискарёва С.Б.", "все библиотекари", "руководители ШМО"],
        ["Т.А. Мальцева"],
    ]
    assert (events[1].date_start, events[1].date_end) == (
        datetime.date(2025, 4, 1),
        datetime.date(2025, 5, 31),
    )
    assert events[1].extra == {"Отметка о выполнении": "выполнено"}
    assert Event.objects.count() == 3


def test_a_text_file_with_old_mac_line_ends(tmp_path):
    path = tmp_path / "план.txt"
    path.write_bytes(RMO_PLAN.replace("\n", "\r").encode("utf-8"))
    check(draft_from_file(path))


def test_word_writes_an_automatic_number_and_its_tab_in_the_number_cell(tmp_path):
    text = RMO_PLAN.replace("1.\tЗаседание РМО", "1.\t\tЗаседание РМО").replace(
        "2.\tСеминар", "2.\t\tСеминар"
    )
    text = text.replace(
        "I. Работа с педагогическими кадрами\t\t\t\t", "I.\t\tРабота с педагогическими кадрами\t\t\t"
    )
    path = tmp_path / "план.txt"
    path.write_text(text, encoding="utf-8")
    check(draft_from_file(path))


def test_words_unicode_text_export_utf16_with_its_bom(association, tmp_path):
    """Word's «Текст в Юникоде» is UTF-16 with a BOM: read, not refused for its zero bytes."""
    from tests.conftest import SEED_PLAN

    path = tmp_path / "план.txt"
    path.write_bytes(SEED_PLAN.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    plan = import_plan_file(path, association).plan
    assert plan.sections.count() == 5 and plan.head_name == "Саблина В.И."
