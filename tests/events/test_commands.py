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


def test_import_plan_prints_what_it_created(association):
    out = run("import_plan", str(SEED_PLAN))
    lines = out.splitlines()
    assert lines[0] == (
        "Загружен план работы на 2023-2024 учебный год: "
        "5 разделов, 25 мероприятий, 6 задач, 6 ожидаемых результатов."
    )
    assert lines[1].startswith("15 новых сотрудников: Саблина В.И., Садовникова Л.И., Соколова Н.В.,")
    assert lines[1].endswith("Новикова Е.А., Пискарёва С.Б.")
    assert "Предупреждения" not in out
    assert Plan.objects.get().association == association


def test_import_plan_names_only_new_persons(association, head_user):
    out = run("import_plan", str(SEED_PLAN))
    assert "14 новых сотрудников:" in out
    assert "Саблина" not in out.splitlines()[1]


def test_import_plan_creates_the_first_association(db):
    run("import_plan", str(SEED_PLAN))
    assert Association.objects.get().slug == "gto-shb"


def test_import_plan_with_year_and_association(association, other_association):
    out = run("import_plan", str(SEED_PLAN), "--year", "2024-2025", "--association", "bratsk")
    assert "на 2024-2025 учебный год" in out
    assert "Предупреждения:" in out
    assert "В документе указан 2023-2024 учебный год, план сохранён на 2024-2025." in out
    assert Plan.objects.get().association == other_association


def test_existing_year_is_refused_then_replaced(seed_plan):
    with pytest.raises(CommandError, match="уже есть.*--replace"):
        run("import_plan", str(SEED_PLAN))
    assert Plan.objects.get() == seed_plan

    out = run("import_plan", str(SEED_PLAN), "--replace")
    assert "25 мероприятий" in out
    assert "Новых сотрудников нет" in out
    assert Event.objects.count() == 25
    assert Person.objects.count() == 15


def test_broken_file_writes_nothing(association, tmp_path):
    lines = SEED_PLAN.read_text(encoding="utf-8").split("\n")
    lines[30] = "13\tКруглый стол\t25 октября 2023 г.\tСаблина В.И."  # seed line 31: event 12 numbered 13
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match=r"^План не загружен\. Строка 31: мероприятие № 13 идёт после № 11"):
        run("import_plan", str(path))
    assert (Plan.objects.count(), Section.objects.count(), Event.objects.count(), Person.objects.count()) == (0, 0, 0, 0)


def test_failed_import_does_not_create_the_first_association(db, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Цель\tЧитать\n", encoding="utf-8")
    with pytest.raises(CommandError, match="ни одного мероприятия"):
        run("import_plan", str(path))
    assert not Association.objects.exists()


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
    assert out.splitlines() == [
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


@pytest.mark.parametrize("year, message", [("2025-2026", "Плана на 2025-2026 учебный год нет"), ("25-26", "не учебный год")])
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
