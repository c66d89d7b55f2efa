"""The real 2023-2024 plan (the seed, Word's text export): every field as written, its two warnings, reimport."""

import re

import pytest

from events.models import Event, Plan, Responsible, Section
from events.plan_import import PlanImportError, import_plan_file, parse_plan_text, preview
from members.models import Person
from tests.conftest import SEED_PLAN

SEED_TEXT = SEED_PLAN.read_text(encoding="utf-8")


def events_by_number(plan):
    return {event.number: event for section in plan.numbered_sections() for event in section.numbered_events}


def counts():
    return (
        Plan.objects.count(),
        Section.objects.count(),
        Event.objects.count(),
        Responsible.objects.count(),
        Person.objects.count(),
    )


def test_seed_plan_imports_whole(association):
    result = import_plan_file(SEED_PLAN, association)
    plan = result.plan

    assert (plan.year_start, plan.association) == (2023, association)
    assert (plan.head_post, plan.head_name) == ("Руководитель ГТО ШБ", "Саблина В.И.")
    assert plan.theme.startswith("Профессиональная компетентность школьного библиотекаря")
    assert plan.city_theme.startswith("Реализация и совершенствование механизмов")
    assert plan.goal.endswith("в условиях реализации ФГОС.")
    assert plan.header_labels == {}  # the seed's labels are the usual ones
    assert [section.title for section in plan.sections.all()] == [
        "Организационная деятельность",
        "Информационно-аналитическая деятельность",
        "Социальное партнерство",
        "Организационно-методическая деятельность",
        "Организационно-педагогическая деятельность с учащимися",
    ]
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert result.warnings == []

    tasks = plan.task_tree()
    assert len(tasks) == 6
    assert tasks[0][0].startswith("Организовать методическое сопровождение")
    assert [len(points) for _, points in tasks] == [0, 5, 5, 3, 3, 3]
    assert (
        tasks[1][1][1]
        == "организацию участия школьных библиотекарей в проведении международного конкурса юных чтецов «Живая классика»;"
    )
    # task 6 continues on the next row of the table (seed line 8)
    assert tasks[5][0].endswith("основных образовательных программ, через:")
    assert (
        tasks[5][1][-1]
        == "изучение существующих нормативных документов, теоретических работ, практических разработок."
    )
    results = plan.result_list()
    assert len(results) == 6
    assert results[0].startswith("Рост качества оказываемых услуг")
    assert results[5] == "Повышение уровня ИКТ - компетентности школьных библиотекарей."
    # nobody added the plan's names as cards: they stay names
    assert result.created_persons == [] and not Person.objects.exists()
    assert len(result.unlinked) == 15


def test_seed_preview_gives_its_two_warnings(association):
    shown = preview(parse_plan_text(SEED_TEXT), association)
    assert shown.summary == "5 разделов, 25 мероприятий, 6 задач, 6 ожидаемых результатов"
    assert shown.draft.warnings == []
    assert [str(problem) for problem in shown.problems] == [
        "Мероприятие 8: дата «22.09.2024 г.» вне 2023-2024 учебного года (1 сентября 2023 г. – 31 августа 2024 г.).",
        "Одна фамилия с разными инициалами: «Садовникова Л.И.» (мероприятия 2, 24) и «Садовникова Н.Н.» (мероприятие 23)"
        " — проверьте, один ли это человек.",
    ]
    assert len(shown.new_names) == 15


def test_seed_events(seed_plan):
    events = events_by_number(seed_plan)
    assert sorted(events) == list(range(1, 26))
    assert [event.position for event in events.values()] == [
        1,
        2,
        3,
        4,
        5,
        6,
        1,
        2,
        3,
        4,
        5,
        1,
        2,
        3,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        1,
        2,
        3,
        4,
    ]

    first = events[1]
    assert (first.title, first.dates_text) == (
        "Утверждение плана работы на 2023-2024 учебный год.",
        "11.09.2023г.",
    )
    assert first.responsible_names() == ["Саблина В.И"]  # as written, without its last dot

    # event 9 runs over a page break: title and responsible continue on seed line 27
    ninth = events[9]
    assert ninth.title == "Отчёт по работе школьных библиотек с документами, включёнными в ФСЭМ»"
    assert ninth.dates_text == "20.01.2024 г."
    assert ninth.responsible_names() == ["Саблина В.И.", "ГТО ШБ"]
    assert [(line.key, line.person) for line in ninth.responsibles.all()] == [
        ("саблина|ви", None),
        ("", None),
    ]

    assert events[12].responsible_names() == [
        "Саблина В.И.",
        "Куклина Н.Н.",
        "Степанова М.М.",
        "Барышева Н.М.",
    ]
    assert events[20].responsible_names() == ["Саблина В.И.", "ГТО ШБ"]
    assert events[24].responsible_names() == [
        "Новикова Е.А.",
        "Садовникова Л.И.",
        "Пискарёва С.Б.",
        "Барышева Н.М.",
    ]
    assert events[23].responsible_names() == ["Саблина В.И.", "Куклина Н.Н.", "Садовникова Н.Н."]

    # the derived dates are stored beside the text
    assert (str(events[4].date_start), str(events[4].date_end)) == ("2024-04-01", "2024-05-31")
    assert (events[3].date_start, events[3].date_end) == (None, None)
    assert (str(events[2].date_start), str(events[2].date_end)) == ("2023-09-01", "2024-08-31")


def test_names_link_to_existing_cards_ignoring_yo_spaces_and_dots(association, other_association):
    existing = Person.objects.create(association=association, surname="Пискарева", initials="С. Б.")
    Person.objects.create(
        association=other_association, surname="Саблина", initials="В.И."
    )  # not hers to link
    result = import_plan_file(SEED_PLAN, association)
    lines = events_by_number(result.plan)[24].responsibles.all()
    assert [line.person_id for line in lines] == [None, None, existing.pk, None]
    assert lines[2].text == "Пискарёва С.Б."  # printed as the plan writes it
    assert len(result.unlinked) == 14
    assert not Responsible.objects.filter(person__association=other_association).exists()


def test_text_in_windows_1251_with_crlf(association, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("cp1251", errors="replace"))
    plan = import_plan_file(path, association).plan
    assert Event.objects.filter(section__plan=plan).count() == 25
    assert plan.head_name == "Саблина В.И."
    assert events_by_number(plan)[24].responsible_names()[2] == "Пискарёва С.Б."


def test_text_with_a_bom(association, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_TEXT.encode())
    plan = import_plan_file(path, association).plan
    assert plan.city_theme.startswith("Реализация") and plan.sections.count() == 5


def test_year_comes_from_the_most_frequent_academic_year():
    # the seed names 2022-2023 once (event 15) and 2023-2024 many times
    assert parse_plan_text(SEED_TEXT).year_start == 2023
    assert parse_plan_text(SEED_TEXT.replace("2023-2024", "2024-2025")).year_start == 2024


def test_year_argument_wins_with_a_warning_and_the_title_follows(association, tmp_path):
    result = import_plan_file(SEED_PLAN, association, year_start=2024)
    assert result.plan.year_start == 2024
    assert (
        "В документе указан 2023-2024 учебный год, план сохраняется на 2024-2025: годы в заголовке заменены, сроки "
        "мероприятий — как написаны."
    ) in [str(w) for w in result.warnings]
    titled = tmp_path / "plan.txt"
    titled.write_text("План работы ГМО на 2023 – 2024 учебный год\n" + SEED_TEXT, encoding="utf-8")
    plan = import_plan_file(titled, association, year_start=2025).plan
    assert plan.title == "План работы ГМО на 2025-2026 учебный год"
    assert (
        plan.sections.first().events.first().title == "Утверждение плана работы на 2023-2024 учебный год."
    )  # as written


def test_no_year_anywhere_needs_the_argument(association, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(re.sub(r"\d{4}-\d{4}", "текущий", SEED_TEXT), encoding="utf-8")
    with pytest.raises(PlanImportError, match="учебный год"):
        import_plan_file(path, association)
    assert counts() == (0, 0, 0, 0, 0)
    assert import_plan_file(path, association, year_start=2023).plan.year_start == 2023


def test_reimport_is_refused_without_replace(seed_plan):
    before = counts()
    with pytest.raises(
        PlanImportError,
        match="^План на 2023-2024 учебный год уже есть: его можно только заменить, подтвердив замену.$",
    ):
        import_plan_file(SEED_PLAN, seed_plan.association)
    assert counts() == before


def test_reimport_with_replace_keeps_the_cards(seed_plan, head_user):
    persons = Person.objects.count()
    result = import_plan_file(SEED_PLAN, seed_plan.association, replace=True)
    assert not Plan.objects.filter(pk=seed_plan.pk).exists()
    assert (Plan.objects.count(), Section.objects.count(), Event.objects.count()) == (1, 5, 25)
    assert Person.objects.count() == persons
    assert events_by_number(result.plan)[1].responsibles.get().person == head_user.account.person


def test_another_association_may_have_the_same_year(seed_plan, other_association):
    import_plan_file(SEED_PLAN, other_association)
    assert Plan.objects.filter(year_start=2023).count() == 2


def test_failure_while_saving_rolls_everything_back(association, monkeypatch):
    """A database error after some events were written leaves nothing behind."""
    real = Event.save
    saved = []

    def failing(self, *args, **kwargs):
        saved.append(self)
        if len(saved) == 10:
            raise RuntimeError("сбой базы данных")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Event, "save", failing)
    with pytest.raises(RuntimeError):
        import_plan_file(SEED_PLAN, association)
    assert counts() == (0, 0, 0, 0, 0)


def test_repeated_table_header_and_column_numbers_after_a_page_break(association, tmp_path):
    lines = SEED_TEXT.split("\n")
    lines[29:29] = [lines[12], lines[13]]  # «№/п …» and «1 2 3 4» again before section III
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    plan = import_plan_file(path, association).plan
    assert Event.objects.filter(section__plan=plan).count() == 25 and plan.sections.count() == 5


def test_missing_file(association, tmp_path):
    with pytest.raises(PlanImportError, match="^Не удалось прочитать файл «нет.txt»"):
        import_plan_file(tmp_path / "нет.txt", association)
