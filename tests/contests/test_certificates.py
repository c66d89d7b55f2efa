"""Issuing, numbering, printing and filing the contest's certificates (contests.certificates)."""

import datetime
import io
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from contests import certificates
from contests.models import Certificate, CertificateCounter, Contest, Entry
from contests.services import confirm_places, reopen_places
from contests.uploads import validate_background
from members.models import PortfolioEntry, School
from tests.reports.conftest import pdf_pages, pdf_text

DAY = datetime.date(2024, 3, 20)
Kind = Certificate.Kind


@pytest.fixture
def confirmed(filled_contest, media_root):
    return confirm_places(filled_contest, {})


def kinds(contest):
    return sorted((c.entry.surname, c.kind) for c in contest.certificates.select_related("entry"))


def test_not_before_the_places_are_confirmed(filled_contest):
    with pytest.raises(ValidationError, match="утвердите места"):
        certificates.issue(filled_contest, today=DAY)
    assert not Certificate.objects.exists()


def test_a_diploma_for_each_place_a_certificate_for_the_rest_thanks_for_the_mentors(confirmed):
    issued = certificates.issue(confirmed, today=DAY)
    assert kinds(confirmed) == sorted(
        [("Иванова", Kind.DIPLOMA), ("Иванова", Kind.THANKS), ("Петров", Kind.DIPLOMA), ("Петров", Kind.THANKS),
         ("Ли", Kind.DIPLOMA), ("Ли", Kind.THANKS), ("Черных", Kind.DIPLOMA),  # no mentor: no thanks
         ("Гусь", Kind.DIPLOMA), ("Гусь", Kind.THANKS), ("Шевченко", Kind.PARTICIPANT)]
    )  # fmt: skip
    assert [c.number_text for c in issued] == [f"2024-{n:03d}" for n in range(1, 11)]
    assert {c.person.surname for c in issued if c.kind == Kind.THANKS} == {"Куклина", "Садовникова"}
    assert all(c.person is None for c in issued if c.kind != Kind.THANKS)  # pupils are no persons


def test_issuing_twice_changes_nothing(confirmed):
    first = [(c.pk, c.kind, c.number) for c in certificates.issue(confirmed, today=DAY)]
    portfolio = list(PortfolioEntry.objects.values_list("pk", "file"))
    again = [
        (c.pk, c.kind, c.number) for c in certificates.issue(confirmed, today=DAY + datetime.timedelta(1))
    ]
    assert again == first
    assert list(PortfolioEntry.objects.values_list("pk", "file")) == portfolio
    assert CertificateCounter.objects.get().last == 10


def test_a_number_is_never_given_twice(confirmed, other_association):
    given = {c.pk: c.number for c in certificates.issue(confirmed, today=DAY)}
    shevchenko = Entry.objects.get(surname="Шевченко")
    withdrawn = Certificate.objects.get(entry=shevchenko).number
    kept = Certificate.objects.get(entry__surname="Иванова", kind=Kind.DIPLOMA).number
    # Шевченко wins a third place: her certificate goes, a diploma and a thanks come with new numbers
    reopen_places(confirmed)
    confirm_places(confirmed, {shevchenko.pk: 3})
    certificates.issue(confirmed, today=DAY)
    assert not Certificate.objects.filter(entry=shevchenko, kind=Kind.PARTICIPANT).exists()
    new = Certificate.objects.filter(entry=shevchenko).order_by("number")
    assert [(c.kind, c.number) for c in new] == [(Kind.DIPLOMA, 11), (Kind.THANKS, 12)]
    assert Certificate.objects.get(entry__surname="Иванова", kind=Kind.DIPLOMA).number == kept
    # a certificate deleted by hand is issued again under a new number, the old one stays unused
    Certificate.objects.filter(number=12).delete()
    certificates.issue(confirmed, today=DAY)
    numbers = list(Certificate.objects.order_by("number").values_list("number", flat=True))
    assert numbers == [n for n in range(1, 14) if n not in (withdrawn, 12)]
    ever = [*given.values(), 11, 12, 13]
    assert len(ever) == len(set(ever))
    # a new year starts again at 1; another association has its own sequence
    assert list(certificates._take_numbers(confirmed.association, 2025, 2)) == [1, 2]
    assert list(certificates._take_numbers(other_association, 2024, 3)) == [1, 2, 3]
    assert list(certificates._take_numbers(confirmed.association, 2024, 1)) == [14]


def test_the_gramota_when_the_contest_gives_one(confirmed):
    certificates.issue(confirmed, today=DAY)
    confirmed.participant_award = Contest.ParticipantAward.GRAMOTA
    confirmed.save()
    certificates.issue(confirmed, today=DAY)
    shevchenko = Certificate.objects.get(entry__surname="Шевченко")
    assert (shevchenko.kind, shevchenko.number) == (Kind.GRAMOTA, 11)


def test_the_pdf_has_one_page_per_certificate_with_the_names_in_the_right_case(confirmed):
    issued = certificates.issue(confirmed, today=DAY)
    pages = pdf_pages(certificates.render_pdf(confirmed, certificates.certificates_for(confirmed)))
    assert len(pages) == len(issued) == 10
    by_number = dict(zip([c.number_text for c in issued], pages, strict=True))
    ivanova = by_number[Certificate.objects.get(entry__surname="Иванова", kind=Kind.DIPLOMA).number_text]
    for piece in ("ГТО ШБ г. Усть-Илимска", "ДИПЛОМ", "I степени", "награждается", "Иванова Мария",
                  "ученица 5 класса МАОУ СОШ № 1", "конкурса «Конкурс юных поэтов»", "номинация «5–8 классы»",
                  "20 марта 2024 г.", "Руководитель ГТО ШБ", "Саблина В.И.", "№ 2024-001"):  # fmt: skip
        assert piece in ivanova
    thanks = by_number[Certificate.objects.get(entry__surname="Петров", kind=Kind.THANKS).number_text]
    assert "БЛАГОДАРНОСТЬ" in thanks and "объявляется Куклиной Наталье Николаевне" in thanks
    assert "за подготовку призёра конкурса «Конкурс юных поэтов» Петрова Ивана, ученика 6 класса" in thanks
    gus = by_number[Certificate.objects.get(entry__surname="Гусь", kind=Kind.THANKS).number_text]
    assert "Садовниковой Людмиле Ивановне" in gus and "Гуся Льва, ученика 11 класса" in gus
    shevchenko = by_number[Certificate.objects.get(entry__surname="Шевченко").number_text]
    assert "СЕРТИФИКАТ УЧАСТНИКА" in shevchenko
    assert "выдан Шевченко Ольге ученице 8 класса МАОУ СОШ № 2 участнице конкурса" in shevchenko
    li = by_number[Certificate.objects.get(entry__surname="Ли", kind=Kind.DIPLOMA).number_text]
    assert "Ли Ким ученик 7 класса" in li and "призёр (II место)" in li


def test_the_awarding_date_and_a_mentor_typed_as_text(confirmed):
    confirmed.awarded_on = datetime.date(2024, 4, 5)
    confirmed.save()
    Entry.objects.filter(surname="Черных").update(mentor_text="Петрова Анна Сергеевна")
    certificates.issue(confirmed, today=DAY)
    thanks = Certificate.objects.get(entry__surname="Черных", kind=Kind.THANKS)
    assert thanks.person is None
    text = pdf_text(certificates.render_pdf(confirmed, [thanks]))
    assert "объявляется Петровой Анне Сергеевне" in text and "5 апреля 2024 г." in text
    assert "за подготовку победителя конкурса" in text and "Черных Анны, ученицы 10 класса" in text


def test_long_titles_and_school_names_stay_on_one_page_in_every_layout(confirmed):
    event = confirmed.event
    event.title = ("Межмуниципальный открытый конкурс чтецов и юных поэтов, посвящённый Году семьи, " * 5)[
        :300
    ]
    event.save()
    for number, school in enumerate(School.objects.filter(entries__contest=confirmed).distinct(), start=1):
        school.short_name = (
            f"Муниципальное автономное общеобразовательное учреждение «Средняя школа № {number}»"
        )
        school.save()
    Entry.objects.filter(surname="Петров").update(surname="Константинопольский-Преображенский")
    issued = certificates.issue(confirmed, today=DAY)
    for layout in Contest.Layout.values:
        confirmed.layout = layout
        pages = pdf_pages(certificates.render_pdf(confirmed, certificates.certificates_for(confirmed)))
        assert len(pages) == len(issued), layout
        assert all("Саблина В.И." in page and "№ 2024-0" in page for page in pages)


def issued_and_prepared(contest):
    certificates.issue(contest, today=DAY)
    return certificates.prepare(contest.pk)


def test_each_librarians_certificate_goes_into_her_portfolio_once(confirmed):
    issued_and_prepared(confirmed)
    filed = PortfolioEntry.objects.filter(person__surname="Куклина").order_by("result")
    assert [(e.kind, e.level, e.title, e.date, e.result) for e in filed] == [
        (PortfolioEntry.Kind.CONTEST, "municipal", "Конкурс юных поэтов", DAY, "благодарность за подготовку победителя"),
        (PortfolioEntry.Kind.CONTEST, "municipal", "Конкурс юных поэтов", DAY, "благодарность за подготовку призёра"),
    ]  # fmt: skip
    for entry in filed:
        content = entry.file.read()
        assert content.startswith(b"%PDF")
        assert len(pdf_pages(content)) == 1
    winner = filed[0]
    assert "Ивановой Марии" in pdf_text(winner.file.open().read())
    assert PortfolioEntry.objects.filter(person__surname="Садовникова").count() == 2  # Ли Ким, Гусь Лев
    # Петров moves up to the first place: his mentor's entry is brought up to date, not doubled
    reopen_places(confirmed)
    confirm_places(confirmed, {Entry.objects.get(surname="Петров").pk: 1})
    issued_and_prepared(confirmed)
    assert (
        sorted(PortfolioEntry.objects.filter(person__surname="Куклина").values_list("result", flat=True))
        == ["благодарность за подготовку победителя"] * 2
    )
    # Ли loses the place: her mentor's thanks and its portfolio entry go
    reopen_places(confirmed)
    confirm_places(confirmed, {Entry.objects.get(surname="Ли").pk: None})
    issued_and_prepared(confirmed)
    assert PortfolioEntry.objects.filter(person__surname="Садовникова").count() == 1


def test_a_portfolio_entry_she_deleted_is_not_made_again(confirmed):
    issued_and_prepared(confirmed)
    PortfolioEntry.objects.filter(person__surname="Куклина").first().delete()
    issued_and_prepared(confirmed)
    assert PortfolioEntry.objects.filter(person__surname="Куклина").count() == 1


def test_the_one_pdf_is_prepared_once_per_issue_and_a_stale_preparation_writes_nothing(confirmed):
    issued = certificates.issue(confirmed, today=DAY)
    confirmed.refresh_from_db()
    assert not confirmed.certificates_ready
    prepared = certificates.prepare(confirmed.pk)
    assert prepared.certificates_ready
    assert len(pdf_pages(prepared.certificates_file.open("rb").read())) == len(issued)
    # issued again while an older preparation was still running: the older one must not overwrite the file
    Contest.objects.filter(pk=confirmed.pk).update(
        issued_at=prepared.issued_at + datetime.timedelta(seconds=1)
    )
    again = certificates.prepare(confirmed.pk)
    assert again.certificates_ready  # the newer issue's own preparation
    assert Contest.objects.get(pk=confirmed.pk).prepared_for == again.issued_at


def test_the_command_prepares_the_file(confirmed):
    from io import StringIO

    from django.core.management import call_command

    certificates.issue(confirmed, today=DAY)
    out = StringIO()
    call_command("prepare_certificates", str(confirmed.pk), stdout=out)
    assert "собраны: 10" in out.getvalue()
    assert Contest.objects.get(pk=confirmed.pk).certificates_ready


def test_in_the_background_the_issue_only_numbers_and_the_page_says_the_file_is_coming(
    confirmed, head_user, settings
):
    from django.test import Client
    from django.urls import reverse

    settings.CERTIFICATES_IN_BACKGROUND = (
        True  # the process is started only after a commit, which a test never has
    )
    head = Client()
    head.force_login(head_user)
    response = head.post(reverse("contests:issue", args=[confirmed.pk]), follow=True)
    page = response.content.decode()
    assert "Выпущено 10 грамот" in page and "Файл с 10 грамотами готовится" in page
    assert confirmed.certificates.count() == 10
    download = head.get(reverse("contests:certificates", args=[confirmed.pk]), follow=True)
    assert "ещё готовится" in download.content.decode()


def test_a_librarian_downloads_her_schools_certificates(confirmed, librarian_user):
    certificates.issue(confirmed, today=DAY)
    school = librarian_user.account.person.school
    mine = list(certificates.certificates_for(confirmed, school))
    assert {c.entry.school_id for c in mine} == {school.pk}
    assert sorted((c.entry.surname, c.kind) for c in mine) == sorted(
        [("Иванова", Kind.DIPLOMA), ("Иванова", Kind.THANKS), ("Петров", Kind.DIPLOMA), ("Петров", Kind.THANKS),
         ("Черных", Kind.DIPLOMA)]
    )  # fmt: skip
    assert [c.number for c in mine] == sorted(c.number for c in mine)


def test_printing_costs_the_same_queries_however_many_certificates(confirmed):
    certificates.issue(confirmed, today=DAY)

    def queries(rows):
        with CaptureQueriesContext(connection) as captured:
            certificates.render_pdf(confirmed, rows)
        return len(captured)

    all_rows = certificates.certificates_for(confirmed)
    assert queries(all_rows[:2]) == queries(all_rows)


def png(width, height):
    image = Image.new("RGB", (width, height), (250, 230, 200))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_the_contests_own_background(confirmed):
    certificates.issue(confirmed, today=DAY)
    confirmed.background.save("fon.png", ContentFile(png(124, 175)))
    pdf = certificates.render_pdf(confirmed, certificates.certificates_for(confirmed)[:2])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(
            ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
        )
    rows = [line for line in listing.stdout.splitlines()[2:] if line.strip()]
    assert len(rows) == 2 and all(
        " 124 " in row and " 175 " in row for row in rows
    )  # the picture on each page


def test_weasyprint_reads_nothing_but_the_background():
    fetch = certificates._fetcher((b"\x89PNG", "image/png"))
    for url in ("file:///etc/passwd", "http://127.0.0.1/", "https://certificate.invalid/other"):
        with pytest.raises(ValueError, match="no other file"):
            (fetch.fetch if hasattr(fetch, "fetch") else fetch)(url)


def huge_png(width, height):
    """A PNG whose header says width × height (its pixels are never there: the validator reads the header)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def test_a_background_must_be_a_reasonable_picture():
    validate_background(SimpleUploadedFile("fon.png", png(40, 50)))
    with pytest.raises(ValidationError, match="PNG или JPEG"):
        validate_background(SimpleUploadedFile("fon.pdf", b"%PDF-1.4 not a picture"))
    with pytest.raises(ValidationError, match="PNG или JPEG"):
        validate_background(SimpleUploadedFile("fon.gif", b"GIF89a"))
    with pytest.raises(ValidationError, match="не похож на PNG"):
        validate_background(SimpleUploadedFile("fon.png", b"just text, renamed"))
    with pytest.raises(ValidationError, match="слишком велика"):
        validate_background(SimpleUploadedFile("fon.png", huge_png(20000, 20000)))
