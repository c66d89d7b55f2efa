"""Files that would keep a worker busy or fill its memory are refused fast, with a Russian sentence, and change
nothing: the sizes a file unpacks into are checked before it is opened, the rows, columns and cell lengths
while it is read (textbooks.spreadsheets, events.importer, members.uploads.check_archive).

The bound is measured as a bound, not as a benchmark: each hostile file is read in a fresh Python process (Django
set up, nothing else loaded), which reports its own time for the read and its own peak memory.
"""

import io
import json
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.models import Event, Plan
from textbooks.models import Offer, Textbook
from textbooks.sample import xlsx_bytes

from .hostile_files import Repeated, office_file, sheet

pytestmark = pytest.mark.django_db

SECONDS, MEGABYTES = 2, 200


SST = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
SHARED_ROWS = (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
               b'<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>8</v></c><c r="C2"><v>3</v></c></row>')


def with_shared_strings(strings_part):
    """A school's list as Excel writes it — its texts in a shared-strings part — with `strings_part` for that part."""
    base = xlsx_bytes([["Наименование", "Класс", "Количество"], ["Химия. 8 класс", 8, 3]])
    import zipfile

    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        types, rels = archive.read("[Content_Types].xml"), archive.read("xl/_rels/workbook.xml.rels")
    types = types.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = rels.replace(b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/></Relationships>')
    head, _rows, tail = sheet(b"")
    return office_file(base, {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels,
                              "xl/worksheets/sheet1.xml": head + SHARED_ROWS + tail, "xl/sharedStrings.xml": strings_part})


GOOD = with_shared_strings(SST + "".join(f"<si><t>{text}</t></si>" for text in ["Наименование", "Класс", "Количество", "Химия. 8 класс"]).encode() + b"</sst>")


def forty_million_rows():
    """40 million empty rows: 240 MB of XML in a file of a quarter of a megabyte."""
    head, _rows, tail = sheet(b"")
    return office_file(GOOD, {"xl/worksheets/sheet1.xml": Repeated(head, b"<row/>" * 1_000_000, 40, tail)})


def row_forty_million():
    """A header, then a cell in row 40,000,000: a tiny file whose reader would make up the rows between."""
    head, _rows, tail = sheet(b"")
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="40000000"><c r="A40000000" t="inlineStr"><is><t>y</t></is></c></row>'
    return office_file(GOOD, {"xl/worksheets/sheet1.xml": head + rows + tail})


def declared_huge():
    """Two rows that say the sheet is A1:XFD40000000: a reader trusting it makes 40 million rows of 16,384 cells."""
    head, _rows, tail = sheet(b"", dimension="A1:XFD40000000")
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    return office_file(GOOD, {"xl/worksheets/sheet1.xml": head + rows + tail})


def shared_string_bomb():
    """One shared string of 4.8 GB in a file under 5 MB."""
    return with_shared_strings(Repeated(SST + b"<si><t>", b"a" * 2**20, 4578, b"</t></si></sst>"))


def docx_base():
    import docx

    document = docx.Document()
    document.add_paragraph("План работы ГМО школьных библиотекарей на 2024-2025 учебный год")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb():
    """A plan whose document.xml unpacks into 1.5 GB of empty paragraphs."""
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    return office_file(docx_base(), {"word/document.xml": Repeated(head, b"<w:p/>" * 250_000, 1000, b"</w:body></w:document>")})


READERS = {
    "xlsx": "from textbooks.spreadsheets import read_rows as read, SpreadsheetError as Refused",
    "docx": "from events.importer import parse_plan_file as read, PlanImportError as Refused",
}


def read_in_a_fresh_process(tmp_path, content, kind):
    path = tmp_path / f"hostile.{kind}"
    path.write_bytes(content)
    code = textwrap.dedent(f"""
        import json, os, resource, sys, time
        os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
        import django
        django.setup()
        {READERS[kind]}
        started = time.perf_counter()
        try:
            read(sys.argv[1])
            message = ""
        except Refused as error:
            message = str(error)
        print(json.dumps({{"seconds": time.perf_counter() - started, "message": message,
                          "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
    """)
    # Started by a shell that forks it: a process forked from this one would report this one's peak as its own
    # (Linux carries a forked process's high-water mark over its exec), and this one has rendered PDFs by now.
    command = ["/bin/sh", "-c", '"$@"; exit $?', "sh", sys.executable, "-c", code, str(path)]
    done = subprocess.run(command, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("build, kind, says", [
    (forty_million_rows, "xlsx", "распаковывается в 228 МБ"),
    (row_forty_million, "xlsx", "больше 20000 строк"),
    (declared_huge, "xlsx", ""),  # two honest rows: read as such, quickly
    (shared_string_bomb, "xlsx", "распаковывается в 4578 МБ"),
    (docx_bomb, "docx", "распаковывается в 1431 МБ"),
], ids=["40 million rows", "row 40 million", "declared XFD40000000", "4.8 GB shared string", "docx of 1.4 GB"])  # fmt: skip
def test_hostile_files_are_refused_within_two_seconds_and_200_mb(tmp_path, build, kind, says):
    content = build()
    assert len(content) < 5 * 1024 * 1024  # each passes the upload's size limit: the work bound is what stops it
    result = read_in_a_fresh_process(tmp_path, content, kind)
    assert says in result["message"] if says else result["message"] == ""
    assert result["seconds"] < SECONDS and result["peak_mb"] < MEGABYTES, result


@pytest.mark.parametrize("build", [forty_million_rows, row_forty_million, shared_string_bomb], ids=["dense", "sparse", "shared string"])
def test_from_the_browser_a_hostile_list_is_a_russian_400_and_changes_nothing(librarian_client, school, build):
    response = librarian_client.post(reverse("textbooks:offers_import"), {"file": SimpleUploadedFile("список.xlsx", build())})
    assert response.status_code == 400
    assert "Файл не загружен, ничего не изменено" in response.content.decode()
    assert not Offer.objects.exists()


ENTITIES = '''<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Наименование</t></si><si><t>Класс</t></si>
<si><t>Количество</t></si><si><t>&lol2;</t></si></sst>'''.encode()  # small enough to import as a 300-character title, were entities read
EXTERNAL = b'''<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&secret;</t></si></sst>'''


def test_a_good_list_with_shared_strings_goes_through(librarian_client, school):
    response = librarian_client.post(reverse("textbooks:offers_import"), {"file": SimpleUploadedFile("список.xlsx", GOOD)})
    assert response.status_code == 302 and Offer.objects.get().title == "Химия. 8 класс"


@pytest.mark.parametrize("part, content", [
    ("xl/sharedStrings.xml", ENTITIES),
    ("xl/sharedStrings.xml", EXTERNAL),
    ("xl/worksheets/sheet1.xml", b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'),
    ("xl/worksheets/sheet1.xml", b"not xml at all \x00\xff"),
    ("xl/workbook.xml", b"<workbook>"),
], ids=["billion laughs", "external entity", "truncated sheet", "garbage sheet", "broken workbook"])  # fmt: skip
def test_malformed_xml_is_a_russian_message(librarian_client, school, part, content):
    response = librarian_client.post(reverse("textbooks:offers_import"), {"file": SimpleUploadedFile("список.xlsx", office_file(GOOD, {part: content}))})
    html = response.content.decode()
    assert response.status_code == 400 and "не читается как таблица Excel" in html and "root:" not in html
    assert not Offer.objects.exists()


def test_a_cell_longer_than_anyone_types_is_refused_with_its_row(librarian_client, school):
    content = xlsx_bytes([["Наименование", "Класс", "Количество"], ["Химия", 8, 3], ["Физика " * 3000, 7, 2]])
    response = librarian_client.post(reverse("textbooks:offers_import"), {"file": SimpleUploadedFile("список.xlsx", content)})
    assert response.status_code == 400 and "Строка 3: в ячейке больше 10000 знаков" in response.content.decode()
    assert not Offer.objects.exists()


def test_the_federal_list_command_refuses_a_bomb(tmp_path):
    path = tmp_path / "fpu.xlsx"
    path.write_bytes(shared_string_bomb())
    with pytest.raises(CommandError, match="распаковывается в 4578 МБ"):
        call_command("import_fpu", str(path))
    assert not Textbook.objects.exists()


def test_the_plan_command_refuses_a_bomb_and_a_document_too_long(tmp_path, association):
    bomb = tmp_path / "план.docx"
    bomb.write_bytes(docx_bomb())
    with pytest.raises(CommandError, match="распаковывается в 1431 МБ"):
        call_command("import_plan", str(bomb), "--association", association.slug)
    long = tmp_path / "длинный.docx"
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    long.write_bytes(office_file(docx_base(), {"word/document.xml": head + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 25_000 + b"</w:body></w:document>"}))
    with pytest.raises(CommandError, match="больше 20000 строк и абзацев"):
        call_command("import_plan", str(long), "--association", association.slug)
    text = tmp_path / "план.txt"
    text.write_bytes(b"x\n" * (3 * 1024 * 1024))
    with pytest.raises(CommandError, match="Файл больше 5 МБ"):
        call_command("import_plan", str(text), "--association", association.slug)
    assert not Plan.objects.exists() and not Event.objects.exists()
