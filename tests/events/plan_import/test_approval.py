"""«УТВЕРЖДАЮ» and «СОГЛАСОВАНО» at the top of a plan — as a borderless table (left and right) or as paragraphs —
with post, name, date and protocol, stored on the plan."""

import datetime

from events.plan_import import draft_from_file, import_plan_file
from tests.events.plan_import.documents import SOFT, PlanDocument

AGREED = ["СОГЛАСОВАНО", "На заседании ГМО школьных библиотекарей", "Протокол № 1 от 28.08.2024 г."]
APPROVED = ["УТВЕРЖДАЮ", "Директор МКУ «ЦРО»", "__________ Т.А. Мальцева", "«30» августа 2024 г."]


def blocks(draft):
    return [(block.post, block.name, block.on, block.note) for block in (draft.approved, draft.agreed)]


def titled(plan):
    plan.paragraphs("ПЛАН РАБОТЫ", "ГМО школьных библиотекарей г. Братска на 2024-2025 учебный год")
    plan.short_header()
    plan.a_few_events()
    return plan


def test_blocks_in_a_borderless_table_each_in_its_cell_are_stored_on_the_plan(association, tmp_path):
    plan = PlanDocument()
    plan.blocks_table(AGREED, APPROVED)
    result = import_plan_file(titled(plan).save(tmp_path), association)
    saved = result.plan

    assert (saved.approved_by_post, saved.approved_by_name, saved.approved_on, saved.approved_note) == (
        "Директор МКУ «ЦРО»",
        "Т.А. Мальцева",
        datetime.date(2024, 8, 30),
        "",
    )
    assert (saved.agreed_by_post, saved.agreed_by_name, saved.agreed_on, saved.agreed_note) == (
        "На заседании ГМО школьных библиотекарей",
        "",
        datetime.date(2024, 8, 28),
        "Протокол № 1 от 28.08.2024 г.",
    )
    assert saved.title == "ПЛАН РАБОТЫ\nГМО школьных библиотекарей г. Братска на 2024-2025 учебный год"
    assert result.warnings == [] and saved.notes == []


def test_blocks_in_a_borderless_table_a_row_per_line(tmp_path):
    plan = PlanDocument()
    plan.blocks_table(
        ["СОГЛАСОВАНО:", "Руководитель МКУ «ЦРО»", "_________ /Е.В. Белова/", "«29» августа 2024 г."],
        [
            "УТВЕРЖДАЮ:",
            "Председатель комитета образования",
            "________ С.С. Орлов",
            "Приказ № 12 от 01.09.2024",
        ],
        row_per_line=True,
    )
    draft = draft_from_file(titled(plan).save(tmp_path))
    assert blocks(draft) == [
        (
            "Председатель комитета образования",
            "С.С. Орлов",
            datetime.date(2024, 9, 1),
            "Приказ № 12 от 01.09.2024",
        ),
        ("Руководитель МКУ «ЦРО»", "Е.В. Белова", datetime.date(2024, 8, 29), ""),
    ]
    assert draft.title.startswith("ПЛАН РАБОТЫ") and draft.warnings == []


def test_blocks_as_paragraphs_one_above_the_other(tmp_path):
    plan = PlanDocument()
    plan.paragraphs(
        "УТВЕРЖДАЮ",
        "Начальник управления образования",
        "администрации Усть-Илимского района",
        "_____________ О.Н. Смирнова (подпись)",
        "«02» сентября 2024 г.",
        "",
    )
    plan.paragraphs("СОГЛАСОВАНО", "Методист МКУ «ИМЦ»", "Петрова А.А.", "")
    plan.paragraphs("Годовой план работы", "РМО школьных библиотекарей на 2024-2025 учебный год")
    plan.short_header()
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert blocks(draft) == [
        (
            "Начальник управления образования администрации Усть-Илимского района",
            "О.Н. Смирнова",
            datetime.date(2024, 9, 2),
            "",
        ),
        ("Методист МКУ «ИМЦ»", "Петрова А.А.", None, ""),
    ]
    assert draft.title == "Годовой план работы\nРМО школьных библиотекарей на 2024-2025 учебный год"
    assert draft.warnings == []


def test_blocks_as_paragraphs_ending_at_the_title_without_a_blank_line(tmp_path):
    plan = PlanDocument()
    plan.paragraphs("Рассмотрено", "на заседании ШМО", "протокол № 1 от «29» августа 2024 г.")
    plan.paragraphs("ПЛАН РАБОТЫ ШМО библиотекарей на 2024-2025 учебный год")
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert blocks(draft) == [
        ("", "", None, ""),
        ("на заседании ШМО", "", datetime.date(2024, 8, 29), "протокол № 1 от «29» августа 2024 г."),
    ]
    assert draft.title == "ПЛАН РАБОТЫ ШМО библиотекарей на 2024-2025 учебный год"


def test_blocks_side_by_side_on_paragraphs_apart_by_tabs(tmp_path):
    plan = PlanDocument()
    plan.paragraphs(
        "СОГЛАСОВАНО\t\t\t\t\tУТВЕРЖДАЮ",
        "Руководитель ШМО\t\t\t\t\tДиректор МБОУ «СОШ № 7»",
        "_______ Н.П. Орлова\t\t\t\t_________ И.И. Сидоров",
        "\t\t\t\t\t\tПриказ № 145 от 30.08.2024",
        "",
    )
    plan.paragraph("План работы ШМО школьных библиотекарей на 2024–2025 учебный год")
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert blocks(draft) == [
        ("Директор МБОУ «СОШ № 7»", "И.И. Сидоров", datetime.date(2024, 8, 30), "Приказ № 145 от 30.08.2024"),
        ("Руководитель ШМО", "Н.П. Орлова", None, ""),
    ]


def test_a_block_in_one_paragraph_with_soft_line_breaks(tmp_path):
    plan = PlanDocument()
    plan.paragraph(
        SOFT.join(["УТВЕРЖДАЮ", "Заведующий МКУ «ЦРО»", "__________ Л.П. Меньшаева", "30.08.2024"])
    )
    plan.paragraph("ПЛАН работы ГМО на 2024-2025 учебный год")
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert blocks(draft)[0] == ("Заведующий МКУ «ЦРО»", "Л.П. Меньшаева", datetime.date(2024, 8, 30), "")
    assert draft.title == "ПЛАН работы ГМО на 2024-2025 учебный год"


def test_a_date_left_to_fill_in_by_hand_is_no_date(tmp_path):
    plan = PlanDocument()
    plan.blocks_table(
        ["СОГЛАСОВАНО", "Заместитель директора МКУ «ЦРО»", "_______ Е.В. Белова", "«___» ________ 2024 г."],
        ["УТВЕРЖДАЮ", "Директор МКУ «ЦРО»", "_______ Т.А. Мальцева", "«___» ___________ 20__ г."],
    )
    draft = draft_from_file(titled(plan).save(tmp_path))
    assert blocks(draft) == [
        ("Директор МКУ «ЦРО»", "Т.А. Мальцева", None, ""),
        ("Заместитель директора МКУ «ЦРО»", "Е.В. Белова", None, ""),
    ]


def test_a_plan_without_blocks_has_them_empty(association, tmp_path):
    saved = import_plan_file(titled(PlanDocument()).save(tmp_path), association).plan
    assert (saved.approved_by_post, saved.approved_by_name, saved.approved_on, saved.approved_note) == (
        "",
        "",
        None,
        "",
    )
    assert (saved.agreed_by_post, saved.agreed_by_name, saved.agreed_on, saved.agreed_note) == (
        "",
        "",
        None,
        "",
    )


def test_the_name_and_the_date_on_one_line(tmp_path):
    plan = PlanDocument()
    plan.blocks_table(
        ["СОГЛАСОВАНО", "Руководитель ГМО", "_______ (Л.В. Ким) 28.08.2024"],
        ["УТВЕРЖДАЮ", "Директор МКУ «ЦРО»", "_______ Т.А. Мальцева «30» августа 2024 г."],
    )
    draft = draft_from_file(titled(plan).save(tmp_path))
    assert blocks(draft) == [
        ("Директор МКУ «ЦРО»", "Т.А. Мальцева", datetime.date(2024, 8, 30), ""),
        ("Руководитель ГМО", "Л.В. Ким", datetime.date(2024, 8, 28), ""),
    ]


def test_an_impossible_date_is_kept_as_written_with_a_warning(tmp_path):
    plan = PlanDocument()
    plan.blocks_table(
        ["СОГЛАСОВАНО", "На заседании ГМО"],
        ["УТВЕРЖДАЮ", "Директор МКУ «ЦРО»", "_______ Т.А. Мальцева", "«31» февраля 2025 г."],
    )
    draft = draft_from_file(titled(plan).save(tmp_path))
    assert blocks(draft) == [
        ("Директор МКУ «ЦРО»", "Т.А. Мальцева", None, "«31» февраля 2025 г."),
        ("На заседании ГМО", "", None, ""),
    ]
    assert [str(warning) for warning in draft.warnings] == [
        "Таблица 1, строка 1: в грифе «УТВЕРЖДАЮ» дата «31 февраля 2025» — такой даты нет: дата не записана, текст сохранён как есть."
    ]


def test_approved_by_an_order_over_two_soft_lines_with_yo(tmp_path):
    """«УТВЕРЖДЁН ↵ приказом МКУ «ЦРО» ↵ от 01.09.2023 № 120»: the order is the note, its date the block's."""
    plan = PlanDocument()
    plan.paragraph(f"УТВЕРЖДЁН{SOFT}приказом МКУ «ЦРО»{SOFT}от 01.09.2023 № 120")
    plan.paragraph("")
    plan.paragraph("План работы ГМО школьных библиотекарей на 2023-2024 учебный год")
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert draft.title == "План работы ГМО школьных библиотекарей на 2023-2024 учебный год"
    assert (draft.approved.post, draft.approved.note, draft.approved.on) == (
        "",
        "приказом МКУ «ЦРО» от 01.09.2023 № 120",
        datetime.date(2023, 9, 1),
    )
