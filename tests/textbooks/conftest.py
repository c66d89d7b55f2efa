"""The exchange bank's fixtures: the sample ФПУ, an offer of school B, a need of school A, helpers."""

import datetime
import io
from pathlib import Path

import pytest
from django.utils import timezone

from demo.samples import xlsx_bytes
from members.models import School
from textbooks.models import Need, Offer, Textbook

DATA = Path(__file__).resolve().parent / "data"
FPU_SAMPLE = DATA / "fpu-sample.xlsx"
FPU_NEWER = DATA / "fpu-sample-newer.xlsx"
OFFERS_SAMPLE = DATA / "offers-sample.xlsx"


def make_textbook(
    number="1.1.1.1.1.2",
    title="Русский язык. 2 класс",
    authors="Канакина В.П., Горецкий В.Г.",
    grades=(2, 2),
    subject="Русский язык",
    **fields,
):
    return Textbook.objects.create(
        fpu_number=number, title=title, authors=authors, grade_from=grades[0], grade_to=grades[1], subject=subject,
        publisher="АО «Издательство «Просвещение»", language="русский", **fields,
    )  # fmt: skip


def make_offer(school, textbook=None, copies=10, grades=None, **fields):
    """An offer of `school`: from the catalogue `textbook`, or typed in from `fields` (title, authors…)."""
    offer = Offer(school=school, copies=copies, available=copies, **fields)
    if textbook is not None:
        offer.fill_from_textbook(textbook)
        grades = grades or (textbook.grade_from, textbook.grade_to)
    offer.grade_from, offer.grade_to = grades or (2, 2)
    offer.save()
    return offer


def make_need(school, textbook=None, grade=None, copies=5, **fields):
    need = Need(school=school, copies=copies, **fields)
    if textbook is not None:
        need.fill_from_textbook(textbook)
        grade = grade or textbook.grade_from
    need.grade = grade or 2
    need.save()
    return need


def upload(rows, name="список.xlsx"):
    """An uploaded XLSX of `rows`, as a browser sends it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        name,
        xlsx_bytes(rows),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def xlsx_file(rows):
    return io.BytesIO(xlsx_bytes(rows))


def login(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def catalogue(db):
    """The sample Federal List."""
    from textbooks.fpu import import_fpu

    import_fpu(FPU_SAMPLE, today=datetime.date(2024, 9, 1))
    return {textbook.fpu_number: textbook for textbook in Textbook.objects.all()}


@pytest.fixture
def textbook(db):
    return make_textbook()


@pytest.fixture
def offer(other_school, textbook):
    """School B offers 10 copies of «Русский язык. 2 класс» (Канакина)."""
    return make_offer(other_school, textbook, copies=10, year_published=2019)


@pytest.fixture
def need(school, textbook):
    """School A needs 8 copies of the same textbook."""
    return make_need(school, textbook, copies=8)


@pytest.fixture
def foreign_school(other_association):
    return School.objects.create(
        association=other_association, name="Школа № 3 г. Братска", short_name="МБОУ СОШ № 3"
    )


@pytest.fixture
def foreign_offer(foreign_school, textbook):
    """An offer of another association's school: in the regional bank, outside this association's list."""
    return make_offer(foreign_school, textbook, copies=4)


@pytest.fixture
def other_librarian_client(client, other_librarian_user):
    client.force_login(other_librarian_user)
    return client


@pytest.fixture
def other_head_client(client, other_head_user):
    client.force_login(other_head_user)
    return client
