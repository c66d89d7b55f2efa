"""An association's work plan from its document — a Word file (.docx) or Word's text export (.txt) — as its
head wrote it, whatever the association and the year.

readers (`docx_reader`, `text_reader`) turn a file into rows → `parser` turns rows into a PlanDraft with warnings
(what a text says it is: `labels`, `columns`, `blocks`, `texts`) → the preview shows the draft (`preview`) →
`writer` saves it. The browser's import page and the `import_plan` command go the same way.
"""

from pathlib import Path

from events.plan_import.docx_reader import MAX_BYTES, read_docx
from events.plan_import.draft import PlanDraft, Warning
from events.plan_import.parser import parse_rows
from events.plan_import.preview import Preview, preview, preview_text
from events.plan_import.rows import NOT_A_PLAN_FILE, OLD_WORD, PlanImportError
from events.plan_import.text_reader import decode, read_text
from events.plan_import.writer import NEW, ImportResult, existing_plan, save_draft, year_of

__all__ = [
    "MAX_BYTES", "NEW", "NOT_A_PLAN_FILE", "OLD_WORD", "ImportResult", "PlanDraft", "PlanImportError", "Preview", "Warning", "draft_from_file",
    "existing_plan", "import_plan_file", "parse_plan_text", "preview", "preview_text", "read_rows", "save_draft", "year_of",
]  # fmt: skip

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old Word (.doc) or Excel (.xls) file
UTF16 = (b"\xff\xfe", b"\xfe\xff")  # Word's «Текст в Юникоде»: its BOM, then two bytes a letter


def read_rows(path_or_file, name=None):
    """The file's rows, by what it is (its first bytes, then its name): PlanImportError with one Russian sentence
    for anything that is not a plan's .docx or .txt — an old .doc, a spreadsheet, a PDF, an image."""
    name = str(name or getattr(path_or_file, "name", path_or_file))
    data = _head(path_or_file, name)
    suffix = Path(name).suffix.lower()
    if data.startswith(OLE):
        raise PlanImportError(OLD_WORD if suffix != ".xls" else NOT_A_PLAN_FILE)
    if data.startswith(b"PK\x03\x04"):
        if suffix in (".xlsx", ".xlsm", ".odt", ".ods", ".pptx"):
            raise PlanImportError(NOT_A_PLAN_FILE)
        return read_docx(path_or_file)
    if suffix == ".docx":
        raise PlanImportError(
            "Файл не читается как документ Word (.docx): он повреждён или сохранён не Word. Откройте его в Word и сохраните заново как «Документ Word (.docx)»."
        )
    if suffix == ".doc":
        raise PlanImportError(OLD_WORD)
    if (
        suffix not in (".txt", "")
        or data.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf"))
        or (b"\x00" in data[:4096] and not data.startswith(UTF16))
    ):
        raise PlanImportError(NOT_A_PLAN_FILE)
    return read_text(decode(_all(path_or_file, name)))


def _head(path_or_file, name):
    try:
        if hasattr(path_or_file, "read"):
            path_or_file.seek(0)
            data = path_or_file.read(4096)
            path_or_file.seek(0)
            return data
        with open(path_or_file, "rb") as file:
            return file.read(4096)
    except OSError as error:
        raise PlanImportError(
            f"Не удалось прочитать файл «{Path(name).name}»: {error.strerror or error}."
        ) from None


def _all(path_or_file, name):
    if hasattr(path_or_file, "read"):
        data = path_or_file.read(MAX_BYTES + 1)
        path_or_file.seek(0)
    else:
        with open(path_or_file, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PlanImportError(
            f"Файл больше {MAX_BYTES // 2**20} МБ: для плана работы это слишком много — проверьте, тот ли это файл."
        )
    return data


def draft_from_file(path_or_file, name=None):
    """The PlanDraft a file holds (nothing is saved)."""
    return parse_rows(read_rows(path_or_file, name))


def parse_plan_text(text):
    """The PlanDraft of a plan's text (as Word's text export holds it)."""
    return parse_rows(read_text(text))


def import_plan_file(path, association, year_start=None, replace=False, chosen=None):
    """Read, parse and save a plan file (.docx or .txt): ImportResult."""
    return save_draft(
        draft_from_file(path), association, year_start=year_start, replace=replace, chosen=chosen
    )
