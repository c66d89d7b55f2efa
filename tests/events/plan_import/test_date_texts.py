"""Date texts of other associations' plans through the import: each kept as written, its first and last day derived
beside it; an impossible date is a warning on the plan's checks, never a crash and never a wrong date."""

import datetime

from events.checks import check_plan
from events.plan_import import draft_from_file, import_plan_file, preview
from tests.events.plan_import.documents import PlanDocument, numbered_events

D = datetime.date
DATE_TEXTS = [
    ("до 20.10.2025 г.", D(2025, 10, 20), D(2025, 10, 20)),
    ("IV четверть", D(2026, 4, 1), D(2026, 5, 31)),
    ("2 полугодие", D(2026, 1, 1), D(2026, 5, 31)),
    ("сентябрь-октябрь", D(2025, 9, 1), D(2025, 10, 31)),
    ("ежемесячно", None, None),
    ("1 раз в четверть", None, None),
    ("по графику", None, None),
    ("по плану ЦРО", None, None),
    ("31.02.2026", None, None),
    ("15.13.2025", None, None),
]


def plan_with_dates(tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ГМО школьных библиотекарей г. Братска на 2025-2026 учебный год")
    plan.short_header()
    table = plan.events_table()
    table.section("Методическая работа")
    for number, (text, _first, _last) in enumerate(DATE_TEXTS, start=1):
        table.row(f"{number}.", f"Мероприятие {number}", text, "Ким Л.В.")
    plan.paragraph("Руководитель ГМО ______ Л.В. Ким")
    return plan.save(tmp_path)


def test_each_date_text_is_kept_and_its_days_derived(association, tmp_path):
    result = import_plan_file(plan_with_dates(tmp_path), association)
    assert result.plan.year_start == 2025 and result.warnings == []
    assert [
        (event.dates_text, event.date_start, event.date_end) for event in numbered_events(result.plan)
    ] == DATE_TEXTS


def test_an_impossible_date_is_a_warning_of_the_plans_checks(association, tmp_path):
    plan = import_plan_file(plan_with_dates(tmp_path), association).plan
    impossible = [str(problem) for problem in check_plan(plan) if "такой даты нет" in str(problem)]
    assert impossible == [
        "Мероприятие 9: в сроках «31.02.2026» — такой даты нет.",
        "Мероприятие 10: в сроках «15.13.2025» — такой даты нет.",
    ]


def test_the_preview_shows_the_derived_days_and_the_impossible_dates(association, tmp_path):
    shown = preview(draft_from_file(plan_with_dates(tmp_path)), association)
    events = shown.sections[0][1]
    assert [(event.draft.dates_text, event.first, event.last) for event in events] == DATE_TEXTS
    assert [event.impossible for event in events] == [None] * 8 + ["31.02.2026", "15.13.2025"]
    assert [str(problem) for problem in shown.problems] == [
        "Мероприятие 9: в сроках «31.02.2026» — такой даты нет.",
        "Мероприятие 10: в сроках «15.13.2025» — такой даты нет.",
    ]
    assert [str(name) for _key, name, _card, _numbers in shown.names] == ["Ким Л.В."]


def test_a_date_outside_the_year_is_a_check_not_a_refusal(association, tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы РМО на 2025-2026 учебный год")
    plan.short_header()
    table = plan.events_table()
    table.section("Работа с кадрами")
    table.row("1.", "Заседание РМО", "28.08.2025", "Мальцева Т.А.")
    plan.paragraph("Руководитель РМО ______ Т.А. Мальцева")
    shown = preview(draft_from_file(plan.save(tmp_path)), association)
    assert (shown.sections[0][1][0].first, shown.sections[0][1][0].last) == (D(2025, 8, 28), D(2025, 8, 28))
    assert [str(problem) for problem in shown.problems] == [
        "Мероприятие 1: дата «28.08.2025» вне 2025-2026 учебного года (1 сентября 2025 г. – 31 августа 2026 г.)."
    ]
