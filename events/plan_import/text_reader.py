"""A plan saved from Word as text: a line per paragraph or table row, the cells separated by tabs."""

from core.formats import number
from events.plan_import.rows import Cell, PlanImportError, Row

MAX_LINES = 20000


def decode(data):
    """UTF-8 (with or without its BOM), UTF-16 with its BOM (Word's «Текст в Юникоде»), else Windows-1251; CRLF, CR or LF."""
    try:
        text = (
            data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("utf-8-sig")
        )
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(text):
    """[Row] of the text: a line a row, its tab-separated cells."""
    lines = text.split("\n", MAX_LINES)
    if len(lines) > MAX_LINES:
        raise PlanImportError(
            f"В документе больше {number(MAX_LINES)} строк и абзацев — план работы столько не занимает. Проверьте, тот ли это файл."
        )
    return [
        Row(cells=[Cell(text) for text in line.split("\t")], where=f"Строка {number}", number=number)
        for number, line in enumerate(lines, start=1)
    ]
