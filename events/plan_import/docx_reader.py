"""A plan in a Word document (.docx): its paragraphs and table rows as Rows, with what Word keeps outside the text.

- Automatic numbering: a list paragraph's number («3.», «IV.», «а)») or bullet is not in its text; it is written
  out from the numbering part, level by level, as Word shows it.
- Merged cells: across columns a cell is read once (and covers the columns it spans); down the rows, a cell merged
  from above holds the value of the cell it continues — it belongs to every row it covers.
- A cell's paragraphs and soft line breaks become lines of its text; tables inside a cell are read into it too.
- Text is read wherever Word keeps it in a paragraph — in hyperlinks, smart tags, content controls, fields and
  tracked insertions (not deletions) — and paragraphs, tables, rows and cells inside content controls.
"""

import zipfile

from core.formats import number, roman
from events.plan_import.rows import NOT_A_PLAN_FILE, Cell, PlanImportError, Row
from members.office_files import Count, OfficeFileRefused, OfficeLimits, check_office_file

MAX_LINES = 20000
MAX_CELLS = 30000  # a plan of 500 events is 3,000 cells
MAX_COLUMNS = 64  # Word's own limit is 63
MAX_BYTES = 5 * 1024 * 1024
TOO_LONG = f"В документе больше {number(MAX_LINES)} строк и абзацев — план работы столько не занимает. Проверьте, тот ли это файл."
LIMITS = OfficeLimits(
    what="плана работы", max_bytes=MAX_BYTES, max_unpacked=60 * 1024 * 1024, max_part=15 * 1024 * 1024,
    counts=[  # over all the parts, whatever they are called (python-docx finds them through the relationships)
        Count(b"p", MAX_LINES, TOO_LONG),
        Count(b"tc", MAX_CELLS, f"В таблицах документа больше {number(MAX_CELLS)} ячеек — план работы столько не занимает."),
        Count(b"style", 5000),
        Count(None, 300_000),
    ],
)  # fmt: skip
NOT_DOCX = "Файл не читается как документ Word (.docx): он повреждён или сохранён не Word. Откройте его в Word и сохраните заново как «Документ Word (.docx)»."

RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _formatted(number, fmt):
    """A list counter as Word shows it in the format `fmt` of its level."""
    if fmt == "upperRoman":
        return roman(number)
    if fmt == "lowerRoman":
        return roman(number).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("russianLower", "russianUpper"):
        letter = RUSSIAN_LETTERS[(number - 1) % len(RUSSIAN_LETTERS)]
        return letter.upper() if fmt == "russianUpper" else letter
    return str(number)


class Numbering:
    """What number or bullet each list paragraph shows: Word keeps it in the numbering part, not in the text."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels = {}  # numId → {level: (format, text, start)}
        self.counters = {}  # numId → {level: count}
        self.styles, self.default_style, self.by_style = {}, None, {}
        self._read_styles(document)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in numbering.findall(qn("w:abstractNum")):
            abstract[node.get(qn("w:abstractNumId"))] = self._levels(node)
        for node in numbering.findall(qn("w:num")):
            ref = node.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            levels = dict(abstract.get(ref.get(qn("w:val")), {}))
            for override in node.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                level = override.get(qn("w:ilvl"))
                if start is not None and level in levels:
                    fmt, text, _ = levels[level]
                    levels[level] = (fmt, text, _int(start.get(qn("w:val")), 1))
            self.levels[node.get(qn("w:numId"))] = levels

    def _levels(self, node):
        qn, levels = self.qn, {}
        for level in node.findall(qn("w:lvl")):
            fmt, text, start = (
                level.find(qn("w:numFmt")),
                level.find(qn("w:lvlText")),
                level.find(qn("w:start")),
            )
            levels[level.get(qn("w:ilvl"))] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "%1.",
                _int(start.get(qn("w:val")), 1) if start is not None else 1,
            )
        return levels

    def _read_styles(self, document):
        """{style id: (its numbering or None, the id it is based on or None)}, read once: python-docx finds a style
        by walking all of them, and a chain of them costs its square."""
        qn = self.qn
        try:
            element = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in element.findall(qn("w:style")):
            p_pr = style.find(qn("w:pPr"))
            num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
            based_on = style.find(qn("w:basedOn"))
            style_id = style.get(qn("w:styleId"))
            self.styles[style_id] = (num_pr, based_on.get(qn("w:val")) if based_on is not None else None)
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                self.default_style = style_id

    def _style_num_pr(self, style_id):
        """A style's numbering, or its base styles': each style resolved once, never round a chain that returns."""
        chain = []
        while style_id is not None and style_id not in self.by_style and style_id not in chain:
            chain.append(style_id)
            style_id = self.styles.get(style_id, (None, None))[1]
        found = self.by_style.get(style_id)
        for member in reversed(chain):
            own = self.styles.get(member, (None, None))[0]
            found = self.by_style[member] = own if own is not None else found
        return self.by_style.get(chain[0]) if chain else found

    def prefix(self, p):
        """«3. », «IV. », «а) » for a numbered paragraph (a `w:p` element), «- » for a bullet, else «»."""
        qn = self.qn
        p_pr = p.pPr
        num_pr = (
            p_pr.numPr
            if p_pr is not None and p_pr.numPr is not None
            else self._style_num_pr(p.style or self.default_style)
        )
        if num_pr is None:
            return ""
        num_id = num_pr.find(qn("w:numId"))
        level = num_pr.find(qn("w:ilvl"))
        num_id = num_id.get(qn("w:val")) if num_id is not None else None
        if num_id in (None, "0"):
            return ""
        level = _int(level.get(qn("w:val")), 0) if level is not None else 0
        levels = self.levels.get(num_id, {})
        fmt, text, start = levels.get(str(level), ("decimal", f"%{level + 1}.", 1))
        if fmt in ("bullet", "none"):
            return "- "
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [key for key in counts if key > level]:
            del counts[deeper]  # a new item restarts the levels below it
        shown = text
        for depth in range(level + 1):
            depth_fmt, _text, depth_start = levels.get(str(depth), ("decimal", "", 1))
            shown = shown.replace(f"%{depth + 1}", _formatted(counts.get(depth, depth_start), depth_fmt))
        return (shown.strip() + " ") if shown.strip() else ""


def _int(text, default):
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


# Wrappers Word puts round a document's blocks, a table's rows or a row's cells: content controls, custom XML.
WRAPPERS = ("sdt", "sdtContent", "customXml")
# Where a paragraph's runs are not its visible text: deleted or moved away (tracked), or a text box's own paragraphs.
NOT_SHOWN = ("del", "moveFrom", "txbxContent")


def _children(element, tag):
    """The children of `element` with `tag` («w:tr»), also those inside content controls and custom XML."""
    from docx.oxml.ns import qn

    wrappers = {qn(f"w:{name}") for name in WRAPPERS}
    for child in element.iterchildren():
        if child.tag == qn(tag):
            yield child
        elif child.tag in wrappers:
            yield from _children(child, tag)


def _runs_text(p):
    """The text of the paragraph's runs, wherever they stand in it — not python-docx's Paragraph.text, which reads
    only the runs directly in the paragraph and in hyperlinks."""
    from docx.oxml.ns import qn

    hidden = {qn(f"w:{name}") for name in NOT_SHOWN}
    parts = []
    for run in p.iter(qn("w:r")):
        ancestor = run.getparent()
        while ancestor is not None and ancestor is not p and ancestor.tag not in hidden:
            ancestor = ancestor.getparent()
        if ancestor is p:
            parts.append(run.text)
    return "".join(parts)


def _paragraph_text(p, numbering):
    """A paragraph's text as Word shows it: its number or bullet, soft line breaks as new lines."""
    text = _runs_text(p)
    prefix = numbering.prefix(p)
    if prefix.strip() == "-" and text.lstrip()[:1] in "-–—•":
        prefix = ""
    return (prefix + text.strip()) if prefix else text


def _is_bold(element):
    """Every run with text is bold (by the run or by its paragraph's style is not known here: by the run)."""
    from docx.oxml.ns import qn

    runs = [
        run for run in element.iter(qn("w:r")) if "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
    ]
    if not runs:
        return False
    for run in runs:
        r_pr = run.find(qn("w:rPr"))
        bold = r_pr.find(qn("w:b")) if r_pr is not None else None
        if bold is None or bold.get(qn("w:val")) in ("0", "false"):
            return False
    return True


def _cell_text(tc, numbering):
    """A cell's paragraphs as lines — also those of a table inside it — with their numbers and bullets."""
    from docx.oxml.ns import qn

    lines = [_paragraph_text(p, numbering) for p in tc.iter(qn("w:p")) if not _in_text_box(p, tc)]
    return "\n".join(line.replace("\t", " ") for line in lines if line.strip())


def _in_text_box(p, container):
    """The paragraph is a text box's, inside a run of the container's own paragraphs."""
    from docx.oxml.ns import qn

    ancestor = p.getparent()
    while ancestor is not None and ancestor is not container:
        if ancestor.tag == qn("w:txbxContent"):
            return True
        ancestor = ancestor.getparent()
    return False


def read_docx(path_or_file):
    """[Row] of the document, in its order. PlanImportError when it is not a Word document that can be read."""
    import docx

    try:
        check_office_file(path_or_file, LIMITS)
    except OfficeFileRefused as refused:
        raise PlanImportError(str(refused)) from None
    try:
        document = docx.Document(path_or_file)
    except Exception:  # python-docx raises zip, XML and package errors alike
        raise PlanImportError(NOT_A_PLAN_FILE if _other_office_file(path_or_file) else NOT_DOCX) from None
    try:
        return _rows(document)
    except PlanImportError:
        raise
    except Exception:  # a part python-docx reads only now (numbering, styles) is malformed
        raise PlanImportError(
            "Файл повреждён: часть документа Word не читается. Откройте его в Word и сохраните заново."
        ) from None


# The main part of an Excel workbook, a PowerPoint presentation, an OpenDocument file: a file of Office, not Word's.
OTHER_OFFICE_PARTS = ("xl/workbook.xml", "ppt/presentation.xml", "content.xml")


def _other_office_file(path_or_file):
    """The file is a spreadsheet or a presentation (whatever its name says), not a damaged Word document."""
    try:
        if hasattr(path_or_file, "seek"):
            path_or_file.seek(0)
        with zipfile.ZipFile(path_or_file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        return False
    finally:
        if hasattr(path_or_file, "seek"):
            path_or_file.seek(0)
    return any(name in names for name in OTHER_OFFICE_PARTS)


def _rows(document):
    from docx.oxml.ns import qn

    numbering = Numbering(document)
    body = document.element.body
    blocks = list(_blocks(body))
    several = sum(block.tag == qn("w:tbl") for block in blocks) > 1
    rows, paragraphs, table_number = [], 0, 0
    for block in blocks:
        if block.tag == qn("w:p"):
            paragraphs += 1
            text = _paragraph_text(block, numbering)
            rows.append(
                Row([Cell(text, bold=_is_bold(block))], f"Абзац {paragraphs}", paragraphs, paragraph=True)
            )
        elif block.tag == qn("w:tbl"):
            table_number += 1
            rows.extend(_table_rows(block, table_number, several, numbering))
    return rows


def _blocks(body):
    """The body's paragraphs and tables in order, also those inside content controls."""
    from docx.oxml.ns import qn

    wrappers = {qn(f"w:{name}") for name in WRAPPERS}
    for child in body.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in wrappers:
            yield from _blocks(child)


def _table_rows(tbl, table_number, several, numbering):
    from docx.oxml.ns import qn

    rows, above = [], {}  # grid column → the text of the cell that a merged-down cell continues
    for row_number, tr in enumerate(_children(tbl, "w:tr"), start=1):
        where = f"Таблица {table_number}, строка {row_number}" if several else f"Строка таблицы {row_number}"
        cells = []
        tr_pr = tr.find(qn("w:trPr"))
        grid_before = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
        for _ in range(
            min(_int(grid_before.get(qn("w:val")), 0) if grid_before is not None else 0, MAX_COLUMNS)
        ):
            cells.append(Cell())
        for tc in list(_children(tr, "w:tc"))[:MAX_COLUMNS]:
            tc_pr = tc.find(qn("w:tcPr"))
            span = v_merge = None
            if tc_pr is not None:
                span, v_merge = tc_pr.find(qn("w:gridSpan")), tc_pr.find(qn("w:vMerge"))
            span = max(1, min(_int(span.get(qn("w:val")), 1) if span is not None else 1, MAX_COLUMNS))
            column = len(cells)
            continues = v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue")
            if continues:
                cell = Cell(above.get(column, ""), span=span, from_above=True)
            else:
                cell = Cell(_cell_text(tc, numbering), span=span, bold=_is_bold(tc))
            above[column] = cell.text
            cells.append(cell)
            cells.extend(Cell(covered=True) for _ in range(span - 1))
        rows.append(Row(cells, where, row_number, table=table_number))
    return rows
