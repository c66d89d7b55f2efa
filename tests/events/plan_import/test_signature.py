"""The head's signature under the plan in the forms heads write it: the post and the name, without the underscores."""

import pytest

from events.plan_import import draft_from_file, import_plan_file
from tests.events.plan_import.documents import PlanDocument


def plan_signed(*paragraphs):
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ ГМО школьных библиотекарей на 2024-2025 учебный год")
    plan.short_header()
    table = plan.events_table()
    table.section("Организационная работа")
    table.row("1.", "Заседание ГМО", "Август", "Ким Л.В.")
    plan.paragraph()
    plan.paragraphs(*paragraphs)
    return plan


@pytest.mark.parametrize(
    "line, post, name",
    [
        ("Руководитель ГМО ______ Л.В. Ким", "Руководитель ГМО", "Л.В. Ким"),
        ("Руководитель ГМО ______________________ Ким Л.В.", "Руководитель ГМО", "Ким Л.В."),
        ("Руководитель РМО: Т.А. Мальцева", "Руководитель РМО", "Т.А. Мальцева"),
        ("Руководитель ШМО                         Орлова Н.П.", "Руководитель ШМО", "Орлова Н.П."),
        ("Руководитель ГМО\t\t\tЛ.В. Ким", "Руководитель ГМО", "Л.В. Ким"),
        ("Руководитель ГМО ____________ /Л.В. Ким/", "Руководитель ГМО", "Л.В. Ким"),
        ("Руководитель ГМО ____________ (подпись) Л.В. Ким", "Руководитель ГМО", "Л.В. Ким"),
        (
            "Руководитель ГМО школьных библиотекарей г. Братска _______ Ким Любовь Викторовна",
            "Руководитель ГМО школьных библиотекарей г. Братска",
            "Ким Любовь Викторовна",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) > 20 else None,
)
def test_a_signature_line(association, tmp_path, line, post, name):
    result = import_plan_file(plan_signed(line).save(tmp_path), association)
    assert (result.plan.head_post, result.plan.head_name) == (post, name)
    assert result.warnings == [] and result.plan.notes == []


def test_the_name_alone(tmp_path):
    draft = draft_from_file(plan_signed("Т.А. Мальцева").save(tmp_path))
    assert (draft.head_post, draft.head_name) == ("", "Т.А. Мальцева")
    assert draft.warnings == [] and draft.notes == []


def test_the_post_on_the_line_above_the_name(tmp_path):
    draft = draft_from_file(
        plan_signed("Руководитель ГМО школьных библиотекарей:", "_________________ Л.В. Ким").save(tmp_path)
    )
    assert (draft.head_post, draft.head_name) == ("Руководитель ГМО школьных библиотекарей", "Л.В. Ким")
    assert draft.warnings == [] and draft.notes == []


def test_a_signature_in_a_borderless_table(tmp_path):
    plan = plan_signed()
    table = plan.table(1, 2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Руководитель ГМО", "Л.В. Ким"
    draft = draft_from_file(plan.save(tmp_path))
    assert (draft.head_post, draft.head_name) == ("Руководитель ГМО", "Л.В. Ким")
    assert draft.warnings == []


def test_a_signature_in_the_last_row_of_the_table(tmp_path):
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ РМО на 2024-2025 учебный год")
    plan.short_header()
    table = plan.events_table()
    table.section("Организационная работа")
    table.row("1.", "Заседание РМО", "Август", "Мальцева Т.А.")
    table.section("Руководитель РМО ___________ Т.А. Мальцева", bold=False)
    draft = draft_from_file(plan.save(tmp_path))
    assert (draft.head_post, draft.head_name) == ("Руководитель РМО", "Т.А. Мальцева")
    assert [section.title for section in draft.sections] == [
        "Организационная работа"
    ] and draft.warnings == []


def test_a_bold_signature_is_no_section(tmp_path):
    plan = plan_signed()
    plan.paragraph("Руководитель ГМО", bold=True)
    plan.paragraph("Л.В. Ким", bold=True)
    draft = draft_from_file(plan.save(tmp_path))
    assert (draft.head_post, draft.head_name) == ("Руководитель ГМО", "Л.В. Ким")
    assert [section.title for section in draft.sections] == [
        "Организационная работа"
    ] and draft.warnings == []


def test_text_after_the_signature_is_a_note_with_its_warning(tmp_path):
    draft = draft_from_file(
        plan_signed("Руководитель ГМО ______ Л.В. Ким", "План рассмотрен на заседании ГМО 28.08.2024.").save(
            tmp_path
        )
    )
    assert draft.head_name == "Л.В. Ким"
    assert draft.notes == [("", "План рассмотрен на заседании ГМО 28.08.2024.")]
    assert [str(warning) for warning in draft.warnings] == [
        "Абзац 7: текст после подписи руководителя сохранён как примечание: «План рассмотрен на заседании ГМО 28.08.2024.»."
    ]


def test_no_signature_is_a_warning(association, tmp_path):
    result = import_plan_file(plan_signed().save(tmp_path), association)
    assert result.plan.head_name == ""
    assert [str(warning) for warning in result.warnings] == [
        "Не найдена подпись руководителя в конце плана («Руководитель … Фамилия И.О.»)."
    ]


def test_a_block_under_the_plan_beside_the_signature(association, tmp_path):
    path = plan_signed(
        "Руководитель ГМО ______ Л.В. Ким",
        "",
        "СОГЛАСОВАНО:",
        "Методист МКУ «ЦРО» ________ Е.В. Белова",
        "«29» августа 2024 г.",
    ).save(tmp_path)
    result = import_plan_file(path, association)
    plan = result.plan
    assert (plan.head_post, plan.head_name) == ("Руководитель ГМО", "Л.В. Ким")
    assert (plan.agreed_by_post, plan.agreed_by_name, str(plan.agreed_on)) == (
        "Методист МКУ «ЦРО»",
        "Е.В. Белова",
        "2024-08-29",
    )
    assert result.warnings == [] and plan.notes == []


def test_a_block_above_the_signature_without_a_blank_line(tmp_path):
    draft = draft_from_file(
        plan_signed("Согласовано: методист МКУ «ЦРО» Белова Е.В.", "Руководитель ГМО ______ Л.В. Ким").save(
            tmp_path
        )
    )
    assert (draft.agreed.post, draft.agreed.name) == ("методист МКУ «ЦРО»", "Белова Е.В.")
    assert (draft.head_post, draft.head_name) == ("Руководитель ГМО", "Л.В. Ким")
    assert draft.warnings == []


def test_a_line_left_to_sign_is_no_note(tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ГМО на 2024-2025 учебный год")
    plan.a_few_events(head="________")
    draft = draft_from_file(plan.save(tmp_path))
    assert (draft.head_post, draft.head_name, draft.notes) == ("", "", [])
