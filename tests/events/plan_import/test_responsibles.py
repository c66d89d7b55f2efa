"""Responsible cells as other associations write them: groups, full names, initials first, a school in parentheses,
several names per cell — each a line as written, linked to the association's card where there is one; the import
never adds a card."""

from events.models import Responsible
from events.plan_import import draft_from_file, import_plan_file, preview
from members.models import Person
from tests.events.plan_import.documents import SOFT, PlanDocument, numbered_events


def plan_of(*responsible_cells):
    plan = PlanDocument()
    plan.paragraph("ПЛАН РАБОТЫ ГМО школьных библиотекарей г. Братска на 2024-2025 учебный год")
    plan.short_header()
    table = plan.events_table()
    table.section("Работа с педагогическими кадрами")
    for number, cell in enumerate(responsible_cells, start=1):
        table.row(f"{number}.", f"Мероприятие {number}", "Октябрь", cell)
    plan.paragraph("Руководитель ГМО ______ Л.В. Ким")
    return plan


def lines(event):
    return [(line.text, line.key, line.person) for line in event.responsibles.all()]


def test_groups_are_lines_without_a_person_printed_as_written(association, tmp_path):
    path = plan_of("все библиотекари", "члены ГМО", "руководители ШМО", "МКУ «ЦРО»").save(tmp_path)
    saved = numbered_events(import_plan_file(path, association).plan)
    assert [lines(event) for event in saved] == [
        [("все библиотекари", "", None)],
        [("члены ГМО", "", None)],
        [("руководители ШМО", "", None)],
        [("МКУ «ЦРО»", "", None)],
    ]
    assert not Person.objects.exists()


def test_a_full_name_matches_the_card_and_fills_its_first_name_and_patronymic(association, tmp_path):
    card = Person.objects.create(association=association, surname="Иванова", initials="Е.А.")
    result = import_plan_file(plan_of("Иванова Елена Александровна").save(tmp_path), association)
    (event,) = numbered_events(result.plan)
    assert lines(event) == [("Иванова Елена Александровна", "иванова|еа", card)]
    card.refresh_from_db()
    assert (card.surname, card.first_name, card.patronymic, card.initials) == (
        "Иванова",
        "Елена",
        "Александровна",
        "Е.А.",
    )
    assert result.unlinked == [] and Person.objects.count() == 1


def test_a_full_name_leaves_a_card_that_has_its_first_name(association, tmp_path):
    card = Person.objects.create(
        association=association, surname="Иванова", first_name="Евгения", patronymic="Андреевна"
    )
    import_plan_file(plan_of("Иванова Елена Александровна").save(tmp_path), association)
    card.refresh_from_db()
    assert (card.first_name, card.patronymic) == (
        "Евгения",
        "Андреевна",
    )  # what the card holds is never rewritten


def test_initials_first_a_school_in_parentheses_and_yo(association, tmp_path):
    maltseva = Person.objects.create(association=association, surname="Мальцева", initials="Т.А.")
    petrova = Person.objects.create(association=association, surname="Петрова", initials="А.А.")
    piskareva = Person.objects.create(association=association, surname="Пискарева", initials="С.Б.")
    path = plan_of(
        "Т.А. Мальцева", "Петрова А.А. (СОШ №5)", "Пискарёва С. Б. (МБОУ «Гимназия № 1», библиотекарь)"
    ).save(tmp_path)
    saved = numbered_events(import_plan_file(path, association).plan)
    assert [lines(event) for event in saved] == [
        [("Т.А. Мальцева", "мальцева|та", maltseva)],
        [("Петрова А.А. (СОШ №5)", "петрова|аа", petrova)],
        [("Пискарёва С. Б. (МБОУ «Гимназия № 1», библиотекарь)", "пискарева|сб", piskareva)],
    ]
    assert saved[1].responsible_names() == ["Петрова А.А. (СОШ №5)"]


def test_several_names_per_cell_by_commas_semicolons_line_breaks_and_paragraphs(association, tmp_path):
    kim = Person.objects.create(association=association, surname="Ким", initials="Л.В.")
    cells = [
        "Ким Л.В., Орлова Н.П.",
        "Ким Л.В.; члены ГМО",
        "Ким Л.В." + SOFT + "Т.А. Мальцева",
        "Ким Л.В.\nОрлова Н.П.\nвсе библиотекари",
        "Ким Л.В. Орлова Н.П.",
    ]
    result = import_plan_file(plan_of(*cells).save(tmp_path), association)
    saved = numbered_events(result.plan)
    assert [event.responsible_names() for event in saved] == [
        ["Ким Л.В.", "Орлова Н.П."],
        ["Ким Л.В.", "члены ГМО"],
        ["Ким Л.В.", "Т.А. Мальцева"],
        ["Ким Л.В.", "Орлова Н.П.", "все библиотекари"],
        ["Ким Л.В.", "Орлова Н.П."],
    ]
    assert {line.person for event in saved for line in event.responsibles.all() if line.key == "ким|лв"} == {
        kim
    }
    # names without a card stay names: kept as written, with their key, no card added
    assert set(Responsible.objects.filter(key="орлова|нп").values_list("text", "person")) == {
        ("Орлова Н.П.", None)
    }
    assert Responsible.objects.filter(key="мальцева|та", person=None).count() == 1
    assert sorted(str(name) for name in result.unlinked) == ["Мальцева Т.А.", "Орлова Н.П."]
    assert Person.objects.count() == 1


def test_another_associations_card_is_not_linked(association, other_association, tmp_path):
    Person.objects.create(association=other_association, surname="Ким", initials="Л.В.")
    (event,) = numbered_events(import_plan_file(plan_of("Ким Л.В.").save(tmp_path), association).plan)
    assert lines(event) == [("Ким Л.В.", "ким|лв", None)]
    assert Person.objects.filter(association=association).count() == 0


def test_the_preview_shows_which_names_have_a_card(association, tmp_path):
    kim = Person.objects.create(association=association, surname="Ким", initials="Л.В.")
    draft = draft_from_file(
        plan_of("Л.В. Ким, все библиотекари", "Орлова Надежда Петровна", "Ким Л.В.").save(tmp_path)
    )
    shown = preview(draft, association)
    assert [(key, str(name), card, numbers) for key, name, card, numbers in shown.names] == [
        ("ким|лв", "Ким Л.В.", kim, [1, 3]),
        ("орлова|нп", "Орлова Н.П.", None, [2]),
    ]
    first = shown.sections[0][1][0]
    assert [(line.text, card) for line, card in first.lines] == [
        ("Л.В. Ким", kim),
        ("все библиотекари", None),
    ]
    assert [str(name) for _key, name, _card, _numbers in shown.new_names] == ["Орлова Н.П."]
    assert not Person.objects.exclude(pk=kim.pk).exists()
