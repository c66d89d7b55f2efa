"""The header of plans as other associations write it: their title, their labels, as a table or as paragraphs,
the tasks and results as Word's lists or typed — each saved in its field of the plan."""

import docx

from events.plan_import import draft_from_file, import_plan_file
from tests.events.plan_import.documents import SOFT, Auto, PlanDocument

CITY_THEME = "Развитие профессиональных компетенций педагогов в условиях обновлённых ФГОС."
THEME = "Школьная библиотека — центр формирования читательской грамотности."
GOAL = "Создание условий для профессионального роста школьных библиотекарей района."


def test_gmo_header_as_paragraphs_with_word_lists(association, tmp_path):
    plan = PlanDocument()
    plan.paragraphs(
        "ПЛАН РАБОТЫ",
        "городского методического объединения школьных библиотекарей г. Братска",
        "на 2024-2025 учебный год",
        bold=True,
    )
    plan.paragraph(f"Единая методическая тема: {CITY_THEME}")
    plan.paragraph(f"Методическая тема ГМО: {THEME}")
    plan.paragraph(f"Цель: {GOAL}")
    plan.paragraph("Задачи:")
    plan.numbered_list(
        [
            (
                "Продолжить сотрудничество с библиотеками города через:",
                ["участие в проекте «Читаем вместе»;", "организацию совместных выставок."],
            ),
            "Организовать изучение нормативных документов.",
            ("Обобщать опыт работы коллег:", ["мастер-классы;", "открытые мероприятия."]),
        ]
    )
    plan.paragraph("Ожидаемые результаты:")
    plan.numbered_list(["Рост профессионального мастерства.", "Участие библиотекарей в конкурсах."])
    plan.a_few_events()

    result = import_plan_file(plan.save(tmp_path), association)
    saved = result.plan

    assert saved.year_start == 2024
    assert (
        saved.title
        == "ПЛАН РАБОТЫ\nгородского методического объединения школьных библиотекарей г. Братска\nна 2024-2025 учебный год"
    )
    assert (saved.city_theme, saved.theme, saved.goal) == (CITY_THEME, THEME, GOAL)
    assert saved.header_labels == {"city_theme": "Единая методическая тема", "theme": "Методическая тема ГМО"}
    assert saved.task_tree() == [
        (
            "Продолжить сотрудничество с библиотеками города через:",
            ["участие в проекте «Читаем вместе»;", "организацию совместных выставок."],
        ),
        ("Организовать изучение нормативных документов.", []),
        ("Обобщать опыт работы коллег:", ["мастер-классы;", "открытые мероприятия."]),
    ]
    assert saved.result_list() == ["Рост профессионального мастерства.", "Участие библиотекарей в конкурсах."]
    assert saved.notes == []
    assert result.warnings == []


def test_rmo_header_as_a_two_column_table(association, tmp_path):
    plan = PlanDocument()
    plan.paragraph(
        "План работы РМО школьных библиотекарей Усть-Илимского района" + SOFT + "на 2024–2025 учебный год",
        bold=True,
    )
    tasks = plan.numbering()
    results = plan.numbering()
    plan.header_table(
        [
            ("Единая районная методическая тема", CITY_THEME),
            ("Методическая тема РМО", THEME),
            ("Цель", GOAL),
            (
                "Задачи",
                [
                    Auto(tasks, "Организовать методическое сопровождение библиотекарей через:"),
                    Auto(tasks, "семинары и вебинары;", level=1),
                    Auto(tasks, "индивидуальные консультации.", level=1),
                    Auto(tasks, "Развивать сетевое взаимодействие школьных библиотек."),
                ],
            ),
            (
                "Ожидаемые результаты",
                [
                    Auto(results, "Повышение качества обслуживания читателей."),
                    Auto(results, "Обновление фондов."),
                ],
            ),
        ]
    )
    plan.a_few_events(head="Руководитель РМО ______ Т.А. Мальцева")

    result = import_plan_file(plan.save(tmp_path), association)
    saved = result.plan

    assert (
        saved.title
        == "План работы РМО школьных библиотекарей Усть-Илимского района\nна 2024–2025 учебный год"
    )
    assert (saved.city_theme, saved.theme, saved.goal) == (CITY_THEME, THEME, GOAL)
    assert saved.header_labels == {
        "city_theme": "Единая районная методическая тема",
        "theme": "Методическая тема РМО",
    }
    assert saved.task_tree() == [
        (
            "Организовать методическое сопровождение библиотекарей через:",
            ["семинары и вебинары;", "индивидуальные консультации."],
        ),
        ("Развивать сетевое взаимодействие школьных библиотек.", []),
    ]
    assert saved.result_list() == ["Повышение качества обслуживания читателей.", "Обновление фондов."]
    assert result.warnings == []


def test_shmo_labels_on_their_own_paragraphs_and_typed_lists(association, tmp_path):
    plan = PlanDocument()
    plan.paragraphs(
        "План работы",
        "школьного методического объединения библиотекарей",
        "МБОУ «СОШ № 7» на 2024/2025 учебный год",
    )
    plan.paragraph("Тема:", bold=True)
    plan.paragraph(THEME)
    plan.paragraph("Цели:", bold=True)
    plan.paragraph(GOAL)
    plan.paragraph("Задачи:", bold=True)
    plan.paragraphs(
        "1) Совершенствовать работу с читателями, через:",
        "• индивидуальные беседы;",
        "• массовые мероприятия.",
        "2) Пополнять фонд. ",
    )
    plan.paragraph("Ожидаемый результат:", bold=True)
    plan.paragraphs("• Рост читательской активности учащихся.", "• Сохранность фонда учебников.")
    plan.paragraph("Направления работы: работа с учащимися, с педагогами, с родителями.")
    plan.a_few_events(head="Руководитель ШМО ______ Н.П. Орлова")

    result = import_plan_file(plan.save(tmp_path), association)
    saved = result.plan

    assert (
        saved.title
        == "План работы\nшкольного методического объединения библиотекарей\nМБОУ «СОШ № 7» на 2024/2025 учебный год"
    )
    assert saved.year_start == 2024
    assert (saved.city_theme, saved.theme, saved.goal) == ("", THEME, GOAL)
    assert saved.header_labels == {"theme": "Тема", "goal": "Цели", "results": "Ожидаемый результат"}
    assert saved.task_tree() == [
        ("Совершенствовать работу с читателями, через:", ["индивидуальные беседы;", "массовые мероприятия."]),
        ("Пополнять фонд.", []),
    ]
    assert saved.result_list() == ["Рост читательской активности учащихся.", "Сохранность фонда учебников."]
    # a label the site does not know: kept as written, with a warning on its paragraph
    assert saved.notes == [["Направления работы", "работа с учащимися, с педагогами, с родителями."]]
    assert [str(warning) for warning in result.warnings] == [
        "Абзац 16: «Направления работы» — такого раздела шапки сайт не знает: текст сохранён в плане как есть."
    ]
    assert (saved.head_post, saved.head_name) == ("Руководитель ШМО", "Н.П. Орлова")


def test_mo_header_table_with_the_label_merged_down_over_its_points(tmp_path):
    """«Задачи» in the left column merged down over a row per task."""
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ МО школьных библиотекарей Нижнеилимского района на 2025-2026 учебный год")
    table = plan.header_table(
        [
            ("Тема", THEME),
            ("Задачи", "Изучать новинки литературы."),
            ("", "Проводить семинары."),
            ("", "Участвовать в конкурсах."),
            ("Ожидаемые результаты", "Рост мастерства."),
        ]
    )
    table.cell(1, 0).merge(table.cell(3, 0))
    plan.a_few_events()

    draft = draft_from_file(plan.save(tmp_path))
    assert draft.year_start == 2025
    assert (
        draft.title == "ПЛАН РАБОТЫ МО школьных библиотекарей Нижнеилимского района на 2025-2026 учебный год"
    )
    assert draft.theme == THEME
    assert draft.tasks == [
        ("Изучать новинки литературы.", []),
        ("Проводить семинары.", []),
        ("Участвовать в конкурсах.", []),
    ]
    assert draft.results == ["Рост мастерства."]
    assert [str(warning) for warning in draft.warnings] == ["В шапке плана нет раздела «Цель»."]


def test_gto_header_with_the_usual_labels_keeps_no_labels(association, tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ГТО ШБ г. Усть-Илимска на 2024-2025 учебный год")
    plan.header_table(
        [
            ("Единая городская методическая тема", CITY_THEME),
            ("Методическая тема ГТО ШБ", THEME),
            ("Цель", GOAL),
            ("Задачи", "1. Организовать работу.\n2. Изучить опыт."),
            ("Ожидаемые результаты", "1. Рост.\n2. Повышение."),
        ]
    )
    plan.paragraph("Содержание работы", bold=True)
    plan.a_few_events(head="Руководитель ГТО ШБ ______ В.И. Саблина")

    saved = import_plan_file(plan.save(tmp_path), association).plan
    assert saved.header_labels == {} and saved.notes == []
    assert saved.task_tree() == [("Организовать работу.", []), ("Изучить опыт.", [])]
    assert saved.result_list() == ["Рост.", "Повышение."]
    assert (saved.head_post, saved.head_name) == ("Руководитель ГТО ШБ", "В.И. Саблина")


def test_a_missing_part_of_the_header_is_a_warning_not_a_refusal(tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ГМО на 2024-2025 учебный год")
    plan.paragraph(f"Тема: {THEME}")
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert draft.theme == THEME and len(draft.events) == 2
    assert [str(warning) for warning in draft.warnings] == [
        "В шапке плана нет раздела «Задачи».",
        "В шапке плана нет раздела «Ожидаемые результаты».",
        "В шапке плана нет раздела «Цель».",
    ]


def test_labels_followed_by_a_dash_or_a_quote_instead_of_a_colon(tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ГМО на 2024-2025 учебный год")
    plan.paragraph("Методическая тема ГМО «Библиотека – территория чтения»")
    plan.paragraph("Цель – создание условий для роста мастерства.")
    plan.paragraph("Профессиональный рост – главная задача года.")  # no label: the goal goes on
    plan.paragraph("Задачи: изучать опыт коллег.")
    plan.paragraph("Ожидаемые результаты — рост мастерства.")
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert draft.theme == "«Библиотека – территория чтения»"
    assert (
        draft.goal == "создание условий для роста мастерства.\nПрофессиональный рост – главная задача года."
    )
    assert draft.results == ["рост мастерства."]
    assert draft.labels == {"theme": "Методическая тема ГМО"}
    assert draft.notes == [] and draft.warnings == []


def test_the_line_above_the_table_heads_it_and_is_no_result(tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ГМО на 2024-2025 учебный год")
    plan.paragraphs(
        "Цель: рост мастерства.",
        "Задачи: изучать опыт.",
        "Ожидаемые результаты:",
        "Рост мастерства.",
        "План работы выполнен полностью.",
    )  # a result that starts like a heading: still a result
    plan.paragraph("Содержание работы ГМО на 2024-2025 учебный год", bold=True)
    plan.a_few_events()
    draft = draft_from_file(plan.save(tmp_path))
    assert draft.results == ["Рост мастерства.", "План работы выполнен полностью."]
    assert [section.title for section in draft.sections] == ["Организационная работа"]
    assert draft.notes == [] and draft.warnings == []


def test_a_heading_line_above_a_table_without_sections_names_its_events(tmp_path):
    plan = PlanDocument()
    plan.paragraph("План работы ШМО на 2024-2025 учебный год")
    plan.paragraphs(
        "Цель: рост мастерства.", "Задачи: изучать опыт.", "Ожидаемые результаты:", "1. Рост мастерства."
    )
    plan.paragraph("Работа с читателями")
    table = plan.events_table()
    table.row("1.", "Неделя книги", "Март", "Орлова Н.П.")
    plan.paragraph("Руководитель ШМО ______ Н.П. Орлова")
    draft = draft_from_file(plan.save(tmp_path))
    assert draft.results == ["Рост мастерства."]
    assert [(section.title, section.where) for section in draft.sections] == [
        ("Работа с читателями", "Абзац 6")
    ]
    assert draft.warnings == []


def test_a_label_alone_takes_the_next_paragraph_whatever_colon_it_holds(association, tmp_path):
    """«Тема:» on its own line, then «Современная школьная библиотека: пространство …»: the theme, not an unknown label."""
    document = docx.Document()
    for text in (
        "План работы МО школьных библиотекарей на 2024-2025 учебный год",
        "Тема:",
        "Современная школьная библиотека: пространство для чтения, общения и творчества",
        "Цель:",
        "Задачи: 1. Одна",
    ):
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=3)
    for values in (("Мероприятие", "Сроки", "Ответственный"), ("Заседание МО", "Август", "Орлова Н.П.")):
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    path = tmp_path / "план.docx"
    document.save(path)
    draft = draft_from_file(path)
    assert draft.theme == "Современная школьная библиотека: пространство для чтения, общения и творчества"
    assert draft.labels == {"theme": "Тема"} and draft.notes == []
    assert draft.goal == "" and [task for task, _points in draft.tasks] == [
        "Одна"
    ]  # «Задачи:» is no text of «Цель:»
