"""Reading the exported files back: PDF text through pdftotext (poppler-utils), XLSX through openpyxl.

pdftotext runs with -raw: the text in the order WeasyPrint drew it (row by row, cell by cell),
not the order its layout analysis guesses from positions on the page.
"""

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook


def pdf_text(content, layout=False):
    """The PDF's text, whitespace collapsed; a word split at a hyphen over two lines joined again."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.pdf"
        path.write_bytes(content)
        args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else ["-raw"]) + [str(path), "-"]
        text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return text if layout else flat(text)


def pdf_pages(content):
    """The text of each page, whitespace collapsed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.pdf"
        path.write_bytes(content)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    return [flat(page) for page in text.split("\f")[:-1]]


def pdf_info(content, tool="pdfinfo"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.pdf"
        path.write_bytes(content)
        return subprocess.run([tool, str(path)], check=True, capture_output=True, text=True).stdout


def flat(text):
    text = re.sub(r"(\w)-\s*\n\s*", r"\1-", text)
    return " ".join(text.split())


def assert_in_order(text, pieces):
    """Each piece occurs in `text`, each after the one before."""
    position = 0
    for piece in pieces:
        found = text.find(flat(piece), position)
        assert found >= 0, (
            f"not found after position {position}: {piece!r}\n…{text[position : position + 300]}…"
        )
        position = found + len(flat(piece))


def workbook(content):
    return load_workbook(io.BytesIO(content))


def sheet_rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def plan_rows(plan):
    """[(number, title, dates text, [names])] of a plan, in order, from the database."""
    return [
        (event.number, event.title, event.dates_text, event.responsible_names())
        for section in plan.numbered_sections()
        for event in section.numbered_events
    ]


@pytest.fixture
def seed_plan_published(seed_plan):
    seed_plan.status = seed_plan.Status.PUBLISHED
    seed_plan.save()
    return seed_plan
