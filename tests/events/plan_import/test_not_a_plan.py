"""What is not a plan — an old .doc, a spreadsheet, an image, a PDF, a Word document without an events table — is
refused with one Russian sentence, and nothing is written."""

import re
import struct
import zlib

import openpyxl
import pytest

from events.models import Event, Plan, Responsible, Section
from events.plan_import import PlanImportError, import_plan_file
from members.models import Person
from tests.events.plan_import.documents import PlanDocument

NOT_A_PLAN = "Это не план: в файле нет таблицы мероприятий (строки заголовков «Мероприятие», «Сроки», «Ответственный»)."
NOT_A_PLAN_FILE = "Это не план: нужен документ Word (.docx) или текст (.txt) с таблицей мероприятий."
OLD_WORD = "Это старый формат Word (.doc): сохраните файл в Word как .docx («Файл → Сохранить как → Документ Word») и загрузите снова."
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


def spreadsheet(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["№", "Мероприятие", "Сроки", "Ответственный"])
    sheet.append([1, "Заседание ГМО", "Август", "Ким Л.В."])
    book.save(path)
    return path


def nothing_written():
    return (
        Plan.objects.count(),
        Section.objects.count(),
        Event.objects.count(),
        Responsible.objects.count(),
        Person.objects.count(),
    ) == (0,) * 5


def refused(path, association, sentence):
    with pytest.raises(PlanImportError) as refusal:
        import_plan_file(path, association)
    assert str(refusal.value) == sentence
    assert nothing_written()


def test_an_old_word_document(association, tmp_path):
    path = tmp_path / "план.doc"
    path.write_bytes(OLE + bytes(2000))
    refused(path, association, OLD_WORD)


def test_an_old_word_document_named_docx(association, tmp_path):
    path = tmp_path / "план.docx"
    path.write_bytes(OLE + bytes(2000))
    refused(path, association, OLD_WORD)


def test_a_spreadsheet(association, tmp_path):
    refused(spreadsheet(tmp_path / "план.xlsx"), association, NOT_A_PLAN_FILE)


def test_a_spreadsheet_named_docx(association, tmp_path):
    refused(spreadsheet(tmp_path / "план.docx"), association, NOT_A_PLAN_FILE)


@pytest.mark.parametrize("name", ["план.png", "план.txt", "план"])
def test_an_image(association, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(png())
    refused(path, association, NOT_A_PLAN_FILE)


def test_a_pdf(association, tmp_path):
    path = tmp_path / "план.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    refused(path, association, NOT_A_PLAN_FILE)


def test_a_word_document_without_an_events_table(association, tmp_path):
    document = PlanDocument()
    document.paragraphs(
        "ПРОТОКОЛ № 1", "заседания ГМО школьных библиотекарей от 28.08.2024", "Присутствовали: 18 человек."
    )
    document.header_table([("Повестка дня", "1. О плане работы на 2024-2025 учебный год.")])
    refused(document.save(tmp_path), association, NOT_A_PLAN)


def test_a_table_with_its_header_and_no_events(association, tmp_path):
    document = PlanDocument()
    document.paragraph("План работы ГМО на 2024-2025 учебный год")
    document.events_table()
    refused(document.save(tmp_path), association, NOT_A_PLAN)


def test_an_empty_word_document_and_an_empty_text(association, tmp_path):
    refused(PlanDocument().save(tmp_path), association, NOT_A_PLAN)
    empty = tmp_path / "план.txt"
    empty.write_bytes(b"")
    refused(empty, association, NOT_A_PLAN)


def test_each_refusal_is_one_russian_sentence():
    for sentence in (NOT_A_PLAN, NOT_A_PLAN_FILE, OLD_WORD):
        assert re.fullmatch(r"[А-ЯЁ][^\n]*\.", sentence) and re.search("[а-яё]", sentence)
