"""Backup and restore: a full demo database and its files go out and come back the same."""

import datetime
import zipfile
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from backup.archive import dump
from members.models import Course, Person
from tests.pages import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


def records(data):
    """Every record as a sorted list of JSON lines. Times keep milliseconds (as dumpdata writes them):
    a time of …:50.000400 is written «50.000Z» and comes back as …:50, written «50Z»."""
    import json
    import re

    return sorted(re.sub(r'\.000Z"', 'Z"', json.dumps(record, sort_keys=True, ensure_ascii=False)) for record in json.loads(data))


def test_round_trip_of_the_demo_database(tmp_path, media_root):
    load_demo()
    person = Person.objects.get(surname="Куклина")
    Course.objects.create(person=person, title="С удостоверением", hours=16, start=datetime.date(2024, 1, 1),
                          end=datetime.date(2024, 1, 2), scan=SimpleUploadedFile("udost.pdf", b"%PDF-1.4 scan"))
    before = records(dump())
    archive = tmp_path / "copy.zip"
    out = StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Резервная копия записана" in out.getvalue()

    call_command("flush", "--noinput", verbosity=0)
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()
    call_command("restore", str(archive), stdout=StringIO())

    assert records(dump()) == before
    course = Course.objects.get(title="С удостоверением")
    assert course.scan.read() == b"%PDF-1.4 scan"


def test_restore_refuses_a_database_with_data(tmp_path, media_root):
    load_demo()
    archive = tmp_path / "copy.zip"
    call_command("backup", str(archive), stdout=StringIO())
    with pytest.raises(CommandError, match="База данных не пуста"):
        call_command("restore", str(archive))


def test_restore_refuses_garbage(tmp_path, db):
    garbage = tmp_path / "copy.zip"
    garbage.write_bytes(b"\x00\x01 not a zip")
    with pytest.raises(CommandError, match="не резервная копия"):
        call_command("restore", str(garbage))
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(CommandError, match="нет manifest.json"):
        call_command("restore", str(other))
