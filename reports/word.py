"""DOCX: python-docx documents set up to print like the PDFs — A4, the margins of static/css/print.css, Times New
Roman 12 pt — with the few pieces of Word's structure python-docx has no call for: a table header row repeated on
every page, rows that do not split across a page, a table without borders."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT_NAME = "Times New Roman"
FONT_SIZE = Pt(12)
CENTER, RIGHT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY


def new_document():
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT_NAME, FONT_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(
        qn("w:eastAsia"), FONT_NAME
    )  # Word's Cyrillic font
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    return document


def save_document(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def text_width(document):
    section = document.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def paragraph(document, text="", bold=False, align=None, space_before=0):
    p = document.add_paragraph()
    _fill(p, text, bold, align)
    p.paragraph_format.space_before = Pt(space_before)
    return p


def labelled(document, label, text, space_before=0):
    """«Председатель: Саблина В.И.»: the label bold, the text after it, justified."""
    p = document.add_paragraph()
    p.add_run(label).bold = True
    if text:
        p.add_run(f" {text}")
    p.paragraph_format.space_before = Pt(space_before)
    p.alignment = JUSTIFY
    return p


def lines(cell, texts, bold=False, align=None):
    """The cell's text, a paragraph per line (its first, empty paragraph holds the first)."""
    for index, text in enumerate(texts or [""]):
        _fill(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), text, bold, align)


def _fill(p, text, bold, align):
    if text:
        p.add_run(text).bold = bold or None
    if align is not None:
        p.alignment = align


def table(document, columns, widths, borders=True, flush=False):
    """A table of `columns` fixed-width columns (widths in Length), bordered like the PDFs' or without borders;
    `flush`: no space inside its cells at their sides, so that its text lines up with the page's."""
    grid = document.add_table(rows=0, cols=columns)
    if borders:
        grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths):
        column.width = width
    grid._widths = widths
    if flush:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            margin = OxmlElement(f"w:{side}")
            margin.set(qn("w:w"), "0")
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        grid._tbl.tblPr.insert_element_before(
            margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
        )
    return grid


def row(grid, repeat_header=False, keep_together=True):
    """A new row of `grid`, its cells the columns' widths (Word reads a cell's own width); `keep_together`: it does
    not split across a page; `repeat_header`: Word repeats it at the top of every page the table runs onto."""
    new = grid.add_row()
    for cell, width in zip(new.cells, grid._widths):
        cell.width = width
    tr_pr = new._tr.get_or_add_trPr()
    if keep_together:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if repeat_header:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
    return new
