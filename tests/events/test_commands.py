"""manage.py import_plan and check_plan."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import ngettext

from events.models import Event, Plan, Section
from members.models import Association, Person
from tests.conftest import SEED_PLAN


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_plan_prints_the_preview_then_saves(association):
    out = run("import_plan", str(SEED_PLAN))
    lines = out.splitlines()
    assert (
        lines[0]
        == "План работы на 2023-2024 учебный год: 5 разделов, 25 мероприятий, 6 задач, 6 ожидаемых результатов."
    )
    assert (
        "  1. Утверждение плана работы на 2023-2024 учебный год. | 11.09.2023г. (11 сентября 2023 г.) | Саблина В.И → без карточки"
        in lines
    )
    assert "Подпись: Руководитель ГТО ШБ Саблина В.И." in lines
    names = next(line for line in lines if line.startswith("Имена без карточки"))
    assert "Саблина В.И. (мероприятия 1, 2, 3," in names and names.endswith("Пискарёва С.Б. (мероприятие 24)")
    assert lines[-4:] == [
        "Предупреждения:",
        "  Мероприятие 8: дата «22.09.2024 г.» вне 2023-2024 учебного года (1 сентября 2023 г. – 31 августа 2024 г.).",
        "  Одна фамилия с разными инициалами: «Садовникова Л.И.» (мероприятия 2, 24) и «Садовникова Н.Н.» (мероприятие 23)"
        " — проверьте, один ли это человек.",
        "Сохранён план работы на 2023-2024 учебный год: /plans/ust-ilimsk/2023-2024/",
    ]
    plan = Plan.objects.get()
    assert plan.association == association and Event.objects.count() == 25
    assert not Person.objects.exists()  # names nobody added stay names


def test_check_shows_the_preview_and_saves_nothing(association):
    out = run("import_plan", str(SEED_PLAN), "--check")
    assert out.startswith("План работы на 2023-2024 учебный год: 5 разделов") and "Сохранён" not in out
    assert not Plan.objects.exists()


def test_import_plan_links_names_to_existing_cards(association, head_user):
    out = run("import_plan", str(SEED_PLAN))
    assert "Саблина В.И → карточка «Саблина В.И.»" in out
    names = next(line for line in out.splitlines() if line.startswith("Имена без карточки"))
    assert "Саблина" not in names and names.count("(мероприяти") == 14
    assert (
        Event.objects.get(position=1, section__position=1).responsibles.get().person
        == head_user.account.person
    )


def test_import_plan_creates_the_first_association(db):
    run("import_plan", str(SEED_PLAN))
    assert Association.objects.get().slug == "gto-shb"


def test_import_plan_with_year_and_association(association, other_association):
    out = run("import_plan", str(SEED_PLAN), "--year", "2024-2025", "--association", "bratsk")
    assert out.startswith("План работы на 2024-2025 учебный год:")
    assert Plan.objects.get().association == other_association
    assert Plan.objects.get().year_start == 2024


def test_existing_year_is_refused_then_replaced(seed_plan):
    with pytest.raises(CommandError, match="уже есть.*--replace"):
        run("import_plan", str(SEED_PLAN))
    assert Plan.objects.get() == seed_plan

    out = run("import_plan", str(SEED_PLAN), "--replace")
    assert "План на 2023-2024 учебный год уже есть: он будет заменён." in out
    assert Event.objects.count() == 25 and Plan.objects.get() != seed_plan


def test_an_unusual_row_is_a_warning_not_a_refusal(association, tmp_path):
    lines = SEED_PLAN.read_text(encoding="utf-8").split("\n")
    lines[30] = (
        "13\tКруглый стол\t31.02.2024\tСаблина В.И."  # seed line 31: event 12 numbered 13, on a day no calendar has
    )
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run("import_plan", str(path))
    assert "  Строка 31: мероприятие № 13 идёт после № 11: номера на сайте идут подряд." in out.splitlines()
    assert "  Мероприятие 12: в сроках «31.02.2024» — такой даты нет." in out.splitlines()
    event = Event.objects.get(section__position=3, position=1)
    assert (event.title, event.dates_text, event.date_start) == ("Круглый стол", "31.02.2024", None)


@pytest.mark.parametrize("content, name, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "план.doc", "сохраните файл в Word как .docx"),
    ("Цель\tЧитать\n".encode(), "план.txt", "Это не план: в файле нет таблицы мероприятий"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "план.png", "Это не план"),
])  # fmt: skip
def test_a_file_that_is_not_a_plan_writes_nothing(db, tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=f"^План не загружен\\. .*({message})"):
        run("import_plan", str(path))
    assert (
        Association.objects.count(),
        Plan.objects.count(),
        Section.objects.count(),
        Event.objects.count(),
    ) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--year", "2023"], "не учебный год"),
        (["--year", "2023-2025"], "не учебный год"),
        (["--association", "nowhere"], "не найдено"),
    ],
)
def test_import_plan_bad_arguments(association, args, message):
    with pytest.raises(CommandError, match=message):
        run("import_plan", str(SEED_PLAN), *args)
    assert not Plan.objects.exists()


def test_import_plan_needs_the_association_when_there_are_several(association, other_association):
    with pytest.raises(CommandError, match="--association"):
        run("import_plan", str(SEED_PLAN))


def test_check_plan_lists_the_problems(seed_plan):
    out = run("check_plan", "2023-2024")
    assert len(out.splitlines()) == 2 + 15  # and the fifteen names without a card
    assert out.splitlines()[:2] == [
        "Мероприятие 8: дата «22.09.2024 г.» вне 2023-2024 учебного года (1 сентября 2023 г. – 31 августа 2024 г.).",
        "Одна фамилия с разными инициалами: «Садовникова Л.И.» (мероприятия 2, 24) "
        "и «Садовникова Н.Н.» (мероприятие 23) — проверьте, один ли это человек.",
    ]


def test_check_plan_without_problems(association):
    plan = Plan.objects.create(association=association, year_start=2024)
    section = Section.objects.create(plan=plan, position=1, title="Раздел")
    event = Event(section=section, position=1, title="Заседание №1", dates_text="11.09.2024")
    event.save()
    event.set_responsibles([None])
    assert run("check_plan", "2024-2025", "--association", "ust-ilimsk") == "Замечаний нет.\n"


@pytest.mark.parametrize(
    "year, message", [("2025-2026", "Плана на 2025-2026 учебный год нет"), ("25-26", "не учебный год")]
)
def test_check_plan_unknown_year(seed_plan, year, message):
    with pytest.raises(CommandError, match=message):
        run("check_plan", year)


@pytest.mark.parametrize(
    "count, text",
    [(1, "1 раздел"), (2, "2 раздела"), (4, "4 раздела"), (5, "5 разделов"), (11, "11 разделов"),
     (12, "12 разделов"), (21, "21 раздел"), (22, "22 раздела"), (25, "25 разделов"), (111, "111 разделов"),
     (0, "0 разделов")],
)  # fmt: skip
def test_plural_forms_come_from_the_russian_catalog(count, text):
    assert ngettext("%(count)d раздел", "%(count)d разделов", count) % {"count": count} == text
