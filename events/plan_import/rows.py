"""What a reader makes of a plan's file: rows of cells, in the document's order, each knowing where it stands.

A row is a paragraph outside any table (one cell) or a table row. A table row's cells stand on the table's grid:
a cell spanning three columns is one cell and two `covered` ones; a cell merged down from the row above holds
that row's value (`from_above`) — the value belongs to every row it covers.
"""

from dataclasses import dataclass, field

# A file of another kind — a spreadsheet, a presentation, a PDF, an image — whatever its name says.
NOT_A_PLAN_FILE = "Это не план: нужен документ Word (.docx) или текст (.txt) с таблицей мероприятий."
OLD_WORD = (
    "Это старый формат Word (.doc): сохраните файл в Word как .docx («Файл → Сохранить как → Документ Word») "
    "и загрузите снова."
)


class PlanImportError(Exception):
    """A file that is not a plan, or cannot be read; the message is Russian (and names the row when there is one)."""

    def __init__(self, message, line=None, where=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.where = where or (f"Строка {line}" if line is not None else None)

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class Cell:
    text: str = ""  # its paragraphs (and soft line breaks) as lines
    span: int = 1  # the grid columns it covers
    bold: bool = False  # every character of it is bold (a section's row, often)
    from_above: bool = False  # merged down: the text is the row above's
    covered: bool = False  # a grid column another cell of the row spans

    @property
    def empty(self):
        return not self.text.strip()


@dataclass
class Row:
    cells: list = field(default_factory=list)  # [Cell], one per grid column
    where: str = ""  # «Таблица 2, строка 6», «Абзац 3», «Строка 17»: how a warning points at it
    number: int = 0  # its number within its table, paragraphs or lines
    paragraph: bool = False  # a paragraph outside any table
    table: int = 0  # which table (from 1) of the document; 0 for a paragraph or a text line

    @property
    def texts(self):
        return [cell.text for cell in self.cells]

    @property
    def filled(self):
        """The cells with text, not counting the grid columns they cover: [(column, Cell)]."""
        return [
            (column, cell) for column, cell in enumerate(self.cells) if not cell.covered and not cell.empty
        ]

    @property
    def joined(self):
        return " ".join(" ".join(cell.text.split()) for _column, cell in self.filled)
