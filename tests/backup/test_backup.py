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
    """Every record as a sorted list of JSON lines (times to the microsecond, as the backup writes them)."""
    import json

    return sorted(json.dumps(record, sort_keys=True, ensure_ascii=False) for record in json.loads(data))


def test_round_trip_of_the_demo_database(tmp_path, media_root):
    load_demo()
    person = Person.objects.get(surname="Куклина")
    Course.objects.create(
        person=person,
        title="С удостоверением",
        hours=16,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 1, 2),
        scan=SimpleUploadedFile("udost.pdf", b"%PDF-1.4 scan"),
    )
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


def test_the_archive_is_for_its_owner_only(tmp_path, db, media_root):
    import os
    import stat

    archive = tmp_path / "copy.zip"
    archive.write_bytes(b"an older file, readable by all")
    os.chmod(archive, 0o644)
    call_command("backup", str(archive), stdout=StringIO())
    assert stat.S_IMODE(os.stat(archive).st_mode) == 0o600
    fresh = tmp_path / "fresh.zip"
    call_command("backup", str(fresh), stdout=StringIO())
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o600


def test_times_come_back_to_the_microsecond_and_reminders_come_back(tmp_path, media_root, plan, head_user):
    from events.models import Event, Reminder
    from members.models import LoginAttempt

    event = Event.objects.first()
    exact = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.UTC)
    Event.history.filter(id=event.pk).update(history_date=exact)
    Reminder.objects.create(event=event, person=head_user.account.person, kind=Reminder.Kind.COMING)
    LoginAttempt.objects.create(username="head", ip="10.0.0.1")
    archive = tmp_path / "copy.zip"
    call_command("backup", str(archive), stdout=StringIO())
    call_command("flush", "--noinput", verbosity=0)
    call_command("restore", str(archive), stdout=StringIO())
    assert list(Event.history.filter(id=event.pk).values_list("history_date", flat=True)) == [exact]
    assert (
        Reminder.objects.filter(event=event, kind=Reminder.Kind.COMING).count() == 1
    )  # a restored site does not write again
    assert not LoginAttempt.objects.exists()  # left out on purpose: the throttle's short-lived state
