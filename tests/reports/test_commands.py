"""export_plan, export_analysis and benchmark_reports from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from members.models import Association
from tests.reports.conftest import pdf_text, sheet_rows, workbook

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_export_plan_pdf(seed_plan, tmp_path):
    path = tmp_path / "план.pdf"
    out = run("export_plan", "2023-2024", "--format", "pdf", "--output", str(path))
    assert out.startswith(f"Записан файл «{path}»: ")
    size = path.stat().st_size
    word = (
        "байт"
        if size % 10 in (0, 5, 6, 7, 8, 9) or 11 <= size % 100 <= 14
        else "байта"
        if size % 10 != 1
        else "байт"
    )
    assert out.rstrip().endswith(f"{size} {word}.")  # the size said in Russian, whatever its last digit
    text = pdf_text(path.read_bytes())
    assert "План работы ГТО ШБ на 2023-2024 учебный год" in text
    assert "25. Интеллектуальная игра по сказкам" in text


def test_export_plan_xlsx(seed_plan, tmp_path):
    path = tmp_path / "plan.xlsx"
    run("export_plan", "2023-2024", "--format", "xlsx", "--output", str(path), "--association", "ust-ilimsk")
    rows = sheet_rows(workbook(path.read_bytes())["Содержание работы"])
    assert len([row for row in rows if isinstance(row[0], int)]) == 25


def test_export_plan_docx_reads_back_as_the_same_plan(seed_plan, tmp_path):
    from events.plan_import import draft_from_file

    path = tmp_path / "план.docx"
    run("export_plan", "2023-2024", "--format", "docx", "--output", str(path))
    draft = draft_from_file(path)
    assert (len(draft.sections), len(draft.events), len(draft.tasks), len(draft.results)) == (5, 25, 6, 6)


def test_the_analysis_has_no_word_file(seed_plan, tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'docx'|недопустимый выбор"):
        run("export_analysis", "2023-2024", "--format", "docx", "--output", str(tmp_path / "a.docx"))


def test_export_plan_to_its_russian_name_in_the_current_folder(seed_plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("export_plan", "2023-2024")
    assert (tmp_path / "План работы ГТО ШБ 2023-2024.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_export_analysis(seed_plan, tmp_path, fmt):
    path = tmp_path / f"analysis.{fmt}"
    run("export_analysis", "2023-2024", "--format", fmt, "--output", str(path))
    if fmt == "pdf":
        assert "В плане 25 мероприятий в 5 разделах: проведено 0 (0 %), не отмечено 25." in pdf_text(
            path.read_bytes()
        )
    else:
        assert sheet_rows(workbook(path.read_bytes())["Итоги"])[-1] == ["Всего", 25, 0, 0, 0, 0, 0, 0, 25]


@pytest.mark.parametrize(
    "args, message",
    [
        (["2023"], "не учебный год"),
        (["2030-2031"], "Плана на 2030-2031 учебный год нет"),
        (["2023-2024", "--association", "nowhere"], "не найдено"),
    ],
)
def test_export_bad_arguments(seed_plan, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        run("export_plan", *args, "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_export_with_no_association_creates_none(db, tmp_path):
    with pytest.raises(CommandError, match="Плана на 2023-2024 учебный год нет"):
        run("export_analysis", "2023-2024", "--output", str(tmp_path / "x.pdf"))
    assert not Association.objects.exists()


def test_export_to_a_missing_folder_says_so(seed_plan, tmp_path):
    with pytest.raises(CommandError, match="Не удалось записать"):
        run("export_plan", "2023-2024", "--output", str(tmp_path / "нет" / "x.pdf"))


def test_wrong_format_is_refused(seed_plan):
    with pytest.raises(CommandError, match="invalid choice|недопустимый"):
        run("export_plan", "2023-2024", "--format", "odt")


def test_benchmark_leaves_the_database_as_it_was(seed_plan):
    from events.models import Event, Plan

    out = run("benchmark_reports", "--runs", "1", "--events", "12")
    assert "план-образец, 25 мероприятий:" in out
    assert "большой план, 12 мероприятий:" in out
    for identifier in ["plan-pdf", "plan-xlsx", "plan-docx", "analysis-pdf", "analysis-xlsx"]:
        assert out.count(identifier) == 2
    assert (Plan.objects.count(), Event.objects.count(), Association.objects.count()) == (1, 25, 1)
